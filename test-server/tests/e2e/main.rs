//! End-to-end tests of graph-test-server over loopback HTTP/1.1.

mod common;

mod auth_and_routing;
mod body_rules;
mod enums_and_prefer;
mod faults;
mod lifecycle;
mod merge_and_etag;
mod paging;
mod reading;
mod representation;
