//! Derive macros of [odata-resource](https://docs.rs/odata-resource). Use them through that crate,
//! which documents the attributes.

mod ast;
mod attr;
mod case;
mod check;
mod ctxt;
mod expand;
#[cfg(test)]
mod robustness_tests;
#[cfg(test)]
mod snapshot_tests;
mod symbol;
mod template;

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

/// Derives an OData entity type: `Serialize`, `Deserialize`, `ODataType`, the `<Name>Patch`
/// builder and one `patch…` constructor per `#[odata(path …)]`.
#[proc_macro_derive(Resource, attributes(odata))]
pub fn derive_resource(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input, ast::Kind::Resource).into()
}

/// Derives an OData complex type: `Serialize`, `Deserialize`, `ODataType` and `ODataValue`.
#[proc_macro_derive(ComplexType, attributes(odata))]
pub fn derive_complex_type(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input, ast::Kind::ComplexType).into()
}

/// Derives an OData enumeration: `ODataEnum`, `Serialize`, `Deserialize`, `Display`, `FromStr`,
/// `ODataValue` and `as_str()`.
#[proc_macro_derive(ODataEnum, attributes(odata))]
pub fn derive_odata_enum(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input, ast::Kind::Enum).into()
}

/// Derives reading and writing for an enum of derived types (one `Variant(Type)` each, every
/// `Type` a `Resource` or `ComplexType`), dispatched on `@odata.type`: `#[odata(base)]` marks the
/// declared type (read when there is no `@odata.type`), `#[odata(unknown)]` a variant holding an
/// `UnknownType` for types nobody declared.
#[proc_macro_derive(Polymorphic, attributes(odata))]
pub fn derive_polymorphic(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input, ast::Kind::Polymorphic).into()
}
