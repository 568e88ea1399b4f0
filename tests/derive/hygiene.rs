//! The generated code never relies on the user's scope: it compiles and works in a module that
//! shadows the prelude's names and declares `core`, `std`, `serde` and `odata_resource` modules
//! of its own, and in a `#[no_implicit_prelude]` module.

/// Every prelude name generated code could lean on is shadowed here, and `core`, `std`, `serde`
/// and `odata_resource` name empty modules.
mod shadowed {
    #![allow(dead_code, unused_macros)]

    use ::odata_resource::{
        Annotations, ComplexType, Map, ODataEnum, Polymorphic, Resource, Value,
    };

    struct Option;
    struct Some;
    struct None;
    struct Result;
    struct Ok;
    struct Err;
    struct String;
    struct Vec;
    struct Box;
    struct Default;
    struct From;
    struct Into;
    struct AsRef;
    mod core {}
    mod std {}
    mod serde {}
    mod serde_json {}
    mod odata_resource {}
    mod _odata {}
    mod __private {}
    macro_rules! unreachable {
        () => {
            compile_error!("the user's `unreachable!` was used")
        };
    }
    macro_rules! matches {
        ($($t:tt)*) => {
            compile_error!("the user's `matches!` was used")
        };
    }

    /// An evolvable enum with a member after the sentinel and a catch-all.
    #[derive(ODataEnum, Debug, Clone, PartialEq)]
    pub enum Status {
        NotStarted,
        UnknownFutureValue,
        Archived,
        #[odata(other)]
        Other(::std::string::String),
    }

    #[derive(ComplexType, Debug, Clone, PartialEq)]
    #[odata(type = "microsoft.graph.operationError")]
    pub struct OperationError {
        pub code: ::core::option::Option<::std::string::String>,
        #[odata(rename = "msg")]
        pub message: ::std::string::String,
    }

    #[derive(Resource, Debug, Clone, PartialEq)]
    #[odata(type = "microsoft.graph.teamsAsyncOperation")]
    #[odata(path(team = "/teams/{teamsId}/operations"))]
    #[odata(path = "/operations/{operation-id}")]
    pub struct Operation {
        #[odata(read_only)]
        pub id: ::core::option::Option<::std::string::String>,
        #[odata(non_nullable)]
        pub status: ::core::option::Option<Status>,
        pub attempts: i32,
        pub tags: ::std::vec::Vec<::std::string::String>,
        /// A raw identifier: the setters are `r#type` and `clear_type`, the wire name `type`.
        pub r#type: ::core::option::Option<::std::string::String>,
        pub error: ::core::option::Option<::std::boxed::Box<OperationError>>,
        #[odata(annotations)]
        pub annotations: Annotations,
        #[odata(additional)]
        pub additional: Map<::std::string::String, Value>,
    }

    #[derive(Polymorphic, Debug, Clone, PartialEq)]
    pub enum AnyOperation {
        #[odata(base)]
        Operation(Operation),
        #[odata(unknown)]
        Unknown(::odata_resource::UnknownType),
    }

    pub fn polymorphic(body: &[u8]) -> ::std::vec::Vec<u8> {
        let read: AnyOperation = ::odata_resource::from_slice(body).unwrap();
        ::odata_resource::to_vec(&read).unwrap()
    }

    pub fn patch() -> ::std::vec::Vec<u8> {
        let request = Operation::patch_team("t 1")
            .status(Status::Archived)
            .attempts(2)
            .tags(::std::vec!["a".to_owned()])
            .r#type("x")
            .clear_type()
            .error(::std::boxed::Box::new(OperationError {
                code: ::core::option::Option::None,
                message: "m".to_owned(),
            }))
            .clear_error()
            .if_match("*")
            .build()
            .unwrap();
        ::std::assert_eq!(request.path(), "/teams/t%201/operations");
        ::std::assert!(Operation::patch("op").build().is_ok());
        request.body().to_vec()
    }

    pub fn round_trip(body: &[u8]) -> ::std::vec::Vec<u8> {
        let read: Operation = ::odata_resource::from_slice(body).unwrap();
        ::std::assert_eq!(read.status, ::core::option::Option::Some(Status::Archived));
        ::std::assert_eq!(
            "newMember".parse::<Status>().unwrap(),
            Status::Other("newMember".to_owned())
        );
        ::std::assert_eq!(Status::NotStarted.as_str(), "notStarted");
        ::serde_json::to_vec(&read).unwrap()
    }
}

