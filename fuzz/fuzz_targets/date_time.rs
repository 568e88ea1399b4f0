//! Fuzz target: an `Edm.DateTimeOffset` text: parsed, written back byte for byte, read again.
//! The checks are in `fuzz/entry_points.rs`, shared with `tests/random_inputs.rs`.

#![no_main]

#[allow(dead_code)]
#[path = "../entry_points.rs"]
mod entry_points;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    entry_points::date_time(data);
});
