//! The generated code adds no warnings under strict lint levels, rustc's and clippy's (checked
//! by `cargo clippy --all-targets -- -D warnings`, which CI runs). `missing_docs` is not checked
//! in test builds; `tests/one-dep` denies it on the same derives in a library.

/// All the derives under denied lints.
pub mod strict {
    #![deny(
        warnings,
        unused_qualifications,
        unused_results,
        unreachable_pub,
        missing_docs,
        missing_debug_implementations,
        trivial_casts,
        trivial_numeric_casts,
        unused_import_braces,
        unused_lifetimes,
        single_use_lifetimes,
        variant_size_differences,
        clippy::all,
        clippy::pedantic,
        clippy::nursery
    )]

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
    #![deny(warnings, unused_qualifications, clippy::pedantic)]
    let body = strict::use_all();
    assert!(body.starts_with(br##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","status":"archived","kind":null"##));
    let read: strict::Operation = odata_resource::from_slice(&body).unwrap();
    assert_eq!(read.status, Some(strict::Status::Archived));
}
