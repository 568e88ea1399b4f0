//! [`Annotations`]: the control information and instance annotations a response carried.

use std::fmt;

use serde_json::{Map, Value};

/// Instance annotations received with an entity or complex value: `@odata.type`,
/// `@odata.context`, `@odata.etag`, `@odata.id` and any other `@…` (or `property@…`) member.
///
/// Put one in a struct with `#[odata(annotations)]` to keep them. The 4.01 spellings without the
/// `odata.` prefix (`@type`, `@etag`, …) are stored under their 4.0 names. Annotations are written
/// back by the type's own `Serialize`, and never into a PATCH body.
///
/// ```
/// use odata_resource_runtime::Annotations;
///
/// let mut annotations = Annotations::default();
/// annotations.insert("@odata.etag", "W/\"1\"".into()).unwrap();
/// annotations.insert("@type", "#microsoft.graph.teamsAsyncOperation".into()).unwrap();
/// assert_eq!(annotations.etag(), Some("W/\"1\""));
/// assert_eq!(annotations.type_name(), Some("microsoft.graph.teamsAsyncOperation"));
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Annotations {
    /// Inline: Graph sends it on most entities. Borrowed when it is the `#ns.Name` of the type
    /// being read (nearly always), so that reading it costs no copy.
    odata_type: Option<TypeText>,
    /// Boxed and made on first use: most values of a collection carry no other annotation, and
    /// a small `Annotations` keeps every resource that holds one small (24 bytes, not 120).
    rest: Option<Box<Rest>>,
}

/// The text of control information as read: the declared type's own name when it is that
/// (`@odata.type` nearly always is), else a copy.
pub(crate) enum ControlValue {
    /// The `#ns.Name` of the type being read.
    Declared(&'static &'static str),
    /// The same without its `#` (as Graph writes the type of a nested value).
    Bare(&'static &'static str),
    /// Any other text.
    Owned(String),
}

impl ControlValue {
    fn into_string(self) -> String {
        match self {
            ControlValue::Owned(text) => text,
            borrowed => TypeText::from(borrowed).as_str().to_owned(),
        }
    }
}

/// `@odata.type` as kept: 16 bytes with its tag (a `Cow<'static, str>` takes 24), so that a
/// resource's value stays small; it is moved several times on its way out of a read.
#[derive(Clone)]
enum TypeText {
    /// See [`ControlValue::Declared`].
    Declared(&'static &'static str),
    /// See [`ControlValue::Bare`].
    Bare(&'static &'static str),
    /// Any other text (a derived type, a URI), behind a thin pointer: a `Box<str>` or a
    /// `String` would make the enum 24 bytes and `Annotations` 32.
    #[expect(
        clippy::box_collection,
        reason = "a thin pointer keeps the enum 16 bytes"
    )]
    Other(Box<String>),
}

impl TypeText {
    fn as_str(&self) -> &str {
        match self {
            TypeText::Declared(name) => name,
            TypeText::Bare(name) => name.get(1..).unwrap_or_default(),
            TypeText::Other(text) => text,
        }
    }
}

impl From<ControlValue> for TypeText {
    fn from(value: ControlValue) -> Self {
        match value {
            ControlValue::Declared(name) => TypeText::Declared(name),
            ControlValue::Bare(name) => TypeText::Bare(name),
            ControlValue::Owned(text) => TypeText::Other(Box::new(text)),
        }
    }
}

impl PartialEq for TypeText {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl fmt::Debug for TypeText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// The annotations other than `@odata.type`.
#[derive(Debug, Clone, PartialEq, Default)]
struct Rest {
    context: Option<String>,
    etag: Option<String>,
    id: Option<String>,
    other: Map<String, Value>,
}

/// The control information with a field of its own, by 4.0 name.
const TYPE: &str = "@odata.type";
const CONTEXT: &str = "@odata.context";
const ETAG: &str = "@odata.etag";
const ID: &str = "@odata.id";

impl Annotations {
    /// Stores one annotation by its member name (`@odata.etag`, `@etag`, `@ns.term`,
    /// `prop@ns.term`). `@odata.type`, `@odata.context`, `@odata.etag` and `@odata.id` must be
    /// strings; `null` for one of them means it was not given. Anything else is kept as it is.
    ///
    /// # Errors
    /// A message naming the annotation when one of those four is not a string.
    ///
    /// ```
    /// # use odata_resource_runtime::Annotations;
    /// let mut a = Annotations::default();
    /// assert!(a.insert("@odata.etag", 5.into()).is_err());
    /// a.insert("@microsoft.graph.tips", "Use $select".into()).unwrap();
    /// assert_eq!(a.get("@microsoft.graph.tips").and_then(|v| v.as_str()), Some("Use $select"));
    /// ```
    pub fn insert(&mut self, name: &str, value: Value) -> Result<(), String> {
        let name = normalize_name(name);
        if !is_control_string(name) {
            self.rest_mut().other.insert(name.to_owned(), value);
            return Ok(());
        }
        let text = match value {
            Value::String(text) => Some(text),
            Value::Null => None,
            other => return Err(format!("{name} must be a string, found {}", kind(&other))),
        };
        self.set_control(name, text.map(ControlValue::Owned));
        Ok(())
    }

