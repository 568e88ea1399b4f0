//! End to end: the real client (reqwest) against the Graph-like server on loopback: sending
//! PATCHes with retries, the read–modify–write loop with ETags, and collections page by page.

mod client;
mod load;
mod paging;
mod read_modify_write;
