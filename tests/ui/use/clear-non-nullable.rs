use teams_model::TeamsAsyncOperation;

fn main() {
    // `status` is #[odata(non_nullable)]: the builder has no `clear_status`.
    let _ = TeamsAsyncOperation::patch_team("t").clear_status();
}
