//! Read–modify–write: GET by the declared path with a typed `$select`, the ETag, `If-None-Match`
//! and 304, and `Client::update`'s loop with `If-Match` and 412.

use std::sync::Arc;

use graph_test_server::GraphServer;
use odata_resource::{http_message, Error};
use serde_json::json;
use teams_model::{TeamsAsyncOperation, TeamsAsyncOperationStatus};

use crate::client::{client, server, TEAM};

#[tokio::test]
async fn get_with_select_reads_only_what_was_asked_and_the_etag() {
    let server = server().await;
    let request = TeamsAsyncOperation::get_team(TEAM)
        .select([
            TeamsAsyncOperation::STATUS,
            TeamsAsyncOperation::ATTEMPTS_COUNT,
        ])
        .build()
        .unwrap();
    assert_eq!(
        request.path_and_query(),
        "/teams/team%2F1%20%C3%A9/operations?$select=status,attemptsCount"
    );
    let operation = client(&server).get(&request).await.unwrap().unwrap();
    assert_eq!(
        operation.status,
        Some(TeamsAsyncOperationStatus::InProgress)
    );
    assert_eq!(operation.attempts_count, Some(1));
    // left out by $select: read as None, not an error
    assert_eq!((operation.id, operation.target_resource_id), (None, None));
    assert_eq!(operation.annotations.etag(), server.etag(TEAM).as_deref());
    let sent = &server.requests()[0];
    assert_eq!(
        sent.raw_path,
        "/beta/teams/team%2F1%20%C3%A9/operations?$select=status,attemptsCount"
    );
}

#[tokio::test]
async fn if_none_match_with_the_current_etag_is_304_and_none() {
    let server = server().await;
    let etag = server.etag(TEAM).unwrap();
    let client = client(&server);
    let unchanged = TeamsAsyncOperation::get_team(TEAM)
        .if_none_match(&etag)
        .build()
        .unwrap();
    assert_eq!(client.get(&unchanged).await.unwrap(), None);
    let stale = TeamsAsyncOperation::get_team(TEAM)
        .if_none_match("W/\"0\"")
        .build()
        .unwrap();
    assert!(client.get(&stale).await.unwrap().is_some());
}

#[tokio::test]
async fn the_printed_request_is_what_goes_on_the_wire() {
    let server = server().await;
    let request = TeamsAsyncOperation::get_team(TEAM).build().unwrap();
    let http = request.to_http(&server.service_root()).unwrap();
    let text = http_message(&http);
    let host = server.addr().to_string();
    assert_eq!(
        text,
        format!("GET /beta/teams/team%2F1%20%C3%A9/operations HTTP/1.1\r\nHost: {host}\r\n\r\n")
    );
}

#[tokio::test]
async fn update_sends_only_the_change_with_if_match() {
    let server = server().await;
    let etag = server.etag(TEAM).unwrap();
    let request = TeamsAsyncOperation::get_team(TEAM).build().unwrap();
    let updated = client(&server)
        .update(&request, |op| {
            op.status = Some(TeamsAsyncOperationStatus::Succeeded)
        })
        .await
        .unwrap();
    assert_eq!(updated.status, Some(TeamsAsyncOperationStatus::Succeeded));
    let requests = server.requests();
    assert_eq!(requests.len(), 2, "one GET, one PATCH");
    let patch = &requests[1];
    assert_eq!(patch.method, "PATCH");
    assert_eq!(patch.headers["if-match"], etag.as_str());
    assert_eq!(
        patch.body,
        br##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","status":"succeeded"}"##
    );
    assert_ne!(
        server.etag(TEAM).unwrap(),
        etag,
        "an update changes the ETag"
    );
}

#[tokio::test]
async fn no_change_sends_no_patch() {
    let server = server().await;
    let request = TeamsAsyncOperation::get_team(TEAM).build().unwrap();
    let same = client(&server).update(&request, |_| {}).await.unwrap();
    assert_eq!(same.attempts_count, Some(1));
    assert_eq!(server.requests().len(), 1, "only the GET");
}

/// Two writers read the same version; both changes end up on the server, the one that loses
/// the race is answered 412, reads again and succeeds: no write is lost. Each writer's first
/// change waits until both have read (a barrier between the GET and the PATCH), so the race
/// is certain; the server runs on its own thread.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_writers_lose_nothing_and_the_loser_retries_once() {
    let server = GraphServer::start_on_thread().unwrap();
    server.put_operation(
        TEAM,
        json!({"id": "op-1", "status": "inProgress", "attemptsCount": 1}),
    );
    let request = TeamsAsyncOperation::get_team(TEAM).build().unwrap();
    let both_read = Arc::new(std::sync::Barrier::new(2));
    let writer = |change: fn(&mut TeamsAsyncOperation)| {
        let client = client(&server);
        let request = request.clone();
        let both_read = Arc::clone(&both_read);
        tokio::spawn(async move {
            let mut calls = 0;
            let result = client
                .update(&request, |op| {
                    calls += 1;
                    if calls == 1 {
                        both_read.wait();
                    }
                    change(op);
                })
                .await;
            result.map(|_| calls)
        })
    };
    let status = writer(|op| op.status = Some(TeamsAsyncOperationStatus::Succeeded));
    let count = writer(|op| op.attempts_count = Some(op.attempts_count.unwrap_or(0) + 41));
    let calls = [
        status.await.unwrap().unwrap(),
        count.await.unwrap().unwrap(),
    ];
    let stored = server.operation(TEAM).unwrap();
    assert_eq!(stored["status"], "succeeded");
    assert_eq!(stored["attemptsCount"], 42);
    let mut sorted = calls;
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        [1, 2],
        "the loser read and changed again exactly once"
    );
    let patches = server
        .requests()
        .iter()
        .filter(|r| r.method == "PATCH")
        .count();
    assert_eq!(patches, 3, "two first tries, one retry");
}

#[tokio::test]
async fn a_412_on_every_attempt_is_a_clear_error() {
    let server = server().await;
    let request = TeamsAsyncOperation::get_team(TEAM).build().unwrap();
    let client = client(&server).update_attempts(2);
    let mut calls = 0;
    let result = client
        .update(&request, |op| {
            calls += 1;
            op.attempts_count = Some(7);
            // someone else writes between every read and its PATCH
            server.put_operation(TEAM, json!({"id": "op-1", "attemptsCount": calls}));
        })
        .await;
    let error = result.expect_err("every PATCH met a newer version");
    assert!(
        error.to_string().starts_with(
            "the resource changed under every one of 2 attempts to update it; last: HTTP 412"
        ),
        "{error}"
    );
    match error {
        Error::PreconditionFailed { attempts: 2, last } => assert_eq!(last.status, 412),
        other => panic!("{other:?}"),
    }
    assert_eq!(calls, 2);
}
