//! The system query options of a GET (`$select`, `$expand`, `$top`, `$count`, `$filter`),
//! written as Graph expects them: `?$select=status,attemptsCount&$top=5`, each value
//! percent-encoded for a query component.

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

/// What a query value keeps as it is: property names, commas, quotes, parentheses (Graph's
/// docs write `$select=a,b` and `$filter=startswith(displayName,'a')` so); everything that
/// would end or split the component (`&`, `#`, `+`, `=`, `;`, space) or is not ASCII is encoded.
const QUERY_VALUE: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'&')
    .add(b'+')
    .add(b';')
    .add(b'<')
    .add(b'=')
    .add(b'>')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// The options of one request, in the order they are written.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct QueryOptions {
    pub(crate) select: Vec<&'static str>,
    pub(crate) expand: Vec<&'static str>,
    pub(crate) filter: Option<String>,
    pub(crate) top: Option<u32>,
    pub(crate) count: bool,
}

impl QueryOptions {
    /// Appends `?…` (nothing when no option is set).
    pub(crate) fn write(&self, out: &mut String) {
        let mut first = true;
        let mut option = |out: &mut String, name: &str, value: &str| {
            out.push(if first { '?' } else { '&' });
            first = false;
            out.push_str(name);
            out.push('=');
            out.extend(utf8_percent_encode(value, QUERY_VALUE));
        };
        if !self.select.is_empty() {
            option(out, "$select", &self.select.join(","));
        }
        if !self.expand.is_empty() {
            option(out, "$expand", &self.expand.join(","));
        }
        if let Some(filter) = &self.filter {
            option(out, "$filter", filter);
        }
        if let Some(top) = self.top {
            option(out, "$top", &top.to_string());
        }
        if self.count {
            option(out, "$count", "true");
        }
    }

    /// Adds `names`, each once, keeping the first order.
    pub(crate) fn add(list: &mut Vec<&'static str>, names: impl IntoIterator<Item = &'static str>) {
        for name in names {
            if !list.contains(&name) {
                list.push(name);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(options: &QueryOptions) -> String {
        let mut out = String::from("/p");
        options.write(&mut out);
        out
    }

    #[test]
    fn options_are_written_in_order_and_values_encoded() {
        assert_eq!(written(&QueryOptions::default()), "/p");
        let options = QueryOptions {
            select: vec!["status", "attemptsCount"],
            expand: vec!["members"],
            filter: Some("startswith(displayName,'a b&c=d#é')".into()),
            top: Some(5),
            count: true,
        };
        assert_eq!(
            written(&options),
            "/p?$select=status,attemptsCount&$expand=members&$filter=startswith(displayName,'a%20b%26c%3Dd%23%C3%A9')&$top=5&$count=true"
        );
    }

    #[test]
    fn a_name_is_added_once() {
        let mut list = vec!["a"];
        QueryOptions::add(&mut list, ["b", "a", "b"]);
        assert_eq!(list, ["a", "b"]);
    }
}
