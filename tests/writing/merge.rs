//! OData's merge rule for PATCH (OData 4.0 Part 1 §11.4.3: a property a PATCH does not name is
//! left unchanged, `null` clears it; complex values merge, collections are replaced whole):
//! nested `None` is never sent as `null`, nested changes are tri-state, and `diff(old, new)`
//! sends exactly the properties that differ, at every depth.

use odata_resource::{from_slice, ComplexType, DateTimeOffset, Resource};
use serde_json::{json, Value};
use teams_model::{OperationError, TeamsAsyncOperation, TeamsAsyncOperationStatus};

fn current() -> TeamsAsyncOperation {
    from_slice(br#"{"@odata.etag":"W/\"4\"","id":"op","createdDateTime":"2021-05-27T21:23:41.9085453Z","status":"inProgress","attemptsCount":1,"targetResourceId":"t","targetResourceLocation":"/teams('t')","error":null,"values":"x"}"#).unwrap()
}

fn body(request: &odata_resource::PatchRequest<TeamsAsyncOperation>) -> Value {
    serde_json::from_slice(request.body()).unwrap()
}

#[test]
fn read_modify_write_sends_only_the_changes() {
    let old = current();
    let mut new = old.clone();
    new.status = Some(TeamsAsyncOperationStatus::Succeeded);
    new.target_resource_location = None;
    new.error = Some(OperationError {
        code: Some("c".into()),
        message: None,
    });
    new.id = Some("changed-but-read-only".into());
    new.created_date_time = Some("2020-01-01T00:00:00Z".parse::<DateTimeOffset>().unwrap());
    new.annotations.set_etag(Some("W/\"5\"".into()));
    new.additional.insert("values".into(), "y".into());

    let request = TeamsAsyncOperation::patch_team("t")
        .diff(&old, &new)
        .if_match(old.annotations.etag().unwrap())
        .build()
        .unwrap();
    assert_eq!(
        body(&request),
        json!({
            "@odata.type": "#microsoft.graph.teamsAsyncOperation",
            "status": "succeeded",
            "targetResourceLocation": null,
            // the old value was null: the new one is sent whole, its `None` left out
            "error": {"@odata.type": "#microsoft.graph.operationError", "code": "c"}
        })
    );
    assert_eq!(request.headers()["if-match"], "W/\"4\"");
}

#[test]
fn a_changed_complex_value_sends_only_its_changed_properties() {
    let mut old = current();
    old.error = Some(OperationError {
        code: Some("TeamUnavailable".into()),
        message: Some("The team was not found.".into()),
    });
    let mut new = old.clone();
    new.error.as_mut().unwrap().code = Some("TeamArchived".into());
    let request = TeamsAsyncOperation::patch_team("t")
        .diff(&old, &new)
        .build()
        .unwrap();
    assert_eq!(
        body(&request),
        json!({
            "@odata.type": "#microsoft.graph.teamsAsyncOperation",
            "error": {"@odata.type": "#microsoft.graph.operationError", "code": "TeamArchived"}
        })
    );

    // a nested property that went from a value to `None` is cleared explicitly
    new.error.as_mut().unwrap().message = None;
    let request = TeamsAsyncOperation::patch_team("t")
        .diff(&old, &new)
        .build()
        .unwrap();
    assert_eq!(
        body(&request)["error"],
        json!({"@odata.type": "#microsoft.graph.operationError", "code": "TeamArchived", "message": null})
    );

    // the whole complex value going away is `null`
    new.error = None;
    let request = TeamsAsyncOperation::patch_team("t")
        .diff(&old, &new)
        .build()
        .unwrap();
    assert_eq!(body(&request)["error"], Value::Null);
}

/// Three levels of complex values, one boxed, and a collection of complex values.
#[derive(ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "test.inner")]
struct Inner {
    a: Option<String>,
    b: Option<i32>,
    #[odata(non_nullable)]
    c: Option<String>,
    #[odata(read_only)]
    d: Option<String>,
}

#[derive(ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "test.middle")]
struct Middle {
    inner: Option<Box<Inner>>,
    name: Option<String>,
}

#[derive(ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "test.outer")]
struct Outer {
    middle: Option<Middle>,
    items: Option<Vec<Inner>>,
    count: i32,
}

#[derive(Resource, Debug, Clone, PartialEq, Default)]
#[odata(type = "test.thing", path = "/things/{id}")]
struct Thing {
    outer: Option<Outer>,
    tags: Vec<String>,
}

fn thing() -> Thing {
    Thing {
        outer: Some(Outer {
            middle: Some(Middle {
                inner: Some(Box::new(Inner {
                    a: Some("a".into()),
                    b: Some(1),
                    c: Some("c".into()),
                    d: Some("d".into()),
                })),
                name: Some("m".into()),
            }),
            items: Some(vec![Inner {
                a: Some("x".into()),
                ..Inner::default()
            }]),
            count: 1,
        }),
        tags: vec!["t".into()],
    }
}

fn diff_body(old: &Thing, new: &Thing) -> Value {
    let request = Thing::patch("1").diff(old, new).build().unwrap();
    serde_json::from_slice(request.body()).unwrap()
}

#[test]
fn a_change_three_levels_down_sends_only_that_property_with_every_type_on_the_way() {
    let old = thing();
    let mut new = old.clone();
    let inner = new.outer.as_mut().unwrap().middle.as_mut().unwrap();
    let inner = inner.inner.as_mut().unwrap();
    inner.b = Some(2);
    inner.a = None;
    inner.c = None; // non-nullable: cannot be cleared, left out
    inner.d = Some("read-only: never sent".into());
    assert_eq!(
        diff_body(&old, &new),
        json!({
            "@odata.type": "#test.thing",
            "outer": {"@odata.type": "#test.outer", "middle": {"@odata.type": "#test.middle",
                "inner": {"@odata.type": "#test.inner", "a": null, "b": 2}}}
        })
    );
}

#[test]
fn a_change_only_in_what_is_never_sent_sends_nothing() {
    let old = thing();
    let mut new = old.clone();
    let middle = new.outer.as_mut().unwrap().middle.as_mut().unwrap();
    middle.inner.as_mut().unwrap().d = Some("other".into());
    assert_eq!(diff_body(&old, &new), json!({"@odata.type": "#test.thing"}));
}

#[test]
fn collections_are_replaced_whole_and_their_items_leave_out_none() {
    let old = thing();
    let mut new = old.clone();
    new.outer.as_mut().unwrap().items = Some(vec![
        Inner {
            a: Some("x".into()),
            b: Some(5),
            ..Inner::default()
        },
        Inner::default(),
    ]);
    new.outer.as_mut().unwrap().count = 2;
    new.tags.push("u".into());
    assert_eq!(
        diff_body(&old, &new),
        json!({
            "@odata.type": "#test.thing",
            "outer": {"@odata.type": "#test.outer",
                "items": [
                    {"@odata.type": "#test.inner", "a": "x", "b": 5},
                    {"@odata.type": "#test.inner"}
                ],
                "count": 2},
            "tags": ["t", "u"]
        })
    );
}

#[test]
fn equal_values_send_nothing_and_building_twice_is_the_same() {
    let old = current();
    let request = TeamsAsyncOperation::patch_team("t")
        .diff(&old, &old.clone())
        .build()
        .unwrap();
    assert_eq!(
        body(&request),
        json!({"@odata.type": "#microsoft.graph.teamsAsyncOperation"})
    );

    let mut new = old.clone();
    new.attempts_count = Some(2);
    let builder = || {
        TeamsAsyncOperation::patch_team("t")
            .diff(&old, &new)
            .build()
            .unwrap()
    };
    assert_eq!(builder().body(), builder().body());
    assert_eq!(body(&builder())["attemptsCount"], 2);
}

#[test]
fn a_non_nullable_property_is_never_cleared() {
    let old = current();
    let mut new = old.clone();
    new.status = None;
    let request = TeamsAsyncOperation::patch_team("t")
        .diff(&old, &new)
        .build()
        .unwrap();
    assert_eq!(
        body(&request),
        json!({"@odata.type": "#microsoft.graph.teamsAsyncOperation"})
    );
}

#[test]
fn setters_after_diff_still_apply() {
    let old = current();
    let request = TeamsAsyncOperation::patch_team("t")
        .diff(&old, &old)
        .attempts_count(9)
        .build()
        .unwrap();
    assert_eq!(body(&request)["attemptsCount"], 9);
}

fn patch_body(request: &odata_resource::PatchRequest<Thing>) -> &str {
    std::str::from_utf8(request.body()).unwrap()
}

#[test]
fn a_nested_none_is_absent_at_every_depth() {
    let request = Thing::patch("1")
        .outer(Outer {
            middle: Some(Middle {
                inner: Some(Box::new(Inner {
                    b: Some(7),
                    ..Inner::default()
                })),
                name: None,
            }),
            items: None,
            count: 0,
        })
        .build()
        .unwrap();
    assert_eq!(
        patch_body(&request),
        r##"{"@odata.type":"#test.thing","outer":{"@odata.type":"#test.outer","middle":{"@odata.type":"#test.middle","inner":{"@odata.type":"#test.inner","b":7}},"count":0}}"##
    );
}

#[test]
fn teams_error_code_alone_leaves_the_message_alone() {
    let request = TeamsAsyncOperation::patch_team("t")
        .error(OperationError {
            code: Some("TeamUnavailable".into()),
            message: None,
        })
        .build()
        .unwrap();
    assert_eq!(
        body(&request),
        json!({
            "@odata.type": "#microsoft.graph.teamsAsyncOperation",
            "error": {"@odata.type": "#microsoft.graph.operationError", "code": "TeamUnavailable"}
        })
    );
}

#[test]
fn nested_changes_are_tri_state_like_the_builder() {
    let request = TeamsAsyncOperation::patch_team("t")
        .error(
            OperationError::patch()
                .code("TeamUnavailable")
                .clear_message(),
        )
        .build()
        .unwrap();
    assert_eq!(
        body(&request),
        json!({
            "@odata.type": "#microsoft.graph.teamsAsyncOperation",
            "error": {"@odata.type": "#microsoft.graph.operationError", "code": "TeamUnavailable", "message": null}
        })
    );
    // nothing set: an empty change, which the service merges as no change
    let request = TeamsAsyncOperation::patch_team("t")
        .error(OperationError::patch())
        .build()
        .unwrap();
    assert_eq!(
        body(&request)["error"],
        json!({"@odata.type": "#microsoft.graph.operationError"})
    );
    // the last call wins, as on the builder
    let request = TeamsAsyncOperation::patch_team("t")
        .error(OperationError::patch().clear_code().code("again"))
        .build()
        .unwrap();
    assert_eq!(body(&request)["error"]["code"], "again");
}

#[test]
fn nested_changes_three_levels_down_and_through_a_box() {
    let request = Thing::patch("1")
        .outer(
            Outer::patch().middle(
                Middle::patch()
                    .inner(Inner::patch().clear_a().b(3).c("c"))
                    .clear_name(),
            ),
        )
        .build()
        .unwrap();
    assert_eq!(
        patch_body(&request),
        r##"{"@odata.type":"#test.thing","outer":{"@odata.type":"#test.outer","middle":{"@odata.type":"#test.middle","inner":{"@odata.type":"#test.inner","a":null,"b":3,"c":"c"},"name":null}}}"##
    );
    // a whole value still works where nested changes do
    let request = Thing::patch("1")
        .outer(Outer::patch().middle(Middle {
            inner: None,
            name: Some("n".into()),
        }))
        .build()
        .unwrap();
    assert_eq!(
        patch_body(&request),
        r##"{"@odata.type":"#test.thing","outer":{"@odata.type":"#test.outer","middle":{"@odata.type":"#test.middle","name":"n"}}}"##
    );
}

#[test]
fn a_collection_of_complex_values_is_sent_whole_without_their_none() {
    let request = Thing::patch("1")
        .outer(Outer::patch().items(vec![
            Inner {
                a: Some("x".into()),
                ..Inner::default()
            },
            Inner::default(),
        ]))
        .build()
        .unwrap();
    assert_eq!(
        patch_body(&request),
        r##"{"@odata.type":"#test.thing","outer":{"@odata.type":"#test.outer","items":[{"@odata.type":"#test.inner","a":"x"},{"@odata.type":"#test.inner"}]}}"##
    );
}

#[test]
fn a_late_enum_member_inside_nested_changes_still_asks_for_it() {
    use teams_model::TeamsAsyncOperationType;

    #[derive(ComplexType, Debug, Clone, PartialEq)]
    #[odata(type = "test.kind")]
    pub struct Kind {
        pub kind: Option<TeamsAsyncOperationType>,
    }
    #[derive(Resource, Debug, Clone, PartialEq)]
    #[odata(type = "test.holder", path = "/holders/{id}")]
    pub struct Holder {
        pub kind: Option<Kind>,
    }
    let late = Holder::patch("1")
        .kind(Kind::patch().kind(TeamsAsyncOperationType::TeamifyGroup))
        .build()
        .unwrap();
    assert_eq!(
        late.headers()["prefer"],
        "include-unknown-enum-members",
        "{late}"
    );
    let early = Holder::patch("1")
        .kind(Kind::patch().kind(TeamsAsyncOperationType::CloneTeam))
        .build()
        .unwrap();
    assert!(!early.headers().contains_key("prefer"));
}

// ---------------------------------------------------------------------------------------------
// Dictionaries: Graph's plannerAssignments and plannerAppliedCategories, typed. The bodies are
// those of Graph's "Update plannerTask" docs.

use odata_resource::{Annotations, Dictionary};

/// `microsoft.graph.plannerAssignment`.
#[derive(ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.plannerAssignment")]
struct PlannerAssignment {
    #[odata(read_only)]
    assigned_date_time: Option<DateTimeOffset>,
    order_hint: Option<String>,
}

/// `microsoft.graph.plannerTask`, as much as the docs' PATCH needs. Graph's docs send no
/// top-level `@odata.type` for it (the entity set's type): `no_type_annotation`.
#[derive(Resource, Debug, Clone, PartialEq, Default)]
#[odata(
    type = "microsoft.graph.plannerTask",
    path = "/planner/tasks/{task-id}"
)]
#[odata(no_type_annotation)]
struct PlannerTask {
    #[odata(read_only)]
    id: Option<String>,
    title: Option<String>,
    applied_categories: Option<Dictionary<bool>>,
    assignments: Option<Dictionary<PlannerAssignment>>,
    #[odata(annotations)]
    annotations: Annotations,
}

