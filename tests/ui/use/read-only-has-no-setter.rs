use teams_model::TeamsAsyncOperation;

fn main() {
    // `id` is #[odata(read_only)]: the builder has no setter for it.
    let _ = TeamsAsyncOperation::patch_team("t").id("x");
}
