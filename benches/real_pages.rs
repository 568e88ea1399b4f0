//! Real pages: the largest recorded group of `microsoft.graph.servicePrincipal` values and of
//! `microsoft.graph.chatMessage` values in `../shared/corpus/real-world/pnpcore-graph/cases.jsonl`
//! (read at run time), each made one `{"value":[…]}` page, read into models written with the
//! derives through `odata_resource::from_slice`, against the same models by hand with serde
//! derive through `serde_json::from_slice` (see `support/real_pages.rs`); also ours through
//! `serde_json::from_slice`, `serde_json::Value`, and serde derive read validate-once. MB/s.
//!
//! `cargo bench --bench real_pages`; prints `ratio service_principals ours/serde_derive = …` and
//! `ratio chat_messages ours/serde_derive = …`.

mod support;

use support::real_pages::{by_hand, page, ChatMessage, Page, ServicePrincipal};

fn main() {
    let (principals, count) = page("microsoft.graph.servicePrincipal");
    let ours: Page<ServicePrincipal> = support::read_ours(&principals);
    let theirs: Page<by_hand::ServicePrincipal> = support::read_serde(&principals);
    assert_eq!((ours.value.len(), theirs.value.len()), (count, count));
    assert!(ours.value.iter().all(|p| p.password_credentials.is_some()));
    println!(
        "servicePrincipal page: {count} values, {:.1} kB",
        principals.len() as f64 / 1e3
    );

    let (messages, count) = page("microsoft.graph.chatMessage");
    let ours: Page<ChatMessage> = support::read_ours(&messages);
    let theirs: Page<by_hand::ChatMessage> = support::read_serde(&messages);
    assert_eq!((ours.value.len(), theirs.value.len()), (count, count));
    assert!(ours.value.iter().all(|m| m.created_date_time.is_some()));
    println!(
        "chatMessage page: {count} values, {:.1} kB",
        messages.len() as f64 / 1e3
    );

    support::bench_page_readers::<Page<ServicePrincipal>, Page<by_hand::ServicePrincipal>>(
        "service_principals",
        &principals,
    );
    support::bench_page_readers::<Page<ChatMessage>, Page<by_hand::ChatMessage>>(
        "chat_messages",
        &messages,
    );
}
