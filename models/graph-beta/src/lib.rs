//! Microsoft Graph beta (the US national cloud's `$metadata`), every entity, complex and enum
//! type, generated from the service's CSDL by `odata-resource-codegen` when this crate builds.

include!(concat!(env!("OUT_DIR"), "/mod.rs"));
