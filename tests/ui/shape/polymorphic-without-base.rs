use odata_resource::{Polymorphic, Resource};

#[derive(Resource, Debug)]
#[odata(type = "microsoft.graph.team")]
pub struct Team {
    pub display_name: Option<String>,
}

// Which variant is read when a value has no `@odata.type`? One must say `#[odata(base)]`.
#[derive(Polymorphic)]
pub enum AnyTeam {
    Team(Team),
}

fn main() {}
