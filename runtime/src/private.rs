//! The one door generated code goes through: everything an expansion names, re-exported.
//! Not a public API.

// `PatchBody` is not named by generated code, but rustc names it in the note on a property
// type that is not `ODataValue` ("required by a bound in `…::__private::PatchBody::property`").
pub use crate::error::Error;
pub use crate::get::{Field, Get, List, Navigation};
pub use crate::patch::base::PatchBase;
pub use crate::patch::body::PatchBody;
pub use crate::patch::diff::{option as diff_option, value as diff_value, DiffValue};
pub use crate::patch::headers::check_header_value;
pub use crate::patch::path::{build_path, check_segment, request_path};
pub use crate::patch::request::PatchRequest;
pub use crate::patch::setter::{
    nested_member, Diff, HasPath, NestedPatch, PropertyValue, Slot, Writable,
};
pub use crate::read::de::{
    fill, filled, in_place, items, items_in_place, next_key, odata_type, optional_items, property,
    type_member, undeclared, Key, Undeclared,
};
pub use crate::types::annotations::Annotations;
pub use crate::types::enums::{
    deserialize as deserialize_enum, serialize as serialize_enum, write_json as write_enum,
    ODataEnum, UnknownEnumMember,
};
pub use crate::types::odata_type::{deserialize_object, ODataType};
pub use crate::types::polymorphic::{
    deserialize as deserialize_polymorphic, from_text, prefixed as polymorphic_prefixed,
    Polymorphic,
};
pub use crate::types::type_name::{names_type, qualified_name};
pub use crate::write::object::{
    begin_changes, begin_object, change_optional, change_required, end_changes, end_object,
    object_additional, object_optional, object_property,
};
pub use crate::write::ser::{
    begin as begin_serialize, end as end_serialize, entry, entry_optional, Entries,
};
pub use crate::write::ODataValue;
pub use serde;
