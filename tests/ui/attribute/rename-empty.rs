use odata_resource::Resource;

#[derive(Resource)]
#[odata(type = "microsoft.graph.team")]
#[odata(path(team = "/teams/{teamsId}"))]
pub struct Team {
    #[odata(rename = "")]
    pub display_name: Option<String>,
}

fn main() {}
