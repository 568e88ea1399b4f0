use odata_resource::ODataEnum;

#[derive(ODataEnum)]
pub enum Status {
    NotStarted,
    Failed { code: i32 },
    #[odata(other)]
    Other(String),
}

fn main() {}
