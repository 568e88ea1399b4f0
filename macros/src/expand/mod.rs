//! Generating code from the checked IR. Everything goes through `<crate>::__private`, with
//! absolute paths, inside one `const _: () = { … };` (the builder struct, which users name, sits
//! beside it).

mod builder;
mod de;
mod enumeration;
mod fallback;
mod polymorphic;
mod reading;
mod ser;
mod value;

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::ast::{Container, Data, Kind};
use crate::check;
use crate::ctxt::Ctxt;

/// Expands one derive: the generated code, or on errors the errors plus stubs that keep the rest
/// of the user's crate free of follow-on errors.
pub fn derive(input: &DeriveInput, kind: Kind) -> TokenStream {
    let cx = Ctxt::new();
    let mut cont = Container::from_ast(&cx, input, kind);
    check::check(&cx, &mut cont);
    let errors = cx.check();
    let expanded = match (&cont.data, &errors) {
        (Data::Unfit, _) => fallback::for_shape(input, &cont),
        (_, Ok(())) => full(&cont),
        (_, Err(_)) => fallback::for_container(&cont),
    };
    let errors = errors.err().map(|e| e.to_compile_error());
    let output = quote!(#expanded #errors);
    debug_print(&input.ident, &output);
    output
}

/// `ODATA_RESOURCE_DEBUG=1 cargo build` prints every expansion on stderr;
/// `ODATA_RESOURCE_DEBUG=TeamsAsyncOperation` only that type's.
fn debug_print(ident: &syn::Ident, output: &TokenStream) {
    let Some(filter) = std::env::var_os("ODATA_RESOURCE_DEBUG") else {
        return;
    };
    if filter == "1" || filter.is_empty() || *ident == filter.to_string_lossy().as_ref() {
        eprintln!("// #[derive] on {ident}\n{output}");
    }
}

fn full(cont: &Container) -> TokenStream {
    match cont.kind {
        Kind::Enum => wrap(TokenStream::new(), &enumeration::expand(cont)),
        Kind::Polymorphic => wrap(TokenStream::new(), &polymorphic::expand(cont)),
        Kind::ComplexType => {
            let impls = [
                type_impl(cont, &type_items(cont)),
                ser::expand(cont),
                de::expand(cont),
                value::expand(cont),
                builder::nested_impls(cont),
            ];
            wrap(builder::nested_declaration(cont), &quote!(#(#impls)*))
        }
        Kind::Resource if cont.paths.is_empty() => {
            let impls = [
                type_impl(cont, &type_items(cont)),
                ser::expand(cont),
                de::expand(cont),
                value::expand(cont),
                builder::no_path(cont),
                reading::expand(cont),
            ];
            wrap(TokenStream::new(), &quote!(#(#impls)*))
        }
        Kind::Resource => {
            let impls = [
                type_impl(cont, &type_items(cont)),
                ser::expand(cont),
                de::expand(cont),
                value::expand(cont),
                builder::impls(cont),
                builder::diff_impl(cont),
                reading::expand(cont),
            ];
            wrap(builder::declaration(cont), &quote!(#(#impls)*))
        }
    }
}

/// What the derived `ODataType` impl holds: `serialize_typed`, the annotations accessors and
/// `read_object`.
fn type_items(cont: &Container) -> TokenStream {
    let typed = ser::typed_method(cont);
    let annotations = reading::annotations_methods(cont);
    let read = de::read_object_method(cont);
    quote!(#typed #annotations #read)
}

/// `<crate>::__private`: the one path by which generated code reaches the runtime.
fn private(cont: &Container) -> TokenStream {
    let krate = cont.krate();
    quote!(#krate::__private)
}

/// `outside` stays at item level (it must be nameable); `impls` go in an anonymous const. No
/// lint is allowed wholesale: the user's lint levels reach generated code, and the few lints
/// an item cannot avoid are allowed on that item, with the reason (`tests/lints.rs`).
fn wrap(outside: TokenStream, impls: &TokenStream) -> TokenStream {
    quote! {
        #outside
        #[doc(hidden)]
        const _: () = {
            #impls
        };
    }
}

/// `impl ODataType`, with `items` (the derived `serialize_typed`) in it.
fn type_impl(cont: &Container, items: &TokenStream) -> TokenStream {
    let ident = cont.ident;
    let p = private(cont);
    let name = cont
        .type_name
        .as_ref()
        .map(syn::LitStr::value)
        .unwrap_or_default();
    quote! {
        #[automatically_derived]
        impl #p::ODataType for #ident {
            const TYPE_NAME: &'static str = #name;
            #items
        }
    }
}

/// `"@odata.type":"#ns.Name"` as JSON bytes, or nothing for `no_type_annotation`.
fn type_member(cont: &Container) -> syn::LitByteStr {
    let text = match (&cont.type_name, cont.no_type_annotation) {
        (Some(name), false) => format!("\"@odata.type\":\"#{}\"", name.value()),
        _ => String::new(),
    };
    syn::LitByteStr::new(text.as_bytes(), proc_macro2::Span::call_site())
}

/// `,"name":` as JSON bytes (the writer drops the comma before an object's first member); wire
/// names never need escaping (`check::wire_names::plain`).
fn key_bytes(wire: &str) -> syn::LitByteStr {
    syn::LitByteStr::new(
        format!(",\"{wire}\":").as_bytes(),
        proc_macro2::Span::call_site(),
    )
}

/// `types` without repeats (compared as written: the same tokens in one item name the same
/// type), in first-seen order.
fn distinct<'t>(types: impl Iterator<Item = &'t syn::Type>) -> impl Iterator<Item = &'t syn::Type> {
    let mut seen = std::collections::HashSet::new();
    types.filter(move |ty| seen.insert(quote!(#ty).to_string()))
}

/// `tokens` with every span set to `span`: a path to the runtime (`::odata_resource::…`, spanned
/// on the derive) named in a bound that rustc should show at the user's field type alone.
fn respan(tokens: TokenStream, span: proc_macro2::Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            if let proc_macro2::TokenTree::Group(group) = &token {
                let mut inner =
                    proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                token = proc_macro2::TokenTree::Group(inner);
            } else {
                token.set_span(span);
            }
            token
        })
        .collect()
}
