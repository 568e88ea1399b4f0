use odata_resource::Resource;

// Readable and writable by serde, but with no `ODataValue`: it cannot go into a PATCH body.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Color(pub u8, pub u8, pub u8);

#[derive(Resource)]
#[odata(type = "microsoft.graph.team")]
#[odata(path(team = "/teams/{teamsId}"))]
pub struct Team {
    pub display_name: Option<String>,
    pub color: Option<Color>,
}

fn main() {}
