//! The main job: Graph's "Update operations" request, built by the library, sent, and read back.
//!
//! `cargo run --example update_operations` starts a Graph-like server on loopback, builds the seed
//! page's example request (real enum members in place of its `"String"` placeholders), prints it
//! as an HTTP/1.1 message, sends it with `odata_resource::Client`, and prints the response and
//! the parsed `TeamsAsyncOperation`.
//!
//! `cargo run --example update_operations -- --service-root https://graph.microsoft.com/beta
//! --team-id <id>` with a token in `GRAPH_TOKEN` talks to that service instead.

use std::error::Error;

use graph_test_server::GraphServer;
use odata_resource::{Client, DateTimeOffset, PatchRequest};
use serde_json::json;
use teams_model::TeamsAsyncOperation;

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

    let request = seed_request(&args.team_id)?;
    println!("# the request, as built by odata-resource");
    println!("# {}", request.url(&service_root)?);
    println!("{request}\n");

    let client = Client::with_token(service_root, token);
    let response = client.send_raw(&request).await?;
    println!("# the response");
    println!("HTTP/1.1 {}", response.status());
    for (name, value) in response.headers() {
        println!("{name}: {}", value.to_str().unwrap_or("<binary>"));
    }
    println!("\n{}\n", String::from_utf8_lossy(response.body()));

    println!("# parsed");
    match request.parse_response(&response) {
        Ok(Some(operation)) => println!("{operation:#?}"),
        Ok(None) => println!("(no content)"),
        Err(error) => {
            println!("error: {error}");
            return Err(error.into());
        }
    }
    Ok(())
}

/// The seed page's example request body, for one team.
fn seed_request(team_id: &str) -> Result<PatchRequest<TeamsAsyncOperation>, Box<dyn Error>> {
    let last_action = teams_model::SEED_LAST_ACTION.parse::<DateTimeOffset>()?;
    Ok(teams_model::seed_patch(team_id, last_action).build()?)
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
