use odata_resource::Resource;

#[derive(Resource)]
#[odata(type = "microsoft.graph.team", path = "/teams/{id}")]
pub struct Team {
    pub __base: Option<String>,
}

fn main() {}
