//! Parsing `#[odata(...)]` at the container, field and variant levels. Each key is one branch;
//! every problem is recorded in the [`Ctxt`] and parsing goes on, so one compile shows them all.
//! Only what cannot be read is rejected here (a missing value, a number where a string goes, an
//! unknown key); whether a value that was read is a good one is decided in `check`.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::{Ident, LitStr, Token};

use crate::case::distance;
use crate::ctxt::Ctxt;
use crate::symbol::*;
use crate::template::{self, Template};

/// A single-valued attribute: set once; a second occurrence is an error at it, pointing back.
pub struct Attr<T> {
    name: &'static str,
    first: Option<(TokenStream, T)>,
}

impl<T> Attr<T> {
    fn none(name: &'static str) -> Self {
        Attr { name, first: None }
    }

    fn set<S: ToTokens>(&mut self, cx: &Ctxt, spanned: S, value: T) {
        let tokens = spanned.into_token_stream();
        if let Some((first, _)) = &self.first {
            cx.error_repeated(
                &tokens,
                format!("duplicate odata attribute `{}`: remove one", self.name),
                first,
                format!("`{}` first given here", self.name),
            );
        } else {
            self.first = Some((tokens, value));
        }
    }

    pub fn get(self) -> Option<T> {
        self.first.map(|(_, v)| v)
    }

    pub fn is_set(&self) -> bool {
        self.first.is_some()
    }

    /// The key's tokens where it was first given, to point later errors at it.
    pub fn key(self) -> Option<TokenStream> {
        self.first.map(|(tokens, _)| tokens)
    }
}

/// One `path` of a Resource.
pub struct PathAttr {
    /// `path(team = …)` → `team`; `path = …` → none.
    pub name: Option<Ident>,
    pub lit: LitStr,
    pub template: Template,
}

/// `crate = "…"`: the path, and the string it was read from (where errors about it point).
pub struct CratePath {
    pub lit: LitStr,
    pub path: syn::Path,
}

/// Container attributes of a Resource or ComplexType.
pub struct Container {
    pub type_name: Option<LitStr>,
    /// Whether a `type` key was written at all (a bad one is reported where it is, and not
    /// again as missing).
    pub type_seen: bool,
    pub paths: Vec<PathAttr>,
    /// `collection(name = …)`: paths of collections of the resource (list constructors).
    pub collections: Vec<PathAttr>,
    pub krate: Option<CratePath>,
    pub no_type_annotation: bool,
}

/// Field attributes. A flag holds its key's tokens when given, so errors can point at it.
pub struct Field {
    pub rename: Option<LitStr>,
    pub read_only: Option<TokenStream>,
    pub non_nullable: Option<TokenStream>,
    pub additional: Option<TokenStream>,
    pub annotations: Option<TokenStream>,
    pub navigation: Option<TokenStream>,
}

/// Variant attributes.
pub struct Variant {
    pub rename: Option<LitStr>,
    pub other: bool,
}

