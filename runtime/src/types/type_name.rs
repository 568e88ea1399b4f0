//! Reading `@odata.type` values the tolerant way (OData JSON §4.5.3 and what Graph accepts).

/// The qualified type name inside an `@odata.type` value: the part after the last `#` (so both
/// `#microsoft.graph.x` and `https://host/$metadata#microsoft.graph.x` give `microsoft.graph.x`),
/// or the whole value when it has no `#` (Graph's reader accepts `microsoft.graph.x`).
///
/// ```
/// use odata_resource_runtime::__private::qualified_name;
///
/// assert_eq!(qualified_name("#microsoft.graph.teamsAsyncOperation"), "microsoft.graph.teamsAsyncOperation");
/// assert_eq!(qualified_name("microsoft.graph.operationError"), "microsoft.graph.operationError");
/// assert_eq!(qualified_name("#Edm.DateTimeOffset"), "Edm.DateTimeOffset");
/// ```
pub fn qualified_name(value: &str) -> &str {
    match value.rfind('#') {
        Some(hash) => &value[hash + 1..],
        None => value,
    }
}

/// Whether a received `@odata.type` value names `declared` (a namespace-qualified name such as
/// `microsoft.graph.teamsAsyncOperation`): with or without `#`, as an absolute URI, or with
/// Graph's schema alias `graph.` in place of `microsoft.graph.`.
///
/// ```
/// use odata_resource_runtime::__private::names_type;
///
/// let declared = "microsoft.graph.teamsAsyncOperation";
/// assert!(names_type("#microsoft.graph.teamsAsyncOperation", declared));
/// assert!(names_type("microsoft.graph.teamsAsyncOperation", declared));
/// assert!(names_type("#graph.teamsAsyncOperation", declared));
/// assert!(!names_type("#microsoft.graph.entity", declared));
/// ```
pub fn names_type(received: &str, declared: &str) -> bool {
    let name = qualified_name(received);
    if name == declared {
        return true;
    }
    // `graph` is the alias Graph's schema declares for `microsoft.graph`.
    match (
        name.strip_prefix("graph."),
        declared.strip_prefix("microsoft.graph."),
    ) {
        (Some(received), Some(declared)) => received == declared,
        _ => false,
    }
}
