#![deny(unused_must_use)]

use teams_model::TeamsAsyncOperation;

fn main() {
    // A builder does nothing until `build()`.
    TeamsAsyncOperation::patch_team("t").attempts_count(1);
}
