//! Recording, the thread-hosted server, and shutdown.

use std::io::{Read, Write};

use graph_test_server::GraphServer;
use http::Method;
use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn requests_are_recorded_raw() {
    let (server, _) = server().await;
    let body = r#"{ "status" : "failed" , "status@x" : 1 }"#;
    patch(
        &server,
        "/beta/teams/team-1/operations?$select=id&x=%20y",
        body,
    )
    .header("client-request-id", "rec-1")
    .send()
    .await;
    get(&server, "/v1.0/teams/a%2Fb/operations").send().await;

    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].method, Method::PATCH);
    assert_eq!(
        requests[0].raw_path,
        "/beta/teams/team-1/operations?$select=id&x=%20y"
    );
    assert_eq!(requests[0].body, body.as_bytes());
    assert_eq!(requests[0].headers["client-request-id"], "rec-1");
    assert_eq!(requests[0].headers["content-type"], "application/json");
    assert_eq!(requests[1].method, Method::GET);
    assert_eq!(requests[1].raw_path, "/v1.0/teams/a%2Fb/operations");
    assert!(requests[1].body.is_empty());

    server.clear_requests();
    assert!(server.requests().is_empty());
    get(&server, OPS).send().await;
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn thread_hosted_server_serves_blocking_callers_and_stops_on_drop() {
    let server = GraphServer::start_on_thread().expect("server starts");
    assert_eq!(
        server.service_root(),
        format!("http://{}/beta", server.addr())
    );
    server.put_operation("t", json!({"id": "op", "status": "notStarted"}));
    let addr = server.addr();

    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    stream
        .write_all(
            b"GET /beta/teams/t/operations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nConnection: close\r\n\r\n",
        )
        .expect("write");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    assert!(response.starts_with("HTTP/1.1 200 OK\r\n"), "{response}");
    assert!(response.contains("\"id\":\"op\""), "{response}");

    drop(server); // joins the server thread
    assert!(
        std::net::TcpStream::connect(addr).is_err(),
        "nothing listens after drop"
    );
}

#[tokio::test]
async fn async_server_stops_listening_on_drop() {
    let server = GraphServer::start().await.expect("server starts");
    let addr = server.addr();
    assert!(tokio::net::TcpStream::connect(addr).await.is_ok());
    drop(server);
    // The serving task notices the drop on its next poll.
    let mut refused = false;
    for _ in 0..1000 {
        tokio::task::yield_now().await;
        if tokio::net::TcpStream::connect(addr).await.is_err() {
            refused = true;
            break;
        }
    }
    assert!(refused, "still listening after drop");
}
