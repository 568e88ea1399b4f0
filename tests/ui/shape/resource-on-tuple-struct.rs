use odata_resource::Resource;

#[derive(Resource)]
#[odata(type = "microsoft.graph.team")]
pub struct Team(pub Option<String>);

fn main() {}
