//! The generator on small CSDL documents, one construct at a time, and on the whole Graph v1.0
//! document (a snapshot of the seed's resource). Output is compared with whitespace removed, so
//! the assertions are about tokens, not about the formatter's line breaks.

use odata_resource_codegen::{Error, Generator, Mode};

const CONSTRUCTS: &str = include_str!("fixtures/constructs.csdl");

/// Without whitespace and the formatter's trailing commas; without doc comments unless `docs`.
fn squash(text: &str, docs: bool) -> String {
    let kept: String = text
        .lines()
        .filter(|line| docs || !line.trim_start().starts_with("///"))
        .collect::<Vec<_>>()
        .join("\n");
    let squashed: String = kept.chars().filter(|c| !c.is_whitespace()).collect();
    squashed.replace(",>", ">").replace(",)", ")")
}

#[track_caller]
fn assert_has(output: &str, expected: &str) {
    let docs = expected.contains("///");
    assert!(
        squash(output, docs).contains(&squash(expected, docs)),
        "the output lacks:\n{expected}\n"
    );
}

#[track_caller]
fn assert_lacks(output: &str, unexpected: &str) {
    let docs = unexpected.contains("///");
    assert!(
        !squash(output, docs).contains(&squash(unexpected, docs)),
        "the output has:\n{unexpected}\n"
    );
}

fn constructs() -> String {
    Generator::new().generate(CONSTRUCTS).unwrap()
}

/// The item of `output` whose header line is `header` (`pub struct User {`): from the doc
/// comment and attributes before it to its closing brace at the header's indentation.
fn item<'a>(output: &'a str, header: &str) -> &'a str {
    let at = output
        .find(&format!(" {header}\n"))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("no `{header}`"));
    let line_start = output[..at].rfind('\n').map_or(0, |i| i + 1);
    let indent = &output[line_start..at];
    // back over the doc comment and attributes (lines indented deeper or at the same depth
    // that are not the end of a previous item)
    let mut start = line_start;
    while let Some(previous) = output[..start.saturating_sub(1)].rfind('\n') {
        let line = &output[previous + 1..start - 1];
        if line == format!("{indent}}}") || line.trim().is_empty() || !line.starts_with(indent) {
            break;
        }
        start = previous + 1;
    }
    let close = format!("\n{indent}}}\n");
    let end = output[at..]
        .find(&close)
        .map_or(output.len(), |i| at + i + close.len());
    &output[start..end]
}

#[test]
fn one_module_per_namespace_segment() {
    let out = constructs();
    assert_has(&out, "pub mod example { pub mod service {");
    assert_has(&out, "pub mod call_records {");
    // a type of a nested namespace names the outer one's types through `super::`
    assert_has(
        &out,
        "pub organizer: ::core::option::Option<super::AnyIdentity2>,",
    );
}

