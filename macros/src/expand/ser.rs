//! `impl Serialize` for Resource and ComplexType: `@odata.type` first, kept annotations, every
//! property (`None` as `null`), kept undeclared properties.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::{Container, Role};

pub fn expand(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let p = private(cont);
    let declared = match (&cont.type_name, cont.no_type_annotation) {
        (Some(name), false) => {
            let hashed = format!("#{}", name.value());
            quote!(::core::option::Option::Some(#hashed))
        }
        _ => quote!(::core::option::Option::None),
    };
    let annotations = field_ref(cont, Role::Annotations);
    let additional = field_ref(cont, Role::Additional);
    let entries = cont.properties().map(|field| {
        let wire = &field.wire;
        let member = field.ident;
        let ty = field.ty;
        // The value's type is named and spans the call, so a type that is not `Serialize` is
        // reported at it.
        quote_spanned!(ty.span()=> __map.serialize_entry::<_, #ty>(#wire, &self.#member)?;)
    });
    quote! {
        #[automatically_derived]
        impl #p::serde::Serialize for #ident {
            fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: #p::serde::Serializer,
            {
                use #p::serde::ser::SerializeMap as _;
                let mut __map = #p::begin_serialize(__serializer, #declared, #annotations)?;
                #(#entries)*
                #p::end_serialize(__map, #additional)
            }
        }
    }
}

/// `Some(&self.field)` for the field with `role`, else `None`.
fn field_ref(cont: &Container, role: Role) -> TokenStream {
    match cont.field_with(role) {
        Some(field) => {
            let member = field.ident;
            quote!(::core::option::Option::Some(&self.#member))
        }
        None => quote!(::core::option::Option::None),
    }
}

/// `<crate>::__private`.
pub fn private(cont: &Container) -> TokenStream {
    let krate = &cont.krate;
    quote!(#krate::__private)
}
