//! `impl ODataValue` for ComplexType (and Resource): how a structured value is written into a
//! PATCH body (`@odata.type` first, writable properties, undeclared properties; never
//! annotations).

use proc_macro2::TokenStream;
use quote::quote;

use super::ser::private;
use super::{key_bytes, type_member};
use crate::ast::{Container, Kind, Role};

pub fn expand(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let krate = &cont.krate;
    let p = private(cont);
    let type_member = type_member(cont);
    let writable: Vec<_> = cont.properties().filter(|f| !f.read_only).collect();
    let writes = writable.iter().map(|field| {
        let key = key_bytes(&field.wire);
        let member = field.ident;
        let ty = field.ty;
        quote!(#p::object_property::<#ty>(__out, #key, &self.#member);)
    });
    let additional = cont.field_with(Role::Additional).map(|field| {
        let member = field.ident;
        quote!(#p::object_additional(__out, &self.#member);)
    });
    let members = writable.iter().map(|field| field.ident);
    let types: Vec<_> = writable.iter().map(|field| field.ty).collect();
    // A Resource is written as a value only inside a Polymorphic enum: its bounds are
    // higher-ranked so that they are checked where that happens, and a property type without
    // `ODataValue` is reported once, by the builder, not twice.
    let bounds = (cont.kind == Kind::Resource)
        .then(|| quote!(where #(for<'__v> #types: #krate::ODataValue,)*));
    quote! {
        #[automatically_derived]
        impl #krate::ODataValue for #ident #bounds {
            #[inline]
            fn write_json(&self, __out: &mut ::std::vec::Vec<::core::primitive::u8>) {
                #p::begin_object(__out, #type_member);
                #(#writes)*
                #additional
                #p::end_object(__out);
            }
            #[inline]
            fn needs_unknown_enum_members(&self) -> ::core::primitive::bool {
                false #(|| <#types as #krate::ODataValue>::needs_unknown_enum_members(&self.#members))*
            }
        }
    }
}
