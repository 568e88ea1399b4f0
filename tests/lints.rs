//! Generated code under the lint levels of a demanding user: this test crate denies, crate-wide,
//! every warning, rustc's strict allow-by-default lints and clippy's `all`, `pedantic` and
//! `nursery` groups, and uses every derive. `cargo test` checks rustc's lints; CI's
//! `cargo clippy --workspace --all-targets -- -D warnings` builds this file and checks clippy's.
//! No generated item allows a lint wholesale (`expand::wrap`): a lint that fires on generated code
//! fails CI here.
//!
//! Lints do not report in code whose span is the derive's own (rustc's and clippy's rule for
//! code from another crate's macro). What they do see is what the derives span on the user's
//! tokens: setters named after fields, calls spanned on field types, constructor arguments
//! spanned on the path template. So [`awkward`] has the names and shapes that stress those:
//! properties named like `std::ops` methods, a path with more placeholders than clippy's seven
//! arguments, raw identifiers, a member named `None`, empty types. The two lints generated code
//! cannot avoid there are allowed on the items that need them, with the reason, in the derive:
//! `clippy::should_implement_trait` on the setters (a property `add` gets a setter `add`) and
//! `clippy::too_many_arguments` on the constructors (one argument per placeholder).
//!
//! Not denied, because generated code cannot reasonably satisfy them: `clippy::restriction`
//! (its lints contradict one another and the public contract: the setters take `impl Trait`,
//! `impl_trait_in_params`; the derived `Serialize` uses `?`, `question_mark_used`, and matches
//! on references, `pattern_type_mismatch`; a placeholder `{a}` makes an argument `a`,
//! `min_ident_chars`), `clippy::cargo` and `unused_crate_dependencies` (they judge the manifest,
//! not code; a test crate gets every dev-dependency).
#![deny(
    warnings,
    missing_docs,
    missing_debug_implementations,
    missing_copy_implementations,
    unreachable_pub,
    unnameable_types,
    unused_qualifications,
    unused_results,
    unused_import_braces,
    unused_lifetimes,
    single_use_lifetimes,
    redundant_lifetimes,
    trivial_casts,
    trivial_numeric_casts,
    variant_size_differences,
    rust_2018_idioms,
    rust_2024_compatibility,
    unsafe_code,
    unit_bindings,
    non_ascii_idents,
    keyword_idents,
    absolute_paths_not_starting_with_crate,
    explicit_outlives_requirements,
    meta_variable_misuse,
    clippy::all,
    clippy::pedantic,
    clippy::nursery
)]

/// All the derives, as the teamsAsyncOperation model uses them.
pub mod strict {
    use odata_resource::{
        Annotations, ComplexType, DateTimeOffset, Map, ODataEnum, Polymorphic, Resource,
        UnknownType, Value,
    };

    /// An evolvable enumeration.
    #[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
    pub enum Status {
        /// `notStarted`
        NotStarted,
        /// `unknownFutureValue`
        UnknownFutureValue,
        /// `archived`
        Archived,
        /// Any other member.
        #[odata(other)]
        Other(String),
    }

    /// A closed enumeration, without catch-all.
    #[derive(ODataEnum, Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Kind {
        /// `a`
        #[odata(rename = "a")]
        First,
        /// `b`
        #[odata(rename = "b")]
        Second,
    }

    /// A complex type.
    #[derive(ComplexType, Debug, Clone, PartialEq, Eq, Default)]
    #[odata(type = "microsoft.graph.operationError")]
    pub struct OperationError {
        /// The code.
        pub code: Option<String>,
        /// The message.
        #[odata(read_only)]
        pub message: Option<String>,
    }

    /// A resource without paths.
    #[derive(Resource, Debug, Clone, PartialEq, Eq, Default)]
    #[odata(type = "microsoft.graph.entity", no_type_annotation)]
    pub struct Entity {
        /// The id.
        pub id: Option<String>,
    }

    /// A resource with every kind of field.
    #[derive(Resource, Debug, Clone, PartialEq, Default)]
    #[odata(type = "microsoft.graph.teamsAsyncOperation")]
    #[odata(path(team = "/teams/{teamsId}/operations"))]
    #[odata(path(member = "/teams/{team-id}/members/{memberId}/operations"))]
    pub struct Operation {
        /// The id.
        #[odata(read_only)]
        pub id: Option<String>,
        /// The status.
        #[odata(non_nullable)]
        pub status: Option<Status>,
        /// The kind.
        pub kind: Option<Kind>,
        /// A required property.
        pub attempts: i32,
        /// A date.
        pub created: Option<DateTimeOffset>,
        /// A list.
        pub tags: Vec<String>,
        /// A complex value.
        pub error: Option<OperationError>,
        /// Annotations.
        #[odata(annotations)]
        pub annotations: Annotations,
        /// Undeclared properties.
        #[odata(additional)]
        pub additional: Map<String, Value>,
    }

    /// Any of the types above, by `@odata.type`.
    #[derive(Polymorphic, Debug, Clone, PartialEq)]
    pub enum AnyEntity {
        /// The base type.
        #[odata(base)]
        Entity(Entity),
        /// A derived type.
        Operation(Operation),
        /// A type nobody declared.
        #[odata(unknown)]
        Unknown(UnknownType),
    }

    /// Uses the builder and the generated impls.
    ///
    /// # Panics
    /// Never: the values are valid.
    #[must_use]
    pub fn use_all() -> Vec<u8> {
        let request = Operation::patch_member("t", "m")
            .status(Status::Archived)
            .kind(Kind::First)
            .clear_kind()
            .attempts(1)
            .tags(vec!["x".to_owned()])
            .error(OperationError::default())
            .if_match("*")
            .header("Prefer", "return=minimal")
            .build()
            .expect("a valid request");
        let _ = Operation::patch_team("t").diff(&Operation::default(), &Operation::default());
        let _ = odata_resource::to_vec(&AnyEntity::Entity(Entity::default()));
        let _ = Status::Archived.as_str();
        let _ = Status::NotStarted.to_string();
        request.body().to_vec()
    }
}

