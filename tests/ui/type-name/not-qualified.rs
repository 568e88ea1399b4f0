use odata_resource::Resource;

#[derive(Resource)]
#[odata(type = "team")]
#[odata(path(team = "/teams/{teamsId}"))]
pub struct Team {
    pub display_name: Option<String>,
}

fn main() {}
