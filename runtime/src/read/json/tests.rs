//! The reader reads what services send itself, and gives serde_json's values (`oracle.rs`
//! compares its errors too). `tests/randomized` compares acceptance on random and mutated JSON.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use serde::de::IgnoredAny;
use serde_json::{Map, Number, Value};

use super::read;

/// Read by our reader (no fallback), into the same value serde_json makes, numbers by bits.
fn read_here(text: &str) -> Value {
    let ours: Value = read(text).unwrap_or_else(|| panic!("refused: {text}"));
    let theirs: Value = serde_json::from_str(text).unwrap();
    assert_eq!(
        serde_json::to_string(&ours).unwrap(),
        serde_json::to_string(&theirs).unwrap()
    );
    read::<IgnoredAny>(text).unwrap_or_else(|| panic!("not skipped: {text}"));
    ours
}

#[test]
fn what_services_send_is_read_here() {
    let page = r#" {"@odata.context":"https://graph/$metadata#x","value":[{"id":"a\u00e9\n","n":-12,"f":2.5e-3,"z":-0,"big":18446744073709551615,"bigger":18446744073709551616,"t":true,"u":false,"x":null,"nested":{"a":[[],{}]},"emoji":"\ud83d\ude00 é"}]} "#;
    let value = read_here(page);
    let item = &value["value"][0];
    assert_eq!(item["id"], "aé\n");
    assert!(item["z"].is_f64() && item["z"].as_f64().unwrap().is_sign_negative());
    assert!(item["bigger"].is_f64());
    assert_eq!(item["emoji"], "\u{1f600} é");
}

#[test]
fn what_serde_json_refuses_is_refused_here() {
    for text in [
        "",
        "[1,]",
        "{\"a\":1,}",
        "01",
        "1.",
        "-",
        "\"\\ud800\"",
        "\"a\u{1}\"",
        "nul",
        "[] x",
        "{\"a\" 1}",
        "\"\\x\"",
        "[1 2]",
        "\u{feff}{}",
    ] {
        assert!(read::<Value>(text).is_none(), "{text}");
        assert!(serde_json::from_str::<Value>(text).is_err(), "{text}");
    }
    // serde_json's recursion limit
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(read::<Value>(&deep(127)).is_some());
    assert!(read::<Value>(&deep(128)).is_none());
    assert!(serde_json::from_str::<Value>(&deep(128)).is_err());
    // an ignored string's lone surrogate is accepted by serde_json, and here
    assert!(read::<IgnoredAny>("\"\\ud800\"").is_some());
    // read here too, as serde_json reads them: i128, an integer beyond u64 read as f32
    assert_eq!(read::<i128>("2"), Some(2));
    assert_eq!(
        read::<f32>("18446744073709551616").map(f32::to_bits),
        serde_json::from_str::<f32>("18446744073709551616")
            .ok()
            .map(f32::to_bits)
    );
}

/// `f32` floats are rounded as serde_json rounds them (straight to `f32`, not through `f64`),
/// and a `RawValue` (what `Decimal` reads) is the value's exact text.
#[test]
fn f32_and_raw_values_read_as_serde_json_reads_them() {
    for text in [
        "1.5",
        "2",
        "-0",
        "-0.0",
        "0.1",
        "3.4028235e38",
        "1e39",
        "-1e-46",
        "16777217",
        "16777217.0",
        "1.00000005960464477539",
        "18446744073709551615",
        "-18446744073709551615",
        "9.999999e-39",
        "[1.5, -2e-3]",
    ] {
        let ours = read::<f32>(text).map(f32::to_bits);
        let theirs = serde_json::from_str::<f32>(text).ok().map(f32::to_bits);
        if ours.is_some() {
            assert_eq!(ours, theirs, "{text}");
        } else {
            assert!(theirs.is_none() || text.len() > 19, "{text}: refused");
        }
        let ours =
            read::<Vec<f32>>(text).map(|v| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
        let theirs = serde_json::from_str::<Vec<f32>>(text)
            .ok()
            .map(|v| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
        assert!(ours.is_none() || ours == theirs, "{text}");
    }
    for text in [
        r#"{"price":19.990,"big":1E+400,"s":"12.50","n":null}"#,
        r#"[ 1 , {"a" : [ -0.0e-0 ]} ]"#,
    ] {
        let ours: Box<serde_json::value::RawValue> = read(text).expect(text);
        assert_eq!(ours.get(), text.trim());
        let ours: std::collections::BTreeMap<String, Box<serde_json::value::RawValue>> =
            match read(text) {
                Some(map) => map,
                None => continue,
            };
        let theirs: std::collections::BTreeMap<String, Box<serde_json::value::RawValue>> =
            serde_json::from_str(text).unwrap();
        let texts = |m: &std::collections::BTreeMap<String, Box<serde_json::value::RawValue>>| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.get().to_owned()))
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(&ours), texts(&theirs));
    }
    let decimal: crate::types::edm::Decimal = read(" 12.500 ").unwrap();
    assert_eq!(decimal.as_str(), "12.500");
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter_map("finite", Number::from_f64)
            .prop_map(Value::Number),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((any::<String>(), inner), 0..5)
                .prop_map(|members| Value::Object(members.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

proptest! {
    #![proptest_config(Config {
        cases: 256,
        rng_seed: RngSeed::Fixed(0x0da7_a16e_ad17),
        failure_persistence: None,
        ..Config::default()
    })]

    #[test]
    fn any_valid_json_is_read_here(value in value()) {
        read_here(&serde_json::to_string(&value).unwrap());
        read_here(&serde_json::to_string_pretty(&value).unwrap());
    }
}

