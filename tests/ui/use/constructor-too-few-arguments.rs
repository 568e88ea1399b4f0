use teams_model::TeamsAsyncOperation;

fn main() {
    // The template has `{invitationsId}` and `{groupId}`: two arguments.
    let _ = TeamsAsyncOperation::patch_invited_user_team("invitation");
}
