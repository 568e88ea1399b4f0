use odata_resource::ComplexType;

#[derive(ComplexType)]
#[odata(type = "microsoft.graph.operationError")]
#[odata(path = "/errors/{id}")]
pub struct OperationError {
    pub code: Option<String>,
}

fn main() {}