impl Container {
    /// `level` is `container` for structs and `enum` for ODataEnum (where only `crate` exists).
    pub fn from_attrs(cx: &Ctxt, attrs: &[syn::Attribute], keys: &'static [&'static str]) -> Self {
        let mut type_name = Attr::none(TYPE);
        let mut krate = Attr::none(CRATE);
        let mut no_type_annotation = Attr::none(NO_TYPE_ANNOTATION);
        let mut paths = Vec::new();
        let mut collections = Vec::new();
        let mut type_seen = false;
        let level = if keys == ENUM_KEYS {
            "enum"
        } else {
            "container"
        };
        each_meta(cx, attrs, |meta| {
            let key = key_of(meta);
            if !keys.contains(&key.as_str()) {
                return unknown(cx, meta, level, &key, keys);
            }
            if key == TYPE {
                // #[odata(type = "namespace.Name")]
                type_seen = true;
                if let Some(lit) = string_value(cx, meta, TYPE, "\"microsoft.graph.team\"")? {
                    type_name.set(cx, &meta.path, lit);
                }
            } else if key == PATH {
                // #[odata(path = "/teams/{id}")] or #[odata(path(name = "/teams/{id}"))]
                parse_path(cx, meta, &mut paths)?;
            } else if key == COLLECTION {
                // #[odata(collection = "/teams/{id}/operations")] or collection(name = …)
                parse_path(cx, meta, &mut collections)?;
            } else if key == CRATE {
                // #[odata(crate = "::my_sdk::odata")]
                if let Some(lit) = string_value(cx, meta, CRATE, "\"::odata_resource\"")? {
                    if let Some(path) = parse_crate_path(cx, lit) {
                        krate.set(cx, &meta.path, path);
                    }
                }
            } else if key == NO_TYPE_ANNOTATION {
                // #[odata(no_type_annotation)]
                flag(cx, meta, NO_TYPE_ANNOTATION)?;
                no_type_annotation.set(cx, &meta.path, ());
            }
            Ok(())
        });
        Container {
            type_name: type_name.get(),
            type_seen,
            paths,
            collections,
            krate: krate.get(),
            no_type_annotation: no_type_annotation.is_set(),
        }
    }
}

impl Field {
    pub fn from_attrs(cx: &Ctxt, attrs: &[syn::Attribute]) -> Self {
        let mut rename = Attr::none(RENAME);
        let mut read_only = Attr::none(READ_ONLY);
        let mut non_nullable = Attr::none(NON_NULLABLE);
        let mut additional = Attr::none(ADDITIONAL);
        let mut annotations = Attr::none(ANNOTATIONS);
        let mut navigation = Attr::none(NAVIGATION);
        each_meta(cx, attrs, |meta| {
            let key = key_of(meta);
            let slot = match key.as_str() {
                // #[odata(rename = "wireName")]
                RENAME => {
                    if let Some(lit) = string_value(cx, meta, RENAME, "\"wireName\"")? {
                        rename.set(cx, &meta.path, lit);
                    }
                    return Ok(());
                }
                // #[odata(read_only)]
                READ_ONLY => &mut read_only,
                // #[odata(non_nullable)]
                NON_NULLABLE => &mut non_nullable,
                // #[odata(additional)]
                ADDITIONAL => &mut additional,
                // #[odata(annotations)]
                ANNOTATIONS => &mut annotations,
                // #[odata(navigation)]
                NAVIGATION => &mut navigation,
                _ => return unknown(cx, meta, "field", &key, FIELD_KEYS),
            };
            let name = slot.name;
            flag(cx, meta, name)?;
            slot.set(cx, &meta.path, ());
            Ok(())
        });
        Field {
            rename: rename.get(),
            read_only: read_only.key(),
            non_nullable: non_nullable.key(),
            additional: additional.key(),
            annotations: annotations.key(),
            navigation: navigation.key(),
        }
    }
}

impl Variant {
    pub fn from_attrs(cx: &Ctxt, attrs: &[syn::Attribute]) -> Self {
        let mut rename = Attr::none(RENAME);
        let mut other = Attr::none(OTHER);
        each_meta(cx, attrs, |meta| {
            let key = key_of(meta);
            match key.as_str() {
                // #[odata(rename = "wireName")]
                RENAME => {
                    if let Some(lit) = string_value(cx, meta, RENAME, "\"wireName\"")? {
                        rename.set(cx, &meta.path, lit);
                    }
                }
                // #[odata(other)]
                OTHER => {
                    flag(cx, meta, OTHER)?;
                    other.set(cx, &meta.path, ());
                }
                _ => return unknown(cx, meta, "variant", &key, VARIANT_KEYS),
            }
            Ok(())
        });
        Variant {
            rename: rename.get(),
            other: other.is_set(),
        }
    }
}

/// Variant attributes of a `Polymorphic` enum.
pub struct PolymorphicVariant {
    pub base: Option<TokenStream>,
    pub unknown: Option<TokenStream>,
}

