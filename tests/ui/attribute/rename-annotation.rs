use odata_resource::Resource;

#[derive(Resource)]
#[odata(type = "microsoft.graph.team")]
#[odata(path(team = "/teams/{teamsId}"))]
pub struct Team {
    #[odata(rename = "@odata.etag")]
    pub etag: Option<String>,
}

fn main() {}
