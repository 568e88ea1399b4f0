use odata_resource::Resource;

#[derive(Resource)]
#[odata(type = "microsoft.graph.team", path = "/teams/{team-id}")]
pub struct Team {
    pub display_name: Option<String>,
}

#[derive(Resource)]
#[odata(type = "microsoft.graph.channel", path = "/channels/{channel-id}")]
pub struct Channel {
    pub display_name: Option<String>,
}

fn main() {
    let _ = Team::get("t").select([Channel::DISPLAY_NAME]);
}
