use odata_resource::Resource;

#[derive(Resource)]
#[odata(type = "microsoft.graph.team")]
#[odata(path = "/teams/teamsId}/operations")]
pub struct Team {
    pub display_name: Option<String>,
}

fn main() {}
