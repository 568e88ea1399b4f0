use odata_resource::ODataEnum;

#[derive(ODataEnum)]
pub enum Status {
    NotStarted,
    #[odata(other)]
    Other(i32),
}

fn main() {}
