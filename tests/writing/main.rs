//! Building requests: PATCH bodies and OData's merge rule, paths, flags, `$batch`, the seed page's request.
//!
//! One test binary per area (each binary links the test server, tokio and reqwest once).

#[path = "../common/mod.rs"]
mod common;

mod batch;
mod flags;
mod merge;
mod patch_body;
mod paths;
mod seed;
