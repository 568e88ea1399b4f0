use odata_resource::ODataEnum;

#[derive(ODataEnum)]
pub enum Status {
    NotStarted,
    #[odata(rename = "notStarted")]
    Pending,
}

fn main() {}
