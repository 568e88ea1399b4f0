//! `#[derive(ODataEnum)]`: the member table as one match each way, and one-line impls of
//! `Serialize`, `Deserialize`, `Display`, `FromStr` and `ODataValue` that call the runtime.

use proc_macro2::TokenStream;
use quote::quote;

use super::private;
use crate::ast::{Container, Data};

/// The evolvable-enum sentinel's wire name.
const SENTINEL: &str = "unknownFutureValue";

pub fn expand(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let p = private(cont);
    let Data::Enum(variants) = &cont.data else {
        return TokenStream::new();
    };
    let name = ident.to_string();
    let members: Vec<_> = variants.iter().filter(|v| !v.other).collect();
    let wires: Vec<_> = members.iter().map(|v| &v.wire).collect();
    let idents: Vec<_> = members.iter().map(|v| v.ident).collect();
    let other = variants.iter().find(|v| v.other).map(|v| v.ident);
    let other_to_wire = other.map(|o| quote!(#ident::#o(__text) => __text,));
    let unknown = match other {
        Some(o) => {
            quote!(::core::result::Result::Ok(#ident::#o(::core::convert::From::from(__other))))
        }
        None => {
            quote!(::core::result::Result::Err(#p::UnknownEnumMember::new::<#ident>(__other)))
        }
    };
    let sentinel = members.iter().position(|v| v.wire == SENTINEL);
    let late: Vec<_> = match sentinel {
        Some(at) => members[at + 1..].iter().map(|v| v.ident).collect(),
        None => Vec::new(),
    };
    let late_other = match (sentinel, other) {
        (Some(_), Some(o)) => Some(quote!(#ident::#o(_))),
        _ => None,
    };
    // A declared member's wire name was checked to need no escaping, so it is written as is.
    let declared = match other {
        Some(o) => quote!(!::core::matches!(self, #ident::#o(_))),
        None => quote!(true),
    };
    let is_late = if late.is_empty() && late_other.is_none() {
        quote!(false)
    } else {
        let patterns = late.iter().map(|v| quote!(#ident::#v)).chain(late_other);
        quote!(::core::matches!(self, #(#patterns)|*))
    };
    quote! {
        #[automatically_derived]
        impl #p::ODataEnum for #ident {
            const NAME: &'static str = #name;
            const MEMBERS: &'static [&'static str] = &[#(#wires),*];
            #[inline]
            fn wire_name(&self) -> &::core::primitive::str {
                match self {
                    #(#ident::#idents => #wires,)*
                    #other_to_wire
                }
            }
            #[inline]
            fn from_wire_name(__name: &::core::primitive::str) -> ::core::result::Result<Self, #p::UnknownEnumMember> {
                match __name {
                    #(#wires => ::core::result::Result::Ok(#ident::#idents),)*
                    __other => #unknown,
                }
            }
            #[inline]
            fn is_unknown_future_member(&self) -> ::core::primitive::bool {
                #is_late
            }
        }

        #[automatically_derived]
        impl #ident {
            /// The member's name on the wire.
            #[inline]
            pub fn as_str(&self) -> &::core::primitive::str {
                #p::ODataEnum::wire_name(self)
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #ident {
            #[inline]
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                __f.write_str(#p::ODataEnum::wire_name(self))
            }
        }

        #[automatically_derived]
        impl ::core::str::FromStr for #ident {
            type Err = #p::UnknownEnumMember;
            #[inline]
            fn from_str(__s: &::core::primitive::str) -> ::core::result::Result<Self, Self::Err> {
                #p::ODataEnum::from_wire_name(__s)
            }
        }

        #[automatically_derived]
        impl #p::serde::Serialize for #ident {
            fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: #p::serde::Serializer,
            {
                #p::serialize_enum(self, __serializer)
            }
        }

        #[automatically_derived]
        impl<'de> #p::serde::Deserialize<'de> for #ident {
            fn deserialize<__D>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: #p::serde::Deserializer<'de>,
            {
                #p::deserialize_enum(__deserializer)
            }
        }

        #[automatically_derived]
        impl #p::ODataValue for #ident {
            #[inline]
            fn write_json(&self, __out: &mut ::std::vec::Vec<::core::primitive::u8>) {
                #p::write_enum(self, #declared, __out);
            }
            #[inline]
            fn needs_unknown_enum_members(&self) -> ::core::primitive::bool {
                #p::ODataEnum::is_unknown_future_member(self)
            }
        }
    }
}
