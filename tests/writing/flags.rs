//! Flags enums: Graph's `clonableTeamParts` (`IsFlags="true"`), read from the corpus's CSDL and
//! the team-clone request bodies of Graph's docs.

use odata_resource::{Flags, ODataEnum, ODataValue};

/// `microsoft.graph.clonableTeamParts`.
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
enum ClonableTeamParts {
    Apps,
    Tabs,
    Settings,
    Channels,
    Members,
    #[odata(other)]
    Other(String),
}

#[test]
fn the_members_are_those_of_graph_metadata() {
    let csdl = std::fs::read_to_string(
        crate::common::shared_dir().join("corpus/csdl/v1.0/clonableTeamParts.xml"),
    )
    .unwrap();
    assert!(csdl.contains(r#"IsFlags="true""#));
    let names: Vec<&str> = csdl
        .split("Member Name=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        .collect();
    assert_eq!(names, <ClonableTeamParts as ODataEnum>::MEMBERS);
}

#[test]
fn docs_request_bodies_round_trip_in_order() {
    let docs = crate::common::shared_dir().join("corpus/graph-docs");
    let mut checked = 0;
    for dir in ["v1.0", "beta"] {
        for entry in std::fs::read_dir(docs.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !name.starts_with("team-clone.") || !name.ends_with(".request.json") {
                continue;
            }
            let body: serde_json::Value =
                serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
            let wire = body["partsToClone"].as_str().unwrap();
            let parts: Flags<ClonableTeamParts> =
                serde_json::from_value(body["partsToClone"].clone()).unwrap();
            assert!(parts.len() >= 2, "{name}: {wire}");
            assert!(
                parts
                    .members()
                    .iter()
                    .all(|m| !matches!(m, ClonableTeamParts::Other(_))),
                "{name}: {wire}"
            );
            assert_eq!(
                serde_json::to_value(&parts).unwrap(),
                body["partsToClone"],
                "{name}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 3, "only {checked} team-clone bodies found");
}

#[test]
fn order_is_kept_unknown_members_are_kept_and_duplicates_dropped() {
    let parts: Flags<ClonableTeamParts> = "members,apps,futureParts,apps".parse().unwrap();
    assert_eq!(
        parts.members(),
        [
            ClonableTeamParts::Members,
            ClonableTeamParts::Apps,
            ClonableTeamParts::Other("futureParts".into())
        ]
    );
    assert_eq!(parts.to_string(), "members,apps,futureParts");
}

#[test]
fn spaces_after_commas_and_empty_values_are_read() {
    let parts: Flags<ClonableTeamParts> = serde_json::from_str(r#""apps, tabs""#).unwrap();
    assert_eq!(parts.to_string(), "apps,tabs", "written without spaces");
    let none: Flags<ClonableTeamParts> = serde_json::from_str(r#""""#).unwrap();
    assert!(none.is_empty());
    assert_eq!(serde_json::to_string(&none).unwrap(), r#""""#);
}

#[test]
fn written_into_a_patch_body_as_one_string() {
    let parts = Flags::new()
        .with(ClonableTeamParts::Channels)
        .with(ClonableTeamParts::Settings);
    let mut out = Vec::new();
    parts.write_json(&mut out);
    assert_eq!(out, br#""channels,settings""#);
    assert!(
        !parts.needs_unknown_enum_members(),
        "no sentinel in this enum"
    );
}

#[test]
fn an_unknown_member_without_a_catch_all_is_an_error() {
    #[derive(ODataEnum, Debug, Clone, PartialEq)]
    enum Strict {
        A,
        B,
    }
    let err = "a,c".parse::<Flags<Strict>>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown Strict member `c`, expected one of `a`, `b`"
    );
    let err = serde_json::from_str::<Flags<Strict>>("5").unwrap_err();
    assert!(
        err.to_string().contains("Strict members joined by `,`"),
        "{err}"
    );
}
