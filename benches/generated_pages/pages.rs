//! The real recorded pages of `cargo bench --bench real_pages` (the largest servicePrincipal and
//! chatMessage groups of `../shared/corpus/real-world/pnpcore-graph/cases.jsonl`) read into the
//! whole generated Graph v1.0 model, against the same generated types with serde derive
//! (`odata-resource-codegen --serde`): both models hold every property the CSDL declares, most
//! of them absent from the pages.
//!
//! Not a cargo target of the workspace: `bash benches/generated_pages.sh` generates both models
//! and builds this in a crate of its own (compiling two whole models in release takes minutes),
//! with the same side-by-side timing as the other reading benches (`benches/support`). Prints
//! `ratio <page>_generated ours/serde_derive = …` (our reader), `ours_serde_json/serde_derive`
//! (the derived impls through `serde_json::from_slice`), `ours_before/serde_derive_from_str`
//! (both through `serde_json::from_str`), and `ours/serde_derive_by_hand`: against the smaller
//! hand-written serde model of `real_pages`, which declares only what the pages use. Where the
//! serde model cannot read a page, only that last baseline is run (the chatMessage page, until
//! `--serde` gave its internally tagged enums an untagged variant of the base for a value
//! without `@odata.type`, as Graph sends `from.user`).

#[path = "../support/mod.rs"]
mod support;

/// The model with odata-resource's derives, as `graph-v1` holds it.
#[allow(dead_code, missing_docs, clippy::all)]
mod ours {
    include!(concat!(env!("GENERATED_MODELS"), "/ours/mod.rs"));
}

/// The same types with serde derive: serde renames, `#[serde(flatten)]` for undeclared
/// properties, internally tagged enums for polymorphic properties (an untagged variant of the
/// base last).
#[allow(dead_code, missing_docs, clippy::all)]
mod serde_model {
    include!(concat!(env!("GENERATED_MODELS"), "/serde/mod.rs"));
}

use support::real_pages::{by_hand, page, Page};
use support::{discard, read_ours, read_ours_before, read_serde, read_serde_str, Reader};

fn main() {
    let (principals, principal_count) = page("microsoft.graph.servicePrincipal");
    let principals_by_serde = check::<
        ours::microsoft::graph::ServicePrincipal,
        serde_model::microsoft::graph::ServicePrincipal,
    >("servicePrincipal", &principals, principal_count);
    let (messages, message_count) = page("microsoft.graph.chatMessage");
    let messages_by_serde = check::<
        ours::microsoft::graph::ChatMessage,
        serde_model::microsoft::graph::ChatMessage,
    >("chatMessage", &messages, message_count);
    println!(
        "size of a value (bytes): servicePrincipal {} (serde's {}, by hand {}), chatMessage {} (serde's {}, by hand {})",
        std::mem::size_of::<ours::microsoft::graph::ServicePrincipal>(),
        std::mem::size_of::<serde_model::microsoft::graph::ServicePrincipal>(),
        std::mem::size_of::<by_hand::ServicePrincipal>(),
        std::mem::size_of::<ours::microsoft::graph::ChatMessage>(),
        std::mem::size_of::<serde_model::microsoft::graph::ChatMessage>(),
        std::mem::size_of::<by_hand::ChatMessage>(),
    );

    run::<
        ours::microsoft::graph::ServicePrincipal,
        serde_model::microsoft::graph::ServicePrincipal,
        by_hand::ServicePrincipal,
    >(
        "service_principals_generated",
        &principals,
        principals_by_serde,
    );
    run::<
        ours::microsoft::graph::ChatMessage,
        serde_model::microsoft::graph::ChatMessage,
        by_hand::ChatMessage,
    >("chat_messages_generated", &messages, messages_by_serde);
}

/// Ours reads the whole page, into `count` values, and whether the serde model does too (its
/// internally tagged enums need `@odata.type` on every polymorphic value, which Graph leaves
/// out where the value is of the declared type, OData JSON §4.5.3): then both agree on each
/// value's `id`.
fn check<Ours, Serde>(name: &str, body: &[u8], count: usize) -> bool
where
    Ours: serde::de::DeserializeOwned + serde::Serialize,
    Serde: serde::de::DeserializeOwned + serde::Serialize,
{
    let ours: Page<Ours> = read_ours(body);
    assert_eq!(ours.value.len(), count);
    let theirs: Page<Serde> = match serde_json::from_slice(body) {
        Ok(page) => page,
        Err(error) => {
            let at = error.column().saturating_sub(60);
            let around = String::from_utf8_lossy(&body[at..(at + 80).min(body.len())]);
            println!(
                "{name} page: the serde model does not read it ({error}; near `{around}`): \
                 compared with the hand-written serde model only"
            );
            return false;
        }
    };
    assert_eq!(theirs.value.len(), count);
    for (ours, theirs) in ours.value.iter().zip(&theirs.value) {
        let ours = serde_json::to_value(ours).unwrap();
        let theirs = serde_json::to_value(theirs).unwrap();
        assert!(ours["id"].is_string());
        assert_eq!(ours["id"], theirs["id"]);
    }
    true
}

/// The reading contenders on `body`: ours the three ways against the serde model (when it
/// reads the page, `by_serde`) and against the hand-written one.
fn run<Ours, Serde, ByHand>(bench: &str, body: &[u8], by_serde: bool)
where
    Ours: serde::de::DeserializeOwned,
    Serde: serde::de::DeserializeOwned,
    ByHand: serde::de::DeserializeOwned,
{
    let all: [Reader<'_>; 6] = [
        ("ours", &discard(read_ours::<Page<Ours>>)),
        ("serde_derive", &discard(read_serde::<Page<Serde>>)),
        ("ours_serde_json", &discard(read_serde::<Page<Ours>>)),
        ("ours_before", &discard(read_ours_before::<Page<Ours>>)),
        (
            "serde_derive_from_str",
            &discard(read_serde_str::<Page<Serde>>),
        ),
        ("serde_derive_by_hand", &discard(read_serde::<Page<ByHand>>)),
    ];
    let readers: Vec<Reader<'_>> = all
        .into_iter()
        .filter(|&(name, _)| by_serde || !matches!(name, "serde_derive" | "serde_derive_from_str"))
        .collect();
    support::run_readers(bench, body, &readers);
}
