//! JSON `$batch`: building Graph's batch body, the limits, reading answers in any order, and
//! sending it end to end.

use std::time::Duration;

use graph_test_server::{Failure, GraphServer};
use odata_resource::http::Response;
use odata_resource::{Batch, Client, Error, RetryAfter};
use serde_json::{json, Value};
use teams_model::{TeamsAsyncOperation, TeamsAsyncOperationStatus, TeamsAsyncOperationType};

fn patch(
    team: &str,
    status: TeamsAsyncOperationStatus,
) -> odata_resource::PatchRequest<TeamsAsyncOperation> {
    TeamsAsyncOperation::patch_team(team)
        .status(status)
        .build()
        .unwrap()
}

#[test]
fn the_body_is_graphs_json_batch_format() {
    let first = TeamsAsyncOperation::patch_team("t 1")
        .operation_type(TeamsAsyncOperationType::CreateChannel)
        .if_match("W/\"1\"")
        .build()
        .unwrap();
    let second = patch("t2", TeamsAsyncOperationStatus::Failed);
    let mut batch = Batch::new();
    batch.add("a", &first).unwrap();
    batch.add_after("b", &second, &["a"]).unwrap();
    let body: Value = serde_json::from_slice(&batch.body()).unwrap();
    assert_eq!(
        body,
        json!({"requests": [
            {
                "id": "a", "method": "PATCH", "url": "/teams/t%201/operations",
                "headers": {
                    "content-type": "application/json",
                    "if-match": "W/\"1\"",
                    "prefer": "include-unknown-enum-members"
                },
                "body": {"@odata.type": "#microsoft.graph.teamsAsyncOperation", "operationType": "createChannel"}
            },
            {
                "id": "b", "method": "PATCH", "url": "/teams/t2/operations",
                "headers": {"content-type": "application/json"},
                "body": {"@odata.type": "#microsoft.graph.teamsAsyncOperation", "status": "failed"},
                "dependsOn": ["a"]
            }
        ]})
    );
    let http = batch.to_http("https://graph.microsoft.com/v1.0/").unwrap();
    assert_eq!(http.method(), "POST");
    assert_eq!(http.uri(), "https://graph.microsoft.com/v1.0/$batch");
    assert_eq!(http.headers()["content-type"], "application/json");
    assert_eq!(http.body(), &batch.body());
}

#[test]
fn ids_unique_dependencies_earlier_at_most_twenty() {
    let request = patch("t", TeamsAsyncOperationStatus::Failed);
    let mut batch = Batch::new();
    batch.add("1", &request).unwrap();
    let err = batch.add("1", &request).unwrap_err();
    assert_eq!(err.to_string(), "batch request id `1` is used twice");
    let err = batch.add_after("2", &request, &["3"]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "batch request `2` depends on `3`, which is not an earlier request of the batch"
    );
    let err = batch.add("", &request).unwrap_err();
    assert!(matches!(err, Error::Batch(_)), "{err:?}");
    for n in 2..=20 {
        batch.add(n.to_string(), &request).unwrap();
    }
    let err = batch.add("21", &request).unwrap_err();
    assert_eq!(err.to_string(), "a batch holds at most 20 requests");
    assert_eq!(batch.len(), 20);
}

#[test]
fn larger_sets_are_split_into_batches_of_twenty() {
    let requests: Vec<_> = (0..45)
        .map(|i| patch(&format!("t{i}"), TeamsAsyncOperationStatus::Failed))
        .collect();
    let batches = Batch::split(&requests).unwrap();
    let sizes: Vec<usize> = batches.iter().map(|(b, _)| b.len()).collect();
    assert_eq!(sizes, [20, 20, 5]);
    let ids: Vec<&str> = batches[2].1.iter().map(|id| id.as_str()).collect();
    assert_eq!(ids, ["41", "42", "43", "44", "45"]);
}

#[test]
fn answers_in_any_order_are_read_back_by_id() {
    let mut batch = Batch::new();
    let ok = batch
        .add("ok", &patch("a", TeamsAsyncOperationStatus::Failed))
        .unwrap();
    let empty = batch
        .add("empty", &patch("b", TeamsAsyncOperationStatus::Failed))
        .unwrap();
    let missing = batch
        .add("missing", &patch("c", TeamsAsyncOperationStatus::Failed))
        .unwrap();
    let skipped = batch
        .add_after(
            "skipped",
            &patch("d", TeamsAsyncOperationStatus::Failed),
            &["missing"],
        )
        .unwrap();
    let throttled = batch
        .add("throttled", &patch("e", TeamsAsyncOperationStatus::Failed))
        .unwrap();
    let envelope = json!({"responses": [
        {"id": "throttled", "status": 429, "headers": {"Retry-After": "3"}, "body": {"error": {"code": "TooManyRequests", "message": "Slow down."}}},
        {"id": "skipped", "status": 424, "body": {"error": {"code": "FailedDependency", "message": "dependency failed"}}},
        {"id": "empty", "status": 204, "body": null},
        {"id": "missing", "status": 404, "headers": {"content-type": "application/json"}, "body": {"error": {"code": "itemNotFound", "message": "no team"}}},
        {"id": "ok", "status": 200, "headers": {"content-type": "application/json"}, "body": {"id": "op", "status": "failed"}}
    ]});
    let response = Response::builder()
        .status(200)
        .body(serde_json::to_vec(&envelope).unwrap())
        .unwrap();
    let answers = batch.parse_response(&response).unwrap();
    assert_eq!(answers.len(), 5);
    let parsed = answers.get(&ok).unwrap().unwrap();
    assert_eq!(parsed.id.as_deref(), Some("op"));
    assert_eq!(answers.get(&empty).unwrap(), None);
    let status = |result: Result<_, Error>| match result {
        Err(Error::Service(service)) => (
            service.status.as_u16(),
            service.error.code.clone(),
            service.retry_after,
        ),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        status(answers.get(&missing)),
        (404, "itemNotFound".into(), None)
    );
    assert_eq!(
        status(answers.get(&skipped)),
        (424, "FailedDependency".into(), None)
    );
    assert_eq!(
        status(answers.get(&throttled)),
        (
            429,
            "TooManyRequests".into(),
            Some(RetryAfter::Delay(Duration::from_secs(3)))
        )
    );
}

