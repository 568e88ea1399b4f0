//! The query string: system query options (`$select`, `$top`, …) percent-decoded once, checked
//! against those a resource supports, and `$select` with the projection it makes.

use std::borrow::Cow;

use http::StatusCode;
use percent_encoding::percent_decode_str;

use crate::json::Json;
use crate::model;
use crate::odata::GraphError;

/// How a Graph workload words its query errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// Teams' OData stack (Microsoft.OData.Core's wording, code `BadRequest`).
    Teams,
    /// The directory (Microsoft Entra) stack (code `Request_BadRequest`).
    Directory,
}

impl Dialect {
    /// A 400 with this workload's code.
    pub(crate) fn bad_request(self, message: impl Into<String>) -> GraphError {
        match self {
            Dialect::Teams => GraphError::bad_request(message),
            Dialect::Directory => {
                GraphError::new(StatusCode::BAD_REQUEST, "Request_BadRequest", message)
            }
        }
    }

    fn unknown_option(self, name: &str) -> GraphError {
        self.bad_request(match self {
            Dialect::Teams => format!("The query parameter '{name}' is not supported."),
            Dialect::Directory => format!("Unrecognized query argument specified: '{name}'."),
        })
    }
}

/// One system query option of a request.
#[derive(Debug, Clone)]
struct QueryOption {
    /// The name, percent-decoded and lower-cased (`$select`).
    name: String,
    /// The value, percent-decoded once (`+` is a space).
    value: String,
    /// `name=value` exactly as the request wrote it.
    raw: String,
}

/// The system query options (names starting with `$`) of a request; other parameters are ignored.
#[derive(Debug, Default)]
pub(crate) struct SystemQuery {
    options: Vec<QueryOption>,
}

impl SystemQuery {
    /// Reads the query: an option not in `supported` (lower-case names) or given twice is a 400.
    /// Names are case-insensitive and may be percent-encoded (`%24select`).
    pub(crate) fn read(
        query: Option<&str>,
        supported: &[&str],
        dialect: Dialect,
    ) -> Result<SystemQuery, GraphError> {
        let mut options: Vec<QueryOption> = Vec::new();
        for pair in query.unwrap_or_default().split('&') {
            let (raw_name, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let shown = decode(raw_name, dialect)?;
            let name = shown.trim().to_ascii_lowercase();
            if !name.starts_with('$') {
                continue;
            }
            if !supported.contains(&name.as_str()) {
                return Err(dialect.unknown_option(&shown));
            }
            if options.iter().any(|option| option.name == name) {
                return Err(dialect.bad_request(format!(
                    "Query option '{name}' was specified more than once, but it must be specified at most once."
                )));
            }
            let value = decode(raw_value, dialect)?;
            let raw = pair.to_owned();
            options.push(QueryOption { name, value, raw });
        }
        Ok(SystemQuery { options })
    }

    /// The decoded value of an option (lower-case name), if the request has it.
    pub(crate) fn value(&self, name: &str) -> Option<&str> {
        let option = self.options.iter().find(|option| option.name == name)?;
        Some(option.value.as_str())
    }

    /// The options of these names as the request wrote them (`name=value`), in request order.
    pub(crate) fn raw(&self, names: &[&str]) -> Vec<String> {
        self.options
            .iter()
            .filter(|option| names.contains(&option.name.as_str()))
            .map(|option| option.raw.clone())
            .collect()
    }
}

fn decode(text: &str, dialect: Dialect) -> Result<String, GraphError> {
    let spaced = text.replace('+', " ");
    percent_decode_str(&spaced)
        .decode_utf8()
        .map(Cow::into_owned)
        .map_err(|_| dialect.bad_request("A query option is not valid UTF-8 once percent-decoded."))
}

/// What `$select` asks for: its terms in request order, trimmed, without repeats (none: all).
#[derive(Debug, Clone, Default)]
pub(crate) struct Selection {
    terms: Vec<String>,
}

impl Selection {
    /// Reads a `$select` value (`a, b`): an absent or blank value selects everything, an empty
    /// term between commas is a 400.
    pub(crate) fn parse(value: Option<&str>, dialect: Dialect) -> Result<Selection, GraphError> {
        let Some(value) = value.filter(|value| !value.trim().is_empty()) else {
            return Ok(Selection::default());
        };
        let mut terms: Vec<String> = Vec::new();
        for term in value.split(',').map(str::trim) {
            if term.is_empty() {
                return Err(
                    dialect.bad_request(format!("The $select value '{value}' has an empty term."))
                );
            }
            if !terms.iter().any(|known| known == term) {
                terms.push(term.to_owned());
            }
        }
        Ok(Selection { terms })
    }

