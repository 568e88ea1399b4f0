//! The main job: the "Update operations" request of Graph's docs, built by the library.
//!
//! `cargo run --example update_operations` prints the seed page's example request (with real
//! enum members in place of its `"String"` placeholders) as an HTTP/1.1 message.

use odata_resource::DateTimeOffset;
use teams_model::{
    OperationError, TeamsAsyncOperation, TeamsAsyncOperationStatus, TeamsAsyncOperationType,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let service_root = "https://graph.microsoft.com/beta";
    let request = TeamsAsyncOperation::patch_team("{teamsId}")
        .operation_type(TeamsAsyncOperationType::CloneTeam)
        .status(TeamsAsyncOperationStatus::InProgress)
        .last_action_date_time("2016-12-31T23:57:34.9044303+03:00".parse::<DateTimeOffset>()?)
        .attempts_count(13)
        .target_resource_id("Target Resource Id value")
        .target_resource_location("Target Resource Location value")
        .error(OperationError {
            code: Some("Code value".into()),
            message: Some("Message value".into()),
        })
        .build()?;

    println!("# {}", request.url(service_root)?);
    println!("{request}");
    println!();
    Ok(())
}