#[test]
fn strict_lints_hold_and_the_code_runs() {
    let body = strict::use_all();
    assert!(body.starts_with(br##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","status":"archived","kind":null"##));
    let read: strict::Operation = odata_resource::from_slice(&body).unwrap();
    assert_eq!(read.status, Some(strict::Status::Archived));
}

/// Names and shapes that put generated code where lints look: on the user's tokens.
pub mod awkward {
    use odata_resource::{ComplexType, ODataEnum, Polymorphic, Resource, UnknownType};

    /// Members named like prelude items and a raw identifier.
    #[derive(ODataEnum, Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Mode {
        /// `none`
        None,
        /// `default`
        Default,
        /// `type` (renamed: the default wire name of a raw identifier keeps its `r#`)
        #[odata(rename = "type")]
        r#Type,
        /// `unknownFutureValue`
        UnknownFutureValue,
        /// `some`, after the sentinel
        Some,
    }

    /// Properties named like `std::ops` methods: their setters are `add`, `sub`, `mul`, `div`.
    #[derive(ComplexType, Debug, Clone, PartialEq, Default)]
    #[odata(type = "contoso.arithmetic")]
    pub struct Arithmetic {
        /// `add`
        pub add: Option<i64>,
        /// `sub`
        pub sub: Option<f64>,
        /// `mul`, required
        pub mul: i32,
        /// `div`, not nullable
        #[odata(non_nullable)]
        pub div: Option<String>,
    }

    /// A complex type without properties.
    #[derive(ComplexType, Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[odata(type = "contoso.empty")]
    pub struct Empty {}

    /// A resource without properties.
    #[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[odata(type = "contoso.marker", path = "/markers/{id}")]
    pub struct Marker {}

    /// Nine placeholders (a constructor of nine arguments), raw identifiers, a read-only property
    /// whose name a setter would take, operator names on a resource.
    #[derive(Resource, Debug, Clone, PartialEq, Default)]
    #[odata(type = "contoso.deep")]
    #[odata(path(
        deep = "/sites/{site-id}/lists/{list-id}/items/{item-id}/versions/{version-id}/a/{a}/b/{b}/c/{c}/d/{d}/e/{e}"
    ))]
    pub struct Deep {
        /// `type`
        pub r#type: Option<String>,
        /// `fn`, read-only
        #[odata(read_only)]
        pub r#fn: Option<bool>,
        /// `add`
        pub add: Option<Arithmetic>,
        /// `mode`
        pub mode: Option<Mode>,
        /// `empty`
        pub empty: Option<Empty>,
        /// `modes`
        pub modes: Vec<Mode>,
    }

    /// The resources above by `@odata.type`.
    #[derive(Polymorphic, Debug, Clone, PartialEq)]
    pub enum AnyDeep {
        /// The base type.
        #[odata(base)]
        Marker(Marker),
        /// A derived type.
        Deep(Deep),
        /// A type nobody declared.
        #[odata(unknown)]
        Unknown(UnknownType),
    }

    /// Uses the awkward setters and the nine-argument constructor.
    ///
    /// # Errors
    /// Never: the values are valid.
    pub fn use_all() -> Result<Vec<u8>, odata_resource::Error> {
        let arithmetic = Arithmetic::patch()
            .add(1_i64)
            .sub(2.5)
            .clear_add()
            .mul(3)
            .div("x");
        let request = Deep::patch_deep("s", "l", "i", "v", "a", "b", "c", "d", "e")
            .r#type("t")
            .clear_type()
            .add(arithmetic)
            .mode(Mode::Some)
            .empty(Empty {})
            .modes(vec![Mode::None, Mode::r#Type])
            .build()?;
        let _ = Marker::patch("m").diff(&Marker {}, &Marker {}).build()?;
        let _ = odata_resource::to_vec(&AnyDeep::Marker(Marker {}))?;
        Ok(request.body().to_vec())
    }
}

#[test]
fn awkward_names_compile_clean_and_work() {
    let body = awkward::use_all().unwrap();
    assert_eq!(
        String::from_utf8(body).unwrap(),
        r##"{"@odata.type":"#contoso.deep","type":null,"add":{"@odata.type":"#contoso.arithmetic","add":null,"sub":2.5,"mul":3,"div":"x"},"mode":"some","empty":{"@odata.type":"#contoso.empty"},"modes":["none","type"]}"##
    );
}