#[test]
fn a_response_that_does_not_answer_the_batch_is_an_error() {
    let mut batch = Batch::new();
    batch
        .add("1", &patch("a", TeamsAsyncOperationStatus::Failed))
        .unwrap();
    for (envelope, expected) in [
        (json!({"responses": []}), "no answer for `1`"),
        (
            json!({"responses": [{"id": "2", "status": 200}]}),
            "which the batch did not send",
        ),
        (
            json!({"responses": [{"id": "1", "status": 200}, {"id": "1", "status": 204}]}),
            "two answers for `1`",
        ),
        (json!({"responses": [{"id": "1"}]}), "no numeric `status`"),
        (json!({"value": []}), "no `responses` array"),
    ] {
        let response = Response::builder()
            .status(200)
            .body(serde_json::to_vec(&envelope).unwrap())
            .unwrap();
        let err = batch.parse_response(&response).unwrap_err();
        assert!(err.to_string().contains(expected), "{envelope}: {err}");
    }
    let failed = Response::builder()
        .status(400)
        .body(br#"{"error":{"code":"BadRequest","message":"m"}}"#.to_vec())
        .unwrap();
    assert!(matches!(batch.parse_response(&failed), Err(Error::Service(s)) if s.status == 400));
}

async fn server_with_teams() -> GraphServer {
    let server = GraphServer::start().await.unwrap();
    for team in ["a", "b"] {
        server.put_operation(
            team,
            json!({"id": format!("op-{team}"), "status": "inProgress", "attemptsCount": 1}),
        );
    }
    server
}

#[tokio::test]
async fn sent_end_to_end_with_200_204_404_and_a_failed_dependency() {
    let server = server_with_teams().await;
    let mut batch = Batch::new();
    let a = batch
        .add("a", &patch("a", TeamsAsyncOperationStatus::Succeeded))
        .unwrap();
    let minimal = TeamsAsyncOperation::patch_team("b")
        .status(TeamsAsyncOperationStatus::Failed)
        .header("Prefer", "return=minimal")
        .build()
        .unwrap();
    let b = batch.add("b", &minimal).unwrap();
    let nobody = batch
        .add(
            "nobody",
            &patch("nobody", TeamsAsyncOperationStatus::Failed),
        )
        .unwrap();
    let after = batch
        .add_after(
            "after",
            &patch("a", TeamsAsyncOperationStatus::Failed),
            &["nobody"],
        )
        .unwrap();

    let answers = Client::with_token(server.service_root(), "t")
        .send_batch(&batch)
        .await
        .unwrap();
    assert_eq!(
        answers.get(&a).unwrap().unwrap().status,
        Some(TeamsAsyncOperationStatus::Succeeded)
    );
    assert_eq!(answers.get(&b).unwrap(), None);
    assert!(matches!(answers.get(&nobody), Err(Error::Service(s)) if s.status == 404));
    assert!(matches!(answers.get(&after), Err(Error::Service(s)) if s.status == 424));
    assert_eq!(
        server.operation("a").unwrap()["status"],
        "succeeded",
        "the dependent request did not run"
    );
    assert_eq!(server.operation("b").unwrap()["status"], "failed");

    let requests = server.requests();
    assert_eq!(requests.len(), 1, "one round trip");
    assert_eq!(requests[0].raw_path, "/beta/$batch");
}

#[tokio::test]
async fn a_throttled_item_keeps_its_retry_after_and_is_not_retried() {
    let server = server_with_teams().await;
    server.fail_next_in_batch(
        1,
        Failure::TooManyRequests {
            retry_after: Some("7".into()),
        },
    );
    let mut batch = Batch::new();
    let first = batch
        .add("1", &patch("a", TeamsAsyncOperationStatus::Failed))
        .unwrap();
    let second = batch
        .add("2", &patch("b", TeamsAsyncOperationStatus::Failed))
        .unwrap();
    let answers = Client::with_token(server.service_root(), "t")
        .send_batch(&batch)
        .await
        .unwrap();
    match answers.get(&first) {
        Err(Error::Service(service)) => {
            assert_eq!(service.status, 429);
            assert_eq!(
                service.retry_after,
                Some(RetryAfter::Delay(Duration::from_secs(7)))
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(answers.get(&second).unwrap().is_some());
    assert_eq!(server.requests().len(), 1);
}
