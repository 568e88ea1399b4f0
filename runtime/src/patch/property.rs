//! [`Patch`]: the tri-state value of one property in a PATCH body.

/// One property of a PATCH body: left out, sent as `null`, or sent with a value.
///
/// What a builder's calls mean for each writable property: a setter sends a value
/// ([`Patch::Value`]), a `clear_…` method sends `null` ([`Patch::Null`]), and an untouched
/// property is left out ([`Patch::Absent`]), so the service leaves it unchanged. Nested changes
/// (`OperationError::patch()`) give the same three states to each property of a complex value.
///
/// ```
/// use odata_resource_runtime::Patch;
///
/// let unchanged: Patch<i32> = Patch::default();
/// assert!(unchanged.is_absent());
/// assert_eq!(Patch::from(Some(13)), Patch::Value(13));
/// assert_eq!(Patch::<i32>::from(None), Patch::Null);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Patch<T> {
    /// Not part of the request: the service keeps its current value.
    #[default]
    Absent,
    /// Sent as JSON `null`: the service clears the property.
    Null,
    /// Sent with this value.
    Value(T),
}

impl<T> Patch<T> {
    /// Whether the property is left out of the body.
    ///
    /// ```
    /// # use odata_resource_runtime::Patch;
    /// assert!(Patch::<u8>::Absent.is_absent());
    /// ```
    pub fn is_absent(&self) -> bool {
        matches!(self, Patch::Absent)
    }

    /// Whether the property is sent as `null`.
    ///
    /// ```
    /// # use odata_resource_runtime::Patch;
    /// assert!(Patch::<u8>::Null.is_null());
    /// ```
    pub fn is_null(&self) -> bool {
        matches!(self, Patch::Null)
    }

    /// The value that will be sent, if any.
    ///
    /// ```
    /// # use odata_resource_runtime::Patch;
    /// assert_eq!(Patch::Value(3).value(), Some(&3));
    /// assert_eq!(Patch::<u8>::Null.value(), None);
    /// ```
    pub fn value(&self) -> Option<&T> {
        match self {
            Patch::Value(value) => Some(value),
            Patch::Absent | Patch::Null => None,
        }
    }
}

impl<T> From<Option<T>> for Patch<T> {
    /// `Some(v)` sends `v`; `None` sends `null`.
    fn from(value: Option<T>) -> Self {
        match value {
            Some(value) => Patch::Value(value),
            None => Patch::Null,
        }
    }
}