    /// The selected names (`*` included as written).
    pub(crate) fn terms(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(String::as_str)
    }

    /// What the selection adds to a context URL: `(a,b)`, or nothing without `$select`.
    pub(crate) fn context_suffix(&self) -> String {
        if self.terms.is_empty() {
            String::new()
        } else {
            format!("({})", self.terms.join(","))
        }
    }

    /// An object reduced to the control information named in `control` and the selected
    /// members (unchanged without `$select` or with `*`).
    pub(crate) fn project(&self, object: Json, control: &[&str]) -> Json {
        if self.terms.is_empty() || self.terms.iter().any(|term| term == "*") {
            return object;
        }
        match object {
            Json::Object(members) => Json::Object(
                members
                    .into_iter()
                    .filter(|(name, _)| {
                        control.contains(&name.as_str()) || self.terms.contains(name)
                    })
                    .collect(),
            ),
            other => other,
        }
    }
}

/// The query of a GET on a `teamsAsyncOperation`: `$select` of declared properties; `$expand` of
/// anything is refused (the type has no navigation properties); other `$` options are 400.
pub(crate) fn operation_selection(query: Option<&str>) -> Result<Selection, GraphError> {
    let options = SystemQuery::read(query, &["$select", "$expand"], Dialect::Teams)?;
    let selection = Selection::parse(options.value("$select"), Dialect::Teams)?;
    let unknown = selection
        .terms()
        .find(|term| *term != "*" && model::property(term).is_none());
    if let Some(unknown) = unknown {
        return Err(GraphError::bad_request(format!(
            "Could not find a property named '{unknown}' on type '{}'.",
            model::ENTITY_TYPE
        )));
    }
    let expanded = options.value("$expand").and_then(|value| {
        value
            .split([',', '(', '/', ';'])
            .map(str::trim)
            .find(|term| !term.is_empty())
    });
    if let Some(name) = expanded {
        return Err(GraphError::bad_request(format!(
            "Property '{name}' on type '{}' is not a navigation property or complex property. \
             Only navigation properties can be expanded.",
            model::ENTITY_TYPE
        )));
    }
    Ok(selection)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_system_options_only() {
        let query = "x=1&%24SELECT=a%2C+b&$top=5&&y";
        let options = SystemQuery::read(Some(query), &["$select", "$top"], Dialect::Teams)
            .expect("valid query");
        assert_eq!(options.value("$select"), Some("a, b"));
        assert_eq!(options.value("$top"), Some("5"));
        assert_eq!(
            options.raw(&["$top", "$select"]),
            ["%24SELECT=a%2C+b", "$top=5"]
        );
    }

    #[test]
    fn unknown_repeated_and_undecodable_options_are_400() {
        let read = |query| SystemQuery::read(Some(query), &["$select"], Dialect::Directory);
        for query in ["$foo=1", "$select=a&$Select=b", "$select=%FF"] {
            let error = read(query).expect_err(query);
            assert_eq!(error.code, "Request_BadRequest", "{query}");
        }
        assert_eq!(
            read("$Foo=1").expect_err("unknown").message,
            "Unrecognized query argument specified: '$Foo'."
        );
    }

    #[test]
    fn selection_terms_context_and_projection() {
        let selection = Selection::parse(Some(" b , a ,b"), Dialect::Teams).expect("valid");
        assert_eq!(selection.context_suffix(), "(b,a)");
        let object = Json::Object(vec![
            ("@c".to_owned(), Json::Null),
            ("a".to_owned(), Json::Null),
            ("x".to_owned(), Json::Null),
            ("b".to_owned(), Json::Null),
        ]);
        let projected = selection.project(object.clone(), &["@c"]);
        assert_eq!(projected.to_text(), r#"{"@c":null,"a":null,"b":null}"#);
        let all = Selection::parse(Some("*"), Dialect::Teams).expect("valid");
        assert_eq!(all.project(object.clone(), &[]), object);
        assert!(Selection::parse(Some("a,,b"), Dialect::Teams).is_err());
        assert_eq!(
            Selection::parse(Some(" "), Dialect::Teams)
                .expect("blank")
                .context_suffix(),
            ""
        );
    }
}
