use odata_resource::{ComplexType, Map, Value};

#[derive(ComplexType)]
#[odata(type = "microsoft.graph.operationError")]
pub struct OperationError {
    pub code: Option<String>,
    #[odata(additional, read_only)]
    pub rest: Map<String, Value>,
}

fn main() {}
