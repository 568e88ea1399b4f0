use odata_resource::Resource;

#[derive(Resource)]
#[odata(type = "microsoft.graph.team")]
#[odata(path(team = "/teams/{teamsId}"))]
pub struct Team {
    #[odata(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

fn main() {}
