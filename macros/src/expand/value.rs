//! `impl ODataValue` for ComplexType (and Resource): how a structured value is written into a
//! PATCH body (`@odata.type` first, writable properties that are set, undeclared properties;
//! never annotations), and the changes between two values for `diff`.

use proc_macro2::TokenStream;
use quote::quote;

use super::private;
use super::{key_bytes, type_member};
use crate::ast::{Container, Field, Kind, Role};

pub fn expand(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let p = private(cont);
    let type_member = type_member(cont);
    let writable: Vec<_> = cont.properties().filter(|f| f.writable).collect();
    let writes = writable.iter().map(|field| write(&p, field));
    let changes = writable.iter().map(|field| change(&p, field));
    let additional = cont.field_with(Role::Additional).map(|field| {
        let member = field.ident;
        quote!(#p::object_additional(__out, &self.#member);)
    });
    let members = writable.iter().map(|field| field.ident);
    let types: Vec<_> = writable.iter().map(|field| field.ty).collect();
    // A Resource is written as a value only inside a Polymorphic enum: its bounds are
    // higher-ranked so that they are checked where that happens, and a property type without
    // `ODataValue` is reported once, by the builder, not twice. The bound is on the type the
    // body's helpers take (`T` of an `Option<T>`), which gives the `Option`'s too; once per
    // distinct type.
    let helper_types = super::distinct(
        writable
            .iter()
            .map(|field| field.option_inner.unwrap_or(field.ty)),
    );
    let bounds = (cont.kind == Kind::Resource)
        .then(|| quote!(where #(for<'__v> #helper_types: #p::ODataValue,)*));
    quote! {
        #[automatically_derived]
        impl #p::ODataValue for #ident #bounds {
            #[inline]
            fn write_json(&self, __out: &mut ::std::vec::Vec<::core::primitive::u8>) {
                #p::begin_object(__out, #type_member);
                #(#writes)*
                #additional
                #p::end_object(__out);
            }
            #[inline]
            fn needs_unknown_enum_members(&self) -> ::core::primitive::bool {
                false #(|| <#types as #p::ODataValue>::needs_unknown_enum_members(&self.#members))*
            }
            // `#[inline]` like every generated function: a crate of hundreds of types generates
            // code only for what its callers use
            #[inline]
            fn write_changes(
                &self,
                __old: &Self,
                __out: &mut ::std::vec::Vec<::core::primitive::u8>,
            ) -> ::core::primitive::bool {
                let __at = #p::begin_changes(__out, #type_member);
                #(#changes)*
                #p::end_changes(__out, __at)
            }
        }
    }
}

/// One property of the whole value: an `Option` that is `None` is left out (a PATCH leaves it
/// unchanged), never written as `null`.
fn write(p: &TokenStream, field: &Field) -> TokenStream {
    let key = key_bytes(&field.wire);
    let member = field.ident;
    match field.option_inner {
        Some(inner) => quote!(#p::object_optional::<#inner>(__out, #key, &self.#member);),
        None => {
            let ty = field.ty;
            quote!(#p::object_property::<#ty>(__out, #key, &self.#member);)
        }
    }
}

/// One property's change from `__old` to `self`.
fn change(p: &TokenStream, field: &Field) -> TokenStream {
    let key = key_bytes(&field.wire);
    let member = field.ident;
    match field.option_inner {
        Some(inner) => {
            let nullable = !field.non_nullable;
            quote!(#p::change_optional::<#inner>(__out, #key, &__old.#member, &self.#member, #nullable);)
        }
        None => {
            let ty = field.ty;
            quote!(#p::change_required::<#ty>(__out, #key, &__old.#member, &self.#member);)
        }
    }
}
