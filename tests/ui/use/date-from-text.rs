use teams_model::TeamsAsyncOperation;

fn main() {
    // a date is a `DateTimeOffset`: parse the text first (`"…".parse::<DateTimeOffset>()?`)
    let _ = TeamsAsyncOperation::patch_team("t").last_action_date_time("2024-01-01T00:00:00Z");
}
