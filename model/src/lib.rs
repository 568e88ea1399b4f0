//! Microsoft Graph's `teamsAsyncOperation` (v1.0 metadata), modelled with `odata-resource`
//! exactly as a downstream SDK would: through the facade crate only.
//!
//! Used by the project's tests, its example and its benches.
//!
//! ```
//! use teams_model::{TeamsAsyncOperation, TeamsAsyncOperationType};
//!
//! let request = TeamsAsyncOperation::patch_team("team-id")
//!     .operation_type(TeamsAsyncOperationType::CloneTeam)
//!     .build()
//!     .unwrap();
//! assert_eq!(request.path(), "/teams/team-id/operations");
//! ```

mod seed;
mod teams;

pub use seed::{seed_patch, SEED_LAST_ACTION};
pub use teams::*;