const USER: &str = "fbab97d0-4932-4511-b675-204639209557";
const ETAG: &str = "W/\"JzEtVGFzayAgQEBAQEBAQEBAQEBAQEBAWCc=\"";

#[test]
fn planner_add_an_assignee_and_set_categories_as_the_docs_do() {
    let request = PlannerTask::patch("01gzSlKkIUSUl6DF_EilrmQAKDhh")
        .assignments(Dictionary::patch().set(USER, PlannerAssignment::patch().order_hint(" !")))
        .applied_categories(
            Dictionary::patch()
                .set("category3", true)
                .set("category4", false),
        )
        .if_match(ETAG)
        .build()
        .unwrap();
    assert_eq!(
        std::str::from_utf8(request.body()).unwrap(),
        r##"{"appliedCategories":{"category3":true,"category4":false},"assignments":{"fbab97d0-4932-4511-b675-204639209557":{"@odata.type":"#microsoft.graph.plannerAssignment","orderHint":" !"}}}"##
    );
    assert_eq!(
        request.path(),
        "/planner/tasks/01gzSlKkIUSUl6DF_EilrmQAKDhh"
    );
    // a whole dictionary value works too, and writes the same
    let whole = PlannerTask::patch("t")
        .applied_categories(
            [("category3", true), ("category4", false)]
                .into_iter()
                .collect::<Dictionary<bool>>(),
        )
        .build()
        .unwrap();
    assert_eq!(
        whole.body(),
        br#"{"appliedCategories":{"category3":true,"category4":false}}"#
    );
}

