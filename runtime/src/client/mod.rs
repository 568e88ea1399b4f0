//! [`Client`]: sends [`PatchRequest`](crate::PatchRequest)s, GETs and batches with reqwest,
//! retrying throttled answers as its [`RetryPolicy`] says; reads collections page by page
//! ([`Pages`]) and runs the read–modify–write loop (feature `client`).

mod pages;
mod policy;
mod reading;
mod sender;

pub use pages::Pages;
pub use policy::RetryPolicy;
pub use sender::Client;
