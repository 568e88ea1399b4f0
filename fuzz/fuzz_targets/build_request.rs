//! Fuzz target: caller-supplied path parameters, ETag, header value and property value: refused for a
//! documented reason, or held exactly.
//! The checks are in `fuzz/entry_points.rs`, shared with `tests/random_inputs.rs`.

#![no_main]

#[allow(dead_code)]
#[path = "../entry_points.rs"]
mod entry_points;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    entry_points::build_request(data);
});
