use odata_resource::{ComplexType, Map, Value};

#[derive(ComplexType)]
#[odata(type = "microsoft.graph.openType")]
pub struct OpenType {
    pub code: Option<String>,
    #[odata(additional)]
    pub rest: Map<String, Value>,
    #[odata(additional)]
    pub more: Map<String, Value>,
}

fn main() {}
