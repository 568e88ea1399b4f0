//! Real recorded Graph pages for the reading benches: the values of the recorded PnP Core cases
//! (`../shared/corpus/real-world/pnpcore-graph/cases.jsonl`, read at run time, never copied into
//! the repository), grouped by the recording they come from; the largest group of a type makes
//! one `{"value":[…]}` page. Two models of each type read it: ours, written with the derives as a
//! user writes them (every property the pages use, dates as `DateTimeOffset`, enums with their
//! catch-all), and the same by hand with serde derive (`time::OffsetDateTime` through `time`'s
//! RFC 3339 support, unit enums with `#[serde(other)]`).

use std::collections::BTreeMap;

use odata_resource::{
    Annotations, Binary, ComplexType, DateTimeOffset, ODataEnum, Resource, Value,
};
use serde::Deserialize;
use time::OffsetDateTime;

/// The page of the largest group of `type_name` values (`microsoft.graph.servicePrincipal`):
/// the recorded texts as they are, joined. Also returns the number of values.
pub fn page(type_name: &str) -> (Vec<u8>, usize) {
    // the repository's root: where the benches are built, or where `benches/generated_pages.sh`
    // says when it builds them in a crate of its own
    let root = option_env!("ODATA_RESOURCE_ROOT").unwrap_or(env!("CARGO_MANIFEST_DIR"));
    let cases =
        std::path::Path::new(root).join("../shared/corpus/real-world/pnpcore-graph/cases.jsonl");
    let cases = std::fs::read_to_string(&cases).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (the shared corpus lives beside the repository)",
            cases.display()
        )
    });
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in cases.lines() {
        let case: serde_json::Value = serde_json::from_str(line).unwrap();
        if case["type"] == type_name {
            let src = case["src"].as_str().unwrap().to_owned();
            let json = case["json"].as_str().unwrap().to_owned();
            groups.entry(src).or_default().push(json);
        }
    }
    // the largest group; the first in `src` order among equals
    let values = groups
        .into_values()
        .rev()
        .max_by_key(Vec::len)
        .unwrap_or_else(|| panic!("no {type_name} in the corpus"));
    let page = format!("{{\"value\":[{}]}}", values.join(","));
    (page.into_bytes(), values.len())
}

/// A page as a user writes it: plain serde derive around the generated impls.
#[derive(serde::Deserialize)]
pub struct Page<T> {
    pub value: Vec<T>,
}

// ---------------------------------------------------------------------------------------------
// Ours: the derives.

/// `microsoft.graph.passwordCredential`.
#[derive(ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.passwordCredential")]
pub struct PasswordCredential {
    pub custom_key_identifier: Option<Binary>,
    pub display_name: Option<String>,
    pub end_date_time: Option<DateTimeOffset>,
    pub hint: Option<String>,
    pub key_id: Option<String>,
    pub secret_text: Option<String>,
    pub start_date_time: Option<DateTimeOffset>,
}

/// `microsoft.graph.servicePrincipal`, the properties the recorded page uses.
#[derive(Resource, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.servicePrincipal")]
#[odata(path = "/servicePrincipals/{servicePrincipalId}")]
pub struct ServicePrincipal {
    #[odata(read_only)]
    pub id: Option<String>,
    pub app_id: Option<String>,
    pub display_name: Option<String>,
    pub password_credentials: Option<Vec<PasswordCredential>>,
    #[odata(annotations)]
    pub annotations: Annotations,
}

/// `microsoft.graph.chatMessageType`.
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
pub enum ChatMessageType {
    Message,
    ChatEvent,
    Typing,
    UnknownFutureValue,
    SystemEventMessage,
    #[odata(other)]
    Other(String),
}

/// `microsoft.graph.chatMessageImportance`.
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
pub enum ChatMessageImportance {
    Normal,
    High,
    Urgent,
    UnknownFutureValue,
    #[odata(other)]
    Other(String),
}

/// `microsoft.graph.bodyType`.
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
pub enum BodyType {
    Text,
    Html,
    #[odata(other)]
    Other(String),
}

/// `microsoft.graph.teamworkUserIdentityType`.
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
pub enum TeamworkUserIdentityType {
    AadUser,
    OnPremiseAadUser,
    AnonymousGuest,
    FederatedUser,
    PersonalMicrosoftAccountUser,
    SkypeUser,
    PhoneUser,
    UnknownFutureValue,
    EmailUser,
    AzureCommunicationServicesUser,
    #[odata(other)]
    Other(String),
}

/// `microsoft.graph.identity`.
#[derive(ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.identity")]
pub struct Identity {
    pub display_name: Option<String>,
    pub id: Option<String>,
}

/// `microsoft.graph.teamworkUserIdentity`.
#[derive(ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.teamworkUserIdentity")]
pub struct TeamworkUserIdentity {
    pub display_name: Option<String>,
    pub id: Option<String>,
    pub user_identity_type: Option<TeamworkUserIdentityType>,
    pub tenant_id: Option<String>,
}

