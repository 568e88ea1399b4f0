use odata_resource::ComplexType;

#[derive(ComplexType)]
#[odata(type = "microsoft.graph.empty")]
pub struct Empty;

fn main() {}
