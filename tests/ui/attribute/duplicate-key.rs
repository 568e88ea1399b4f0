use odata_resource::Resource;

#[derive(Resource)]
#[odata(type = "microsoft.graph.team")]
#[odata(path(team = "/teams/{teamsId}"))]
pub struct Team {
    #[odata(read_only)]
    #[odata(read_only)]
    pub id: Option<String>,
}

fn main() {}
