//! The types users hold: what a value read from a service keeps, and how OData's own types are
//! represented in Rust.

pub(crate) mod annotations;
pub(crate) mod datetime;
pub(crate) mod dictionary;
pub(crate) mod edm;
pub(crate) mod enums;
pub(crate) mod flags;
pub(crate) mod odata_type;
pub(crate) mod polymorphic;
pub(crate) mod type_name;
