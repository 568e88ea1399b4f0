//! # odata-resource
//!
//! Typed OData / Microsoft Graph PATCH requests from annotated structs, with exact `@odata.type`
//! JSON handling. Annotate a resource struct with its OData type name and URL paths, and its enums
//! with their wire values; the derives generate a PATCH request builder per resource and
//! `Serialize` / `Deserialize` that read everything a newer service may send.
//!
//! ```
//! use odata_resource::{ComplexType, DateTimeOffset, ODataEnum, Resource};
//!
//! #[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
//! pub enum TeamsAsyncOperationStatus {
//!     Invalid, NotStarted, InProgress, Succeeded, Failed, UnknownFutureValue,
//!     #[odata(other)] Other(String),
//! }
//!
//! #[derive(ComplexType, Debug, Clone, PartialEq, Default)]
//! #[odata(type = "microsoft.graph.operationError")]
//! pub struct OperationError { pub code: Option<String>, pub message: Option<String> }
//!
//! #[derive(Resource, Debug, Clone, PartialEq, Default)]
//! #[odata(type = "microsoft.graph.teamsAsyncOperation")]
//! #[odata(path(team = "/teams/{teamsId}/operations"))]
//! pub struct TeamsAsyncOperation {
//!     #[odata(read_only)] pub id: Option<String>,
//!     #[odata(non_nullable)] pub status: Option<TeamsAsyncOperationStatus>,
//!     #[odata(non_nullable)] pub attempts_count: Option<i32>,
//!     pub last_action_date_time: Option<DateTimeOffset>,
//!     pub target_resource_location: Option<String>,
//!     pub error: Option<OperationError>,
//! }
//!
//! let request = TeamsAsyncOperation::patch_team("team 1")
//!     .status(TeamsAsyncOperationStatus::Succeeded)
//!     .attempts_count(2)
//!     .clear_target_resource_location()
//!     .if_match("W/\"1\"")
//!     .build()?;
//! assert_eq!(request.path(), "/teams/team%201/operations");
//! assert_eq!(
//!     request.body(),
//!     br##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","status":"succeeded","attemptsCount":2,"targetResourceLocation":null}"##
//! );
//! let http = request.to_http("https://graph.microsoft.com/v1.0")?;
//! assert_eq!(http.uri(), "https://graph.microsoft.com/v1.0/teams/team%201/operations");
//!
//! // any client's answer, as an http::Response
//! let response = http::Response::builder().status(204).body(Vec::new())?;
//! assert_eq!(request.parse_response(&response)?, None);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## The derives
//!
//! - [`Resource`](macro@Resource): an entity type. Generates `Serialize`, `Deserialize`,
//!   [`ODataType`], and for each path a constructor returning the `<Name>Patch` builder.
//! - [`ComplexType`](macro@ComplexType): a complex type (a structured property value).
//!   Generates `Serialize`, `Deserialize`, [`ODataType`], [`ODataValue`], and its nested
//!   changes: `Name::patch()` gives a `<Name>Patch` with the same setters as a builder (see
//!   [Nested values](#nested-values-odatas-merge-rule)).
//! - [`ODataEnum`](macro@ODataEnum): an enumeration. Generates [`ODataEnum`](trait@ODataEnum),
//!   `Serialize`, `Deserialize`, `Display`, `FromStr`, [`ODataValue`] and `as_str()`.
//!   For a flags enumeration (`IsFlags="true"`) use [`Flags<E>`](Flags) as the property type.
//! - [`Polymorphic`](macro@Polymorphic): an enum of derived types, one `Variant(Type)` each,
//!   read by `@odata.type` (streamed to the variant when the type comes first; when it comes
//!   later or not at all, [`from_slice`] looks ahead for it and streams the object too, other
//!   deserializers buffer it) and written as its variant. `#[odata(base)]` marks the declared type (read
//!   when there is no `@odata.type`); `#[odata(unknown)]` a variant holding an [`UnknownType`]
//!   (the received name and the raw object) for types nobody declared.
//!
//! Each builder has, besides its setters: `if_match(etag)` and `header(name, value)` (a second
//! call for the same header replaces the first, except `Prefer`, whose preferences add up),
//! `diff(&old, &new)` (sets exactly the writable properties that differ, for a
//! read–modify–write), and `build()`.
//!
//! ## Nested values: OData's merge rule
//!
//! A PATCH merges: a property it does not name is left unchanged, `null` clears it, and a
//! complex value is itself merged into the current one, property by property ([OData 4.0
//! Part 1 §11.4.3](https://docs.oasis-open.org/odata/odata/v4.0/odata-v4.0-part1-protocol.html),
//! "Update an Entity"). So inside a complex value a `None` is left out, never sent as `null`:
//! setting `error.code` from a value whose `message` is `None` keeps the service's message.
//! To clear a nested property, say so with the nested changes, which are tri-state like the
//! builder (left out, `clear_…` for `null`, or a value), at any depth:
//!
//! ```
//! # use odata_resource::{ComplexType, Resource};
//! # #[derive(ComplexType, Debug, Clone, PartialEq, Default)]
//! # #[odata(type = "microsoft.graph.operationError")]
//! # pub struct OperationError { pub code: Option<String>, pub message: Option<String> }
//! # #[derive(Resource, Debug, Clone, PartialEq, Default)]
//! # #[odata(type = "microsoft.graph.teamsAsyncOperation", path(team = "/teams/{teamsId}/operations"))]
//! # pub struct TeamsAsyncOperation { pub error: Option<OperationError> }
//! // a whole value: its `None` properties are left out, so the message stays as it is
//! let code_only = TeamsAsyncOperation::patch_team("t")
//!     .error(OperationError { code: Some("TeamUnavailable".into()), message: None })
//!     .build()?;
//! assert_eq!(
//!     code_only.body(),
//!     br##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","error":{"@odata.type":"#microsoft.graph.operationError","code":"TeamUnavailable"}}"##
//! );
//!
//! // nested changes: the code set, the message cleared
//! let cleared = TeamsAsyncOperation::patch_team("t")
//!     .error(OperationError::patch().code("TeamUnavailable").clear_message())
//!     .build()?;
//! assert_eq!(
//!     cleared.body(),
//!     br##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","error":{"@odata.type":"#microsoft.graph.operationError","code":"TeamUnavailable","message":null}}"##
//! );
//! # Ok::<(), odata_resource::Error>(())
//! ```
//!
//! A setter of a complex property takes either (the [`PropertyValue`] trait); nested changes
//! have setters only for writable properties, so a read-only property inside a complex value
//! cannot be set there either. `diff(&old, &new)` recurses the same way: for a complex value
//! that changed it sends only the nested properties that changed, `null` for those that went
//! from a value to `None`. A **collection is never merged**: a changed collection, of complex
//! values too, is sent whole (OData replaces it), and its items leave their `None` properties
//! out.
//!
//! ## Reading, and the read–modify–write loop
//!
//! Each path also gets a GET constructor (`get_team(…)` beside `patch_team(…)`), and each
//! property a constant of its resource for typed `$select` / `$expand`
//! (`TeamsAsyncOperation::ATTEMPTS_COUNT`; a navigation property, `#[odata(navigation)]`, is
//! named by `expand` only). A projected answer reads fine: what was not selected is `None`.
//! The ETag a value was read with is in its annotations (`@odata.etag`, or the `ETag` header),
//! and `diff_with_etag(&read, &changed)` sends only the change with `If-Match` set to it:
//!
//! ```
//! # use odata_resource::{Annotations, ComplexType, Resource};
//! #[derive(Resource, Debug, Clone, PartialEq, Default)]
//! #[odata(type = "microsoft.graph.teamsAsyncOperation", path(team = "/teams/{teamsId}/operations"))]
//! pub struct TeamsAsyncOperation {
//!     pub status: Option<String>,
//!     pub attempts_count: Option<i32>,
//!     #[odata(annotations)]
//!     pub annotations: Annotations,
//! }
//!
//! let get = TeamsAsyncOperation::get_team("t")
//!     .select([TeamsAsyncOperation::STATUS, TeamsAsyncOperation::ATTEMPTS_COUNT])
//!     .build()?;
//! assert_eq!(get.path_and_query(), "/teams/t/operations?$select=status,attemptsCount");
//!
//! // any client's answer
//! let response = odata_resource::http::Response::builder()
//!     .header("ETag", "W/\"7\"")
//!     .body(br#"{"status":"inProgress","attemptsCount":1}"#.to_vec())?;
//! let read = get.parse_response(&response)?.expect("200, not 304");
//! assert_eq!(read.annotations.etag(), Some("W/\"7\""));
//!
//! let mut changed = read.clone();
//! changed.attempts_count = Some(2);
//! let patch = TeamsAsyncOperation::patch_team("t").diff_with_etag(&read, &changed).build()?;
//! assert_eq!(patch.headers()["if-match"], "W/\"7\"");
//! assert_eq!(patch.body(), br##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","attemptsCount":2}"##);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! With the `client` feature, `Client::update(&get, |value| …)` runs that loop: it reads,
//! applies the closure to a copy, sends the diff with `If-Match`, and on
//! `412 Precondition Failed` reads again and retries (`update_attempts`, 3 by default); no
//! change sends no request. `if_none_match(etag)` on a GET turns an unchanged resource into
//! `304` and `None`.
//!
//! Collections: `#[odata(collection(name = "/…"))]` gives `list_name(…)`, and
//! [`List::path`](get::List::path) builds one for any item type (a `Polymorphic` enum of the
//! collection's derived types). `Client::pages(&list)` reads it page by page
//! ([`Page`]: `value`, `next_link`, `delta_link`, `count`), following each `@odata.nextLink`
//! exactly as sent and never to another origin, at most `max_pages(n)` pages.
//!
//! ## Dictionaries
//!
//! Some of Graph's open complex types are dictionaries: `plannerAssignments` maps a user id to
//! a `plannerAssignment`, `plannerAppliedCategories` maps `category1`… to a `bool`. Type such a
//! property as [`Dictionary<T>`](Dictionary) (keys in the order received or inserted; values
//! checked against `T` when read, an error naming the key). In a PATCH, OData merges it like
//! any complex value: [`Dictionary::patch`] sets single keys (to a value, or to a value's
//! nested changes) and removes others (`"key": null`); `diff` sends only the keys that changed.
//! `BTreeMap<String, T>` and `HashMap<String, T>` work as property types too.
//!
//! ```
//! use odata_resource::{ComplexType, Dictionary, Resource};
//!
//! #[derive(ComplexType, Debug, Clone, PartialEq, Default)]
//! #[odata(type = "microsoft.graph.plannerAssignment")]
//! pub struct PlannerAssignment {
//!     pub order_hint: Option<String>,
//! }
//!
//! #[derive(Resource, Debug, Clone, PartialEq, Default)]
//! #[odata(type = "microsoft.graph.plannerTask", path = "/planner/tasks/{task-id}")]
//! #[odata(no_type_annotation)]
//! pub struct PlannerTask {
//!     pub applied_categories: Option<Dictionary<bool>>,
//!     pub assignments: Option<Dictionary<PlannerAssignment>>,
//! }
//!
//! let user = "fbab97d0-4932-4511-b675-204639209557";
//! let add = PlannerTask::patch("task")
//!     .assignments(Dictionary::patch().set(user, PlannerAssignment::patch().order_hint(" !")))
//!     .applied_categories(Dictionary::patch().set("category3", true).set("category4", false))
//!     .build()?;
//! assert_eq!(
//!     add.body(),
//!     br##"{"appliedCategories":{"category3":true,"category4":false},"assignments":{"fbab97d0-4932-4511-b675-204639209557":{"@odata.type":"#microsoft.graph.plannerAssignment","orderHint":" !"}}}"##
//! );
//! let remove = PlannerTask::patch("task")
//!     .assignments(Dictionary::<PlannerAssignment>::patch().remove(user))
//!     .build()?;
//! assert_eq!(remove.body(), br#"{"assignments":{"fbab97d0-4932-4511-b675-204639209557":null}}"#);
//! # Ok::<(), odata_resource::Error>(())
//! ```
//!
//! ## `@odata.type` in a PATCH body
//!
//! A builder writes the resource's `@odata.type` first, and every complex value its own. OData
//! requires it only where the type cannot be told from the declaration (a value of a derived
//! type in a property declared as its base) and lets services ignore it elsewhere; Graph
//! accepts it everywhere, and its docs show both. Send it (the default) unless a service
//! rejects it: then `#[odata(no_type_annotation)]` on the type leaves it out of that type's
//! values, as Graph's planner docs do for the task itself. Keep it on values of derived types.
//!
//! ## What a builder does not offer, and why
//!
//! - A read-only property (`#[odata(read_only)]`: keys, computed and navigation properties)
//!   has no setter; calling one is a compile error that says "this property is read-only".
//!   Inside a complex value the same holds: its nested changes have no setter for it, and a
//!   whole complex value written into a PATCH leaves its read-only properties out.
//! - A [`Resource`](macro@Resource) without any `path` has no constructor (there is nowhere to
//!   send its PATCH): `Type::patch(…)` on it is a compile error that says the type declares no
//!   path. A type used only as a value inside others is a `ComplexType`.
//! - A property type of your own needs [`ODataValue`] (how it is written into a body) beside
//!   serde's traits, which [`serde`] (re-exported) provides:
//!
//! ```
//! use odata_resource::serde::{Deserialize, Deserializer, Serialize, Serializer};
//! use odata_resource::{ODataValue, Resource};
//!
//! /// A color written as Graph writes one, `"#rrggbb"`.
//! #[derive(Debug, Clone, Copy, PartialEq)]
//! pub struct Rgb(pub u8, pub u8, pub u8);
//!
//! impl Rgb {
//!     fn text(self) -> String {
//!         format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
//!     }
//! }
//!
//! impl ODataValue for Rgb {
//!     fn write_json(&self, out: &mut Vec<u8>) {
//!         self.text().as_str().write_json(out); // a JSON string, escaped
//!     }
//! }
//!
//! impl Serialize for Rgb {
//!     fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
//!         serializer.serialize_str(&self.text())
//!     }
//! }
//!
//! impl<'de> Deserialize<'de> for Rgb {
//!     fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
//!         let text = String::deserialize(deserializer)?;
//!         let byte = |i: usize| {
//!             text.get(i..i + 2)
//!                 .and_then(|hex| u8::from_str_radix(hex, 16).ok())
//!                 .ok_or_else(|| odata_resource::serde::de::Error::custom("expected #rrggbb"))
//!         };
//!         if text.len() != 7 || !text.starts_with('#') {
//!             return Err(odata_resource::serde::de::Error::custom("expected #rrggbb"));
//!         }
//!         Ok(Rgb(byte(1)?, byte(3)?, byte(5)?))
//!     }
//! }
//!
//! #[derive(Resource, Debug, Clone, PartialEq)]
//! #[odata(type = "contoso.label", path = "/labels/{id}")]
//! pub struct Label {
//!     pub color: Option<Rgb>,
//! }
//!
//! let request = Label::patch("1").color(Rgb(255, 0, 128)).build()?;
//! assert_eq!(request.body(), br##"{"@odata.type":"#contoso.label","color":"#ff0080"}"##);
//! let label: Label = odata_resource::from_slice(br##"{"color":"#00ff00"}"##)?;
//! assert_eq!(label.color, Some(Rgb(0, 255, 0)));
//! # Ok::<(), odata_resource::Error>(())
//! ```
//!
//! ## Sending
//!
//! A [`PatchRequest`] becomes an `http::Request` ([`PatchRequest::to_http`]) for any client, and
//! [`PatchRequest::parse_response`] reads any client's `http::Response`. With the feature
//! `client`, `Client` sends it with reqwest (rustls TLS), a bearer token or an async token
//! provider, a fresh `client-request-id` per attempt, and a `RetryPolicy` for 429/503/504 that
//! honours `Retry-After`. [`Batch`] packs up to 20 requests into one JSON `$batch`, with
//! `dependsOn`, and reads the answers back by id.
//!
//! ## Edm types
//!
//! Each Edm primitive type has a Rust type that reads what services send, writes back what it
//! read, converts to and from the crate that computes with it, and names the first problem of a
//! bad value in an [`EdmParseError`] (reading JSON gives a serde error with the same text):
//!
//! | Edm | Rust | keeps |
//! |---|---|---|
//! | `String`, `Boolean`, `Byte`, `SByte`, `Int16`, `Int32` | `String`, `bool`, `u8`, `i8`, `i16`, `i32` | |
//! | `Int64` | `i64`, or [`Int64`] | [`Int64`] also reads a JSON string (`"20158"`, as sent under `IEEE754Compatible=true`) |
//! | `Single`, `Double` | `f32`, `f64`, or [`Single`], [`Double`] | the newtypes also read `"NaN"`, `"INF"` and `"-INF"` (all four write them) |
//! | `Decimal` | [`Decimal`] | the digits exactly, as text, from a JSON number or string; written as a number |
//! | `DateTimeOffset` | [`DateTimeOffset`] | the text exactly (fraction digits, offset); `time::OffsetDateTime` |
//! | `Date` | [`Date`] | the text exactly; `time::Date` |
//! | `TimeOfDay` | [`TimeOfDay`] | the text exactly (seconds, fraction digits); `time::Time` |
//! | `Duration` | [`Duration`] | the text exactly (`P1DT2H3M4.5S`); `time::Duration` |
//! | `Guid` | [`Guid`] | the value, read in any case, written in lower case; `uuid::Uuid` |
//! | `Binary` | [`Binary`] | the bytes, read from standard base64 or base64url, written as standard base64 as Graph writes it |
//!
//! [`time`] and [`uuid`] are re-exported. Each type's `parse` and `FromStr` read the literal
//! without JSON quotes; `Display` writes it back.
//!
//! ```
//! use odata_resource::{ComplexType, Date, Decimal, Duration, Guid, Int64, Resource, TimeOfDay};
//!
//! #[derive(ComplexType, Debug, Clone, PartialEq, Default)]
//! #[odata(type = "microsoft.graph.workingHours")]
//! pub struct WorkingHours {
//!     pub start_time: Option<TimeOfDay>,
//!     pub end_time: Option<TimeOfDay>,
//! }
//!
//! #[derive(Resource, Debug, Clone, PartialEq, Default)]
//! #[odata(type = "contoso.invoice", path = "/invoices/{invoice-id}")]
//! pub struct Invoice {
//!     #[odata(read_only)] pub id: Option<Guid>,
//!     pub due: Option<Date>,
//!     pub total: Option<Decimal>,
//!     pub size: Option<Int64>,
//!     pub grace: Option<Duration>,
//!     pub hours: Option<WorkingHours>,
//! }
//!
//! let invoice: Invoice = odata_resource::from_slice(br#"{
//!     "id": "FBAB97D0-4932-4511-B675-204639209557", "due": "2024-02-29",
//!     "total": 1234.50, "size": "20158", "grace": "P1DT12H",
//!     "hours": {"startTime": "08:00:00.0000000", "endTime": "17:00:00.0000000"}
//! }"#)?;
//! assert_eq!(invoice.id.unwrap().to_string(), "fbab97d0-4932-4511-b675-204639209557");
//! assert_eq!(invoice.due.unwrap().to_date().weekday(), odata_resource::time::Weekday::Thursday);
//! assert_eq!(invoice.total.as_ref().unwrap().as_str(), "1234.50");
//! assert_eq!(invoice.size, Some(Int64(20158)));
//! assert_eq!(invoice.grace.as_ref().unwrap().to_time_duration().whole_hours(), 36);
//! assert_eq!(invoice.hours.as_ref().unwrap().start_time.unwrap().to_string(), "08:00:00.0000000");
//!
//! let request = Invoice::patch("1")
//!     .total("1300.00".parse::<Decimal>()?)
//!     .size(20159)
//!     .grace(odata_resource::time::Duration::hours(36))
//!     .build()?;
//! assert_eq!(
//!     request.body(),
//!     br##"{"@odata.type":"#contoso.invoice","total":1300.00,"size":20159,"grace":"P1DT12H"}"##
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Attributes
//!
//! Container (`Resource`, `ComplexType`):
//! - `#[odata(type = "namespace.Name")]` (required): written as `"@odata.type": "#namespace.Name"`,
//!   first in every body.
//! - `#[odata(path = "/teams/{teamsId}/operations")]` (`Resource` only): one unnamed path gives
//!   the constructor `patch(teams_id)`. `#[odata(path(team = "…"))]` gives `patch_team(…)`;
//!   repeatable. Each path also gives a GET: `get(…)`, `get_team(…)`.
//! - `#[odata(collection = "/teams/{teamsId}/operations")]` / `collection(name = "…")`
//!   (`Resource` only): a collection of the resource, read page by page: `list(…)`,
//!   `list_name(…)`.
//!   Placeholders (`{teamsId}` or `{team-id}`) are whole segments; the arguments are snake_case,
//!   in template order, each `impl AsRef<str>`. Values are percent-encoded as one segment each;
//!   empty, `.`, `..`, `$…` and namespace-qualified values make `build()` fail.
//! - `#[odata(crate = "::my_sdk::odata")]`: reach this crate through a re-export. The path is
//!   absolute (`::…` or `crate::…`). Also on `ODataEnum` and `Polymorphic`, where it is the only
//!   container attribute.
//! - `#[odata(no_type_annotation)]`: never write `@odata.type` for this type (see
//!   [`@odata.type` in a PATCH body](#odatatype-in-a-patch-body)).
//!
//! Field:
//! - `#[odata(rename = "wireName")]`: the JSON name (default: the field name in lowerCamelCase).
//! - `#[odata(read_only)]`: no setter, so never in a PATCH body; still read and written by the
//!   type's own `Serialize` / `Deserialize`.
//! - `#[odata(navigation)]`: a navigation property: read-only, named by `expand(…)` and refused
//!   by `select(…)`.
//! - `#[odata(non_nullable)]`: no `clear_…` setter. A field that is not an `Option` is
//!   non-nullable anyway.
//! - `#[odata(additional)]` on a [`Map`]: keeps undeclared properties of open types.
//! - `#[odata(annotations)]` on an [`Annotations`]: keeps `@odata.etag`, `@odata.context`,
//!   `@odata.id`, the received `@odata.type` and any other annotation.
//!
//! `ODataEnum` variant:
//! - `#[odata(rename = "wireName")]`: the wire name (default: the variant in lowerCamelCase).
//! - `#[odata(other)]` on one `Other(String)` variant: keeps any value this crate does not know.
//!
//! `Polymorphic` variant (each is `Variant(Type)`, `Type` a `Resource` or `ComplexType`):
//! - `#[odata(base)]` (required, on exactly one): the declared type, read when a value has no
//!   `@odata.type`, and for a type no variant declares when there is no `unknown` variant (the
//!   received name then stays in its `annotations` field, if it has one).
//! - `#[odata(unknown)]` (at most one) on a `Variant(UnknownType)`: holds a value of a type no
//!   variant declares: its received name and its other members, written back unchanged.
//!
//! To see what a derive generates, build with `ODATA_RESOURCE_DEBUG=1` (every type) or
//! `ODATA_RESOURCE_DEBUG=TypeName` (one type): the expansion is printed on stderr.
//!
//! ## OData rules it follows
//!
//! - A PATCH body holds exactly the properties set on the builder, each a value or `null`,
//!   after `@odata.type`, in declaration order; never annotations. Inside a complex value,
//!   `None` is left out and `null` is sent only through nested changes (OData merges complex
//!   values; collections are replaced whole).
//! - Setting a member declared after `unknownFutureValue` adds
//!   `Prefer: include-unknown-enum-members` (Graph rejects such a member without it).
//! - Reading never fails on what a newer service may send: `@odata.type` with or without `#`,
//!   as a URI, or as `@type`; unknown annotations and properties; unknown enum members (kept by
//!   the `other` variant). Wrong JSON types, Int32 overflow and impossible dates are errors that
//!   name the property path: [`from_slice`] gives it in [`Error::Json`]'s `path`, and the derived
//!   `Deserialize` starts its message with it whatever reads it (`serde_json::from_str`,
//!   `from_value`, …): ``error.code: invalid type: integer `5`, expected a string at line 1
//!   column 27``; an item of a `Vec<T>` or `Option<Vec<T>>` property with its index,
//!   `value[3].status: …`. A top-level `Vec<T>` is read by serde's own `Vec` impl, which does not
//!   give the index: there the message starts with the item's path (`status: …`).
//! - A type's own `Serialize` writes the properties it holds and leaves out those that are
//!   `None`: absent means unknown (a `$select` response leaves out what was not asked for), so
//!   a value written back to a cache or a queue never claims `null` for what it never
//!   received. It never claims a type it does not have either: `@odata.type` is written from
//!   the annotations field (the received type, else the declared one); a type without one
//!   cannot tell whether it was read from a derived type, so it writes none (absent means the
//!   declared type). A [`Polymorphic`](macro@Polymorphic) enum always writes its variant's type.

pub use odata_resource_macros::{ComplexType, ODataEnum, Polymorphic, Resource};
pub use odata_resource_runtime::batch::{self, Batch, BatchId, BatchResponse};
pub use odata_resource_runtime::{http, serde, time, uuid};

#[cfg(feature = "client")]
pub use odata_resource_runtime::client::{Client, Pages, RetryPolicy};
pub use odata_resource_runtime::get;
pub use odata_resource_runtime::setter;
pub use odata_resource_runtime::{
    from_slice, http_message, parse_response, to_vec, Annotations, Binary, Date, DateTimeOffset,
    DateTimeParseError, Decimal, Dictionary, DictionaryPatch, Double, Duration, EdmParseError,
    Error, Flags, GetRequest, Guid, InnerError, Int64, ListRequest, NestedPatch, ODataEnum,
    ODataError, ODataErrorDetail, ODataType, ODataValue, Page, Patch, PatchRequest, PropertyValue,
    RetryAfter, ServiceError, Single, TimeOfDay, UnknownEnumMember, UnknownType,
};
pub use serde_json::{Map, Value};

#[doc(hidden)]
pub use odata_resource_runtime::__private;
