use odata_resource::{ComplexType, Map, Value};

#[derive(ComplexType)]
#[odata(type = "microsoft.graph.operationError")]
pub struct OperationError {
    pub code: Option<String>,
    #[odata(annotations)]
    pub annotations: Map<String, Value>,
}

fn main() {}
