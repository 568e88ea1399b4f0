use teams_model::{TeamsAsyncOperation, TeamsAsyncOperationType};

fn main() {
    // `status` is an `Option<TeamsAsyncOperationStatus>`: its setter takes what converts
    // `Into<TeamsAsyncOperationStatus>`, not an operation type.
    let _ = TeamsAsyncOperation::patch_team("t").status(TeamsAsyncOperationType::CloneTeam);
}