/// Each Edm type reads through the reader itself, as through serde_json.
#[test]
fn edm_types_read_here_as_through_serde_json() {
    use crate::types::datetime::DateTimeOffset;
    use crate::types::edm::{
        Binary, Date, Decimal, Double, Duration, Guid, Int64, Single, TimeOfDay,
    };
    use std::fmt::Debug;

    fn alike<T: serde::de::DeserializeOwned + PartialEq + Debug>(texts: &[&str]) {
        for text in texts {
            let theirs = serde_json::from_str::<T>(text).ok();
            let ours = read::<T>(text);
            match (&ours, &theirs) {
                (Some(_), _) => assert_eq!(ours, theirs, "{text}"),
                (None, Some(_)) => panic!("{text}: refused, serde_json reads it"),
                (None, None) => {}
            }
        }
    }
    alike::<Int64>(&["123", "\"-9223372036854775808\"", "1.5", "\"x\"", "null"]);
    alike::<Double>(&[
        "2.5", "-0", "\"NaN\"", "\"INF\"", "\"-INF\"", "1e308", "7", "true",
    ]);
    alike::<Single>(&["2.5", "16777217", "\"NaN\"", "0.1", "-1e-40"]);
    alike::<Decimal>(&["19.990", "\"12.50\"", "1E+30", "-0", "[1]"]);
    alike::<Guid>(&["\"E4E4EB3F-EB3F-E4E4-3FEB-E4E43FEBE4E4\"", "\"x\""]);
    alike::<Date>(&["\"2024-02-29\"", "\"2023-02-29\""]);
    alike::<TimeOfDay>(&["\"08:00:00.0000000\"", "\"25:00\""]);
    alike::<Duration>(&["\"P1DT2H3M4.5S\"", "\"-PT1S\"", "\"P\""]);
    alike::<Binary>(&["\"aGVsbG8=\"", "\"aGVsbG8\"", "\"a-_b\"", "\"!\""]);
    alike::<DateTimeOffset>(&[
        "\"2016-12-31T23:57:34.9044303+03:00\"",
        "\"2022-04-25T13:48:16.53Z\"",
        "\"2017-04-24T22:40:44.5665917\"",
    ]);
}

/// Pretty-printed JSON: the members after a comma, a new line and spaces are found without a
/// whitespace scan, and everything else around commas and colons still reads (or is refused)
/// as serde_json reads it.
#[test]
fn pretty_printed_members_read_as_serde_json_reads_them() {
    for indent in [0, 1, 2, 4, 7, 8, 9, 16] {
        let pad = " ".repeat(indent);
        let text = format!("{{\n{pad}\"a\": 1,\n{pad}\"b\" : [1,\n{pad}2],\n{pad}\"c\":{{\n{pad}\"d\": null\n{pad}}}\n}}");
        let value = read_here(&text);
        assert_eq!(value["c"]["d"], Value::Null, "{indent}");
    }
    for text in [
        "{\"a\": 1,\r\n  \"b\": 2}",
        "{\"a\": 1,\n\t\"b\": 2}",
        "{\"a\": 1 ,\n  \"b\": 2}",
        "{\"a\": 1,\n  \n  \"b\": 2}",
        "{\"a\":  \n 1,\n  \"b\":\t2}",
        "{\"a\": 1,\n  \"b\": 2,\n  \"c\": 3}",
    ] {
        read_here(text);
    }
    for text in [
        "{\"a\": 1,\n  }",
        "{\"a\": 1,\n  ",
        "{\"a\": 1,\n",
        "{\"a\": 1,\n  x\"b\": 2}",
        "{\"a\":",
        "{\"a\": ",
        "{\"a\" 1}",
    ] {
        assert!(read::<Value>(text).is_none(), "{text:?}");
        assert!(serde_json::from_str::<Value>(text).is_err(), "{text:?}");
    }
}

/// The members' names a derived type is given (`read::de::next_key` with its declared names),
/// in order: what an object of declared names, others and annotations reads as.
#[derive(Debug, PartialEq)]
struct Names(Vec<(String, Value)>);

