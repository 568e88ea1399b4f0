//! `impl Serialize` for Resource and ComplexType: `@odata.type` first (see the runtime's
//! `begin_serialize`), kept annotations, every property that is not `None` (absent means
//! unknown, e.g. not selected, never `null`), kept undeclared properties.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::private;
use crate::ast::{Container, Role};

/// `impl Serialize`: the value as kept (see `typed_method`).
pub fn expand(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let p = private(cont);
    quote! {
        #[automatically_derived]
        impl #p::serde::Serialize for #ident {
            #[inline]
            fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: #p::serde::Serializer,
            {
                <Self as #p::ODataType>::serialize_typed(self, __serializer, false)
            }
        }
    }
}

/// `ODataType::serialize_typed`, the body of `Serialize`: `typed` asks for the declared
/// `@odata.type` even where the value alone could not vouch for it (a `Polymorphic` enum knows
/// its variant's type).
pub fn typed_method(cont: &Container) -> TokenStream {
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
        // The value's type is named and spans the call, so a type that is not `Serialize` is
        // reported at it.
        match field.option_inner {
            Some(inner) => quote_spanned! {inner.span()=>
                #p::entry_optional::<_, #inner>(&mut __map, #wire, &self.#member);
            },
            None => {
                let ty = field.ty;
                quote_spanned!(ty.span()=> #p::entry::<_, #ty>(&mut __map, #wire, &self.#member);)
            }
        }
    });
    quote! {
        fn serialize_typed<__S>(
            &self,
            __serializer: __S,
            __typed: ::core::primitive::bool,
        ) -> ::core::result::Result<__S::Ok, __S::Error>
        where
            __S: #p::serde::Serializer,
        {
            let mut __map = #p::begin_serialize(__serializer, #declared, #annotations, __typed);
            #(#entries)*
            #p::end_serialize(__map, #additional)
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
