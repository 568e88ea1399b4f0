use odata_resource::Resource;

#[derive(Resource)]
#[odata(type = "microsoft.graph.team")]
pub struct Team {
    pub display_name: Option<String>,
}

fn main() {
    // Without `#[odata(path …)]` a Resource has no PATCH constructor.
    let _ = Team::patch("t");
}
