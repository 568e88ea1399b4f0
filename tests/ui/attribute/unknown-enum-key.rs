use odata_resource::ODataEnum;

#[derive(ODataEnum)]
#[odata(type = "microsoft.graph.status")]
pub enum Status {
    NotStarted,
    Failed,
}

fn main() {}
