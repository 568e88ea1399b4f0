//! The main job: Graph's "Update operations" request, as a read–modify–write: the operation is
//! read (GET, which gives its ETag), the seed page's change is built (real enum members in place
//! of its `"String"` placeholders) and sent with `If-Match`, and the answer is read back.
//!
//! `cargo run --example update_operations` starts a Graph-like server on loopback and prints
//! every request exactly as it goes on the wire (the service root's path and `Host` included),
//! the responses, and the parsed `TeamsAsyncOperation`; then it runs the same loop through
//! `Client::update`, which retries on `412 Precondition Failed`.
//!
//! `cargo run --example update_operations -- --service-root https://graph.microsoft.com/beta
//! --team-id <id>` with a token in `GRAPH_TOKEN` talks to that service instead.

use std::error::Error;

use graph_test_server::GraphServer;
use odata_resource::{http_message, Client, DateTimeOffset};
use serde_json::json;
use teams_model::{TeamsAsyncOperation, TeamsAsyncOperationPatch};

/// The team of the docs' examples.
const TEAM_ID: &str = "dbd8de4f-5d47-48da-87f1-594bed003375";

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let args = Args::parse()?;
    let (_server, service_root, token) = match args.service_root {
        Some(root) => {
            let token = std::env::var("GRAPH_TOKEN")
                .map_err(|_| "--service-root needs a bearer token in GRAPH_TOKEN")?;
            (None, root, token)
        }
        None => {
            let server = GraphServer::start().await?;
            server.put_operation(&args.team_id, stored_operation());
            let root = server.service_root();
            println!("# a Graph-like server is listening at {root}\n");
            (Some(server), root, "example-token".to_owned())
        }
    };

    let client = Client::with_token(service_root.clone(), token);

    // 1. read: the operation and its ETag
    let get = TeamsAsyncOperation::get_team(&args.team_id).build()?;
    println!("# 1. GET: the operation as it is, and its ETag");
    println!("{}", http_message(&get.to_http(&service_root)?));
    let read = client
        .get(&get)
        .await?
        .ok_or("the GET was answered 304 without If-None-Match")?;
    let etag = read.annotations.etag().unwrap_or("*").to_owned();
    println!("# read: status {:?}, ETag {etag}\n", read.status);

    // 2. change and write: the seed page's PATCH, guarded by the ETag just read
    let request = seed_request(&args.team_id)?.if_match(&etag).build()?;
    println!("# 2. PATCH, as built by odata-resource and sent");
    println!("{}\n", http_message(&request.to_http(&service_root)?));
    let response = client.send_raw(&request).await?;
    println!("# the response");
    println!("HTTP/1.1 {}", response.status());
    for (name, value) in response.headers() {
        println!("{name}: {}", value.to_str().unwrap_or("<binary>"));
    }
    println!("\n{}\n", String::from_utf8_lossy(response.body()));

    println!("# parsed");
    match request.parse_response(&response) {
        Ok(Some(operation)) => println!("{operation:#?}\n"),
        Ok(None) => println!("(no content)\n"),
        Err(error) => {
            println!("error: {error}");
            return Err(error.into());
        }
    }

    // 3. the same loop in one call: read, change, PATCH only the change with If-Match, and on
    // 412 read again and retry
    let updated = client
        .update(&get, |operation| {
            operation.attempts_count = Some(operation.attempts_count.unwrap_or(0) + 1);
        })
        .await?;
    println!(
        "# 3. Client::update: attemptsCount is now {:?}, ETag {:?}",
        updated.attempts_count,
        updated.annotations.etag()
    );
    Ok(())
}

/// The seed page's example request body, for one team.
fn seed_request(team_id: &str) -> Result<TeamsAsyncOperationPatch, Box<dyn Error>> {
    let last_action = teams_model::SEED_LAST_ACTION.parse::<DateTimeOffset>()?;
    Ok(teams_model::seed_patch(team_id, last_action))
}

/// What the embedded server holds before the PATCH: the seed's response, before the update.
fn stored_operation() -> serde_json::Value {
    json!({
        "id": "e4e4eb3f-eb3f-e4e4-3feb-e4e43febe4e4",
        "operationType": "createTeam",
        "createdDateTime": "2016-12-31T23:57:02.5240758+03:00",
        "status": "notStarted",
        "lastActionDateTime": "2016-12-31T23:57:02.5240758+03:00",
        "attemptsCount": 0,
        "targetResourceId": null,
        "targetResourceLocation": null,
        "error": null
    })
}

struct Args {
    service_root: Option<String>,
    team_id: String,
}

impl Args {
    fn parse() -> Result<Args, Box<dyn Error>> {
        let mut args = Args {
            service_root: None,
            team_id: TEAM_ID.to_owned(),
        };
        let mut it = std::env::args().skip(1);
        while let Some(arg) = it.next() {
            match arg.as_str() {
                "--service-root" => {
                    args.service_root = Some(it.next().ok_or("--service-root needs a URL")?)
                }
                "--team-id" => args.team_id = it.next().ok_or("--team-id needs an id")?,
                other => {
                    return Err(format!(
                        "unknown argument {other}; use --service-root URL --team-id ID"
                    )
                    .into())
                }
            }
        }
        Ok(args)
    }
}
