use odata_resource::Resource;

// Every bad attribute of a struct is reported by one compile.
#[derive(Resource)]
#[odata(type = "team", path = "teams/{teamsId}")]
pub struct Team {
    #[odata(readonly)]
    pub id: Option<String>,
    #[odata(non_nullable = true)]
    pub display_name: Option<String>,
    #[odata(rename = "")]
    pub description: Option<String>,
}

fn main() {}
