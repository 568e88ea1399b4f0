use odata_resource::ComplexType;

#[derive(ComplexType)]
#[odata(type = "microsoft.graph.page")]
pub struct Page<T> {
    pub value: Option<Vec<T>>,
}

fn main() {}
