use odata_resource::Resource;

#[derive(Resource)]
#[odata(type = "microsoft.graph.team")]
#[odata(path(team = "/teams/{teamsId}"), type = "microsoft.graph.group")]
pub struct Team {
    pub display_name: Option<String>,
}

fn main() {}
