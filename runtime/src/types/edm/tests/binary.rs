//! `Binary` against both base64 alphabets, its standard text and bytes.

use super::super::Binary;
use super::support::{json_string, ok, rejected, round_trip};

const EDM: &str = "Edm.Binary";

#[test]
fn standard_padded_base64_round_trips_byte_exactly() {
    for text in [
        "",
        "AA==",
        "AAA=",
        "AAAA",
        "AQID",
        "SGk=",
        "+/8=",
        "//79/A==",
        "SGVsbG8sIHdvcmxkIQ==",
    ] {
        round_trip::<Binary>(text);
    }
}

#[test]
fn base64url_and_unpadded_forms_are_read_as_their_bytes() {
    for (text, bytes) in [
        ("-_8", &[0xfb, 0xff][..]),
        ("-_8=", &[0xfb, 0xff]),
        ("+/8", &[0xfb, 0xff]),
        ("SGk", b"Hi"),
        ("AA", &[0]),
        ("_-_-", &[0xff, 0xef, 0xfe]),
    ] {
        let value = ok::<Binary>(text);
        assert_eq!(value.as_bytes(), bytes, "{text}");
        let json = json_string(text);
        assert_eq!(serde_json::from_str::<Binary>(&json).unwrap(), value);
        // written the way Graph writes it
        assert_eq!(ok::<Binary>(&value.to_string()), value);
        assert!(!value.to_string().contains(['-', '_']));
    }
    assert_eq!(ok::<Binary>("-_8").to_string(), "+/8=");
}

#[test]
fn converts_to_and_from_bytes() {
    let bytes: Vec<u8> = (0..=255).collect();
    let value = Binary::from(bytes.clone());
    assert_eq!(value.as_bytes(), bytes.as_slice());
    assert_eq!(value.as_ref(), bytes.as_slice());
    assert_eq!(Binary::from(bytes.as_slice()), value);
    assert_eq!(Vec::from(value.clone()), bytes);
    assert_eq!(value.clone().into_vec(), bytes);
    assert_eq!(ok::<Binary>(&value.to_string()), value);
    assert_eq!(Binary::default().to_string(), "");
}

#[test]
fn rejections_name_the_problem() {
    for (text, phrase) in [
        (
            "+-8=",
            "mixes the standard (`+`, `/`) and the base64url (`-`, `_`) alphabets",
        ),
        ("A/_A", "mixes the standard"),
        ("SG k=", "` ` at byte 2 is not a base64 character"),
        ("SGk=\n", "`\\n` at byte 4 is not a base64 character"),
        ("SGé=", "`é` at byte 2 is not a base64 character"),
        ("S=k=", "`=` at byte 1 (padding may only end the text"),
        (
            "A",
            "the last group of 4 has 1 character (1 in all; a last group has 2 to 4)",
        ),
        ("AAAAA", "the last group of 4 has 1 character (5 in all;"),
        ("SGk==", "`=` at byte 3"),
        (
            "AA=",
            "wrong padding (`=` completes the last group of 4, or is left out)",
        ),
        (
            "AB==",
            "the last character `B` (byte 1) has bits set that encode no byte",
        ),
        ("AAB=", "the last character `B` (byte 2)"),
        (
            "\u{feff}AAAA",
            "`\\u{feff}` at byte 0 is not a base64 character",
        ),
    ] {
        rejected::<Binary>(EDM, text, phrase);
    }
}

#[test]
fn long_values_are_quoted_in_part() {
    let text = format!("{}!", "A".repeat(100));
    let message = Binary::parse(&text).unwrap_err().to_string();
    assert!(
        message.starts_with(&format!("invalid Edm.Binary `{}…`: ", "A".repeat(64))),
        "{message}"
    );
    assert!(message.ends_with("`!` at byte 100 is not a base64 character (`A`–`Z`, `a`–`z`, `0`–`9`, `+`, `/` or `-`, `_`, then `=` padding)"), "{message}");
}

#[test]
fn debug() {
    assert_eq!(format!("{:?}", Binary::from(vec![1, 2, 3])), "Binary(AQID)");
}
