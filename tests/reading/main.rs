//! Reading what a service sends: responses, errors with their property path, polymorphism, open types, and the real payloads of the corpus.
//!
//! One test binary per area (each binary links the test server, tokio and reqwest once).

#[path = "../common/mod.rs"]
mod common;

mod corpus;
mod error_paths;
mod open_types;
mod polymorphic;
mod reading;
mod responses;
mod same_as_serde_json;
