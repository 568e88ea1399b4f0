//! A crate that depends on odata-resource under another name, `odr`, as an SDK that renames it
//! would: `::odata_resource` resolves to nothing here, so these derives compile only because
//! they obey `#[odata(crate = "::odr")]`. (`tests/crate_override.rs` in the facade cannot show
//! that: there `::odata_resource` resolves whatever the override says.)
//!
//! Without the override, a derive reaches for `::odata_resource` and fails:
//!
//! ```compile_fail
//! #[derive(odr::ODataEnum, Debug, Clone, PartialEq, Eq)]
//! pub enum Status {
//!     NotStarted,
//! }
//! ```
//!
//! With it, every derive works:
//!
//! ```
//! use odata_resource_renamed_test::{Operation, Status};
//!
//! let request = Operation::patch_team("t").status(Status::Archived).build().unwrap();
//! assert_eq!(request.path(), "/teams/t/operations");
//! ```

use odr::{Annotations, ComplexType, ODataEnum, Polymorphic, Resource, UnknownType};

/// An evolvable enumeration with a member after the sentinel and a catch-all.
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq)]
#[odata(crate = "::odr")]
pub enum Status {
    /// `notStarted`
    NotStarted,
    /// `unknownFutureValue`
    UnknownFutureValue,
    /// `archived`, after the sentinel
    Archived,
    /// Any member this crate does not know.
    #[odata(other)]
    Other(String),
}

/// A complex type, written nested in a PATCH body.
#[derive(ComplexType, Debug, Clone, PartialEq, Eq, Default)]
#[odata(type = "microsoft.graph.operationError", crate = "::odr")]
pub struct OperationError {
    /// The error code.
    pub code: Option<String>,
    /// The message.
    pub message: Option<String>,
}

/// A resource with a path, a read-only property and annotations.
#[derive(Resource, Debug, Clone, PartialEq, Default)]
#[odata(crate = "::odr")]
#[odata(type = "microsoft.graph.teamsAsyncOperation")]
#[odata(path(team = "/teams/{teamsId}/operations"))]
pub struct Operation {
    /// The id.
    #[odata(read_only)]
    pub id: Option<String>,
    /// The status.
    pub status: Option<Status>,
    /// The error.
    pub error: Option<OperationError>,
    /// `@odata.etag` and the other annotations.
    #[odata(annotations)]
    pub annotations: Annotations,
}

/// A resource without a path, the base of [`AnyOperation`].
#[derive(Resource, Debug, Clone, PartialEq, Eq, Default)]
#[odata(type = "microsoft.graph.entity", crate = "::odr")]
pub struct Entity {
    /// The id.
    pub id: Option<String>,
}

/// An operation or any other entity, by `@odata.type`.
#[derive(Polymorphic, Debug, Clone, PartialEq)]
#[odata(crate = "::odr")]
pub enum AnyOperation {
    /// The declared type.
    #[odata(base)]
    Entity(Entity),
    /// A derived type.
    Operation(Operation),
    /// A type nobody declared.
    #[odata(unknown)]
    Unknown(UnknownType),
}
