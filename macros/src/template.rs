//! Path templates: `/teams/{teamsId}/operations` → literals and placeholders.

use crate::case::to_snake;

/// A parsed template: `literals.len() == params.len() + 1`.
pub struct Template {
    pub literals: Vec<String>,
    pub params: Vec<Param>,
}

/// One placeholder.
pub struct Param {
    /// As written, e.g. `teamsId` (names the parameter in errors at run time).
    pub name: String,
    /// The constructor argument, e.g. `teams_id`.
    pub arg: String,
}

/// Parses a template, or says what is wrong with it.
pub fn parse(template: &str) -> Result<Template, String> {
    if !template.starts_with('/') {
        return Err(format!(
            "path template must start with `/`: write \"/{}\"",
            template.trim_start_matches('/')
        ));
    }
    if let Some(c) = template.chars().find(|c| matches!(c, '?' | '#')) {
        return Err(format!(
            "path template must not contain `{c}`: a template is a path, without query or fragment"
        ));
    }
    let mut literals = vec![String::new()];
    let mut params: Vec<Param> = Vec::new();
    let mut rest = template;
    while let Some(c) = rest.chars().next() {
        match c {
            '{' => {
                let close = rest
                    .find('}')
                    .ok_or_else(|| "unclosed `{` in path template".to_owned())?;
                let name = &rest[1..close];
                let param = placeholder(name)?;
                if params.iter().any(|p| p.arg == param.arg) {
                    return Err(format!(
                        "placeholder `{{{name}}}` is used twice in the path template"
                    ));
                }
                let before = literals.last().map_or("", String::as_str);
                let after = &rest[close + 1..];
                if !before.ends_with('/') || !(after.is_empty() || after.starts_with('/')) {
                    return Err(format!(
                        "placeholder `{{{name}}}` must be a whole path segment, between `/`s"
                    ));
                }
                params.push(param);
                literals.push(String::new());
                rest = after;
            }
            '}' => return Err("unmatched `}` in path template".to_owned()),
            _ => {
                if let Some(last) = literals.last_mut() {
                    last.push(c);
                }
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    if template.contains("//") {
        return Err("path template has an empty segment (`//`)".to_owned());
    }
    Ok(Template { literals, params })
}

fn placeholder(name: &str) -> Result<Param, String> {
    if name.is_empty() {
        return Err(
            "empty placeholder `{}` in path template: name it, e.g. `{teamsId}`".to_owned(),
        );
    }
    if name.contains('{') {
        return Err(format!("unclosed `{{` in path template before `{name}`"));
    }
    let arg = to_snake(name);
    let valid = arg
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && arg.chars().all(|c| c.is_alphanumeric() || c == '_')
        && syn::parse_str::<syn::Ident>(&arg).is_ok();
    if !valid {
        return Err(format!(
            "placeholder `{{{name}}}` cannot become a Rust identifier: use letters, digits, `_` or `-`, not starting with a digit, and not a keyword"
        ));
    }
    Ok(Param {
        name: name.to_owned(),
        arg,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_paths() {
        let t = parse(
            "/invitations/{invitationsId}/invitedUser/joinedGroups/{groupId}/team/operations",
        )
        .unwrap();
        assert_eq!(
            t.literals,
            [
                "/invitations/",
                "/invitedUser/joinedGroups/",
                "/team/operations"
            ]
        );
        let args: Vec<_> = t.params.iter().map(|p| p.arg.as_str()).collect();
        assert_eq!(args, ["invitations_id", "group_id"]);
        let t = parse("/teams/{team-id}").unwrap();
        assert_eq!(t.literals, ["/teams/", ""]);
        assert_eq!(t.params[0].arg, "team_id");
        assert_eq!(t.params[0].name, "team-id");
    }

    #[test]
    fn errors() {
        for (template, expected) in [
            ("teams/{id}", "must start with `/`"),
            ("/teams/{id", "unclosed `{`"),
            ("/teams/id}", "unmatched `}`"),
            ("/teams/{}", "empty placeholder"),
            ("/a/{id}/b/{id}", "used twice"),
            ("/a/{1x}", "cannot become a Rust identifier"),
            ("/a/{type}", "cannot become a Rust identifier"),
            ("/a/{x y}", "cannot become a Rust identifier"),
            ("/a?$select=id", "without query"),
            ("/a#frag", "without query"),
            ("/a('{id}')", "whole path segment"),
            ("/a//b", "empty segment"),
        ] {
            match parse(template) {
                Ok(_) => panic!("{template} parsed"),
                Err(message) => assert!(message.contains(expected), "{template}: {message}"),
            }
        }
    }
}