impl PolymorphicVariant {
    pub fn from_attrs(cx: &Ctxt, attrs: &[syn::Attribute]) -> Self {
        let mut base = Attr::none(BASE);
        let mut unknown_type = Attr::none(UNKNOWN);
        each_meta(cx, attrs, |meta| {
            let key = key_of(meta);
            let slot = match key.as_str() {
                // #[odata(base)]
                BASE => &mut base,
                // #[odata(unknown)]
                UNKNOWN => &mut unknown_type,
                _ => return unknown(cx, meta, "variant", &key, POLYMORPHIC_VARIANT_KEYS),
            };
            let name = slot.name;
            flag(cx, meta, name)?;
            slot.set(cx, &meta.path, meta.path.to_token_stream());
            Ok(())
        });
        PolymorphicVariant {
            base: base.get(),
            unknown: unknown_type.get(),
        }
    }
}

/// Runs `f` on every nested meta of every `#[odata(...)]`; a syntax error ends that attribute.
fn each_meta(
    cx: &Ctxt,
    attrs: &[syn::Attribute],
    mut f: impl FnMut(&ParseNestedMeta) -> syn::Result<()>,
) {
    for attr in attrs.iter().filter(|a| a.path().is_ident(ODATA)) {
        match &attr.meta {
            syn::Meta::List(list) if list.tokens.is_empty() => {
                cx.error_spanned_by(attr, "empty `#[odata()]`: remove it or add a key");
                continue;
            }
            syn::Meta::List(_) => {}
            syn::Meta::Path(path) => {
                cx.error_spanned_by(
                    path,
                    "`#[odata]` needs keys: write `#[odata(key)]` or `#[odata(key = \"value\")]`",
                );
                continue;
            }
            syn::Meta::NameValue(name_value) => {
                cx.error_spanned_by(
                    &name_value.value,
                    "`#[odata = …]` is not a form odata reads: write the key inside parentheses, e.g. `#[odata(rename = \"wireName\")]`",
                );
                continue;
            }
        }
        if let Err(error) = attr.parse_nested_meta(|meta| f(&meta)) {
            cx.syn_error(error);
        }
    }
}

fn key_of(meta: &ParseNestedMeta) -> String {
    meta.path.to_token_stream().to_string().replace(' ', "")
}

/// An unknown key: an error on it naming the level and the valid keys; its value is skipped.
fn unknown(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    level: &str,
    key: &str,
    keys: &[&str],
) -> syn::Result<()> {
    let list = keys
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let expected = if keys.len() == 1 {
        format!("the only one is {list}")
    } else {
        format!("expected one of {list}")
    };
    let mut message = format!("unknown odata {level} attribute `{key}`; {expected}");
    if let Some(close) = keys.iter().min_by_key(|k| distance(key, k)) {
        if distance(key, close) <= 2.max(key.len() / 3) {
            message.push_str(&format!(" (did you mean `{close}`?)"));
        }
    }
    cx.error_spanned_by(&meta.path, message);
    skip_value(meta.input)
}

/// Skips `= value` or `(...)` after a key.
fn skip_value(input: ParseStream) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<proc_macro2::TokenTree>()?;
    }
    Ok(())
}

/// A key that takes no value: `read_only = "yes"` is an error on the value.
fn flag(cx: &Ctxt, meta: &ParseNestedMeta, name: &str) -> syn::Result<()> {
    if meta.input.is_empty() || meta.input.peek(Token![,]) {
        return Ok(());
    }
    if !meta.input.peek(Token![=]) && !meta.input.peek(syn::token::Paren) {
        let next: proc_macro2::TokenTree = meta.input.fork().parse()?;
        cx.error_spanned_by(
            &next,
            format!("expected `,` between odata attributes: write `#[odata({name}, {next})]`"),
        );
        return skip_value(meta.input);
    }
    if meta.input.peek(Token![=]) {
        meta.input.parse::<Token![=]>()?;
    }
    let rest = meta.input.fork();
    skip_value(meta.input)?;
    let value: TokenStream = match rest.parse::<proc_macro2::TokenTree>() {
        Ok(tree) => tree.into_token_stream(),
        Err(_) => meta.path.to_token_stream(),
    };
    cx.error_spanned_by(
        value,
        format!("`{name}` takes no value: write `#[odata({name})]`"),
    );
    Ok(())
}

