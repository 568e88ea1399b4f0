use odata_resource::Resource;

#[derive(Resource)]
#[odata(type = "microsoft.graph.status")]
pub enum Status {
    NotStarted,
    Failed,
}

fn main() {}
