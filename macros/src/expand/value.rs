//! `impl ODataValue` for ComplexType: how a complex value is written into a PATCH body
//! (`@odata.type` first, writable properties, undeclared properties; never annotations).

use proc_macro2::TokenStream;
use quote::quote;

use super::ser::private;
use super::{key_bytes, type_member};
use crate::ast::{Container, Role};

pub fn expand(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let krate = &cont.krate;
    let p = private(cont);
    let type_member = type_member(cont);
    let writable: Vec<_> = cont.properties().filter(|f| !f.read_only).collect();
    let writes = writable.iter().map(|field| {
        let key = key_bytes(&field.wire);
        let member = field.ident;
        quote!(#p::object_property(__out, #key, &self.#member);)
    });
    let additional = cont.field_with(Role::Additional).map(|field| {
        let member = field.ident;
        quote!(#p::object_additional(__out, &self.#member);)
    });
    let members = writable.iter().map(|field| field.ident);
    quote! {
        #[automatically_derived]
        impl #krate::ODataValue for #ident {
            fn write_json(&self, __out: &mut ::std::vec::Vec<::core::primitive::u8>) {
                #p::begin_object(__out, #type_member);
                #(#writes)*
                #additional
                #p::end_object(__out);
            }
            fn needs_unknown_enum_members(&self) -> ::core::primitive::bool {
                false #(|| #krate::ODataValue::needs_unknown_enum_members(&self.#members))*
            }
        }
    }
}