    /// The `@odata.type` exactly as received (`#microsoft.graph.x`, `microsoft.graph.x`, or a URI).
    ///
    /// ```
    /// # use odata_resource_runtime::Annotations;
    /// let mut a = Annotations::default();
    /// a.insert("@odata.type", "microsoft.graph.x".into()).unwrap();
    /// assert_eq!(a.odata_type(), Some("microsoft.graph.x"));
    /// ```
    pub fn odata_type(&self) -> Option<&str> {
        self.odata_type.as_ref().map(TypeText::as_str)
    }

    /// Stores the text of `@odata.type`, `@odata.context`, `@odata.etag` or `@odata.id` (either
    /// spelling); `None` (`null`) means it was not given. Another name is kept with the others.
    pub(crate) fn set_control(&mut self, name: &str, text: Option<ControlValue>) {
        let Some(text) = text else { return };
        let name = normalize_name(name);
        match name {
            TYPE => self.set_type(Some(text)),
            CONTEXT => self.rest_mut().context = Some(text.into_string()),
            ETAG => self.rest_mut().etag = Some(text.into_string()),
            ID => self.rest_mut().id = Some(text.into_string()),
            _ => {
                let value = Value::String(text.into_string());
                self.rest_mut().other.insert(name.to_owned(), value);
            }
        }
    }

    /// Stores the text of `@odata.type`; `None` (`null`) means it was not given.
    pub(crate) fn set_type(&mut self, text: Option<ControlValue>) {
        if let Some(text) = text {
            self.odata_type = Some(text.into());
        }
    }

    /// Whether `@odata.type` is held without a copy (the declared type's own name).
    #[cfg(test)]
    pub(crate) fn type_is_borrowed(&self) -> bool {
        matches!(
            self.odata_type,
            Some(TypeText::Declared(_) | TypeText::Bare(_))
        )
    }

    fn rest_mut(&mut self) -> &mut Rest {
        self.rest.get_or_insert_with(Box::default)
    }

    /// The received type's qualified name: `@odata.type` without its `#` or URI prefix.
    ///
    /// ```
    /// # use odata_resource_runtime::Annotations;
    /// let mut a = Annotations::default();
    /// a.insert("@odata.type", "https://host/$metadata#microsoft.graph.x".into()).unwrap();
    /// assert_eq!(a.type_name(), Some("microsoft.graph.x"));
    /// ```
    pub fn type_name(&self) -> Option<&str> {
        self.odata_type()
            .map(crate::types::type_name::qualified_name)
    }

    /// `@odata.context`.
    ///
    /// ```
    /// # use odata_resource_runtime::Annotations;
    /// assert_eq!(Annotations::default().context(), None);
    /// ```
    pub fn context(&self) -> Option<&str> {
        self.rest.as_ref()?.context.as_deref()
    }

    /// `@odata.etag`: feed it to a builder's `if_match`.
    ///
    /// ```
    /// # use odata_resource_runtime::Annotations;
    /// let mut a = Annotations::default();
    /// a.set_etag(Some("W/\"2\"".to_owned()));
    /// assert_eq!(a.etag(), Some("W/\"2\""));
    /// ```
    pub fn etag(&self) -> Option<&str> {
        self.rest.as_ref()?.etag.as_deref()
    }

    /// Replaces the ETag (for example with the response's `ETag` header).
    ///
    /// ```
    /// # use odata_resource_runtime::Annotations;
    /// let mut a = Annotations::default();
    /// a.set_etag(None);
    /// assert_eq!(a.etag(), None);
    /// ```
    pub fn set_etag(&mut self, etag: Option<String>) {
        if etag.is_some() || self.rest.is_some() {
            self.rest_mut().etag = etag;
        }
    }

