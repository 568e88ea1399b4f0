//! What a Resource gets for reading it: a `get…` constructor per path (next to `patch…`), a
//! `list…` constructor per collection path, one constant per property for `$select` /
//! `$expand` (`TeamsAsyncOperation::ATTEMPTS_COUNT`), and its annotations through `ODataType`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::builder::path_call;
use super::private;
use crate::ast::{Container, Role};
use crate::attr::PathAttr;

/// `impl Resource { get…, list…, PROPERTY consts }`.
pub fn expand(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let gets = cont.paths.iter().map(|path| get(cont, path));
    let lists = cont.collections.iter().map(|path| list(cont, path));
    let consts = cont.properties().map(|field| {
        let p = private(cont);
        let name = format_ident!("{}", screaming(&field.ident.to_string()));
        let wire = &field.wire;
        let (kind, doc) = if field.navigation {
            (
                quote!(Navigation),
                format!("`{wire}`, a navigation property, for `expand`."),
            )
        } else {
            (quote!(Field), format!("`{wire}`, for `select`."))
        };
        quote! {
            #[doc = #doc]
            pub const #name: #p::#kind<Self> = #p::#kind::new(#wire);
        }
    });
    quote! {
        #[automatically_derived]
        // One argument per placeholder of the path template, in template order (the
        // constructors' contract): a deep Graph path has more than clippy's seven.
        #[allow(clippy::too_many_arguments)]
        impl #ident {
            #(#gets)*
            #(#lists)*
            #(#consts)*
        }
    }
}

/// `get_<name>(…)` → `Get<Self>`.
fn get(cont: &Container, path: &PathAttr) -> TokenStream {
    let p = private(cont);
    let name = constructor_name("get", path);
    let doc = format!("Starts a GET of `{}`.", path.lit.value());
    let (args, request_path) = path_call(cont, path, 0);
    quote! {
        #[doc = #doc]
        #[inline]
        pub fn #name(#args) -> #p::Get<Self> {
            #p::Get::new(#request_path)
        }
    }
}

/// `list_<name>(…)` → `List<Self>`.
fn list(cont: &Container, path: &PathAttr) -> TokenStream {
    let p = private(cont);
    let name = constructor_name("list", path);
    let doc = format!(
        "Starts a GET of the collection `{}`, page by page.",
        path.lit.value()
    );
    let (args, request_path) = path_call(cont, path, 0);
    quote! {
        #[doc = #doc]
        #[inline]
        pub fn #name(#args) -> #p::List<Self> {
            #p::List::new(#request_path)
        }
    }
}

/// `get` / `get_team` for an unnamed / named path.
fn constructor_name(verb: &str, path: &PathAttr) -> syn::Ident {
    match &path.name {
        Some(name) => format_ident!("{}_{}", verb, name),
        None => format_ident!("{}", verb),
    }
}

/// `attempts_count` → `ATTEMPTS_COUNT`; a raw identifier loses its `r#`.
fn screaming(field: &str) -> String {
    field.trim_start_matches("r#").to_ascii_uppercase()
}

/// `ODataType::annotations` / `annotations_mut` for a type with an annotations field.
pub fn annotations_methods(cont: &Container) -> TokenStream {
    let Some(field) = cont.field_with(Role::Annotations) else {
        return TokenStream::new();
    };
    let p = private(cont);
    let member = field.ident;
    quote! {
        #[inline]
        fn annotations(&self) -> ::core::option::Option<&#p::Annotations> {
            ::core::option::Option::Some(&self.#member)
        }
        #[inline]
        fn annotations_mut(&mut self) -> ::core::option::Option<&mut #p::Annotations> {
            ::core::option::Option::Some(&mut self.#member)
        }
    }
}