/// `microsoft.graph.chatMessageFromIdentitySet`.
#[derive(ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.chatMessageFromIdentitySet")]
pub struct ChatMessageFromIdentitySet {
    pub application: Option<Identity>,
    pub device: Option<Identity>,
    pub user: Option<TeamworkUserIdentity>,
}

/// `microsoft.graph.itemBody`.
#[derive(ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.itemBody")]
pub struct ItemBody {
    pub content: Option<String>,
    pub content_type: Option<BodyType>,
}

/// `microsoft.graph.channelIdentity`.
#[derive(ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.channelIdentity")]
pub struct ChannelIdentity {
    pub channel_id: Option<String>,
    pub team_id: Option<String>,
}

/// `microsoft.graph.chatMessagePolicyViolation` (its text members).
#[derive(ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.chatMessagePolicyViolation")]
pub struct ChatMessagePolicyViolation {
    pub justification_text: Option<String>,
}

/// `microsoft.graph.chatMessageAttachment`.
#[derive(ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.chatMessageAttachment")]
pub struct ChatMessageAttachment {
    pub content: Option<String>,
    pub content_type: Option<String>,
    pub content_url: Option<String>,
    pub id: Option<String>,
    pub name: Option<String>,
    pub thumbnail_url: Option<String>,
}

/// `microsoft.graph.chatMessageMention`.
#[derive(ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.chatMessageMention")]
pub struct ChatMessageMention {
    pub id: Option<i32>,
    pub mention_text: Option<String>,
}

/// `microsoft.graph.chatMessageReaction`.
#[derive(ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.chatMessageReaction")]
pub struct ChatMessageReaction {
    pub created_date_time: Option<DateTimeOffset>,
    pub reaction_type: Option<String>,
}

/// `microsoft.graph.chatMessage`, the properties the recorded page uses.
#[derive(Resource, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.chatMessage")]
#[odata(path = "/chats/{chatId}/messages")]
pub struct ChatMessage {
    #[odata(read_only)]
    pub id: Option<String>,
    pub reply_to_id: Option<String>,
    pub etag: Option<String>,
    pub message_type: Option<ChatMessageType>,
    pub created_date_time: Option<DateTimeOffset>,
    pub last_modified_date_time: Option<DateTimeOffset>,
    pub last_edited_date_time: Option<DateTimeOffset>,
    pub deleted_date_time: Option<DateTimeOffset>,
    pub subject: Option<String>,
    pub summary: Option<String>,
    pub chat_id: Option<String>,
    pub importance: Option<ChatMessageImportance>,
    pub locale: Option<String>,
    pub web_url: Option<String>,
    pub channel_identity: Option<ChannelIdentity>,
    pub policy_violation: Option<ChatMessagePolicyViolation>,
    /// `microsoft.graph.eventMessageDetail` is abstract with many derived types: kept as JSON.
    pub event_detail: Option<Value>,
    pub from: Option<ChatMessageFromIdentitySet>,
    pub body: Option<ItemBody>,
    pub attachments: Option<Vec<ChatMessageAttachment>>,
    pub mentions: Option<Vec<ChatMessageMention>>,
    pub reactions: Option<Vec<ChatMessageReaction>>,
    #[odata(annotations)]
    pub annotations: Annotations,
}

// ---------------------------------------------------------------------------------------------
// The same by hand with serde derive.

pub mod by_hand {
    use super::{Deserialize, OffsetDateTime};

    #[derive(Deserialize, Debug, Clone, PartialEq)]
    #[serde(rename_all = "camelCase")]
    pub struct PasswordCredential {
        pub custom_key_identifier: Option<String>,
        pub display_name: Option<String>,
        #[serde(default, with = "time::serde::rfc3339::option")]
        pub end_date_time: Option<OffsetDateTime>,
        pub hint: Option<String>,
        pub key_id: Option<String>,
        pub secret_text: Option<String>,
        #[serde(default, with = "time::serde::rfc3339::option")]
        pub start_date_time: Option<OffsetDateTime>,
    }

    #[derive(Deserialize, Debug, Clone, PartialEq)]
    #[serde(rename_all = "camelCase")]
    pub struct ServicePrincipal {
        #[serde(rename = "@odata.type")]
        pub odata_type: Option<String>,
        pub id: Option<String>,
        pub app_id: Option<String>,
        pub display_name: Option<String>,
        pub password_credentials: Option<Vec<PasswordCredential>>,
    }

    #[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
    #[serde(rename_all = "camelCase")]
    pub enum ChatMessageType {
        Message,
        ChatEvent,
        Typing,
        UnknownFutureValue,
        SystemEventMessage,
        #[serde(other)]
        Other,
    }