impl<'de> serde::Deserialize<'de> for Names {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Names;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Names, A::Error> {
                let mut names = Vec::new();
                while let Some(key) =
                    crate::read::de::next_key(&mut map, &["id", "a", "bc", "displayName", "x"])?
                {
                    names.push((key.as_str().to_owned(), map.next_value()?));
                }
                Ok(Names(names))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

/// Member names are found where they are (compact, pretty-printed, first or not, declared or
/// not, in order or not) as serde_json finds them, and objects end where serde_json ends them.
#[test]
fn member_names_read_as_serde_json_reads_them() {
    for text in [
        "{}",
        "{ }",
        "{\n}",
        r#"{"id":1}"#,
        r#"{"id":1,"a":2,"bc":3,"displayName":4,"x":5}"#,
        r#"{"x":5,"displayName":4,"bc":3,"a":2,"id":1}"#,
        r#"{"a":2,"a":3}"#,
        r##"{"@odata.type":"#t","id":1,"other":[1,{"id":2}],"x":{}}"##,
        r#"{"i":1,"ids":2,"id ":3,"ID":4,"displayNam":5,"displayNamee":6,"":7}"#,
        r#"{"\u0069d":1,"a\"":2,"b\\c":3,"é":4}"#,
        "{\n  \"id\": 1,\n  \"a\": [],\n  \"x\": {\n    \"id\": 2\n  }\n}",
        " { \"id\" : 1 , \"a\" :2,\"bc\"\t:\t3 } ",
        "{\"id\":1,\n\"a\":2}",
        "{\"id\":{},\"a\":{\"id\":{}}}",
    ] {
        let ours: Names = read(text).unwrap_or_else(|| panic!("refused: {text}"));
        let theirs: Names = serde_json::from_str(text).unwrap();
        assert_eq!(ours, theirs, "{text}");
    }
    for text in [
        "{",
        "{\"id\"",
        "{\"id\":1",
        "{\"id\":1,",
        "{\"id\":1,}",
        "{,\"id\":1}",
        "{\"id\":1\"a\":2}",
        "{\"id\":1,,\"a\":2}",
        "{\"id\"1}",
        "{\"id:1}",
        "{id:1}",
    ] {
        assert!(read::<Names>(text).is_none(), "{text:?}");
        assert!(serde_json::from_str::<Names>(text).is_err(), "{text:?}");
    }
}

/// Escapes are decoded as serde_json decodes them wherever they fall: runs of every length
/// around them (the text after an escape is copied eight bytes at a time, then cut), next to
/// multi-byte characters, at the text's end, and bad ones refused.
#[test]
fn escapes_read_as_serde_json_reads_them_wherever_they_fall() {
    let escapes = [
        r#"\""#,
        r"\\",
        r"\/",
        r"\b",
        r"\f",
        r"\n",
        r"\r",
        r"\t",
        r"\u0041",
        r"\u00e9",
        r"\u20ac",
        r"\ud83d\ude00",
        r"\u0000",
        r"\u001f",
    ];
    let runs = [
        "",
        "a",
        "é",
        "€",
        "😀",
        "ab\u{7f}",
        "<p class=x>",
        "0123456789abcdefg",
    ];
    for escape in escapes {
        for before in runs {
            for after in runs {
                for repeat in 0..18 {
                    let after = after.repeat(repeat);
                    let text = format!("\"{before}{escape}{after}{escape}{after}\"");
                    let ours: String = read(&text).unwrap_or_else(|| panic!("refused: {text}"));
                    let theirs: String = serde_json::from_str(&text).unwrap();
                    assert_eq!(ours, theirs, "{text}");
                    // inside a page, and as a member's name
                    let page = format!("{{{text}:[{text},{text}]}}");
                    assert_eq!(
                        read_here(&page),
                        serde_json::from_str::<Value>(&page).unwrap()
                    );
                }
            }
        }
    }
    for text in [
        r#""\"#,
        r#""\""#,
        r#""a\x""#,
        r#""a\u12""#,
        r#""a\u12g4""#,
        r#""a\ud800""#,
        r#""a\ud800\u0041""#,
        r#""a\udc00""#,
        "\"a\\n\u{1}\"",
        "\"a\\n\u{1f}b\"",
        "\"a\\nbcdefghijklmnop",
        "\"a\\nb",
        "\"a\\n",
    ] {
        assert!(read::<String>(text).is_none(), "{text:?}");
        assert!(serde_json::from_str::<String>(text).is_err(), "{text:?}");
    }
}

/// `DateTimeOffset` texts in the shape services write are handed over without a scan, found
/// where they end from that shape; any other text is read as a string. Either way the value is
/// serde_json's, and what the parser refuses is refused here (serde_json decides then), even
/// for a text that only looks like the shape.
#[test]
fn date_time_offsets_read_as_through_serde_json() {
    use crate::types::datetime::DateTimeOffset;

    let mut texts = Vec::new();
    for fraction in [
        "",
        ".",
        ".5",
        ".52",
        ".5240758",
        ".52407589",
        ".123456789012",
        ".1234567890123",
    ] {
        for offset in [
            "Z", "z", "+03:00", "-08:00", "-00:00", "+3:00", "+03:0", "", "Zx", "+03:00x",
        ] {
            texts.push(format!("\"2016-12-31T23:57:34{fraction}{offset}\""));
        }
    }
    texts.extend(
        [
            r#""2016-12-31T23:57Z""#,
            r#""1969-07-20T20:17:40Z""#,
            r#""2016-02-30T00:00:00Z""#,
            r#""2016-12-31t23:57:34Z""#,
            r#""-0001-12-31T23:57:34Z""#,
            r#""12016-12-31T23:57:34Z""#,
            r#""\u0032016-12-31T23:57:34Z""#,
            r#""2016-12-31T23:57:34\u002e5Z""#,
            r#""2016-12-31T23:57:34.5\u005a""#,
            r#""2016-12-31T23:57:34.5Z\n""#,
            r#""2016-12-31T23:5"#,
            r#""2016-12-31T23:57:34.5Z"#,
            r#""2016-12-31T23:57:34.5"#,
            r#""2016-12-31T23:57:34.12345678"#,
            r#""2016-1"-31T23:57:34Z""#,
            r#""2016-\"2-31T23:57:34Z""#,
            r#""""#,
            "null",
            "5",
            "[]",
        ]
        .map(str::to_owned),
    );
    for text in &texts {
        // alone, optional, and followed by what could look like the rest of the shape
        for doc in [
            text.clone(),
            format!("[{text},null]"),
            format!("[{text},\"Z\"]"),
            format!("[{text},Z\"]"),
            format!("{{\"a\":{text},\"b\":\"+03:00\"}}"),
        ] {
            let theirs = serde_json::from_str::<Vec<Option<DateTimeOffset>>>(&format!("[{doc}]"));
            let ours = read::<Vec<Option<DateTimeOffset>>>(&format!("[{doc}]"));
            if let Some(ours) = &ours {
                assert_eq!(Some(ours), theirs.as_ref().ok(), "{doc}");
            }
            let theirs = serde_json::from_str::<DateTimeOffset>(&doc).ok();
            let ours = read::<DateTimeOffset>(&doc);
            if ours.is_some() {
                assert_eq!(ours, theirs, "{doc}");
            }
        }
        // what serde_json reads as a date, the reader reads (no refusal of a valid shape)
        if serde_json::from_str::<DateTimeOffset>(text).is_ok() && !text.contains('\\') {
            assert!(read::<DateTimeOffset>(text).is_some(), "{text}");
        }
    }
    // after a shorter string, `-1234,"` where the offset would be is not taken for it (the
    // offset's colon is looked at): the error is serde_json's
    let number = r#"["2016-12-31T23:57Z",-1234,"x"]"#;
    let ours = super::read_or_refused::<Vec<DateTimeOffset>>(number).unwrap_err();
    let theirs = serde_json::from_str::<Vec<DateTimeOffset>>(number).unwrap_err();
    assert_eq!(ours.error.unwrap().to_string(), theirs.to_string());
    // a text in the shape only through what follows a shorter string is not JSON there, and
    // the parser refuses it; the shorter string is a date, which the spent visitor cannot be
    // given any more: the reader's answer is not trusted, even where a visitor swallows errors
    // (serde_json's is given then)
    #[derive(Debug)]
    struct Lenient(Option<DateTimeOffset>);
    impl<'de> serde::Deserialize<'de> for Lenient {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            Ok(Lenient(DateTimeOffset::deserialize(d).ok()))
        }
    }
    let tricky = r#"["2016-12-31T23:57Z",-12:34"]"#;
    let ours = super::read_or_refused::<Vec<Lenient>>(tricky).unwrap_err();
    assert!(ours.error.is_none());
    assert!(serde_json::from_str::<Vec<Lenient>>(tricky).is_err());
    assert!(crate::from_slice::<Vec<Lenient>>(tricky.as_bytes()).is_err());
    let plain = r#"["2016-12-31T23:57:34.5240758Z","x","2016-12-31T23:57Z"]"#;
    let ours = read::<Vec<Lenient>>(plain).unwrap();
    let theirs = serde_json::from_str::<Vec<Lenient>>(plain).unwrap();
    assert_eq!(
        ours.iter().map(|l| l.0).collect::<Vec<_>>(),
        theirs.iter().map(|l| l.0).collect::<Vec<_>>()
    );
    assert!(ours[0].0.is_some() && ours[1].0.is_none() && ours[2].0.is_some());
}
