use odata_resource::Resource;

#[derive(Resource)]
#[odata(type = "microsoft.graph.job")]
#[odata(path(job = "/jobs/{jobId}"))]
pub struct Job {
    pub build: Option<String>,
}

fn main() {}
