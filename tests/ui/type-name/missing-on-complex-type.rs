use odata_resource::ComplexType;

#[derive(ComplexType)]
pub struct OperationError {
    pub code: Option<String>,
}

fn main() {}
