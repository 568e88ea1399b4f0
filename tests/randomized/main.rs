//! Randomized and hostile inputs: property tests, the fuzz targets' entry points on a bounded random walk, and a catalogue of hostile payloads.
//!
//! One test binary per area (each binary links the test server, tokio and reqwest once).

#[path = "../common/mod.rs"]
mod common;

mod hostile;
mod json_reader;
mod properties;
mod random_inputs;
