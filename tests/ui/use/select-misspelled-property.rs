use teams_model::TeamsAsyncOperation;

fn main() {
    // `$select` names come from the resource: a typo is caught here, not by the service
    let _ = TeamsAsyncOperation::get_team("t").select([TeamsAsyncOperation::ATEMPTS_COUNT]);
}
