//! Building PATCH requests: [`Patch`] (the tri-state value of one property), what setters take
//! and what builders keep ([`setter`]), the builder's base and body, headers, paths, `diff`, and
//! the built [`request::PatchRequest`].

pub(crate) mod base;
pub(crate) mod body;
pub(crate) mod diff;
pub(crate) mod headers;
pub(crate) mod message;
pub(crate) mod path;
mod property;
pub(crate) mod request;
pub mod setter;

pub use property::Patch;
