//! [`Client`]: sends [`PatchRequest`](crate::PatchRequest)s and batches with reqwest, retrying
//! throttled answers as its [`RetryPolicy`] says (feature `client`).

mod policy;
mod sender;

pub use policy::RetryPolicy;
pub use sender::Client;
