use odata_resource::ComplexType;

#[derive(ComplexType)]
#[odata(type = "microsoft.graph.openType")]
pub struct OpenType {
    pub code: Option<String>,
    #[odata(additional)]
    pub rest: Vec<(String, String)>,
}

fn main() {}
