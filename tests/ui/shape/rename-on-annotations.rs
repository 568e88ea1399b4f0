use odata_resource::{Annotations, ComplexType};

#[derive(ComplexType)]
#[odata(type = "microsoft.graph.operationError")]
pub struct OperationError {
    pub code: Option<String>,
    #[odata(annotations, rename = "annotations")]
    pub annotations: Annotations,
}

fn main() {}
