use teams_model::TeamsAsyncOperation;

fn main() {
    // Path arguments are `impl AsRef<str>`.
    let _ = TeamsAsyncOperation::patch_team(42);
}
