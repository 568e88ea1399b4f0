//! Microsoft Graph beta (the US national cloud's `$metadata`), every entity, complex and enum
//! type, generated from the service's CSDL by `odata-resource-codegen` when this crate builds.

// the generator promises code free of warnings: hold it to that
#![deny(warnings)]

include!(concat!(env!("OUT_DIR"), "/mod.rs"));
