//! What an item with errors still gets: the traits implemented with bodies that cannot run (the
//! crate does not compile anyway), and a Resource's builder, so that code using the type shows
//! no follow-on errors beside the real one.

use proc_macro2::TokenStream;
use quote::quote;

use super::{builder, type_impl, wrap};
use crate::ast::{Container, Kind};

/// Stubs for an item whose attributes have errors.
pub fn for_container(cont: &Container) -> TokenStream {
    let stubs = stubs(cont.ident, cont.kind, &cont.krate);
    match cont.kind {
        Kind::Resource if !cont.paths.is_empty() => {
            let impls = builder::impls(cont);
            wrap(builder::declaration(cont), &quote!(#stubs #impls))
        }
        Kind::Resource | Kind::ComplexType => {
            let odata_type = type_impl(cont);
            wrap(TokenStream::new(), &quote!(#stubs #odata_type))
        }
        Kind::Enum => wrap(TokenStream::new(), &stubs),
    }
}

/// Stubs for an item whose shape does not fit the derive (an enum for `Resource`, …).
pub fn for_shape(ident: &syn::Ident, kind: Kind, krate: &TokenStream) -> TokenStream {
    let stubs = stubs(ident, kind, krate);
    let odata_type = match kind {
        Kind::Enum => TokenStream::new(),
        Kind::Resource | Kind::ComplexType => quote! {
            impl #krate::ODataType for #ident {
                const TYPE_NAME: &'static str = "";
            }
        },
    };
    wrap(TokenStream::new(), &quote!(#stubs #odata_type))
}

fn stubs(ident: &syn::Ident, kind: Kind, krate: &TokenStream) -> TokenStream {
    let p = quote!(#krate::__private);
    let serde = quote! {
        impl #p::serde::Serialize for #ident {
            fn serialize<__S>(&self, _: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: #p::serde::Serializer,
            {
                ::core::unreachable!()
            }
        }
        impl<'de> #p::serde::Deserialize<'de> for #ident {
            fn deserialize<__D>(_: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: #p::serde::Deserializer<'de>,
            {
                ::core::unreachable!()
            }
        }
    };
    let value = quote! {
        impl #krate::ODataValue for #ident {
            fn write_json(&self, _: &mut ::std::vec::Vec<::core::primitive::u8>) {
                ::core::unreachable!()
            }
        }
    };
    match kind {
        Kind::Resource => serde,
        Kind::ComplexType => quote!(#serde #value),
        Kind::Enum => quote! {
            #serde
            #value
            impl #krate::ODataEnum for #ident {
                const NAME: &'static str = "";
                const MEMBERS: &'static [&'static str] = &[];
                fn wire_name(&self) -> &::core::primitive::str {
                    ::core::unreachable!()
                }
                fn from_wire_name(_: &::core::primitive::str) -> ::core::result::Result<Self, #krate::UnknownEnumMember> {
                    ::core::unreachable!()
                }
                fn is_unknown_future_member(&self) -> ::core::primitive::bool {
                    ::core::unreachable!()
                }
            }
            impl #ident {
                /// The member's name on the wire.
                pub fn as_str(&self) -> &::core::primitive::str {
                    ::core::unreachable!()
                }
            }
            impl ::core::fmt::Display for #ident {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::unreachable!()
                }
            }
            impl ::core::str::FromStr for #ident {
                type Err = #krate::UnknownEnumMember;
                fn from_str(_: &::core::primitive::str) -> ::core::result::Result<Self, Self::Err> {
                    ::core::unreachable!()
                }
            }
        },
    }
}
