use odata_resource::Polymorphic;

#[derive(Polymorphic)]
pub struct NotAnEnum {
    pub id: Option<String>,
}

fn main() {}
