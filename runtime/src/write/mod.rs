//! Writing JSON: [`ODataValue`] (how a property value is written into a request body) and its
//! impls for Rust's types, the JSON writer, complex values' objects and their changes, the
//! helpers the derived `Serialize` calls, and [`to_vec`].

pub(crate) mod json;
pub(crate) mod object;
pub(crate) mod ser;
mod value;

pub use ser::to_vec;
pub use value::ODataValue;
