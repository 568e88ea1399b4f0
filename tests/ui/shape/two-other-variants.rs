use odata_resource::ODataEnum;

#[derive(ODataEnum)]
pub enum Status {
    NotStarted,
    #[odata(other)]
    Other(String),
    #[odata(other)]
    Unknown(String),
}

fn main() {}
