use odata_resource::{Polymorphic, Resource};

#[derive(Resource, Debug)]
#[odata(type = "microsoft.graph.entity")]
pub struct Entity {
    pub id: Option<String>,
}

#[derive(Polymorphic)]
pub enum AnyEntity {
    #[odata(base)]
    Entity(Entity),
    Team {
        id: String,
    },
}

fn main() {}
