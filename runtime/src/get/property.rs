//! The properties `$select` and `$expand` name, typed by their resource: `#[derive(Resource)]`
//! gives every resource one constant per property (`TeamsAsyncOperation::ATTEMPTS_COUNT`), so a
//! misspelled name, a property of another resource or a navigation property in `$select` is a
//! compile error.

use std::fmt;
use std::marker::PhantomData;

/// A structural property of `T` (not a navigation property): what `$select` names.
///
/// ```
/// use odata_resource_runtime::get::Field;
///
/// struct Team;
/// const DISPLAY_NAME: Field<Team> = Field::new("displayName");
/// assert_eq!(DISPLAY_NAME.name(), "displayName");
/// ```
pub struct Field<T> {
    name: &'static str,
    resource: PhantomData<fn() -> T>,
}

/// A navigation property of `T`: what `$expand` names.
///
/// ```
/// use odata_resource_runtime::get::Navigation;
///
/// struct Team;
/// const MEMBERS: Navigation<Team> = Navigation::new("members");
/// assert_eq!(MEMBERS.name(), "members");
/// ```
pub struct Navigation<T> {
    name: &'static str,
    resource: PhantomData<fn() -> T>,
}

macro_rules! property_kind {
    ($kind:ident) => {
        impl<T> $kind<T> {
            /// The property with this wire name.
            pub const fn new(name: &'static str) -> Self {
                $kind {
                    name,
                    resource: PhantomData,
                }
            }

            /// Its wire name.
            pub const fn name(&self) -> &'static str {
                self.name
            }
        }

        impl<T> Clone for $kind<T> {
            fn clone(&self) -> Self {
                *self
            }
        }

        impl<T> Copy for $kind<T> {}

        impl<T> fmt::Debug for $kind<T> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name)
            }
        }
    };
}

property_kind!(Field);
property_kind!(Navigation);

/// What `$select` takes for a resource `T`: its structural properties ([`Field<T>`]).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be named in `$select` of a `{T}`",
    label = "not a structural property of `{T}`",
    note = "`select` takes `{T}`'s own properties (`Type::PROPERTY_NAME`); a navigation property \
            belongs in `expand(…)`"
)]
pub trait Selectable<T> {
    /// The property's wire name.
    fn wire_name(&self) -> &'static str;
}

impl<T> Selectable<T> for Field<T> {
    fn wire_name(&self) -> &'static str {
        self.name
    }
}
