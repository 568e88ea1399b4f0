//! The resolved model as Rust tokens: annotated structs and enums, exactly what a person would
//! write by hand, with the derives doing the rest.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::csdl::Notes;
use crate::model::{Enum, Field, Item, Model, Poly, Primitive, RustName, Struct, Ty};
use crate::{Mode, Options};

/// Everything, as one file.
pub fn emit(model: &Model, options: &Options) -> TokenStream {
    let ctx = Ctx {
        facade: syn::parse_str::<syn::Path>(&options.crate_path)
            .map_or_else(|_| quote!(::odata_resource), |p| quote!(#p)),
        crate_attr: (options.crate_path != "::odata_resource").then(|| options.crate_path.clone()),
        mode: options.mode,
    };
    // modules nest: build a tree of module path → items
    let mut tree = Tree::default();
    for (module, items) in &model.modules {
        let mut node = &mut tree;
        for segment in module {
            node = node.children.entry(segment.clone()).or_default();
        }
        node.items
            .extend(items.iter().map(|item| ctx.item(module, item)));
    }
    let mut tokens = tree.tokens();
    if options.instantiate {
        tokens.extend(ctx.instantiate_all(model));
    }
    tokens
}

#[derive(Default)]
struct Tree {
    items: Vec<TokenStream>,
    children: std::collections::BTreeMap<String, Tree>,
}

impl Tree {
    fn tokens(&self) -> TokenStream {
        let items = &self.items;
        let children = self.children.iter().map(|(name, tree)| {
            let ident = ident(name);
            let inner = tree.tokens();
            let doc = format!(" The `{name}` namespace segment.");
            quote! {
                #[doc = #doc]
                pub mod #ident {
                    #inner
                }
            }
        });
        quote! {
            #(#items)*
            #(#children)*
        }
    }
}

struct Ctx {
    facade: TokenStream,
    crate_attr: Option<String>,
    mode: Mode,
}

fn ident(text: &str) -> Ident {
    match text.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(text, Span::call_site()),
    }
}

/// The path from module `from` to the item `to`: `super::super::x::Name`.
fn relative(from: &[String], to: &RustName) -> TokenStream {
    let common = from
        .iter()
        .zip(&to.module)
        .take_while(|(a, b)| a == b)
        .count();
    let supers = (common..from.len()).map(|_| quote!(super::));
    let downs = to.module[common..].iter().map(|m| {
        let m = ident(m);
        quote!(#m::)
    });
    let name = ident(&to.ident);
    quote!(#(#supers)* #(#downs)* #name)
}

/// Doc attributes from a description: each source line its own paragraph, text that rustdoc
/// would read as markup (links, HTML, code blocks) escaped, bare URLs made links.
pub fn doc_lines(notes: &Notes, fallback: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for text in [&notes.description, &notes.long_description]
        .into_iter()
        .flatten()
    {
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if !lines.is_empty() {
                lines.push(String::new());
            }
            lines.push(format!(" {}", escape_doc(line)));
        }
    }
    if !lines.is_empty() {
        lines.push(String::new());
    }
    lines.push(format!(" {fallback}"));
    lines
}

fn escape_doc(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut rest = line;
    while !rest.is_empty() {
        if let Some(url) = ["https://", "http://"]
            .iter()
            .find(|p| rest.starts_with(*p))
            .map(|_| {
                let end = rest
                    .find(|c: char| {
                        c.is_whitespace()
                            || matches!(c, '<' | '>' | '"' | '`' | '[' | ']' | '(' | ')')
                    })
                    .unwrap_or(rest.len());
                &rest[..end]
            })
        {
            let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'']);
            out.push('<');
            out.push_str(trimmed);
            out.push('>');
            rest = &rest[trimmed.len()..];
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '[' | ']' | '*' | '_' | '`' | '#' | '\\' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            '\t' => out.push(' '),
            _ => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    // a leading list marker or number would make the line a list item: keep it literal
    if out.starts_with(['-', '+']) || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '\\');
    }
    out
}

