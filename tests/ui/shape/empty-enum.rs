use odata_resource::ODataEnum;

#[derive(ODataEnum)]
pub enum Nothing {}

fn main() {}
