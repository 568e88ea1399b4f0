//! What a builder's setter accepts ([`PropertyValue`]): a whole value, or the changes to a
//! complex value ([`NestedPatch`]), and what the builder keeps for each property ([`Slot`]).

use crate::error::Error;
use crate::write::object::member;
use crate::write::ODataValue;

use super::request::PatchRequest;

/// A value a builder's setter accepts for a property of type `T`: anything that converts
/// `Into<T>` (sent whole), or, for a complex property, the nested changes built with the complex
/// type's own `patch()` (sent as a partial object: OData merges it into the current value).
///
/// `How` is inferred; it only keeps the two kinds of argument apart. Users never name it.
///
/// ```
/// use odata_resource_runtime::PropertyValue;
///
/// // what a generated setter of a `String` property takes
/// fn takes<How>(_: impl PropertyValue<String, How>) {}
/// takes("text");
/// takes(String::from("text"));
/// ```
///
/// The facade's guide shows nested changes (`OperationError::patch()`) end to end.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a value for a property of type `{T}`",
    label = "expected a value that converts into `{T}`",
    note = "a setter takes the property's type or anything that converts `Into` it; a complex \
            property also takes the nested changes built with its type's `patch()`"
)]
pub trait PropertyValue<T, How> {
    /// What the builder keeps for the property.
    #[doc(hidden)]
    fn into_slot(self) -> Slot<T>;
}

/// [`PropertyValue`]'s `How` for a whole value.
#[derive(Debug)]
pub enum Whole {}

/// [`PropertyValue`]'s `How` for the nested changes of a complex property.
#[derive(Debug)]
pub enum Changes {}

/// [`PropertyValue`]'s `How` for the nested changes of a boxed complex property.
#[derive(Debug)]
pub enum BoxedChanges {}

impl<T, U: Into<T>> PropertyValue<T, Whole> for U {
    #[inline]
    fn into_slot(self) -> Slot<T> {
        Slot::Value(self.into())
    }
}

impl<P: NestedPatch> PropertyValue<P::Target, Changes> for P {
    fn into_slot(self) -> Slot<P::Target> {
        Slot::Written(Written::of(&self))
    }
}

impl<P: NestedPatch> PropertyValue<Box<P::Target>, BoxedChanges> for P {
    fn into_slot(self) -> Slot<Box<P::Target>> {
        Slot::Written(Written::of(&self))
    }
}

/// The changes to a complex value of type `Target`, as `#[derive(ComplexType)]` generates them
/// (`OperationError::patch()` gives an `OperationErrorPatch`): each nested property is left out,
/// `null` or a value, exactly as on a resource's builder. Its JSON is a partial object.
///
/// ```
/// use odata_resource_runtime::{NestedPatch, ODataValue, PropertyValue};
///
/// /// Hand-written changes to a `Point` (the derive writes the same for a complex type).
/// struct Point;
/// struct PointPatch(Option<i32>);
/// impl ODataValue for PointPatch {
///     fn write_json(&self, out: &mut Vec<u8>) {
///         out.extend_from_slice(b"{");
///         if let Some(x) = self.0 {
///             out.extend_from_slice(format!("\"x\":{x}").as_bytes());
///         }
///         out.extend_from_slice(b"}");
///     }
/// }
/// impl NestedPatch for PointPatch {
///     type Target = Point;
/// }
///
/// // a setter of a `Point` property takes the changes
/// fn takes<How>(_: impl PropertyValue<Point, How>) {}
/// takes(PointPatch(Some(3)));
/// ```
pub trait NestedPatch: ODataValue {
    /// The complex type these changes apply to.
    type Target;
}

/// What a builder holds for one property: left out, `null`, a value, or JSON written already
/// (nested changes, or what `diff` found).
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Slot<T> {
    /// Not in the body.
    #[default]
    Absent,
    /// Sent as `null`.
    Null,
    /// Sent with this value.
    Value(T),
    /// Sent as this JSON.
    Written(Written),
}

/// JSON written before the body: a nested patch, or the changes `diff` found.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    json: Box<[u8]>,
    needs_unknown_members: bool,
}