    /// `@odata.id`.
    ///
    /// ```
    /// # use odata_resource_runtime::Annotations;
    /// assert_eq!(Annotations::default().id(), None);
    /// ```
    pub fn id(&self) -> Option<&str> {
        self.rest.as_ref()?.id.as_deref()
    }

    /// Any other annotation by member name (`@odata.count`, `@microsoft.graph.tips`,
    /// `status@odata.type`); the four with accessors of their own are not in here.
    ///
    /// ```
    /// # use odata_resource_runtime::Annotations;
    /// assert!(Annotations::default().get("@odata.count").is_none());
    /// ```
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.rest.as_ref()?.other.get(normalize_name(name))
    }

    /// Whether nothing was received.
    ///
    /// ```
    /// # use odata_resource_runtime::Annotations;
    /// assert!(Annotations::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.odata_type.is_none()
            && self.rest.as_deref().is_none_or(|rest| {
                rest.context.is_none()
                    && rest.etag.is_none()
                    && rest.id.is_none()
                    && rest.other.is_empty()
            })
    }

    /// Every annotation but `@odata.type`, in the order they are written back: context, ETag,
    /// id, then the others.
    pub(crate) fn entries_without_type(&self) -> impl Iterator<Item = (&str, Value)> + '_ {
        let rest = self.rest.as_deref();
        let fixed = [
            (CONTEXT, rest.and_then(|r| r.context.as_ref())),
            (ETAG, rest.and_then(|r| r.etag.as_ref())),
            (ID, rest.and_then(|r| r.id.as_ref())),
        ];
        fixed
            .into_iter()
            .filter_map(|(name, value)| value.map(|v| (name, Value::String(v.clone()))))
            .chain(
                rest.into_iter()
                    .flat_map(|r| r.other.iter())
                    .map(|(k, v)| (k.as_str(), v.clone())),
            )
    }
}

/// Whether `name` (either spelling) is control information that must be a string.
pub(crate) fn is_control_string(name: &str) -> bool {
    matches!(normalize_name(name), TYPE | CONTEXT | ETAG | ID)
}

/// Maps the 4.01 spelling of control information (`@type`, `prop@type`) to the 4.0 one.
fn normalize_name(name: &str) -> &str {
    match name {
        "@type" => TYPE,
        "@context" => CONTEXT,
        "@etag" => ETAG,
        "@id" => ID,
        other => other,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_one_names_map_to_four_zero() {
        let mut a = Annotations::default();
        for (name, value) in [
            ("@type", "#ns.T"),
            ("@context", "ctx"),
            ("@etag", "W/\"1\""),
            ("@id", "x"),
        ] {
            a.insert(name, value.into()).unwrap();
        }
        assert_eq!(a.odata_type(), Some("#ns.T"));
        assert_eq!(a.context(), Some("ctx"));
        assert_eq!(a.etag(), Some("W/\"1\""));
        assert_eq!(a.id(), Some("x"));
        assert!(a.rest.as_ref().unwrap().other.is_empty());
    }

    #[test]
    fn control_information_must_be_strings() {
        let mut a = Annotations::default();
        let err = a
            .insert("@odata.type", serde_json::json!({"a": 1}))
            .unwrap_err();
        assert_eq!(err, "@odata.type must be a string, found an object");
        assert!(a.insert("@odata.id", Value::Null).is_ok());
        assert!(a.is_empty());
    }

    #[test]
    fn written_back_in_order_without_type() {
        let mut a = Annotations::default();
        a.insert("@odata.type", "#x.Y".into()).unwrap();
        a.insert("@z.z", 1.into()).unwrap();
        a.insert("@odata.etag", "e".into()).unwrap();
        a.insert("@odata.context", "c".into()).unwrap();
        let names: Vec<_> = a.entries_without_type().map(|(k, _)| k).collect();
        assert_eq!(names, ["@odata.context", "@odata.etag", "@z.z"]);
    }

    #[test]
    fn small_and_empty_until_something_arrives() {
        assert!(std::mem::size_of::<Annotations>() <= 24);
        let mut a = Annotations::default();
        a.set_etag(None);
        assert!(a.rest.is_none() && a.is_empty());
        a.insert("@odata.type", "#x.Y".into()).unwrap();
        assert!(a.rest.is_none(), "the type is kept inline");
        a.set_etag(Some("e".into()));
        a.set_etag(None);
        assert!(!a.is_empty() && a.etag().is_none());
    }
}
