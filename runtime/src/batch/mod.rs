//! JSON `$batch` (Graph's JSON batching; OData JSON Format §19): up to 20 requests in one round
//! trip, with ids and `dependsOn`, and their answers read back by id, in any order.

mod answers;
mod envelope;
pub(crate) mod error;

pub use answers::{BatchItemResponse, BatchResponse};
pub use envelope::{Batch, BatchId, SplitBatch};
pub use error::{BatchError, MAX_BATCH_REQUESTS};
