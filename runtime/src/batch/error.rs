//! [`BatchError`]: why a request cannot join a batch.

use std::fmt;

/// The most requests Graph takes in one batch.
pub const MAX_BATCH_REQUESTS: usize = 20;

/// Why a request cannot join a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BatchError {
    /// The batch has [`MAX_BATCH_REQUESTS`] requests already.
    Full,
    /// An id is empty.
    EmptyId,
    /// An id is used twice.
    DuplicateId(String),
    /// `dependsOn` names an id that is not an earlier request of this batch.
    UnknownDependency {
        /// The request being added.
        id: String,
        /// The dependency that is not earlier in the batch.
        depends_on: String,
    },
}

impl fmt::Display for BatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BatchError::Full => write!(f, "a batch holds at most {MAX_BATCH_REQUESTS} requests"),
            BatchError::EmptyId => f.write_str("a batch request id must not be empty"),
            BatchError::DuplicateId(id) => write!(f, "batch request id `{id}` is used twice"),
            BatchError::UnknownDependency { id, depends_on } => write!(
                f,
                "batch request `{id}` depends on `{depends_on}`, which is not an earlier request of the batch"
            ),
        }
    }
}

impl std::error::Error for BatchError {}
