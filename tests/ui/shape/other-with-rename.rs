use odata_resource::ODataEnum;

#[derive(ODataEnum)]
pub enum Status {
    NotStarted,
    #[odata(other, rename = "other")]
    Other(String),
}

fn main() {}
