//! Each type against its grammar, exact round trips, conversions and serde; property tests.

mod binary;
mod date;
mod decimal;
mod duration;
mod float;
mod guid;
mod int64;
mod properties;
mod support;
mod time_of_day;
