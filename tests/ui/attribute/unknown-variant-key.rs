use odata_resource::ODataEnum;

#[derive(ODataEnum)]
pub enum Status {
    #[odata(renam = "notStarted")]
    NotStarted,
    Failed,
}

fn main() {}
