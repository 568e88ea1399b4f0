//! Both seed paths, percent-encoding of parameters, and values that would re-route a request.

use odata_resource::Error;
use teams_model::{TeamsAsyncOperation, TeamsAsyncOperationStatus};

#[test]
fn both_seed_paths() {
    let team = TeamsAsyncOperation::patch_team("team-1").build().unwrap();
    assert_eq!(team.path(), "/teams/team-1/operations");
    let invited = TeamsAsyncOperation::patch_invited_user_team("inv-1", "group-1")
        .build()
        .unwrap();
    assert_eq!(
        invited.path(),
        "/invitations/inv-1/invitedUser/joinedGroups/group-1/team/operations"
    );
}

#[test]
fn reserved_and_non_ascii_characters_are_encoded_exactly_once_as_one_segment() {
    let hostile = "a/b?c#d%e f'g&h ü日";
    let request = TeamsAsyncOperation::patch_team(hostile).build().unwrap();
    let encoded = "a%2Fb%3Fc%23d%25e%20f%27g%26h%20%C3%BC%E6%97%A5";
    assert_eq!(request.path(), format!("/teams/{encoded}/operations"));

    let segments: Vec<&str> = request.path().split('/').collect();
    assert_eq!(segments.len(), 4, "one segment per parameter");
    let decoded = percent_decode(segments[2]);
    assert_eq!(decoded, hostile, "decoding once gives the value back");

    let invited = TeamsAsyncOperation::patch_invited_user_team(hostile, "x/y")
        .build()
        .unwrap();
    assert_eq!(
        invited.path(),
        format!("/invitations/{encoded}/invitedUser/joinedGroups/x%2Fy/team/operations")
    );
    let http = invited
        .to_http("https://graph.microsoft.com/v1.0/")
        .unwrap();
    assert_eq!(
        http.uri().path(),
        format!("/v1.0/invitations/{encoded}/invitedUser/joinedGroups/x%2Fy/team/operations")
    );
    assert_eq!(http.uri().query(), None);
}

/// Decodes `%XX` once (test-local, so the check does not reuse the code under test).
fn percent_decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn values_that_would_reroute_make_build_fail_naming_the_parameter() {
    for bad in ["", ".", "..", "$count"] {
        let err = TeamsAsyncOperation::patch_team(bad)
            .status(TeamsAsyncOperationStatus::Failed)
            .build()
            .unwrap_err();
        match &err {
            Error::InvalidPathParameter {
                parameter, value, ..
            } => {
                assert_eq!(*parameter, "teamsId");
                assert_eq!(value, bad);
            }
            other => panic!("{bad:?}: {other:?}"),
        }
        assert!(err.to_string().contains("`teamsId`"), "{err}");

        let err = TeamsAsyncOperation::patch_invited_user_team("ok", bad)
            .build()
            .unwrap_err();
        assert!(err.to_string().contains("`groupId`"), "{err}");
    }
}

#[test]
fn service_root_must_be_absolute_http() {
    let request = TeamsAsyncOperation::patch_team("t").build().unwrap();
    for bad in [
        "graph.microsoft.com/v1.0",
        "ftp://host/v1.0",
        "https://host/v1.0?x=1",
        "",
    ] {
        assert!(
            matches!(request.to_http(bad), Err(Error::InvalidServiceRoot { .. })),
            "{bad}"
        );
    }
    let http = request.to_http("http://127.0.0.1:8080/beta").unwrap();
    assert_eq!(http.uri(), "http://127.0.0.1:8080/beta/teams/t/operations");
}

/// A read-only `id` beside a path placeholder `{id}` (`/users/{id}`, a common Graph shape): the
/// constructor's argument `id` and the read-only property `id` live side by side.
#[test]
fn a_read_only_property_named_like_a_placeholder() {
    #[derive(odata_resource::Resource, Debug, Clone, PartialEq, Default)]
    #[odata(type = "microsoft.graph.user", path = "/users/{id}")]
    struct User {
        #[odata(read_only)]
        id: Option<String>,
        display_name: Option<String>,
    }
    let request = User::patch("u 1").display_name("Adele").build().unwrap();
    assert_eq!(request.path(), "/users/u%201");
    assert_eq!(User::get("u 1").build().unwrap().path(), "/users/u%201");
}