#[test]
fn planner_remove_an_assignee_is_its_key_with_null() {
    let request = PlannerTask::patch("t")
        .assignments(Dictionary::<PlannerAssignment>::patch().remove(USER))
        .build()
        .unwrap();
    assert_eq!(
        std::str::from_utf8(request.body()).unwrap(),
        r#"{"assignments":{"fbab97d0-4932-4511-b675-204639209557":null}}"#
    );
}

#[test]
fn planner_values_are_typed_when_read() {
    let task: PlannerTask = from_slice(
        br##"{"@odata.etag":"W/\"1\"","id":"t","assignments":{"@odata.type":"#microsoft.graph.plannerAssignments","fbab97d0-4932-4511-b675-204639209557":{"@odata.type":"#microsoft.graph.plannerAssignment","assignedDateTime":"2024-02-29T10:00:00.1234567Z","orderHint":"8585"}},"appliedCategories":{"category1":true}}"##,
    )
    .unwrap();
    let assignment = task.assignments.as_ref().unwrap().get(USER).unwrap();
    assert_eq!(assignment.order_hint.as_deref(), Some("8585"));
    assert_eq!(
        assignment.assigned_date_time.unwrap().to_string(),
        "2024-02-29T10:00:00.1234567Z"
    );
    assert_eq!(
        task.applied_categories.unwrap().get("category1"),
        Some(&true)
    );

    // a value of the wrong type is an error naming the key
    let err = from_slice::<PlannerTask>(
        br#"{"assignments":{"fbab97d0-4932-4511-b675-204639209557":{"orderHint":5}}}"#,
    )
    .unwrap_err();
    let odata_resource::Error::Json { path, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!(
        path,
        "assignments.fbab97d0-4932-4511-b675-204639209557.orderHint"
    );
    let err = serde_json::from_str::<PlannerTask>(r#"{"appliedCategories":{"category1":"yes"}}"#)
        .unwrap_err();
    assert!(
        err.to_string().starts_with(
            r#"appliedCategories.category1: invalid type: string "yes", expected a boolean"#
        ),
        "{err}"
    );
}

#[test]
fn planner_diff_sends_only_changed_keys_and_null_for_removed_ones() {
    let old: PlannerTask = from_slice(
        br#"{"id":"t","assignments":{"a":{"orderHint":"1"},"b":{"orderHint":"2"},"c":{"orderHint":"3"}},"appliedCategories":{"category1":true,"category2":true}}"#,
    )
    .unwrap();
    let mut new = old.clone();
    let assignments = new.assignments.as_mut().unwrap();
    assignments.remove("a");
    assignments.get_mut("b").unwrap().order_hint = Some("2b".into());
    assignments.insert(
        "d",
        PlannerAssignment {
            order_hint: Some(" !".into()),
            ..PlannerAssignment::default()
        },
    );
    new.applied_categories
        .as_mut()
        .unwrap()
        .insert("category2", false);
    let request = PlannerTask::patch("t").diff(&old, &new).build().unwrap();
    assert_eq!(
        std::str::from_utf8(request.body()).unwrap(),
        r##"{"appliedCategories":{"category2":false},"assignments":{"b":{"@odata.type":"#microsoft.graph.plannerAssignment","orderHint":"2b"},"d":{"@odata.type":"#microsoft.graph.plannerAssignment","orderHint":" !"},"a":null}}"##
    );
    // reordering keys is no change
    let mut reordered = old.clone();
    let entries: Vec<_> = old.assignments.clone().unwrap().into_iter().rev().collect();
    reordered.assignments = Some(entries.into_iter().collect());
    let request = PlannerTask::patch("t")
        .diff(&old, &reordered)
        .build()
        .unwrap();
    assert_eq!(request.body(), b"{}");
}