/// The same through absolute paths only, with no prelude at all.
#[no_implicit_prelude]
mod no_prelude {
    #[derive(
        ::odata_resource::ODataEnum,
        ::core::fmt::Debug,
        ::core::clone::Clone,
        ::core::cmp::PartialEq,
    )]
    pub enum Status {
        NotStarted,
        UnknownFutureValue,
        Archived,
        #[odata(other)]
        Other(::std::string::String),
    }

    #[derive(::odata_resource::ComplexType, ::core::fmt::Debug, ::core::clone::Clone)]
    #[odata(type = "microsoft.graph.operationError")]
    pub struct OperationError {
        pub code: ::core::option::Option<::std::string::String>,
    }

    #[derive(::odata_resource::Resource, ::core::fmt::Debug, ::core::clone::Clone)]
    #[odata(type = "microsoft.graph.teamsAsyncOperation")]
    #[odata(path(team = "/teams/{teamsId}/operations"))]
    pub struct Operation {
        #[odata(read_only)]
        pub id: ::core::option::Option<::std::string::String>,
        pub status: ::core::option::Option<Status>,
        pub error: ::core::option::Option<OperationError>,
        #[odata(annotations)]
        pub annotations: ::odata_resource::Annotations,
        #[odata(additional)]
        pub additional: ::odata_resource::Map<::std::string::String, ::odata_resource::Value>,
    }

    pub fn patch() -> ::std::vec::Vec<u8> {
        let request = Operation::patch_team("t")
            .status(Status::Archived)
            .error(OperationError {
                code: ::core::option::Option::Some(::std::borrow::ToOwned::to_owned("c")),
            })
            .build()
            .unwrap();
        ::std::borrow::ToOwned::to_owned(request.body())
    }

    pub fn read(body: &[u8]) -> ::core::option::Option<Status> {
        let read: Operation = ::odata_resource::from_slice(body).unwrap();
        read.status
    }

    #[derive(::odata_resource::Polymorphic, ::core::fmt::Debug, ::core::clone::Clone)]
    pub enum AnyOperation {
        #[odata(base)]
        Operation(Operation),
        #[odata(unknown)]
        Unknown(::odata_resource::UnknownType),
    }

    pub fn polymorphic(body: &[u8]) -> ::core::primitive::bool {
        let read: AnyOperation = ::odata_resource::from_slice(body).unwrap();
        ::core::matches!(read, AnyOperation::Unknown(_))
    }
}

#[test]
fn shadowed_names_do_not_reach_generated_code() {
    let body = shadowed::patch();
    assert_eq!(
        std::str::from_utf8(&body).unwrap(),
        r##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","status":"archived","attempts":2,"tags":["a"],"type":null,"error":null}"##
    );
    let full = br##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","@odata.etag":"W/\"1\"","id":"x","status":"archived","attempts":2,"tags":[],"type":"t","error":{"code":null,"msg":"m"},"extra":true}"##;
    let written: serde_json::Value = serde_json::from_slice(&shadowed::round_trip(full)).unwrap();
    assert_eq!(written["error"]["msg"], "m");
    assert_eq!(written["extra"], true);
    assert_eq!(written["type"], "t");
}

#[test]
fn polymorphic_enums_work_beside_shadowed_names_and_without_prelude() {
    let written = shadowed::polymorphic(br##"{"@odata.type":"#x.new","a":1}"##);
    assert_eq!(written, br##"{"@odata.type":"#x.new","a":1}"##);
    assert!(no_prelude::polymorphic(br##"{"@odata.type":"#x.new"}"##));
    assert!(!no_prelude::polymorphic(br#"{"id":"a"}"#));
}

#[test]
fn no_implicit_prelude_module_works() {
    let body = no_prelude::patch();
    assert_eq!(
        std::str::from_utf8(&body).unwrap(),
        r##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","status":"archived","error":{"@odata.type":"#microsoft.graph.operationError","code":"c"}}"##
    );
    assert_eq!(
        no_prelude::read(br#"{"status":"someNewStatus"}"#),
        Some(no_prelude::Status::Other("someNewStatus".to_owned()))
    );
}
