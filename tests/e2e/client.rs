//! Sending PATCHes through `Client`: merge, retries, throttling, tokens, both paths.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use graph_test_server::{Failure, GraphServer};
use odata_resource::{Client, Error, Resource, RetryPolicy};
use serde_json::json;
use teams_model::{
    OperationError, TeamsAsyncOperation, TeamsAsyncOperationStatus, TeamsAsyncOperationType,
};

pub(crate) const TEAM: &str = "team/1 é";

pub(crate) async fn server() -> GraphServer {
    let server = GraphServer::start().await.unwrap();
    server.put_operation(
        TEAM,
        json!({
            "id": "op-1", "operationType": "cloneTeam", "createdDateTime": "2021-05-27T21:23:41.9085453Z",
            "status": "inProgress", "lastActionDateTime": "2021-05-27T21:23:41.9085453Z",
            "attemptsCount": 1, "targetResourceId": "t", "targetResourceLocation": "/teams('t')", "error": null
        }),
    );
    server
}

/// Waits in tests are milliseconds.
pub(crate) fn fast() -> RetryPolicy {
    RetryPolicy::default()
        .base_delay(Duration::from_millis(2))
        .max_delay(Duration::from_millis(10))
        .max_total_wait(Duration::from_secs(2))
}

pub(crate) fn client(server: &GraphServer) -> Client {
    Client::with_token(server.service_root(), "token-1").retry_policy(fast())
}

fn succeed() -> odata_resource::PatchRequest<TeamsAsyncOperation> {
    TeamsAsyncOperation::patch_team(TEAM)
        .status(TeamsAsyncOperationStatus::Succeeded)
        .attempts_count(2)
        .clear_target_resource_location()
        .build()
        .unwrap()
}

#[tokio::test]
async fn ok_returns_the_updated_resource_and_the_server_merged_the_patch() {
    let server = server().await;
    let updated = client(&server).send(&succeed()).await.unwrap().unwrap();
    assert_eq!(updated.status, Some(TeamsAsyncOperationStatus::Succeeded));
    assert_eq!(updated.attempts_count, Some(2));
    assert_eq!(updated.target_resource_location, None);
    assert_eq!(
        updated.operation_type,
        Some(TeamsAsyncOperationType::CloneTeam),
        "absent = unchanged"
    );
    assert_eq!(updated.annotations.etag(), server.etag(TEAM).as_deref());

    let stored = server.operation(TEAM).unwrap();
    assert_eq!(stored["status"], "succeeded");
    assert_eq!(stored["targetResourceLocation"], serde_json::Value::Null);
    assert_eq!(stored["targetResourceId"], "t");

    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let sent = &requests[0];
    assert_eq!(sent.method, "PATCH");
    assert_eq!(sent.raw_path, "/beta/teams/team%2F1%20%C3%A9/operations");
    assert_eq!(sent.headers["authorization"], "Bearer token-1");
    assert_eq!(sent.headers["content-type"], "application/json");
    assert_eq!(sent.body, succeed().body());
}

/// OData's merge rule (4.0 Part 1 §11.4.3) end to end: setting `error.code` from a value whose
/// `message` is `None` keeps the message the server has; only an explicit nested `null` clears.
#[tokio::test]
async fn patching_error_code_keeps_error_message_on_the_server() {
    let server = server().await;
    let client = client(&server);
    let message = "The team was not found.";
    let first = TeamsAsyncOperation::patch_team(TEAM)
        .error(
            OperationError::patch()
                .code("TeamUnavailable")
                .message(message),
        )
        .build()
        .unwrap();
    client.send(&first).await.unwrap();

    let code_only = TeamsAsyncOperation::patch_team(TEAM)
        .error(OperationError {
            code: Some("TeamArchived".into()),
            message: None,
        })
        .build()
        .unwrap();
    let updated = client.send(&code_only).await.unwrap().unwrap();
    let kept = Some(OperationError {
        code: Some("TeamArchived".into()),
        message: Some(message.into()),
    });
    assert_eq!(updated.error, kept);
    assert_eq!(
        server.operation(TEAM).unwrap()["error"],
        json!({"code": "TeamArchived", "message": message})
    );

    let cleared = TeamsAsyncOperation::patch_team(TEAM)
        .error(OperationError::patch().clear_message())
        .build()
        .unwrap();
    let updated = client.send(&cleared).await.unwrap().unwrap();
    assert_eq!(
        updated.error,
        Some(OperationError {
            code: Some("TeamArchived".into()),
            message: None,
        })
    );
    assert_eq!(
        server.operation(TEAM).unwrap()["error"],
        json!({"code": "TeamArchived", "message": null})
    );
}

