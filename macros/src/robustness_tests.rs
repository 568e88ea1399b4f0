//! Garbled input for the derives (issue #6): every input below parses as a `DeriveInput`, so it
//! reaches [`expand::derive`](crate::expand::derive), which must answer with `compile_error!`
//! (for a broken input) or without it (for a valid one), and must never panic. Each case runs
//! under `catch_unwind`; all mismatches are reported together, by name.

use std::panic::{catch_unwind, AssertUnwindSafe};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::DeriveInput;

use crate::ast::Kind;
use crate::ast::Kind::{ComplexType as C, Enum as E, Polymorphic as P, Resource as R};

/// What the expansion must contain.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Want {
    /// `compile_error!` (and stubs beside it).
    Error,
    /// No `compile_error!`: the input is valid.
    Clean,
}

use Want::{Clean, Error};

/// One garbled (or surprising but valid) input: a name, the derive, the item's source, and what
/// the expansion must hold.
type Case = (&'static str, Kind, &'static str, Want);

#[rustfmt::skip]
const CASES: &[Case] = &[
    // container `type`
    ("type without value", R, r#"#[odata(type)] #[odata(path = "/a/{id}")] struct A { x: Option<String> }"#, Error),
    ("type as an integer", R, r#"#[odata(type = 5)] struct A { x: Option<String> }"#, Error),
    ("type as a huge integer", C, r#"#[odata(type = 99999999999999999999999999999999999999999)] struct A { x: Option<String> }"#, Error),
    ("type as a byte string", C, r#"#[odata(type = b"ns.A")] struct A { x: Option<String> }"#, Error),
    ("type as a raw string", C, r##"#[odata(type = r#"ns.A"#)] struct A { x: Option<String> }"##, Clean),
    ("type empty", C, r#"#[odata(type = "")] struct A { x: Option<String> }"#, Error),
    ("type without namespace", C, r#"#[odata(type = "Name")] struct A { x: Option<String> }"#, Error),
    ("type with an empty segment", C, r#"#[odata(type = "ns..Name")] struct A { x: Option<String> }"#, Error),
    ("type with a quote", C, r#"#[odata(type = "ns.Na\"me")] struct A { x: Option<String> }"#, Error),
    ("type with a NUL", C, r#"#[odata(type = "ns.Na\0me")] struct A { x: Option<String> }"#, Error),
    ("type with a hash", C, r##"#[odata(type = "#ns.Name")] struct A { x: Option<String> }"##, Error),
    ("type with unicode", C, r#"#[odata(type = "ns.Ñämé")] struct A { x: Option<String> }"#, Error),
    ("type twice", C, r#"#[odata(type = "ns.A", type = "ns.B")] struct A { x: Option<String> }"#, Error),
    ("type twice in two attributes", C, r#"#[odata(type = "ns.A")] #[odata(type = "ns.A")] struct A { x: Option<String> }"#, Error),
    ("type as a macro call", C, r#"#[odata(type = concat!("ns", ".A"))] struct A { x: Option<String> }"#, Error),
    ("type missing", C, r#"struct A { x: Option<String> }"#, Error),
    ("type on an enum", E, r#"#[odata(type = "ns.E")] enum A { B }"#, Error),
    // container `path`
    ("path(= \"/x\")", R, r#"#[odata(type = "ns.A")] #[odata(path(= "/x"))] struct A { x: Option<String> }"#, Error),
    ("path(\"x\" = \"/a\")", R, r#"#[odata(type = "ns.A")] #[odata(path("x" = "/a"))] struct A { x: Option<String> }"#, Error),
    ("path(team)", R, r#"#[odata(type = "ns.A")] #[odata(path(team))] struct A { x: Option<String> }"#, Error),
    ("path(team = 5)", R, r#"#[odata(type = "ns.A")] #[odata(path(team = 5))] struct A { x: Option<String> }"#, Error),
    ("path()", R, r#"#[odata(type = "ns.A")] #[odata(path())] struct A { x: Option<String> }"#, Error),
    ("path without value", R, r#"#[odata(type = "ns.A")] #[odata(path)] struct A { x: Option<String> }"#, Error),
    ("path empty", R, r#"#[odata(type = "ns.A")] #[odata(path = "")] struct A { x: Option<String> }"#, Error),
    ("path without leading slash", R, r#"#[odata(type = "ns.A")] #[odata(path = "teams/{id}")] struct A { x: Option<String> }"#, Error),
    ("path with an unclosed placeholder", R, r#"#[odata(type = "ns.A")] #[odata(path = "/teams/{id")] struct A { x: Option<String> }"#, Error),
    ("path with a stray }", R, r#"#[odata(type = "ns.A")] #[odata(path = "/teams/id}")] struct A { x: Option<String> }"#, Error),
    ("path with an empty placeholder", R, r#"#[odata(type = "ns.A")] #[odata(path = "/teams/{}")] struct A { x: Option<String> }"#, Error),
    ("path with a placeholder twice", R, r#"#[odata(type = "ns.A")] #[odata(path = "/teams/{id}/x/{id}")] struct A { x: Option<String> }"#, Error),
    ("path with a placeholder inside a segment", R, r#"#[odata(type = "ns.A")] #[odata(path = "/teams/x{id}y")] struct A { x: Option<String> }"#, Error),
    ("path with nested braces", R, r#"#[odata(type = "ns.A")] #[odata(path = "/teams/{{id}}")] struct A { x: Option<String> }"#, Error),
    ("path with a unicode placeholder", R, r#"#[odata(type = "ns.A")] #[odata(path = "/teams/{ïd}")] struct A { x: Option<String> }"#, Clean),
    ("path with a keyword placeholder", R, r#"#[odata(type = "ns.A")] #[odata(path = "/teams/{type}")] struct A { x: Option<String> }"#, Error),
    ("path with a query", R, r#"#[odata(type = "ns.A")] #[odata(path = "/teams/{id}?$select=x")] struct A { x: Option<String> }"#, Error),
    ("path with an empty segment", R, r#"#[odata(type = "ns.A")] #[odata(path = "/teams//{id}")] struct A { x: Option<String> }"#, Error),
    ("two unnamed paths", R, r#"#[odata(type = "ns.A")] #[odata(path = "/a/{id}", path = "/b/{id}")] struct A { x: Option<String> }"#, Error),
    ("two paths with one name", R, r#"#[odata(type = "ns.A")] #[odata(path(t = "/a/{id}"))] #[odata(path(t = "/b/{id}"))] struct A { x: Option<String> }"#, Error),
    ("path named with a raw identifier", R, r#"#[odata(type = "ns.A")] #[odata(path(r#type = "/a/{id}"))] struct A { x: Option<String> }"#, Error),
    ("path on a complex type", C, r#"#[odata(type = "ns.A", path = "/a/{id}")] struct A { x: Option<String> }"#, Error),
    // container `crate` and flags
    ("crate not absolute", R, r#"#[odata(type = "ns.A", crate = "odata_resource")] struct A { x: Option<String> }"#, Error),
    ("crate ::", R, r#"#[odata(type = "ns.A", crate = "::")] struct A { x: Option<String> }"#, Error),
    ("crate as an integer", R, r#"#[odata(type = "ns.A", crate = 5)] struct A { x: Option<String> }"#, Error),
    ("crate with garbage", R, r#"#[odata(type = "ns.A", crate = "::a b")] struct A { x: Option<String> }"#, Error),
    ("crate absolute", R, r#"#[odata(type = "ns.A", crate = "::my_sdk::odata")] struct A { x: Option<String> }"#, Clean),
    ("no_type_annotation = true", C, r#"#[odata(type = "ns.A", no_type_annotation = true)] struct A { x: Option<String> }"#, Error),
    // attribute syntax
    ("unknown container key", R, r#"#[odata(type = "ns.A", unknown_key)] struct A { x: Option<String> }"#, Error),
    ("misspelt container key", R, r#"#[odata(typ = "ns.A")] struct A { x: Option<String> }"#, Error),
    ("empty odata()", C, r#"#[odata(type = "ns.A")] #[odata()] struct A { x: Option<String> }"#, Error),
    ("bare #[odata]", C, r#"#[odata(type = "ns.A")] #[odata] struct A { x: Option<String> }"#, Error),
    ("#[odata = \"x\"]", C, r#"#[odata(type = "ns.A")] #[odata = "x"] struct A { x: Option<String> }"#, Error),
    // brackets and braces are valid attribute delimiters; syn reads them like parentheses
    ("#[odata[type = \"ns.A\"]]", C, r#"#[odata[type = "ns.A"]] struct A { x: Option<String> }"#, Clean),
    ("#[odata{type = \"ns.A\"}]", C, r#"#[odata{type = "ns.A"}] struct A { x: Option<String> }"#, Clean),
    ("semicolon separator", C, r#"#[odata(type = "ns.A"; no_type_annotation)] struct A { x: Option<String> }"#, Error),
    ("double comma", C, r#"#[odata(type = "ns.A",, no_type_annotation)] struct A { x: Option<String> }"#, Error),
    ("missing comma", C, r#"#[odata(type = "ns.A" no_type_annotation)] struct A { x: Option<String> }"#, Error),
    ("chained =", C, r#"#[odata(type = "ns.A" = "x")] struct A { x: Option<String> }"#, Error),
    ("nested garbage", C, r#"#[odata((((type = "ns.A"))))] struct A { x: Option<String> }"#, Error),
    ("punctuation soup", C, r#"#[odata(type = "ns.A", @#$ !! <> ->)] struct A { x: Option<String> }"#, Error),
    ("a path as the key", C, r#"#[odata(type = "ns.A", a::b = "x")] struct A { x: Option<String> }"#, Error),
    ("other attributes are left alone", C, r#"#[derive(Debug)] #[serde(rename = "x")] #[doc = "d"] #[odata(type = "ns.A")] struct A { #[serde(skip)] #[doc = "x"] x: Option<String> }"#, Clean),
    // field attributes
    ("rename without value", C, r#"#[odata(type = "ns.A")] struct A { #[odata(rename)] x: Option<String> }"#, Error),
    ("rename = (nothing)", C, r#"#[odata(type = "ns.A")] struct A { #[odata(rename = )] x: Option<String> }"#, Error),
    ("rename as an integer", C, r#"#[odata(type = "ns.A")] struct A { #[odata(rename = 5)] x: Option<String> }"#, Error),
    ("rename empty", C, r#"#[odata(type = "ns.A")] struct A { #[odata(rename = "")] x: Option<String> }"#, Error),
    ("rename with a quote", C, r#"#[odata(type = "ns.A")] struct A { #[odata(rename = "a\"b")] x: Option<String> }"#, Error),
    ("rename with a backslash", C, r#"#[odata(type = "ns.A")] struct A { #[odata(rename = "a\\b")] x: Option<String> }"#, Error),
    ("rename with a newline", C, r#"#[odata(type = "ns.A")] struct A { #[odata(rename = "a\nb")] x: Option<String> }"#, Error),
    ("rename to an annotation", C, r#"#[odata(type = "ns.A")] struct A { #[odata(rename = "@odata.type")] x: Option<String> }"#, Error),
    ("rename twice", C, r#"#[odata(type = "ns.A")] struct A { #[odata(rename = "a", rename = "b")] x: Option<String> }"#, Error),
    ("two fields, one wire name", C, r#"#[odata(type = "ns.A")] struct A { #[odata(rename = "y")] x: Option<String>, y: Option<String> }"#, Error),
    ("two fields, one wire name by case", C, r#"#[odata(type = "ns.A")] struct A { a_b: Option<String>, #[odata(rename = "aB")] other: Option<String> }"#, Error),
    ("rename to unicode", C, r#"#[odata(type = "ns.A")] struct A { #[odata(rename = "größe")] x: Option<String> }"#, Clean),
    ("read_only twice", R, r#"#[odata(type = "ns.A", path = "/a/{id}")] struct A { #[odata(read_only, read_only)] x: Option<String> }"#, Error),
    ("read_only = true", R, r#"#[odata(type = "ns.A", path = "/a/{id}")] struct A { #[odata(read_only = true)] x: Option<String> }"#, Error),
    ("read_only(x)", R, r#"#[odata(type = "ns.A", path = "/a/{id}")] struct A { #[odata(read_only(x))] x: Option<String> }"#, Error),
    ("additional on a String", C, r#"#[odata(type = "ns.A")] struct A { #[odata(additional)] x: String }"#, Error),
    ("additional as a HashMap", C, r#"#[odata(type = "ns.A")] struct A { #[odata(additional)] x: HashMap<String, Value> }"#, Error),
    ("additional by its full path", C, r#"#[odata(type = "ns.A")] struct A { #[odata(additional)] x: ::odata_resource::Map<::std::string::String, ::odata_resource::Value> }"#, Clean),
    ("annotations on an i32", C, r#"#[odata(type = "ns.A")] struct A { #[odata(annotations)] x: i32 }"#, Error),
    ("two additional fields", C, r#"#[odata(type = "ns.A")] struct A { #[odata(additional)] a: Map<String, Value>, #[odata(additional)] b: Map<String, Value> }"#, Error),
    ("additional and annotations on one field", C, r#"#[odata(type = "ns.A")] struct A { #[odata(additional, annotations)] a: Map<String, Value> }"#, Error),
    ("other on a field", C, r#"#[odata(type = "ns.A")] struct A { #[odata(other)] x: Option<String> }"#, Error),
    ("unknown field key", C, r#"#[odata(type = "ns.A")] struct A { #[odata(nullable)] x: Option<String> }"#, Error),
    ("type key on a field", C, r#"#[odata(type = "ns.A")] struct A { #[odata(type = "ns.B")] x: Option<String> }"#, Error),
    // shapes
    ("tuple struct", R, r#"#[odata(type = "ns.A")] struct A(Option<String>);"#, Error),
    ("unit struct", C, r#"#[odata(type = "ns.A")] struct A;"#, Error),
    ("struct without fields", C, r#"#[odata(type = "ns.A")] struct A {}"#, Clean),
    ("union", C, r#"#[odata(type = "ns.A")] union A { x: u32, y: f32 }"#, Error),
    ("Resource on an enum", R, r#"#[odata(type = "ns.A")] enum A { B, C }"#, Error),
    ("ODataEnum on a struct", E, r#"struct A { x: Option<String> }"#, Error),
    ("generic struct", C, r#"#[odata(type = "ns.A")] struct A<T> { x: Option<T> }"#, Error),
    ("struct with a lifetime", C, r#"#[odata(type = "ns.A")] struct A<'a> { x: Option<&'a str> }"#, Error),
    ("raw identifier fields", R, r#"#[odata(type = "ns.A", path = "/a/{id}")] struct A { r#type: Option<String>, r#match: Option<i32> }"#, Clean),
    ("raw identifier type name", C, r#"#[odata(type = "ns.A")] struct r#A { x: Option<String> }"#, Clean),
    ("unicode identifiers", R, r#"#[odata(type = "ns.A", path = "/a/{id}")] struct Äpfel { größe: Option<String>, 名前: Option<String> }"#, Clean),
    // the builder struct gets two `__base` fields (rustc: "field `__base` is already declared")
    ("field named like the builder's own", R, r#"#[odata(type = "ns.A", path = "/a/{id}")] struct A { __base: Option<String> }"#, Error),
    ("field named header", R, r#"#[odata(type = "ns.A", path = "/a/{id}")] struct A { header: Option<String> }"#, Error),
    ("field named build", R, r#"#[odata(type = "ns.A", path = "/a/{id}")] struct A { build: Option<String> }"#, Error),
    ("field named if_match", R, r#"#[odata(type = "ns.A", path = "/a/{id}")] struct A { if_match: Option<String> }"#, Error),
    ("setter name collision with clear_", R, r#"#[odata(type = "ns.A", path = "/a/{id}")] struct A { x: Option<String>, clear_x: Option<String> }"#, Error),
    ("nested options", C, r#"#[odata(type = "ns.A")] struct A { x: Option<Option<String>> }"#, Clean),
    ("a where clause", C, r#"#[odata(type = "ns.A")] struct A where String: Clone { x: Option<String> }"#, Error),
    // enums
    // `match self {}` on `&A` does not compile (E0004: type `&A` is non-empty)
    ("empty enum", E, r#"enum A {}"#, Error),
    ("enum of one catch-all only", E, r#"enum A { #[odata(other)] O(String) }"#, Clean),
    ("other on a unit variant", E, r#"enum A { B, #[odata(other)] O }"#, Error),
    ("other twice", E, r#"enum A { #[odata(other)] O(String), #[odata(other)] P(String) }"#, Error),
    ("other holding an i32", E, r#"enum A { B, #[odata(other)] O(i32) }"#, Error),
    ("other with two fields", E, r#"enum A { B, #[odata(other)] O(String, String) }"#, Error),
    ("variant with named fields", E, r#"enum A { B { x: i32 } }"#, Error),
    ("variant with data, no other", E, r#"enum A { B(String) }"#, Error),
    ("variant rename empty", E, r#"enum A { #[odata(rename = "")] B }"#, Error),
    ("variant rename with a quote", E, r#"enum A { #[odata(rename = "b\"")] B }"#, Error),
    ("two variants, one wire name", E, r#"enum A { Foo, #[odata(rename = "foo")] Bar }"#, Error),
    ("variant rename twice", E, r#"enum A { #[odata(rename = "a", rename = "b")] B }"#, Error),
    ("unknown variant key", E, r#"enum A { #[odata(bogus)] B }"#, Error),
    ("read_only on a variant", E, r#"enum A { #[odata(read_only)] B }"#, Error),
    ("explicit discriminants", E, r#"enum A { B = 1, C = 2 }"#, Clean),
    ("generic enum", E, r#"enum A<T> { B, #[odata(other)] O(T) }"#, Error),
    ("raw identifier variants", E, r#"enum A { r#Match, r#Type }"#, Clean),
    ("unicode variants", E, r#"enum A { Größe, Ñandú }"#, Clean),
    ("enum crate not absolute", E, r#"#[odata(crate = "x")] enum A { B }"#, Error),
    // polymorphic
    ("polymorphic without variants", P, r#"enum A {}"#, Error),
    ("polymorphic on a struct", P, r#"struct A { x: Option<String> }"#, Error),
    ("polymorphic unit variant", P, r#"enum A { #[odata(base)] B }"#, Error),
    ("polymorphic base twice", P, r#"enum A { #[odata(base)] B(B), #[odata(base)] C(C) }"#, Error),
    ("polymorphic base = 1", P, r#"enum A { #[odata(base = 1)] B(B) }"#, Error),
    // rules that live in `check` (one home each)
    ("path name raw", R, r#"#[odata(type = "ns.A")] #[odata(path(r#type = "/a/{id}"))] struct A { x: Option<String> }"#, Error),
    ("crate relative on a generic struct", C, r#"#[odata(type = "ns.A", crate = "sdk::odata")] struct A<T> { x: Option<T> }"#, Error),
    ("polymorphic base and unknown", P, r#"enum A { #[odata(base, unknown)] B(B) }"#, Error),
    ("polymorphic unknown twice", P, r#"enum A { #[odata(base)] B(B), #[odata(unknown)] C(C), #[odata(unknown)] D(D) }"#, Error),
    ("polymorphic base, derived and unknown", P, r#"enum A { #[odata(base)] B(B), C(C), #[odata(unknown)] D(D) }"#, Clean),
    ("enum member holding a String", E, r#"enum A { B, C(String) }"#, Error),
    ("enum rename with a quote", E, r#"enum A { #[odata(rename = "b\"")] B }"#, Error),
    ("enum renamed onto another member", E, r#"enum A { B, #[odata(rename = "b")] C }"#, Error),
    ("enum other beside members", E, r#"enum A { B, #[odata(other)] C(String) }"#, Clean),
];

/// Expands `source` with `kind`; `Err` holds the panic message.
fn expand(source: &str, kind: Kind) -> Result<TokenStream, String> {
    let input: DeriveInput =
        syn::parse_str(source).map_err(|e| format!("does not parse as a DeriveInput: {e}"))?;
    expand_input(&input, kind)
}

fn expand_input(input: &DeriveInput, kind: Kind) -> Result<TokenStream, String> {
    catch_unwind(AssertUnwindSafe(|| crate::expand::derive(input, kind))).map_err(|panic| {
        let text = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_default();
        format!("PANICKED: {text}")
    })
}

/// Whether the expansion holds a `compile_error!`.
fn has_error(tokens: &TokenStream) -> bool {
    tokens.to_string().contains("compile_error")
}

fn check(name: &str, outcome: Result<TokenStream, String>, want: Want) -> Option<String> {
    match outcome {
        Err(why) => Some(format!("{name}: {why}")),
        Ok(tokens) if has_error(&tokens) != (want == Error) => Some(format!(
            "{name}: expected {want:?}, got {:.600}",
            tokens.to_string()
        )),
        Ok(_) => None,
    }
}

#[test]
fn garbled_inputs_give_compile_errors_and_never_panic() {
    let failures: Vec<String> = CASES
        .iter()
        .filter_map(|&(name, kind, source, want)| check(name, expand(source, kind), want))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

/// The same inputs through every derive: whatever the mismatch between the item and the derive,
/// nothing panics.
#[test]
fn every_input_through_every_derive_never_panics() {
    let mut panics = Vec::new();
    for &(name, _, source, _) in CASES {
        for kind in [R, C, E, P] {
            if let Err(why) = expand(source, kind) {
                panics.push(format!("{name} as {}: {why}", kind.derive_name()));
            }
        }
    }
    assert!(panics.is_empty(), "{}", panics.join("\n"));
}

/// Large inputs: a thousand fields or variants, a thousand paths, and long names.
#[test]
fn huge_inputs_expand_without_errors() {
    let fields = (0..1000_u32).map(|i| format_ident!("field_{}", i));
    let resource: DeriveInput = syn::parse2(quote! {
        #[odata(type = "ns.Big", path = "/big/{id}")]
        struct Big { #(#fields: Option<String>,)* }
    })
    .unwrap();
    let variants = (0..1000_u32).map(|i| format_ident!("Member{}", i));
    let enumeration: DeriveInput = syn::parse2(quote! {
        enum Big { #(#variants,)* UnknownFutureValue, #[odata(other)] Other(String) }
    })
    .unwrap();
    let paths = (0..1000_u32).map(|i| {
        let name = format_ident!("p{}", i);
        let path = format!("/p{i}/{{id}}");
        quote!(#[odata(path(#name = #path))])
    });
    let many_paths: DeriveInput = syn::parse2(quote! {
        #[odata(type = "ns.Big")]
        #(#paths)*
        struct Big { x: Option<String> }
    })
    .unwrap();
    let long = "a".repeat(10_000);
    let long_type = format!("ns.{long}");
    let long_field = format_ident!("{}", long);
    let long_names: DeriveInput = syn::parse2(quote! {
        #[odata(type = #long_type)]
        struct Long { #[odata(rename = #long)] #long_field: Option<String> }
    })
    .unwrap();
    for (name, input, kind) in [
        ("1000 fields", &resource, R),
        ("1000 variants", &enumeration, E),
        ("1000 paths", &many_paths, R),
        ("10 000-character names", &long_names, C),
    ] {
        if let Some(failure) = check(name, expand_input(input, kind), Clean) {
            panic!("{failure}");
        }
    }
}

/// A thousand errors in one item are all reported, in one expansion.
#[test]
fn a_thousand_bad_attributes_are_all_reported() {
    let fields = (0..1000_u32).map(|i| {
        let ident = format_ident!("f{}", i);
        quote!(#[odata(bogus)] #ident: Option<String>)
    });
    let input: DeriveInput = syn::parse2(quote! {
        #[odata(type = "ns.A")]
        struct A { #(#fields,)* }
    })
    .unwrap();
    let tokens = expand_input(&input, C).unwrap();
    assert_eq!(tokens.to_string().matches("compile_error").count(), 1000);
}
