use odata_resource::ODataEnum;

#[derive(ODataEnum)]
pub struct Status {
    pub value: String,
}

fn main() {}