fn docs(lines: &[String]) -> TokenStream {
    quote!(#(#[doc = #lines])*)
}

impl Ctx {
    /// `__instantiate_all`: every struct read from the same bytes and written back.
    fn instantiate_all(&self, model: &Model) -> TokenStream {
        let f = &self.facade;
        let calls = model
            .modules
            .values()
            .flatten()
            .filter_map(|item| match item {
                Item::Struct(s) => {
                    let path = relative(&[], &s.name);
                    Some(quote!(__n += __touch::<#path>(__json);))
                }
                _ => None,
            });
        let touch = match self.mode {
            Mode::OData => quote! {
                fn __touch<T>(json: &[::core::primitive::u8]) -> ::core::primitive::usize
                where
                    T: #f::serde::de::DeserializeOwned + #f::serde::Serialize,
                {
                    match #f::from_slice::<T>(json) {
                        ::core::result::Result::Ok(value) => #f::to_vec(&value).map_or(0, |v| v.len()),
                        ::core::result::Result::Err(_) => 0,
                    }
                }
            },
            Mode::Serde => quote! {
                fn __touch<T>(json: &[::core::primitive::u8]) -> ::core::primitive::usize
                where
                    T: ::serde::de::DeserializeOwned + ::serde::Serialize,
                {
                    match ::serde_json::from_slice::<T>(json) {
                        ::core::result::Result::Ok(value) => ::serde_json::to_vec(&value).map_or(0, |v| v.len()),
                        ::core::result::Result::Err(_) => 0,
                    }
                }
            },
            // nothing to read or write: each type's `Debug` instead
            Mode::Plain => quote! {
                fn __touch<T>(_: &[::core::primitive::u8]) -> ::core::primitive::usize
                where
                    T: ::core::default::Default + ::core::fmt::Debug,
                {
                    ::std::format!("{:?}", T::default()).len()
                }
            },
        };
        quote! {
            /// Reads every struct of the model from `json` and writes it back (a benchmark's
            /// instantiated build); the total length written.
            #[doc(hidden)]
            pub fn __instantiate_all(__json: &[::core::primitive::u8]) -> ::core::primitive::usize {
                #touch
                let mut __n = 0;
                #(#calls)*
                __n
            }
        }
    }

    fn item(&self, module: &[String], item: &Item) -> TokenStream {
        match item {
            Item::Enum(e) => self.enumeration(e),
            Item::Struct(s) => self.structure(module, s),
            Item::Poly(p) => self.poly(module, p),
        }
    }

    /// `tokens` in serde mode, nothing in plain mode (which otherwise emits the same types).
    fn serde(&self, tokens: TokenStream) -> TokenStream {
        match self.mode {
            Mode::Serde => tokens,
            Mode::OData | Mode::Plain => TokenStream::new(),
        }
    }

    fn crate_attr(&self) -> TokenStream {
        match &self.crate_attr {
            Some(path) if self.mode == Mode::OData => quote!(#[odata(crate = #path)]),
            _ => TokenStream::new(),
        }
    }

    fn enumeration(&self, e: &Enum) -> TokenStream {
        let f = &self.facade;
        let name = ident(&e.name.ident);
        let kind = if e.flags {
            "flags enum type"
        } else {
            "enum type"
        };
        let doc = docs(&doc_lines(
            &e.notes,
            &format!("`{}` ({kind}).", e.qualified),
        ));
        let other = ident(&e.other);
        match self.mode {
            Mode::OData => {
                let crate_attr = self.crate_attr();
                let members = e.members.iter().map(|(variant, wire, rename, notes)| {
                    let variant = ident(variant);
                    let doc = docs(&doc_lines(notes, &format!("`{wire}`")));
                    let rename = rename.then(|| quote!(#[odata(rename = #wire)]));
                    quote!(#doc #rename #variant,)
                });
                let other_doc = " A member this model does not declare, kept as received.";
                quote! {
                    #doc
                    #[derive(#f::ODataEnum, ::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash)]
                    #crate_attr
                    pub enum #name {
                        #(#members)*
                        #[doc = #other_doc]
                        #[odata(other)]
                        #other(::std::string::String),
                    }
                }
            }
            Mode::Serde | Mode::Plain => {
                let members = e.members.iter().map(|(variant, wire, _, _)| {
                    let variant = ident(variant);
                    let rename = self.serde(quote!(#[serde(rename = #wire)]));
                    quote!(#rename #variant,)
                });
                let derive = self.serde(quote!(::serde::Serialize, ::serde::Deserialize,));
                let other_attr = self.serde(quote!(#[serde(other)]));
                quote! {
                    #doc
                    #[derive(#derive ::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash)]
                    pub enum #name {
                        #(#members)*
                        #other_attr
                        #other,
                    }
                }
            }
        }
    }

    fn value_type(&self, module: &[String], field: &Field) -> TokenStream {
        let f = &self.facade;
        let inner = match &field.ty {
            Ty::Edm(p) => match p {
                Primitive::String => quote!(::std::string::String),
                Primitive::Bool => quote!(::core::primitive::bool),
                Primitive::U8 => quote!(::core::primitive::u8),
                Primitive::I8 => quote!(::core::primitive::i8),
                Primitive::I16 => quote!(::core::primitive::i16),
                Primitive::I32 => quote!(::core::primitive::i32),
                Primitive::Facade(name) => {
                    let name = format_ident!("{}", name);
                    quote!(#f::#name)
                }
            },
            Ty::Enum { name, flags } => {
                let path = relative(module, name);
                if *flags && self.mode == Mode::OData {
                    quote!(#f::Flags<#path>)
                } else if *flags {
                    // serde mode: flags as their text
                    quote!(::std::string::String)
                } else {
                    path
                }
            }
            Ty::Structured(name) | Ty::Polymorphic(name) => relative(module, name),
        };
        if field.collection {
            quote!(::core::option::Option<::std::vec::Vec<#inner>>)
        } else if field.boxed {
            quote!(::core::option::Option<::std::boxed::Box<#inner>>)
        } else {
            quote!(::core::option::Option<#inner>)
        }
    }

    fn structure(&self, module: &[String], s: &Struct) -> TokenStream {
        let f = &self.facade;
        let name = ident(&s.name.ident);
        let type_name = &s.qualified;
        let mut what = if s.entity {
            String::from("entity type")
        } else {
            String::from("complex type")
        };
        if s.is_abstract {
            what.insert_str(0, "abstract ");
        }
        if s.open {
            what.insert_str(0, "open ");
        }
        if let Some(base) = &s.base {
            what.push_str(&format!(", derived from `{base}`"));
        }
        let doc = docs(&doc_lines(&s.notes, &format!("`{type_name}` ({what}).")));
        let annotations = ident(&s.annotations_field);
        let additional = ident(&s.additional_field);
        let fields = s.fields.iter().map(|field| {
            let member = ident(&field.ident);
            let ty = self.value_type(module, field);
            let doc = docs(&doc_lines(
                &field.notes,
                &format!("`{}`: `{}`.", field.wire, field.csdl_type),
            ));
            let wire = &field.wire;
            match self.mode {
                Mode::OData => {
                    let mut attrs = Vec::new();
                    if field.rename {
                        attrs.push(quote!(rename = #wire));
                    }
                    if field.navigation {
                        attrs.push(quote!(navigation));
                    } else if field.read_only {
                        attrs.push(quote!(read_only));
                    }
                    if field.non_nullable {
                        attrs.push(quote!(non_nullable));
                    }
                    let attrs = (!attrs.is_empty()).then(|| quote!(#[odata(#(#attrs),*)]));
                    quote!(#doc #attrs pub #member: #ty,)
                }
                Mode::Serde | Mode::Plain => {
                    let attr = self.serde(quote! {
                        #[serde(rename = #wire, default, skip_serializing_if = "::core::option::Option::is_none")]
                    });
                    quote!(#doc #attr pub #member: #ty,)
                }
            }
        });
        let annotations_doc =
            " `@odata.etag`, `@odata.type` and the other control information received.";
        let additional_doc = " Properties this model does not declare, kept as received.";
        match self.mode {
            Mode::OData => {
                let derive = if s.entity {
                    quote!(#f::Resource)
                } else {
                    quote!(#f::ComplexType)
                };
                let crate_attr = self.crate_attr();
                let paths = s.paths.iter().map(|(name, template)| {
                    let name = ident(name);
                    quote!(#[odata(path(#name = #template))])
                });
                let collections = s.collections.iter().map(|(name, template)| {
                    let name = ident(name);
                    quote!(#[odata(collection(#name = #template))])
                });
                quote! {
                    #doc
                    #[derive(#derive, ::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::core::default::Default)]
                    #[odata(type = #type_name)]
                    #crate_attr
                    #(#paths)*
                    #(#collections)*
                    pub struct #name {
                        #(#fields)*
                        #[doc = #annotations_doc]
                        #[odata(annotations)]
                        pub #annotations: #f::Annotations,
                        #[doc = #additional_doc]
                        #[odata(additional)]
                        pub #additional: #f::Map<::std::string::String, #f::Value>,
                    }
                }
            }
            Mode::Serde | Mode::Plain => {
                let derive = self.serde(quote!(::serde::Serialize, ::serde::Deserialize,));
                let flatten = self.serde(quote!(#[serde(flatten)]));
                quote! {
                    #doc
                    #[derive(#derive ::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::core::default::Default)]
                    pub struct #name {
                        #(#fields)*
                        #[doc = #additional_doc]
                        #flatten
                        pub #additional: #f::Map<::std::string::String, #f::Value>,
                    }
                }
            }
        }
    }

    fn poly(&self, module: &[String], p: &Poly) -> TokenStream {
        let f = &self.facade;
        let name = ident(&p.name.ident);
        let mut doc = format!(
            " A value of a property typed `{}`: the base type or one of its derived types, chosen by `@odata.type`.",
            p.base_qualified
        );
        if p.left_out > 0 {
            doc.push_str(&format!(
                " The {} derived types of this base are more than the generator's variant limit: a value of one of them is kept whole in the unknown variant, and `UnknownType::read_as` reads it as the type you name.",
                p.left_out
            ));
        }
        let unknown = ident(&p.unknown);
        let variants = p
            .variants
            .iter()
            .enumerate()
            .map(|(i, (variant, ty, qualified))| {
                let variant = ident(variant);
                let path = relative(module, ty);
                let doc = format!(" `{}`.", ty.ident);
                match self.mode {
                    Mode::OData => {
                        let base = (i == 0).then(|| quote!(#[odata(base)]));
                        quote!(#[doc = #doc] #base #variant(::std::boxed::Box<#path>),)
                    }
                    Mode::Serde | Mode::Plain => {
                        let tag = format!("#{qualified}");
                        let rename = self.serde(quote!(#[serde(rename = #tag)]));
                        quote!(#[doc = #doc] #rename #variant(::std::boxed::Box<#path>),)
                    }
                }
            });
        match self.mode {
            Mode::OData => {
                let crate_attr = self.crate_attr();
                let unknown_doc =
                    " A value of a type this model does not declare (or leaves out), kept whole.";
                quote! {
                    #[doc = #doc]
                    #[derive(#f::Polymorphic, ::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq)]
                    #crate_attr
                    pub enum #name {
                        #(#variants)*
                        #[doc = #unknown_doc]
                        #[odata(unknown)]
                        #unknown(#f::UnknownType),
                    }
                }
            }
            Mode::Serde | Mode::Plain => {
                let derive = self.serde(quote!(::serde::Serialize, ::serde::Deserialize,));
                let tag = self.serde(quote!(#[serde(tag = "@odata.type")]));
                // serde's own way to read a value without the tag (of the declared type, OData
                // JSON §4.5.3, as Graph sends an identity in a message's `from`) or with a tag
                // no variant has: an untagged variant of the base, tried last
                let untagged = self.serde(quote!(#[serde(untagged)]));
                let untagged_doc = " A value without `@odata.type` (of the declared type), or of a type this model does not declare: read as the base type.";
                let base = p.variants.first().map(|(_, ty, _)| {
                    let path = relative(module, ty);
                    quote!(#[doc = #untagged_doc] #untagged #unknown(::std::boxed::Box<#path>),)
                });
                quote! {
                    #[doc = #doc]
                    #[derive(#derive ::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq)]
                    #tag
                    pub enum #name {
                        #(#variants)*
                        #base
                    }
                }
            }
        }
    }
}
