//! A downstream crate with exactly one dependency, `odata-resource`: Microsoft Graph's
//! `teamsAsyncOperation` model (the very source file of `model/`), written through the facade only, under
//! strict lints that also cover the generated public items (`missing_docs` included).
//!
//! ```
//! use odata_resource_one_dep::{TeamsAsyncOperation, TeamsAsyncOperationType};
//!
//! let request = TeamsAsyncOperation::patch_team("team-id")
//!     .operation_type(TeamsAsyncOperationType::CloneTeam)
//!     .build()
//!     .unwrap();
//! assert_eq!(request.path(), "/teams/team-id/operations");
//! ```
#![deny(
    warnings,
    missing_docs,
    missing_debug_implementations,
    unused_qualifications,
    unreachable_pub,
    clippy::all,
    clippy::pedantic
)]

/// This crate's re-export of odata-resource, as an SDK gives it to its users; derives can reach
/// it with `#[odata(crate = "::odata_resource_one_dep::sdk::odata")]`.
pub mod sdk {
    pub use odata_resource as odata;
}

// The project's model itself, not a copy: compiled here with nothing but the facade.
#[path = "../../../model/src/teams.rs"]
mod teams;

pub use teams::*;
