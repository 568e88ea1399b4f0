//! `#[derive(Polymorphic)]`: an enum of derived types read by `@odata.type` (the runtime streams
//! the object to the chosen variant when the type comes first) and written as its variant.

use proc_macro2::TokenStream;
use quote::quote;

use super::private;
use crate::ast::{Container, Data, PolymorphicRole};

pub fn expand(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let p = private(cont);
    let Data::Polymorphic(variants) = &cont.data else {
        return TokenStream::new();
    };
    let name = ident.to_string();
    let base = variants.iter().find(|v| v.role == PolymorphicRole::Base);
    let unknown = variants.iter().find(|v| v.role == PolymorphicRole::Unknown);
    // `check` left only variants that hold one type
    let typed: Vec<_> = variants
        .iter()
        .filter(|v| v.role != PolymorphicRole::Unknown)
        .filter_map(|v| Some((v.ident, v.ty?)))
        .collect();
    // the type came first: the variant's type reads the rest of the members
    let map_arms = typed.iter().map(|(variant, ty)| {
        quote! {
            __name if #p::names_type(__name, <#ty as #p::ODataType>::TYPE_NAME) => {
                ::core::result::Result::Ok(#ident::#variant(<#ty as #p::ODataType>::read_object(__map, __type_member)?))
            }
        }
    });
    // a type nobody declares: the unknown variant, else the base (the received name stays in
    // the base's annotations)
    let map_fallback = match (unknown, base) {
        (Some(v), _) => {
            let variant = v.ident;
            quote! {
                _ => ::core::result::Result::Ok(#ident::#variant(#p::serde::Deserialize::deserialize(
                    #p::polymorphic_prefixed(__type_member, __map),
                )?)),
            }
        }
        (None, Some(v)) => {
            let variant = v.ident;
            let ty = v.ty;
            quote! {
                _ => ::core::result::Result::Ok(#ident::#variant(<#ty as #p::ODataType>::read_object(__map, __type_member)?)),
            }
        }
        (None, None) => TokenStream::new(),
    };
    // no type's member (our reader looked ahead): the base reads the members
    let untyped_arm = base.and_then(|v| {
        let variant = v.ident;
        let ty = v.ty?;
        Some(quote! {
            ::core::option::Option::None => ::core::result::Result::Ok(#ident::#variant(<#ty as #p::ODataType>::read_object(__map, __type_member)?)),
        })
    });
    // a buffered object (the type later or absent): every variant reads the same text
    let value_arms = typed.iter().map(|(variant, ty)| {
        quote! {
            ::core::option::Option::Some(__name)
                if #p::names_type(__name, <#ty as #p::ODataType>::TYPE_NAME) =>
            {
                ::core::result::Result::Ok(#ident::#variant(#p::from_text(__object)?))
            }
        }
    });
    let base_arm = base.map(|v| {
        let variant = v.ident;
        quote!(::core::option::Option::None => ::core::result::Result::Ok(#ident::#variant(#p::from_text(__object)?)),)
    });
    let value_fallback = unknown.or(base).map(|v| {
        let variant = v.ident;
        quote!(_ => ::core::result::Result::Ok(#ident::#variant(#p::from_text(__object)?)),)
    });
    let all: Vec<_> = variants.iter().map(|v| v.ident).collect();
    // a typed variant writes its type (the enum knows it); the unknown one, what it kept
    let writes = typed.iter().map(|(variant, ty)| {
        quote!(#ident::#variant(__value) => <#ty as #p::ODataType>::serialize_typed(__value, __serializer, true),)
    });
    let write_unknown = unknown.map(|v| {
        let variant = v.ident;
        quote!(#ident::#variant(__value) => #p::serde::Serialize::serialize(__value, __serializer),)
    });
    quote! {
        #[automatically_derived]
        impl #p::Polymorphic for #ident {
            const NAME: &'static str = #name;
            fn dispatch_map<'de, __A>(
                __type_name: ::core::option::Option<&::core::primitive::str>,
                __type_member: ::core::option::Option<(&::core::primitive::str, &::core::primitive::str)>,
                __map: __A,
            ) -> ::core::result::Result<Self, __A::Error>
            where
                __A: #p::serde::de::MapAccess<'de>,
            {
                match __type_name {
                    #untyped_arm
                    ::core::option::Option::Some(__type_name) => match __type_name {
                        #(#map_arms)*
                        #map_fallback
                    },
                }
            }
            fn dispatch_text<__E: #p::serde::de::Error>(
                __type_name: ::core::option::Option<&::core::primitive::str>,
                __object: &::core::primitive::str,
            ) -> ::core::result::Result<Self, __E> {
                match __type_name {
                    #base_arm
                    #(#value_arms)*
                    #value_fallback
                }
            }
        }

        #[automatically_derived]
        impl<'de> #p::serde::Deserialize<'de> for #ident {
            fn deserialize<__D>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: #p::serde::Deserializer<'de>,
            {
                #p::deserialize_polymorphic(__deserializer)
            }
        }

        #[automatically_derived]
        impl #p::serde::Serialize for #ident {
            fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: #p::serde::Serializer,
            {
                match self {
                    #(#writes)*
                    #write_unknown
                }
            }
        }

        #[automatically_derived]
        impl #p::ODataValue for #ident {
            #[inline]
            fn write_json(&self, __out: &mut ::std::vec::Vec<::core::primitive::u8>) {
                match self {
                    #(#ident::#all(__value) => #p::ODataValue::write_json(__value, __out),)*
                }
            }
            #[inline]
            fn needs_unknown_enum_members(&self) -> ::core::primitive::bool {
                match self {
                    #(#ident::#all(__value) => #p::ODataValue::needs_unknown_enum_members(__value),)*
                }
            }
        }
    }
}