#[test]
fn names_keywords_and_collisions() {
    let out = constructs();
    let user = item(&out, "pub struct User {");
    assert_has(
        user,
        "pub r#type: ::core::option::Option<::std::string::String>,",
    );
    assert_has(
        user,
        "pub self_: ::core::option::Option<::std::string::String>,",
    );
    // `build` is a method of the builder: the field moves aside, the wire name stays
    assert_has(
        user,
        r#"#[odata(rename = "build")] pub build_2: ::core::option::Option<::std::string::String>,"#,
    );
    // a property named like the special field keeps its name; the special field moves
    assert_has(
        user,
        "pub annotations: ::core::option::Option<::std::string::String>,",
    );
    assert_has(
        user,
        "#[odata(annotations)] pub annotations_2: ::odata_resource::Annotations,",
    );
    // the default wire name would be `iOsversion`
    assert_has(user, r#"#[odata(rename = "iOSVersion")] pub i_osversion:"#);
    assert_lacks(user, r#"rename = "displayName""#);
    // `Option` and `option` are two types; the generated code names std's through absolute paths
    assert_has(&out, "pub struct Option {");
    assert_has(&out, "pub struct Option2 {");
    // `anyIdentity` is a type of the document: the polymorphic enum of `identity` moves aside
    assert_has(&out, "pub struct AnyIdentity {");
    assert_has(&out, "pub enum AnyIdentity2 {");
}

#[test]
fn enums_keep_unknown_members_and_flags_are_flags() {
    let out = constructs();
    let color = item(&out, "pub enum Color {");
    assert_has(color, r#"#[odata(rename = "self")] Self_,"#);
    assert_has(color, "DarkBlue,");
    // `other` is a member, so the catch-all takes the next name
    assert_has(color, "Other,");
    assert_has(
        color,
        "#[odata(other)] UnknownMember(::std::string::String),",
    );
    let permissions = item(&out, "pub enum Permissions {");
    assert_has(permissions, "#[odata(other)] Other(::std::string::String),");
    assert_has(
        &out,
        "pub access: ::core::option::Option<::odata_resource::Flags<Permissions>>,",
    );
}

#[test]
fn every_edm_primitive_has_its_type() {
    let out = constructs();
    let user = item(&out, "pub struct User {");
    for (field, ty) in [
        ("size", "::odata_resource::Int64"),
        ("ratio", "::odata_resource::Double"),
        ("weight", "::odata_resource::Single"),
        ("price", "::odata_resource::Decimal"),
        ("birthday", "::odata_resource::Date"),
        ("wake_up", "::odata_resource::TimeOfDay"),
        ("timeout", "::odata_resource::Duration"),
        ("tenant_id", "::odata_resource::Guid"),
        ("photo", "::odata_resource::Binary"),
        ("shape", "::odata_resource::Value"),
        ("age", "::core::primitive::u8"),
        ("delta", "::core::primitive::i8"),
        ("rank", "::core::primitive::i16"),
        ("deleted_date_time", "::odata_resource::DateTimeOffset"),
    ] {
        assert_has(user, &format!("pub {field}: ::core::option::Option<{ty}>,"));
    }
    // a stream is its media link, read-only
    assert_has(
        user,
        "#[odata(read_only)] pub content: ::core::option::Option<::std::string::String>,",
    );
    assert_has(
        user,
        "#[odata(non_nullable)] pub tags: ::core::option::Option<::std::vec::Vec<::std::string::String>>,",
    );
}

#[test]
fn inheritance_flattens_and_keys_computed_and_read_permissions_are_read_only() {
    let out = constructs();
    let user = item(&out, "pub struct User {");
    // root first: entity's id, directoryObject's deletedDateTime, then user's own
    let id = user.find("pub id:").unwrap();
    let deleted = user.find("pub deleted_date_time:").unwrap();
    let name = user.find("pub display_name:").unwrap();
    assert!(id < deleted && deleted < name);
    assert_has(user, "#[odata(read_only)] pub id:");
    assert_has(user, "#[odata(read_only)] pub computed_value:");
    // Permissions = Read only, from an out-of-line <Annotations> block
    assert_has(user, "#[odata(read_only)] pub display_name:");
    // Nullable="false" on a writable property: no `clear_` setter
    assert_has(
        user,
        "#[odata(non_nullable)] pub favorite_color: ::core::option::Option<Color>,",
    );
    assert_has(
        &out,
        "/// `example.service.directoryObject` (open entity type, derived from `example.service.entity`).",
    );
    assert_has(&out, "/// `example.service.entity` (abstract entity type).");
}

#[test]
fn base_typed_properties_read_through_a_polymorphic_enum() {
    let out = constructs();
    let any = item(&out, "pub enum AnyDirectoryObject {");
    assert_has(
        any,
        "#[odata(base)] DirectoryObject(::std::boxed::Box<DirectoryObject>), User(::std::boxed::Box<User>), Group(::std::boxed::Box<Group>), #[odata(unknown)] Unknown(::odata_resource::UnknownType),",
    );
    // a derived type of another namespace with the same local name: prefixed by its module
    assert_has(
        &out,
        "CallRecordsIdentity(::std::boxed::Box<call_records::Identity>),",
    );
    let user = item(&out, "pub struct User {");
    // navigation: read-only, single boxed, collection as a Vec; both polymorphic here
    assert_has(
        user,
        "#[odata(navigation)] pub manager: ::core::option::Option<::std::boxed::Box<AnyDirectoryObject>>,",
    );
    assert_has(
        user,
        "#[odata(navigation)] pub member_of: ::core::option::Option<::std::vec::Vec<AnyDirectoryObject>>,",
    );
    assert_has(
        user,
        "pub identities: ::core::option::Option<::std::vec::Vec<AnyIdentity2>>,",
    );
    // a type without concrete derived types is read as itself
    assert_has(
        user,
        "#[odata(navigation)] pub notes: ::core::option::Option<::std::vec::Vec<Note>>,",
    );
}

#[test]
fn a_hierarchy_wider_than_the_limit_keeps_derived_values_whole() {
    let out = Generator::new()
        .max_variants(1)
        .generate(CONSTRUCTS)
        .unwrap();
    let any = item(&out, "pub enum AnyDirectoryObject {");
    assert_has(
        any,
        "#[odata(base)] DirectoryObject(::std::boxed::Box<DirectoryObject>), #[odata(unknown)] Unknown(::odata_resource::UnknownType),",
    );
    assert_has(any, "/// A value of a property typed `example.service.directoryObject`: the base type or one of its derived types, chosen by `@odata.type`. The 2 derived types of this base are more than the generator's variant limit");
}

#[test]
fn a_type_that_contains_itself_is_boxed() {
    let out = constructs();
    assert_has(
        item(&out, "pub struct Address {"),
        "pub next: ::core::option::Option<::std::boxed::Box<Address>>,",
    );
    // not recursive: held by value
    assert_has(&out, "pub address: ::core::option::Option<Address>,");
}

#[test]
fn paths_from_sets_singletons_and_containment() {
    let out = constructs();
    let user = item(&out, "pub struct User {");
    assert_has(user, r#"#[odata(path(users = "/users/{user-id}"))]"#);
    assert_has(user, r#"#[odata(path(me = "/me"))]"#);
    assert_has(user, r#"#[odata(collection(users = "/users"))]"#);
    let note = item(&out, "pub struct Note {");
    assert_has(
        note,
        r#"#[odata(path(users_notes = "/users/{user-id}/notes/{note-id}"))]"#,
    );
    // the same type twice in one path: Graph's numbered placeholder
    assert_has(
        note,
        r#"#[odata(path(users_notes_replies = "/users/{user-id}/notes/{note-id}/replies/{note-id1}"))]"#,
    );
    // single-valued containment: no key segment, no collection
    assert_has(
        note,
        r#"#[odata(path(users_notes_pinned = "/users/{user-id}/notes/{note-id}/pinned"))]"#,
    );
    assert_lacks(note, "collection(users_notes_pinned");
    assert_has(
        note,
        r#"#[odata(collection(me_notes_replies = "/me/notes/{note-id}/replies"))]"#,
    );
    // a group's members are not contained: no path below /groups
    assert_lacks(&out, "/groups/{group-id}/members");

    // breadth first: the shallowest paths come first, and a limit keeps them
    let capped = Generator::new().max_paths(2).generate(CONSTRUCTS).unwrap();
    let note = item(&capped, "pub struct Note {");
    assert_has(
        note,
        r#"#[odata(path(users_notes = "/users/{user-id}/notes/{note-id}"))] #[odata(path(me_notes = "/me/notes/{note-id}"))] #[odata(collection("#,
    );
    assert_lacks(note, "replies/{note-id1}");

    let shallow = Generator::new().max_depth(1).generate(CONSTRUCTS).unwrap();
    let note = item(&shallow, "pub struct Note {");
    assert_has(
        note,
        r#"path(users_notes = "/users/{user-id}/notes/{note-id}")"#,
    );
    assert_lacks(note, "replies/{note-id1}");
}

#[test]
fn docs_come_from_descriptions_and_cannot_be_read_as_markup() {
    let out = constructs();
    let user = item(&out, "pub struct User {");
    assert_has(user, "/// A person.");
    // each source line its own paragraph: an indented line is not a code block
    assert_has(user, "///\n        /// Indented second line - not code.");
    assert_has(
        user,
        r"/// Long text with \`code\` and a bare URL <https://example.com/users>.",
    );
    assert_has(user, "/// The name shown.");
    let color = item(&out, "pub enum Color {");
    assert_has(
        color,
        r"/// A color \[see docs\](<https://example.com/colors>) &lt;b&gt;bold&lt;/b&gt;.",
    );
}

#[test]
fn output_is_deterministic_and_crate_path_is_honoured() {
    assert_eq!(constructs(), constructs());
    let out = Generator::new()
        .crate_path("::my_sdk::odata")
        .generate(CONSTRUCTS)
        .unwrap();
    assert_has(&out, r#"#[derive(::my_sdk::odata::Resource,"#);
    assert_has(&out, r#"#[odata(crate = "::my_sdk::odata")]"#);
    assert_lacks(&out, "::odata_resource::");
    let err = Generator::new()
        .crate_path("odata")
        .generate(CONSTRUCTS)
        .unwrap_err();
    assert!(err.to_string().contains("must be absolute"), "{err}");
}

/// `text` squashed, without serde's derives and attributes.
fn without_serde(text: &str) -> String {
    let mut out = squash(text, true)
        .replace("::serde::Serialize,", "")
        .replace("::serde::Deserialize,", "");
    while let Some(at) = out.find("#[serde(") {
        let end = at + out[at..].find(")]").expect("an attribute's end") + 2;
        out.replace_range(at..end, "");
    }
    out
}

#[test]
fn the_baseline_modes_emit_the_same_types() {
    let serde = Generator::new()
        .mode(Mode::Serde)
        .generate(CONSTRUCTS)
        .unwrap();
    let plain = Generator::new()
        .mode(Mode::Plain)
        .generate(CONSTRUCTS)
        .unwrap();
    // serde mode: serde's derive on every type, serde's attributes, none of ours
    assert_has(
        &serde,
        "#[derive(::serde::Serialize, ::serde::Deserialize, ::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::core::default::Default)]",
    );
    assert_has(&serde, r#"#[serde(tag = "@odata.type")]"#);
    assert_has(&serde, "#[serde(flatten)]");
    // a polymorphic value without `@odata.type` (of the declared type), or of a type the model
    // leaves out: serde's untagged variant of the base, last
    let any = item(&serde, "pub enum AnyDirectoryObject {");
    assert_has(
        any,
        r##"#[serde(rename = "#example.service.group")] Group(::std::boxed::Box<Group>), #[serde(untagged)] Unknown(::std::boxed::Box<DirectoryObject>), }"##,
    );
    for ours in [
        "odata(",
        "Resource",
        "ComplexType",
        "ODataEnum",
        "Polymorphic",
    ] {
        assert_lacks(&serde, &format!("::odata_resource::{ours}"));
        assert_lacks(&plain, &format!("::odata_resource::{ours}"));
    }
    assert_lacks(&serde, "#[odata(");
    // plain mode: the same items, fields and docs, with nothing of serde's
    assert!(!plain.contains("serde"), "{plain}");
    assert!(!plain.contains("#[odata("), "{plain}");
    assert_eq!(squash(&plain, true), without_serde(&serde));
    // and the product's items, one for one
    let ours = constructs();
    for item in ["pub struct ", "pub enum ", "pub mod "] {
        assert_eq!(
            plain.matches(item).count(),
            ours.matches(item).count(),
            "{item}"
        );
    }
}

fn error_of(csdl: &str) -> String {
    Generator::new().generate(csdl).unwrap_err().to_string()
}

fn schema(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="ns" Alias="a" xmlns="http://docs.oasis-open.org/odata/ns/edm">
{body}
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>"#
    )
}

#[test]
fn bad_documents_are_errors_that_name_the_element() {
    assert_eq!(
        error_of("{\"not\": \"xml\"}"),
        "line 1: not a CSDL document: no <Schema> element: this is not a CSDL document"
    );
    let unclosed = error_of("<Schema Namespace=\"x\"><EntityType Name=\"a\"></Schema>");
    assert!(
        unclosed.starts_with("line 1: not a CSDL document:"),
        "{unclosed}"
    );
    assert_eq!(
        error_of(&schema(
            r#"      <EntityType Name="a"><Property Name="p" Type="a.missing" /></EntityType>"#
        )),
        "line 5: <Property Name=\"ns.a/p\">: the type `a.missing` is declared nowhere in the document"
    );
    assert_eq!(
        error_of(&schema(
            "      <EntityType Name=\"a\" BaseType=\"a.b\" />\n      <EntityType Name=\"b\" BaseType=\"ns.a\" />"
        )),
        "line 5: <EntityType Name=\"ns.a\">: its base types form a cycle: ns.a → ns.b → ns.a"
    );
    assert_eq!(
        error_of(&schema(r#"      <ComplexType Name="a" BaseType="ns.gone" />"#)),
        "line 5: <ComplexType Name=\"ns.a\">: the base type `ns.gone` is declared nowhere in the document"
    );
    assert_eq!(
        error_of(&schema(
            r#"      <EntityType Name="a"><Property Name="p" /></EntityType>"#
        )),
        "line 5: <Property Name=\"p\">: the required attribute `Type` is missing"
    );
    assert_eq!(
        error_of(&schema(
            r#"      <EntityType Name="a"><Property Name="p" Type="Edm.Nope" /></EntityType>"#
        )),
        "line 5: <Property Name=\"ns.a/p\">: `Edm.Nope` is not an Edm primitive type this generator knows"
    );
    assert_eq!(
        error_of(&schema(
            "      <EntityContainer Name=\"c\">\n        <EntitySet Name=\"s\" EntityType=\"ns.nothing\" />\n      </EntityContainer>"
        )),
        "line 6: <EntitySet Name=\"s\">: `ns.nothing` is not an entity type of the document"
    );
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let err = Generator::new()
        .generate_file("/nonexistent/metadata.csdl", std::env::temp_dir())
        .unwrap_err();
    assert!(matches!(err, Error::Io { .. }), "{err:?}");
    assert!(
        err.to_string().starts_with("/nonexistent/metadata.csdl: "),
        "{err}"
    );
}

#[test]
fn a_bad_document_writes_nothing() {
    let dir = std::env::temp_dir().join(format!("odata-codegen-bad-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let csdl = dir.join("bad.csdl");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(&csdl, schema(r#"<ComplexType Name="a" BaseType="ns.a" />"#)).unwrap();
    let out = dir.join("out");
    let err = Generator::new().generate_file(&csdl, &out).unwrap_err();
    assert!(matches!(err, Error::Element { .. }), "{err}");
    assert!(!out.exists(), "nothing is written for a bad document");
    // a good one lands whole
    std::fs::write(&csdl, CONSTRUCTS).unwrap();
    let written = Generator::new().generate_file(&csdl, &out).unwrap();
    assert_eq!(std::fs::read_to_string(written).unwrap(), constructs());
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        1,
        "no temporary file left"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The generated `teamsAsyncOperation` of Graph v1.0 against its snapshot
/// (`UPDATE_EXPECT=1 cargo test -p odata-resource-codegen` writes it anew; review the diff).
#[test]
fn teams_async_operation_snapshot() {
    let csdl = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/corpus/csdl-full/v1.0-Prod.csdl"
    );
    let text = std::fs::read_to_string(csdl).expect("the corpus beside the repository");
    let out = Generator::new().generate(&text).unwrap();
    let mut snapshot = String::new();
    for header in [
        "pub struct TeamsAsyncOperation {",
        "pub enum TeamsAsyncOperationType {",
        "pub enum TeamsAsyncOperationStatus {",
        "pub struct OperationError {",
    ] {
        snapshot.push_str(item(&out, header));
        snapshot.push('\n');
    }
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/snapshots/teams_async_operation.rs"
    );
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(path, &snapshot).unwrap();
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        expected == snapshot,
        "the generated teamsAsyncOperation changed; run with UPDATE_EXPECT=1 and review:\n{snapshot}"
    );
}
