//! Test helpers: a fixture server, a hyper-util HTTP/1.1 client, and raw TCP exchanges.

use std::net::SocketAddr;

use graph_test_server::GraphServer;
use http::{HeaderMap, Method, Request, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The team the fixture stores an operation for.
pub const TEAM: &str = "team-1";
/// Its operations path under beta.
pub const OPS: &str = "/beta/teams/team-1/operations";

/// A complete stored operation.
pub fn sample_operation() -> Value {
    json!({
        "id": "op-1",
        "operationType": "createTeam",
        "createdDateTime": "2026-01-01T00:00:00Z",
        "status": "inProgress",
        "lastActionDateTime": "2026-01-01T00:00:01Z",
        "attemptsCount": 1,
        "targetResourceId": "team-1",
        "targetResourceLocation": "/teams('team-1')",
        "error": null
    })
}

/// A server with [`sample_operation`] stored for [`TEAM`], and its ETag.
pub async fn server() -> (GraphServer, String) {
    let server = GraphServer::start().await.expect("server starts");
    let etag = server.put_operation(TEAM, sample_operation());
    (server, etag)
}

/// A response, fully read.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("UTF-8 body")
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("JSON body ({e}): {}", self.text()))
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .map(|v| v.to_str().expect("ASCII header").to_owned())
    }

    pub fn error_code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or_else(|| panic!("no error code: {}", self.text()))
            .to_owned()
    }

    pub fn error_message(&self) -> String {
        self.json()["error"]["message"]
            .as_str()
            .unwrap_or_else(|| panic!("no error message: {}", self.text()))
            .to_owned()
    }

    /// Asserts a Graph error with this status and code; returns the message.
    #[track_caller]
    pub fn assert_error(&self, status: u16, code: &str) -> String {
        assert_eq!(self.status.as_u16(), status, "body: {}", self.text());
        assert_eq!(self.error_code(), code, "body: {}", self.text());
        self.error_message()
    }
}

/// A request under construction.
pub struct Req {
    method: Method,
    addr: SocketAddr,
    path: String,
    headers: Vec<(String, String)>,
    body: String,
}

/// A PATCH with a bearer token and `Content-Type: application/json`.
pub fn patch(server: &GraphServer, path: &str, body: &str) -> Req {
    Req {
        method: Method::PATCH,
        addr: server.addr(),
        path: path.to_owned(),
        headers: vec![
            ("authorization".into(), "Bearer token".into()),
            ("content-type".into(), "application/json".into()),
        ],
        body: body.to_owned(),
    }
}

/// A GET with a bearer token.
pub fn get(server: &GraphServer, path: &str) -> Req {
    Req {
        method: Method::GET,
        addr: server.addr(),
        path: path.to_owned(),
        headers: vec![("authorization".into(), "Bearer token".into())],
        body: String::new(),
    }
}

impl Req {
    pub fn method(mut self, method: Method) -> Self {
        self.method = method;
        self
    }

    /// Adds a header (several with the same name are all sent).
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers
            .push((name.to_ascii_lowercase(), value.to_owned()));
        self
    }

    /// Removes every header of that name.
    pub fn without(mut self, name: &str) -> Self {
        let name = name.to_ascii_lowercase();
        self.headers.retain(|(n, _)| *n != name);
        self
    }

    /// Replaces the header of that name.
    pub fn set(self, name: &str, value: &str) -> Self {
        self.without(name).header(name, value)
    }

    pub async fn try_send(self) -> Result<Reply, hyper_util::client::legacy::Error> {
        let client = Client::builder(TokioExecutor::new()).build_http::<Full<Bytes>>();
        let mut request = Request::builder()
            .method(self.method)
            .uri(format!("http://{}{}", self.addr, self.path));
        for (name, value) in &self.headers {
            request = request.header(name.as_str(), value.as_str());
        }
        let request = request
            .body(Full::new(Bytes::from(self.body)))
            .expect("valid request");
        let response = client.request(request).await?;
        let (parts, body) = response.into_parts();
        let body = body.collect().await.expect("body").to_bytes().to_vec();
        Ok(Reply {
            status: parts.status,
            headers: parts.headers,
            body,
        })
    }

    pub async fn send(self) -> Reply {
        self.try_send().await.expect("a response")
    }

    /// Sends, asserts a Graph error with this status and code, and returns its message.
    pub async fn error(self, status: u16, code: &str) -> String {
        self.send().await.assert_error(status, code)
    }
}

/// Sends a `$batch` (beta) holding `request` alone and returns its answer
/// (`id`, `status`, `headers`, `body`).
pub async fn batch_one(server: &GraphServer, request: Value) -> Value {
    let envelope = json!({ "requests": [request] });
    let reply = patch(server, "/beta/$batch", &envelope.to_string())
        .method(Method::POST)
        .send()
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    reply.json()["responses"][0].clone()
}

/// Writes `request` on a fresh connection and reads until the server closes it.
pub async fn raw_exchange(addr: SocketAddr, request: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut stream = TcpStream::connect(addr).await?;
    stream.write_all(request).await?;
    let mut received = Vec::new();
    stream.read_to_end(&mut received).await?;
    Ok(received)
}

/// Asserts that `members` appear in this order at the top level of a JSON object text.
#[track_caller]
pub fn assert_member_order(text: &str, members: &[&str]) {
    let mut last = 0;
    for member in members {
        let at = text
            .find(&format!("\"{member}\":"))
            .unwrap_or_else(|| panic!("member {member} missing in {text}"));
        assert!(at >= last, "member {member} out of order in {text}");
        last = at;
    }
}
