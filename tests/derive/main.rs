//! What the derives generate, in a user's crate: hygiene beside user items named like the
//! prelude's and the crate's, and `crate = "…"` (`tests/lints.rs` stays a binary of its own:
//! its lint levels are the crate's).

mod crate_override;
mod diff_bounds;
mod hygiene;
