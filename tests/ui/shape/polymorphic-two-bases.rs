use odata_resource::{Polymorphic, Resource};

#[derive(Resource, Debug)]
#[odata(type = "microsoft.graph.entity")]
pub struct Entity {
    pub id: Option<String>,
}

#[derive(Resource, Debug)]
#[odata(type = "microsoft.graph.team")]
pub struct Team {
    pub id: Option<String>,
}

#[derive(Polymorphic)]
pub enum AnyEntity {
    #[odata(base)]
    Entity(Entity),
    #[odata(base)]
    Team(Team),
}

fn main() {}
