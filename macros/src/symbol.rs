//! The attribute keys, by level.

pub const ODATA: &str = "odata";

// container
pub const TYPE: &str = "type";
pub const PATH: &str = "path";
pub const COLLECTION: &str = "collection";
pub const CRATE: &str = "crate";
pub const NO_TYPE_ANNOTATION: &str = "no_type_annotation";
pub const CONTAINER_KEYS: &[&str] = &[TYPE, PATH, COLLECTION, CRATE, NO_TYPE_ANNOTATION];

// field
pub const RENAME: &str = "rename";
pub const READ_ONLY: &str = "read_only";
pub const NON_NULLABLE: &str = "non_nullable";
pub const ADDITIONAL: &str = "additional";
pub const ANNOTATIONS: &str = "annotations";
pub const NAVIGATION: &str = "navigation";
pub const FIELD_KEYS: &[&str] = &[
    RENAME,
    READ_ONLY,
    NON_NULLABLE,
    ADDITIONAL,
    ANNOTATIONS,
    NAVIGATION,
];

// variant
pub const OTHER: &str = "other";
pub const VARIANT_KEYS: &[&str] = &[RENAME, OTHER];

// enum container
pub const ENUM_KEYS: &[&str] = &[CRATE];

// polymorphic enum variant
pub const BASE: &str = "base";
pub const UNKNOWN: &str = "unknown";
pub const POLYMORPHIC_VARIANT_KEYS: &[&str] = &[BASE, UNKNOWN];
