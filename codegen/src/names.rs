//! Rust names for CSDL names. The conversions mirror the derive's defaults (a field's wire name
//! is the lowerCamelCase of its name, a variant's the lowerCamelCase of its name), so a `rename`
//! is written exactly when the default would differ.

use std::collections::BTreeSet;

/// Strict and reserved keywords of Rust 2021 that a raw identifier can stand for.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// Keywords a raw identifier cannot stand for: these get a trailing `_`.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// `createdDateTime` → `created_date_time`; `iOSVersion` → `i_os_version`; `team-id` → `team_id`.
pub fn to_snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let mut previous_lower = false;
    for c in name.chars() {
        if c == '-' || c == '_' {
            out.push('_');
            previous_lower = false;
        } else if c.is_uppercase() {
            if previous_lower {
                out.push('_');
            }
            out.extend(c.to_lowercase());
            previous_lower = false;
        } else {
            out.push(c);
            previous_lower = c.is_lowercase() || c.is_ascii_digit();
        }
    }
    out
}

/// The derive's default wire name of a field: `created_date_time` → `createdDateTime`.
pub fn snake_to_lower_camel(name: &str) -> String {
    let name = name.strip_prefix("r#").unwrap_or(name);
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = !out.is_empty();
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The derive's default wire name of an enum variant: `CloneTeam` → `cloneTeam`.
pub fn pascal_to_lower_camel(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `teamsAsyncOperation` → `TeamsAsyncOperation`; `x_y` → `XY` (no `_`, so no
/// `non_camel_case_types` warning).
pub fn to_upper_camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = true;
    for c in name.chars() {
        if c == '_' || c == '-' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'T');
    }
    out
}

/// A valid identifier for `name`: keywords as raw identifiers, `self` and friends with a
/// trailing `_`, a leading digit behind `_`.
pub fn ident_text(name: &str) -> String {
    if NOT_RAW.contains(&name) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name) {
        format!("r#{name}")
    } else if name.starts_with(|c: char| c.is_ascii_digit()) || name.is_empty() {
        format!("_{name}")
    } else {
        name.to_owned()
    }
}

/// A snake_case module name for one namespace segment.
pub fn module_name(segment: &str) -> String {
    ident_text(&to_snake(segment))
}

/// Hands out names unique within one scope: the first `wanted` free, else `wanted2`,
/// `wanted3`, … (in the order of asking, which the generator keeps deterministic).
#[derive(Default)]
pub struct Scope {
    taken: BTreeSet<String>,
}

impl Scope {
    /// A scope where `reserved` are already taken.
    pub fn with(reserved: &[&str]) -> Self {
        Self {
            taken: reserved.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    /// `wanted`, or the first free `wanted{n}`; `sep` goes between (`_` for snake_case names,
    /// nothing for CamelCase ones).
    pub fn claim(&mut self, wanted: &str, sep: &str) -> String {
        let bare = wanted.strip_prefix("r#").unwrap_or(wanted);
        if self.taken.insert(bare.to_owned()) {
            return wanted.to_owned();
        }
        let base = bare.trim_end_matches('_');
        (2..)
            .map(|n| format!("{base}{sep}{n}"))
            .find(|candidate| self.taken.insert(candidate.clone()))
            .unwrap_or_default()
    }

    /// Whether `name` is taken.
    pub fn contains(&self, name: &str) -> bool {
        self.taken.contains(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_and_back() {
        assert_eq!(to_snake("createdDateTime"), "created_date_time");
        assert_eq!(to_snake("iOSVersion"), "i_osversion");
        assert_eq!(snake_to_lower_camel("created_date_time"), "createdDateTime");
        assert_eq!(snake_to_lower_camel("r#type"), "type");
        assert_eq!(to_snake("team-id"), "team_id");
    }

    #[test]
    fn keywords_and_reserved_words() {
        assert_eq!(ident_text("type"), "r#type");
        assert_eq!(ident_text("self"), "self_");
        assert_eq!(ident_text("Self"), "Self_");
        assert_eq!(ident_text("crate"), "crate_");
        assert_eq!(ident_text("4k"), "_4k");
        assert_eq!(ident_text("name"), "name");
    }

    #[test]
    fn camel_case_types() {
        assert_eq!(to_upper_camel("teamsAsyncOperation"), "TeamsAsyncOperation");
        assert_eq!(to_upper_camel("x_y"), "XY");
        assert_eq!(to_upper_camel("3d"), "T3d");
    }

    #[test]
    fn scopes_hand_out_unique_names_in_order() {
        let mut scope = Scope::with(&["build"]);
        assert_eq!(scope.claim("build", "_"), "build_2");
        assert_eq!(scope.claim("name", "_"), "name");
        assert_eq!(scope.claim("name", "_"), "name_2");
        assert_eq!(scope.claim("r#type", "_"), "r#type");
        assert_eq!(scope.claim("Other", ""), "Other");
        assert_eq!(scope.claim("Other", ""), "Other2");
    }
}