/// `key = "string"`; other shapes are recorded as errors and skipped.
fn string_value(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    name: &str,
    example: &str,
) -> syn::Result<Option<LitStr>> {
    if !meta.input.peek(Token![=]) {
        cx.error_spanned_by(
            &meta.path,
            format!("`{name}` needs a value: write `#[odata({name} = {example})]`"),
        );
        skip_value(meta.input)?;
        return Ok(None);
    }
    let input = meta.value()?;
    if input.peek(LitStr) {
        return input.parse().map(Some);
    }
    let value: proc_macro2::TokenTree = input.parse()?;
    cx.error_spanned_by(
        &value,
        format!("`{name}` takes a string literal: write `#[odata({name} = {example})]`"),
    );
    skip_value(input)?;
    Ok(None)
}

fn parse_path(cx: &Ctxt, meta: &ParseNestedMeta, paths: &mut Vec<PathAttr>) -> syn::Result<()> {
    if meta.input.peek(syn::token::Paren) {
        if let Some(lit) = quoted_path_name(meta.input) {
            cx.error_spanned_by(
                &lit,
                format!(
                    "a path's name is an identifier, not a string: write `path({} = \"/teams/{{id}}\")`",
                    lit.value()
                ),
            );
            return skip_value(meta.input);
        }
        return meta.parse_nested_meta(|named| {
            // path(team = "/teams/{teamsId}")
            let Some(name) = named.path.get_ident().cloned() else {
                cx.error_spanned_by(
                    &named.path,
                    "a path's name must be an identifier, e.g. `path(team = \"/teams/{id}\")`",
                );
                return skip_value(named.input);
            };
            if !named.input.peek(Token![=]) {
                cx.error_spanned_by(
                    &name,
                    format!(
                        "path `{name}` needs a template: write `path({name} = \"/teams/{{id}}\")`"
                    ),
                );
                return skip_value(named.input);
            }
            if let Some(lit) = string_value(cx, &named, "path(name)", "\"/teams/{id}\"")? {
                push_path(cx, paths, Some(name), lit);
            }
            Ok(())
        });
    }
    if let Some(lit) = string_value(cx, meta, PATH, "\"/teams/{id}\"")? {
        push_path(cx, paths, None, lit);
    }
    Ok(())
}

/// `path("team" = …)`: the string a user wrote where the name goes, if so.
fn quoted_path_name(input: ParseStream) -> Option<LitStr> {
    let fork = input.fork();
    let parse = |input: ParseStream| -> syn::Result<LitStr> {
        let content;
        syn::parenthesized!(content in input);
        content.parse()
    };
    parse(&fork).ok()
}

fn push_path(cx: &Ctxt, paths: &mut Vec<PathAttr>, name: Option<Ident>, lit: LitStr) {
    match template::parse(&lit.value()) {
        Ok(template) => paths.push(PathAttr {
            name,
            lit,
            template,
        }),
        Err(message) => cx.error_spanned_by(&lit, message),
    }
}

/// `crate = "::path"` read as a path; whether it is absolute is `check`'s rule.
fn parse_crate_path(cx: &Ctxt, lit: LitStr) -> Option<CratePath> {
    match lit.parse::<syn::Path>() {
        Ok(path) => Some(CratePath { lit, path }),
        Err(_) => {
            cx.error_spanned_by(
                &lit,
                "`crate` must be the path where this crate is reachable, such as \"::my_sdk::odata\"",
            );
            None
        }
    }
}
