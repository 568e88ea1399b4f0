use odata_resource::{ODataType, Resource};

// After an attribute error the derive still emits the builder, Serialize, Deserialize and
// ODataType, so code using the type shows only the one real error.
#[derive(Resource, Debug, Default)]
#[odata(type = "microsoft.graph.team")]
#[odata(path(team = "/teams/{teamsId}"))]
pub struct Team {
    #[odata(read_only, non_nullabel)]
    pub id: Option<String>,
    pub display_name: Option<String>,
}

fn main() {
    let _ = Team::patch_team("t")
        .display_name("Contoso")
        .clear_display_name()
        .if_match("*")
        .build();
    let _ = serde_json::to_vec(&Team::default());
    let _: Result<Team, _> = odata_resource::from_slice(b"{}");
    let _: &str = Team::TYPE_NAME;
}
