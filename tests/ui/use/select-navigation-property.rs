use odata_resource::{Resource};

#[derive(Resource)]
#[odata(type = "microsoft.graph.team", path = "/teams/{team-id}")]
pub struct Team {
    pub display_name: Option<String>,
    #[odata(navigation)]
    pub members: Option<Vec<Team>>,
}

fn main() {
    // a navigation property belongs in `$expand`
    let _ = Team::get("t").select([Team::MEMBERS]);
}
