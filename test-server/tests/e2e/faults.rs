//! Fault switches.

use graph_test_server::Failure;

use crate::common::*;

#[tokio::test]
async fn too_many_requests_with_fractional_retry_after_verbatim() {
    let (server, etag) = server().await;
    server.fail_next(
        1,
        Failure::TooManyRequests {
            retry_after: Some("2.128".to_owned()),
        },
    );
    let reply = patch(&server, OPS, r#"{"status":"failed"}"#).send().await;
    let message = reply.assert_error(429, "TooManyRequests");
    assert_eq!(message, "Please retry again later.");
    assert_eq!(reply.header("retry-after").as_deref(), Some("2.128"));
    let inner = &reply.json()["error"]["innerError"];
    assert_eq!(inner["code"], "429");
    assert_eq!(inner["status"], "429");
    assert_eq!(inner["message"], "Please retry after");
    assert!(inner["date"].is_string());
    assert_eq!(
        inner["request-id"],
        reply.header("request-id").expect("id").as_str()
    );
    // Nothing was applied; the next request goes through.
    assert_eq!(server.etag(TEAM), Some(etag));
    let reply = patch(&server, OPS, r#"{"status":"failed"}"#).send().await;
    assert_eq!(reply.status, 200);
}

#[tokio::test]
async fn service_unavailable_and_gateway_timeout() {
    let (server, _) = server().await;
    server.fail_next(
        1,
        Failure::ServiceUnavailable {
            retry_after: Some("Wed, 21 Oct 2015 07:28:00 GMT".to_owned()),
        },
    );
    server.fail_next(1, Failure::ServiceUnavailable { retry_after: None });
    server.fail_next(1, Failure::GatewayTimeout);

    let reply = get(&server, OPS).send().await;
    reply.assert_error(503, "ServiceUnavailable");
    assert_eq!(
        reply.header("retry-after").as_deref(),
        Some("Wed, 21 Oct 2015 07:28:00 GMT")
    );
    let reply = get(&server, OPS).send().await;
    reply.assert_error(503, "ServiceUnavailable");
    assert_eq!(reply.header("retry-after"), None);
    let reply = get(&server, OPS).send().await;
    reply.assert_error(504, "GatewayTimeout");
    assert_eq!(reply.header("odata-version").as_deref(), Some("4.0"));
    assert_eq!(get(&server, OPS).send().await.status, 200);
}

#[tokio::test]
async fn failures_queue_up_and_come_before_every_rule() {
    let (server, _) = server().await;
    server.fail_next(1, Failure::TooManyRequests { retry_after: None });
    server.fail_next(2, Failure::GatewayTimeout);
    // Unauthenticated, unknown route: still the queued failures first.
    let statuses = [
        get(&server, "/nowhere")
            .without("authorization")
            .send()
            .await
            .status,
        get(&server, OPS).send().await.status,
        patch(&server, OPS, "not json").send().await.status,
        get(&server, OPS).send().await.status,
    ];
    assert_eq!(statuses.map(|s| s.as_u16()), [429, 504, 504, 200]);
    assert_eq!(
        server.requests().len(),
        4,
        "failed requests are recorded too"
    );
}

#[tokio::test]
async fn drop_connection_closes_without_a_response_byte() {
    let (server, etag) = server().await;
    server.fail_next(2, Failure::DropConnection);

    // Raw TCP: the server reads the request and closes; not one byte comes back.
    let request = b"PATCH /beta/teams/team-1/operations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: 19\r\n\r\n{\"status\":\"failed\"}";
    match raw_exchange(server.addr(), request).await {
        Ok(bytes) => assert!(
            bytes.is_empty(),
            "got {:?}",
            String::from_utf8_lossy(&bytes)
        ),
        Err(error) => assert_eq!(error.kind(), std::io::ErrorKind::ConnectionReset),
    }

    // An HTTP client sees a transport error, not a response.
    let error = patch(&server, OPS, r#"{"status":"failed"}"#)
        .try_send()
        .await
        .expect_err("no response");
    assert!(
        !error.is_connect(),
        "the connection was made, then dropped: {error:?}"
    );

    assert_eq!(server.etag(TEAM), Some(etag), "nothing applied");
    assert_eq!(server.requests().len(), 2);
    assert_eq!(get(&server, OPS).send().await.status, 200);
}
