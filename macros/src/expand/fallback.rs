//! What an item with errors still gets: the traits implemented with bodies that cannot run (the
//! crate does not compile anyway), and a Resource's builder or a ComplexType's nested patch, so that code using the type shows
//! no follow-on errors beside the real one.

use proc_macro2::TokenStream;
use quote::quote;

use super::{builder, private, reading, type_impl, wrap};
use crate::ast::{Container, Kind};

/// Stubs for an item whose attributes have errors.
pub fn for_container(cont: &Container) -> TokenStream {
    let stubs = stubs(cont.ident, &syn::Generics::default(), cont);
    match cont.kind {
        Kind::Resource if !cont.paths.is_empty() => {
            let impls = [
                type_impl(cont, &TokenStream::new()),
                builder::impls(cont),
                builder::diff_impl(cont),
                reading::expand(cont),
            ];
            wrap(builder::declaration(cont), &quote!(#stubs #(#impls)*))
        }
        Kind::ComplexType => {
            let impls = [
                type_impl(cont, &TokenStream::new()),
                builder::nested_impls(cont),
            ];
            wrap(
                builder::nested_declaration(cont),
                &quote!(#stubs #(#impls)*),
            )
        }
        Kind::Resource => {
            let odata_type = type_impl(cont, &TokenStream::new());
            let reading = reading::expand(cont);
            wrap(TokenStream::new(), &quote!(#stubs #odata_type #reading))
        }
        Kind::Enum | Kind::Polymorphic => wrap(TokenStream::new(), &stubs),
    }
}

/// Stubs for an item whose shape does not fit the derive (an enum for `Resource`, a generic
/// struct, …); they carry the item's generics.
pub fn for_shape(input: &syn::DeriveInput, cont: &Container) -> TokenStream {
    let ident = &input.ident;
    let p = private(cont);
    let stubs = stubs(ident, &input.generics, cont);
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let odata_type = match cont.kind {
        Kind::Enum | Kind::Polymorphic => TokenStream::new(),
        Kind::Resource | Kind::ComplexType => quote! {
            impl #impl_generics #p::ODataType for #ident #ty_generics #where_clause {
                const TYPE_NAME: &'static str = "";
            }
        },
    };
    wrap(TokenStream::new(), &quote!(#stubs #odata_type))
}

fn stubs(ident: &syn::Ident, generics: &syn::Generics, cont: &Container) -> TokenStream {
    let kind = cont.kind;
    let p = private(cont);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let mut de_generics = generics.clone();
    de_generics.params.insert(0, syn::parse_quote!('de));
    let (de_impl_generics, _, _) = de_generics.split_for_impl();
    let ident = quote!(#ident #ty_generics);
    let serde = quote! {
        impl #impl_generics #p::serde::Serialize for #ident #where_clause {
            fn serialize<__S>(&self, _: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: #p::serde::Serializer,
            {
                ::core::unreachable!()
            }
        }
        impl #de_impl_generics #p::serde::Deserialize<'de> for #ident #where_clause {
            fn deserialize<__D>(_: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: #p::serde::Deserializer<'de>,
            {
                ::core::unreachable!()
            }
        }
    };
    let value = quote! {
        impl #impl_generics #p::ODataValue for #ident #where_clause {
            fn write_json(&self, _: &mut ::std::vec::Vec<::core::primitive::u8>) {
                ::core::unreachable!()
            }
        }
    };
    match kind {
        Kind::Resource | Kind::ComplexType | Kind::Polymorphic => quote!(#serde #value),
        Kind::Enum => quote! {
            #serde
            #value
            impl #impl_generics #p::ODataEnum for #ident #where_clause {
                const NAME: &'static str = "";
                const MEMBERS: &'static [&'static str] = &[];
                fn wire_name(&self) -> &::core::primitive::str {
                    ::core::unreachable!()
                }
                fn from_wire_name(_: &::core::primitive::str) -> ::core::result::Result<Self, #p::UnknownEnumMember> {
                    ::core::unreachable!()
                }
                fn is_unknown_future_member(&self) -> ::core::primitive::bool {
                    ::core::unreachable!()
                }
            }
            impl #impl_generics #ident #where_clause {
                /// The member's name on the wire.
                pub fn as_str(&self) -> &::core::primitive::str {
                    ::core::unreachable!()
                }
            }
            impl #impl_generics ::core::fmt::Display for #ident #where_clause {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::unreachable!()
                }
            }
            impl #impl_generics ::core::str::FromStr for #ident #where_clause {
                type Err = #p::UnknownEnumMember;
                fn from_str(_: &::core::primitive::str) -> ::core::result::Result<Self, Self::Err> {
                    ::core::unreachable!()
                }
            }
        },
    }
}
