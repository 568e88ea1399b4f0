use odata_resource::ComplexType;

#[derive(ComplexType)]
#[odata(type = "microsoft.graph.either")]
pub union Either {
    pub a: u32,
    pub b: f32,
}

fn main() {}
