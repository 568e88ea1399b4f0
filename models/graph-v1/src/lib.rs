//! Microsoft Graph v1.0, every entity, complex and enum type, generated from the service's CSDL
//! by `odata-resource-codegen` when this crate builds. `microsoft::graph::TeamsAsyncOperation`
//! is the seed's resource.

// the generator promises code free of warnings: hold it to that
#![deny(warnings)]

include!(concat!(env!("OUT_DIR"), "/mod.rs"));
