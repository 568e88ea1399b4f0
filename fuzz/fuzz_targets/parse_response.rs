//! Fuzz target: a response body read every way the crate offers: `from_slice`, `parse_response` with a
//! success and an error status, and `ODataError::from_body`.
//! The checks are in `fuzz/entry_points.rs`, shared with `tests/random_inputs.rs`.

#![no_main]

#[allow(dead_code)]
#[path = "../entry_points.rs"]
mod entry_points;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    entry_points::response(data);
});