    #[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
    #[serde(rename_all = "camelCase")]
    pub enum ChatMessageImportance {
        Normal,
        High,
        Urgent,
        UnknownFutureValue,
        #[serde(other)]
        Other,
    }

    #[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
    #[serde(rename_all = "camelCase")]
    pub enum BodyType {
        Text,
        Html,
        #[serde(other)]
        Other,
    }

    #[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
    #[serde(rename_all = "camelCase")]
    pub enum TeamworkUserIdentityType {
        AadUser,
        OnPremiseAadUser,
        AnonymousGuest,
        FederatedUser,
        PersonalMicrosoftAccountUser,
        SkypeUser,
        PhoneUser,
        UnknownFutureValue,
        EmailUser,
        AzureCommunicationServicesUser,
        #[serde(other)]
        Other,
    }

    #[derive(Deserialize, Debug, Clone, PartialEq)]
    #[serde(rename_all = "camelCase")]
    pub struct Identity {
        pub display_name: Option<String>,
        pub id: Option<String>,
    }

    #[derive(Deserialize, Debug, Clone, PartialEq)]
    #[serde(rename_all = "camelCase")]
    pub struct TeamworkUserIdentity {
        pub display_name: Option<String>,
        pub id: Option<String>,
        pub user_identity_type: Option<TeamworkUserIdentityType>,
        pub tenant_id: Option<String>,
    }

    #[derive(Deserialize, Debug, Clone, PartialEq)]
    #[serde(rename_all = "camelCase")]
    pub struct ChatMessageFromIdentitySet {
        pub application: Option<Identity>,
        pub device: Option<Identity>,
        pub user: Option<TeamworkUserIdentity>,
    }

    #[derive(Deserialize, Debug, Clone, PartialEq)]
    #[serde(rename_all = "camelCase")]
    pub struct ItemBody {
        pub content: Option<String>,
        pub content_type: Option<BodyType>,
    }

    #[derive(Deserialize, Debug, Clone, PartialEq)]
    #[serde(rename_all = "camelCase")]
    pub struct ChannelIdentity {
        pub channel_id: Option<String>,
        pub team_id: Option<String>,
    }

    #[derive(Deserialize, Debug, Clone, PartialEq)]
    #[serde(rename_all = "camelCase")]
    pub struct ChatMessagePolicyViolation {
        pub justification_text: Option<String>,
    }

    #[derive(Deserialize, Debug, Clone, PartialEq)]
    #[serde(rename_all = "camelCase")]
    pub struct ChatMessageAttachment {
        pub content: Option<String>,
        pub content_type: Option<String>,
        pub content_url: Option<String>,
        pub id: Option<String>,
        pub name: Option<String>,
        pub thumbnail_url: Option<String>,
    }

    #[derive(Deserialize, Debug, Clone, PartialEq)]
    #[serde(rename_all = "camelCase")]
    pub struct ChatMessageMention {
        pub id: Option<i32>,
        pub mention_text: Option<String>,
    }

    #[derive(Deserialize, Debug, Clone, PartialEq)]
    #[serde(rename_all = "camelCase")]
    pub struct ChatMessageReaction {
        #[serde(default, with = "time::serde::rfc3339::option")]
        pub created_date_time: Option<OffsetDateTime>,
        pub reaction_type: Option<String>,
    }

    #[derive(Deserialize, Debug, Clone, PartialEq)]
    #[serde(rename_all = "camelCase")]
    pub struct ChatMessage {
        #[serde(rename = "@odata.type")]
        pub odata_type: Option<String>,
        pub id: Option<String>,
        pub reply_to_id: Option<String>,
        pub etag: Option<String>,
        pub message_type: Option<ChatMessageType>,
        #[serde(default, with = "time::serde::rfc3339::option")]
        pub created_date_time: Option<OffsetDateTime>,
        #[serde(default, with = "time::serde::rfc3339::option")]
        pub last_modified_date_time: Option<OffsetDateTime>,
        #[serde(default, with = "time::serde::rfc3339::option")]
        pub last_edited_date_time: Option<OffsetDateTime>,
        #[serde(default, with = "time::serde::rfc3339::option")]
        pub deleted_date_time: Option<OffsetDateTime>,
        pub subject: Option<String>,
        pub summary: Option<String>,
        pub chat_id: Option<String>,
        pub importance: Option<ChatMessageImportance>,
        pub locale: Option<String>,
        pub web_url: Option<String>,
        pub channel_identity: Option<ChannelIdentity>,
        pub policy_violation: Option<ChatMessagePolicyViolation>,
        pub event_detail: Option<serde_json::Value>,
        pub from: Option<ChatMessageFromIdentitySet>,
        pub body: Option<ItemBody>,
        pub attachments: Option<Vec<ChatMessageAttachment>>,
        pub mentions: Option<Vec<ChatMessageMention>>,
        pub reactions: Option<Vec<ChatMessageReaction>>,
    }
}