impl Written {
    fn of<V: ODataValue + ?Sized>(value: &V) -> Self {
        let mut json = Vec::new();
        value.write_json(&mut json);
        Written {
            json: json.into_boxed_slice(),
            needs_unknown_members: value.needs_unknown_enum_members(),
        }
    }

    /// The changes from `old` to `new`, or `None` when the two write the same JSON.
    pub(crate) fn changes<V: ODataValue + ?Sized>(old: &V, new: &V) -> Option<Self> {
        let mut json = Vec::new();
        new.write_changes(old, &mut json).then(|| Written {
            json: json.into_boxed_slice(),
            // the new value as a whole: a member it keeps unchanged may be counted too, which
            // only adds a preference the service ignores when it is not needed
            needs_unknown_members: new.needs_unknown_enum_members(),
        })
    }
}

impl<T> Slot<T> {
    /// Whether the property is left out.
    pub fn is_absent(&self) -> bool {
        matches!(self, Slot::Absent)
    }
}

impl<T: ODataValue> Slot<T> {
    /// Appends the member (`key` is the pre-escaped `,"name":`) unless absent; says whether it
    /// needs `Prefer: include-unknown-enum-members`.
    #[inline]
    pub(crate) fn write_member(&self, out: &mut Vec<u8>, key: &[u8]) -> bool {
        match self {
            Slot::Absent => false,
            Slot::Null => {
                member(out, key);
                out.extend_from_slice(b"null");
                false
            }
            Slot::Value(value) => {
                member(out, key);
                value.write_json(out);
                value.needs_unknown_enum_members()
            }
            Slot::Written(written) => {
                member(out, key);
                out.extend_from_slice(&written.json);
                written.needs_unknown_members
            }
        }
    }

    /// Whether writing this slot needs `Prefer: include-unknown-enum-members`.
    pub fn needs_unknown_enum_members(&self) -> bool {
        match self {
            Slot::Absent | Slot::Null => false,
            Slot::Value(value) => value.needs_unknown_enum_members(),
            Slot::Written(written) => written.needs_unknown_members,
        }
    }
}

/// One member of a nested patch's object (see [`NestedPatch`]).
#[doc(hidden)]
#[inline]
pub fn nested_member<T: ODataValue>(out: &mut Vec<u8>, key: &'static [u8], slot: &Slot<T>) {
    slot.write_member(out, key);
}

/// Met by no property the builder may set: the bound of the method a read-only property gets,
/// so that calling it is one clear error.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "this property is read-only: a PATCH cannot set it",
    label = "read-only property",
    note = "the service sets it (a key, a computed or a navigation property: \
            `#[odata(read_only)]`); it is still read from responses"
)]
pub trait Writable {}

#[diagnostic::do_not_recommend]
impl Writable for () {}

/// Met by no type: the bound of `patch(…)` on a Resource that declares no path.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` declares no path, so it has no `patch` constructor",
    label = "no `#[odata(path = …)]` on `{Self}`",
    note = "add `#[odata(path = \"/…/{{id}}\")]` (or `path(name = …)` for `patch_name(…)`) \
            to the type; a type used only inside others is a `ComplexType`, whose changes \
            `patch()` builds"
)]
pub trait HasPath {}

#[diagnostic::do_not_recommend]
impl HasPath for () {}

/// A resource whose builder has `diff(&old, &new)`: `#[derive(Resource)]` implements it when
/// every writable property's type is `PartialEq + Clone` (and an OData value).
pub trait Diff: Sized {
    /// The resource's PATCH builder.
    type Builder;

    /// Sets on `builder` the changes from `old` to `new`; what the builder's `diff` calls.
    #[doc(hidden)]
    fn diff_into(builder: &mut Self::Builder, old: &Self, new: &Self);

    /// The PATCH of `path` (below the service root, encoded) that turns `old` into `new`, with
    /// `If-Match: etag` when given; `None` when no writable property changed (nothing to send).
    /// What a read–modify–write sends.
    ///
    /// # Errors
    /// A bad `etag` header value.
    fn update_request(
        path: &str,
        old: &Self,
        new: &Self,
        etag: Option<&str>,
    ) -> Result<Option<PatchRequest<Self>>, Error>;
}
