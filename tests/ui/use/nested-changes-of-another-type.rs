use odata_resource::{ComplexType, Resource};

#[derive(ComplexType)]
#[odata(type = "microsoft.graph.identity")]
pub struct Identity {
    pub display_name: Option<String>,
}

#[derive(ComplexType)]
#[odata(type = "microsoft.graph.operationError")]
pub struct OperationError {
    pub code: Option<String>,
}

#[derive(Resource)]
#[odata(type = "microsoft.graph.teamsAsyncOperation", path = "/operations/{id}")]
pub struct Operation {
    pub error: Option<OperationError>,
}

fn main() {
    // the changes of another complex type are refused by the setter
    let _ = Operation::patch("1").error(Identity::patch().display_name("x"));
}
