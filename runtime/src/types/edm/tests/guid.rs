//! `Guid` against the `guidValue` grammar, its lower-case text and `uuid::Uuid`.

use uuid::Uuid;

use super::super::Guid;
use super::support::{json_string, ok, rejected, round_trip};

const EDM: &str = "Edm.Guid";

#[test]
fn lower_case_round_trips_byte_exactly() {
    for text in [
        "fbab97d0-4932-4511-b675-204639209557",
        "00000000-0000-0000-0000-000000000000",
        "ffffffff-ffff-ffff-ffff-ffffffffffff",
        "01234567-89ab-cdef-0123-456789abcdef",
    ] {
        round_trip::<Guid>(text);
    }
}

#[test]
fn any_case_is_read_and_written_lower_case() {
    let upper = ok::<Guid>("FBAB97D0-4932-4511-B675-204639209557");
    let mixed = ok::<Guid>("fbAB97d0-4932-4511-B675-204639209557");
    let lower = ok::<Guid>("fbab97d0-4932-4511-b675-204639209557");
    assert_eq!(upper, lower);
    assert_eq!(mixed, lower);
    assert_eq!(upper.to_string(), "fbab97d0-4932-4511-b675-204639209557");
    let json = json_string("FBAB97D0-4932-4511-B675-204639209557");
    let read: Guid = serde_json::from_str(&json).unwrap();
    assert_eq!(
        serde_json::to_string(&read).unwrap(),
        "\"fbab97d0-4932-4511-b675-204639209557\""
    );
}

#[test]
fn converts_to_and_from_uuid() {
    let uuid = Uuid::from_u128(0xfbab97d0_4932_4511_b675_204639209557);
    let value = Guid::from(uuid);
    assert_eq!(value, ok("fbab97d0-4932-4511-b675-204639209557"));
    assert_eq!(Uuid::from(value), uuid);
    assert_eq!(value.to_uuid(), uuid);
    assert_eq!(Guid::default().to_uuid(), Uuid::nil());
    assert!(ok::<Guid>("00000000-0000-0000-0000-000000000001") > Guid::default());
}

#[test]
fn rejections_name_the_problem() {
    for (text, phrase) in [
        (
            "",
            "expected a hexadecimal digit at byte 0, found the end of the text",
        ),
        (
            "fbab97d04932-4511-b675-204639209557",
            "expected `-` between groups of 8, 4, 4, 4 and 12 digits at byte 8, found `4`",
        ),
        (
            "fbab97d-04932-4511-b675-204639209557",
            "expected a hexadecimal digit at byte 7, found `-`",
        ),
        (
            "fbab97d0-4932-4511-b675-20463920955",
            "expected a hexadecimal digit at byte 35, found the end",
        ),
        (
            "fbab97d0-4932-4511-b675-2046392095577",
            "unexpected `7` at byte 36 after the last group of 12 digits",
        ),
        (
            "gbab97d0-4932-4511-b675-204639209557",
            "expected a hexadecimal digit at byte 0, found `g`",
        ),
        ("{fbab97d0-4932-4511-b675-204639209557}", "found `{`"),
        ("urn:uuid:fbab97d0-4932-4511-b675-204639209557", "found `u`"),
        (
            "fbab97d049324511b675204639209557",
            "expected `-` between groups",
        ),
        (" fbab97d0-4932-4511-b675-204639209557", "found ` `"),
        ("fbab97d0-4932-4511-b675-20463920955é", "found `é`"),
        (
            "\u{feff}fbab97d0-4932-4511-b675-204639209557",
            "byte-order mark",
        ),
    ] {
        rejected::<Guid>(EDM, text, phrase);
    }
}

#[test]
fn debug() {
    assert_eq!(
        format!("{:?}", ok::<Guid>("FBAB97D0-4932-4511-B675-204639209557")),
        "Guid(fbab97d0-4932-4511-b675-204639209557)"
    );
}
