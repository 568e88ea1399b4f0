use odata_resource::Resource;

pub struct Color(pub u8, pub u8, pub u8);

// A property type needs `Serialize` and `Deserialize` (reading and writing the whole resource)
// and `ODataValue` (PATCH bodies): each missing one is reported at the field's type.
#[derive(Resource)]
#[odata(type = "microsoft.graph.team")]
#[odata(path(team = "/teams/{teamsId}"))]
pub struct Team {
    pub display_name: Option<String>,
    pub color: Option<Color>,
}

fn main() {}