#[tokio::test]
async fn return_minimal_gives_204_and_none() {
    let server = server().await;
    let request = TeamsAsyncOperation::patch_team(TEAM)
        .status(TeamsAsyncOperationStatus::Failed)
        .header("Prefer", "return=minimal")
        .build()
        .unwrap();
    let raw = client(&server).send_raw(&request).await.unwrap();
    assert_eq!(raw.status(), 204);
    assert_eq!(client(&server).send(&request).await.unwrap(), None);
    assert_eq!(server.operation(TEAM).unwrap()["status"], "failed");
}

/// A model that forgot `read_only` on `id`: the service refuses it.
#[derive(Resource, Debug, Default)]
#[odata(type = "microsoft.graph.teamsAsyncOperation")]
#[odata(path = "/teams/{teamsId}/operations")]
struct CarelessOperation {
    id: Option<String>,
}

#[tokio::test]
async fn bad_request_is_parsed_into_a_service_error() {
    let server = server().await;
    let request = CarelessOperation::patch(TEAM).id("other").build().unwrap();
    let err = client(&server).send(&request).await.unwrap_err();
    let Error::Service(service) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(service.status, 400);
    assert_eq!(
        service.error.message,
        "Property 'id' is read-only and cannot be set."
    );
    assert!(service.request_id.is_some());
    assert_eq!(
        server.operation(TEAM).unwrap()["id"],
        "op-1",
        "nothing changed"
    );
}

#[tokio::test]
async fn missing_token_is_401() {
    let server = server().await;
    let err = Client::with_token(server.service_root(), "")
        .send(&succeed())
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Service(s) if s.status == 401 && s.error.code == "InvalidAuthenticationToken"),
        "{err:?}"
    );
}

