use odata_resource::{ComplexType, Resource};

#[derive(ComplexType)]
#[odata(type = "microsoft.graph.plannerAssignment")]
pub struct PlannerAssignment {
    #[odata(read_only)]
    pub assigned_date_time: Option<String>,
    pub order_hint: Option<String>,
}

#[derive(Resource)]
#[odata(type = "microsoft.graph.plannerTask", path = "/planner/tasks/{id}")]
pub struct PlannerTask {
    pub assignment: Option<PlannerAssignment>,
}

fn main() {
    // read-only inside a complex value: its nested changes have no setter for it either
    let _ = PlannerTask::patch("t")
        .assignment(PlannerAssignment::patch().order_hint(" !").assigned_date_time("x"));
}