#[tokio::test]
async fn unknown_team_is_404_with_both_request_ids() {
    let server = server().await;
    let request = TeamsAsyncOperation::patch_team("nobody")
        .attempts_count(1)
        .build()
        .unwrap();
    let err = client(&server).send(&request).await.unwrap_err();
    let Error::Service(service) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(service.status, 404);
    let sent_id = server.requests()[0].headers["client-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(service.client_request_id.as_deref(), Some(sent_id.as_str()));
    assert_ne!(service.request_id, None);
}

#[tokio::test]
async fn stale_etag_is_412_then_the_current_one_succeeds() {
    let server = server().await;
    let stale = TeamsAsyncOperation::patch_team(TEAM)
        .attempts_count(5)
        .if_match("W/\"999\"")
        .build()
        .unwrap();
    let err = client(&server).send(&stale).await.unwrap_err();
    assert!(
        matches!(&err, Error::Service(s) if s.status == 412),
        "{err:?}"
    );
    assert_eq!(server.operation(TEAM).unwrap()["attemptsCount"], 1);

    let etag = server.etag(TEAM).unwrap();
    let current = TeamsAsyncOperation::patch_team(TEAM)
        .attempts_count(5)
        .if_match(&etag)
        .build()
        .unwrap();
    let updated = client(&server).send(&current).await.unwrap().unwrap();
    assert_eq!(updated.attempts_count, Some(5));
    assert_ne!(
        updated.annotations.etag(),
        Some(etag.as_str()),
        "a new version"
    );
}

#[tokio::test]
async fn throttled_then_success_after_the_advertised_wait() {
    let server = server().await;
    server.fail_next(
        1,
        Failure::TooManyRequests {
            retry_after: Some("0.05".into()),
        },
    );
    let started = Instant::now();
    let updated = client(&server).send(&succeed()).await.unwrap();
    assert!(updated.is_some());
    assert!(
        started.elapsed() >= Duration::from_millis(50),
        "Retry-After was not honoured"
    );
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_ne!(
        requests[0].headers["client-request-id"], requests[1].headers["client-request-id"],
        "every attempt carries a fresh client-request-id"
    );
}

#[tokio::test]
async fn unavailable_twice_then_success() {
    let server = server().await;
    server.fail_next(1, Failure::ServiceUnavailable { retry_after: None });
    server.fail_next(1, Failure::GatewayTimeout);
    assert!(client(&server).send(&succeed()).await.unwrap().is_some());
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn attempts_are_capped() {
    let server = server().await;
    server.fail_next(10, Failure::ServiceUnavailable { retry_after: None });
    let err = Client::with_token(server.service_root(), "t")
        .retry_policy(fast().max_attempts(3))
        .send(&succeed())
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Service(s) if s.status == 503),
        "{err:?}"
    );
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn a_dropped_connection_is_a_transport_error_without_retry() {
    let server = server().await;
    server.fail_next(5, Failure::DropConnection);
    let err = client(&server).send(&succeed()).await.unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert_eq!(server.requests().len(), 1, "no retry storm");
}

#[tokio::test]
async fn retry_after_beyond_the_cap_is_an_error_at_once() {
    let server = server().await;
    server.fail_next(
        1,
        Failure::TooManyRequests {
            retry_after: Some("3600".into()),
        },
    );
    let (client, request) = (client(&server), succeed());
    let send = client.send(&request);
    let err = tokio::time::timeout(Duration::from_secs(10), send)
        .await
        .expect("the client slept instead of returning the error")
        .unwrap_err();
    let Error::Service(service) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(service.status, 429);
    assert_eq!(
        service.retry_after,
        odata_resource::RetryAfter::parse("3600")
    );
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn throttling_retry_can_be_switched_off() {
    let server = server().await;
    server.fail_next(
        1,
        Failure::TooManyRequests {
            retry_after: Some("0".into()),
        },
    );
    let err = Client::with_token(server.service_root(), "t")
        .retry_policy(fast().throttling(false))
        .send(&succeed())
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Service(s) if s.status == 429),
        "{err:?}"
    );
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn both_paths() {
    let server = server().await;
    server.link_group("inv 1", "group/1", TEAM);
    let request = TeamsAsyncOperation::patch_invited_user_team("inv 1", "group/1")
        .status(TeamsAsyncOperationStatus::Failed)
        .build()
        .unwrap();
    let updated = client(&server).send(&request).await.unwrap().unwrap();
    assert_eq!(updated.status, Some(TeamsAsyncOperationStatus::Failed));
    assert_eq!(
        server.requests()[0].raw_path,
        "/beta/invitations/inv%201/invitedUser/joinedGroups/group%2F1/team/operations"
    );
    assert_eq!(server.operation(TEAM).unwrap()["status"], "failed");
}

#[tokio::test]
async fn late_enum_members_carry_prefer_and_are_accepted() {
    let server = server().await;
    let request = TeamsAsyncOperation::patch_team(TEAM)
        .operation_type(TeamsAsyncOperationType::ArchiveChannel)
        .build()
        .unwrap();
    let updated = client(&server).send(&request).await.unwrap().unwrap();
    assert_eq!(
        updated.operation_type,
        Some(TeamsAsyncOperationType::ArchiveChannel)
    );
    assert_eq!(
        server.requests()[0].headers["prefer"],
        "include-unknown-enum-members"
    );
}

#[tokio::test]
async fn the_token_provider_is_asked_before_every_attempt() {
    let server = server().await;
    server.fail_next(
        1,
        Failure::ServiceUnavailable {
            retry_after: Some("0".into()),
        },
    );
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let client = Client::with_token_provider(server.service_root(), move || {
        let n = counter.fetch_add(1, Ordering::SeqCst);
        async move { Ok::<_, std::io::Error>(format!("token-{n}")) }
    })
    .retry_policy(fast());
    assert!(client.send(&succeed()).await.unwrap().is_some());
    assert_eq!(calls.load(Ordering::SeqCst), 2);
    let requests = server.requests();
    assert_eq!(requests[1].headers["authorization"], "Bearer token-1");
}

#[tokio::test]
async fn a_token_with_a_newline_is_refused_before_sending() {
    let server = server().await;
    let err = Client::with_token(server.service_root(), "t\r\nX-Evil: 1")
        .send(&succeed())
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidHeader { name, .. } if name == "authorization"),
        "{err:?}"
    );
    assert!(server.requests().is_empty());
}
