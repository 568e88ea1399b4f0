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

/// Parses a template, or says what is wrong with it and how to fix it.
pub fn parse(template: &str) -> Result<Template, String> {
    if !template.starts_with('/') {
        return Err(format!(
            "path template must start with `/`: write \"/{}\"",
            template.trim_start_matches('/')
        ));
    }
    if let Some(at) = template.find(['?', '#']) {
        let (what, c) = if template[at..].starts_with('?') {
            ("a query string", '?')
        } else {
            ("a fragment", '#')
        };
        return Err(format!(
            "path template must not contain {what} (`{c}`): a template is only the path; write \"{}\"",
            &template[..at]
        ));
    }
    let mut literals = vec![String::new()];
    let mut params: Vec<Param> = Vec::new();
    let mut rest = template;
    while let Some(c) = rest.chars().next() {
        match c {
            '{' => {
                let (param, after) = next_param(template, rest, &params)?;
                params.push(param);
                literals.push(String::new());
                rest = after;
            }
            '}' => {
                return Err(
                    "unmatched `}` in path template: a placeholder is written `{name}`, e.g. `{teamsId}`"
                        .to_owned(),
                )
            }
            _ => {
                if let Some(last) = literals.last_mut() {
                    last.push(c);
                }
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    if template.contains("//") {
        return Err(format!(
            "path template has an empty segment (`//`): write \"{}\"",
            collapse_slashes(template)
        ));
    }
    Ok(Template { literals, params })
}

/// The placeholder at the start of `rest` (which starts with `{`), and what follows it.
fn next_param<'t>(
    template: &str,
    rest: &'t str,
    params: &[Param],
) -> Result<(Param, &'t str), String> {
    let close = rest
        .find('}')
        .filter(|&close| !rest[1..close].contains('{'));
    let Some(close) = close else {
        let open: String = rest.chars().take_while(|&c| c != '/').collect();
        return Err(format!(
            "unclosed `{{` in path template: `{open}` needs a `}}`, e.g. `{{teamsId}}`"
        ));
    };
    let name = &rest[1..close];
    let param = placeholder(name)?;
    if let Some(first) = params.iter().find(|p| p.arg == param.arg) {
        return Err(if first.name == name {
            format!(
                "placeholder `{{{name}}}` is used twice in the path template: give each its own name, e.g. `{{teamId}}` and `{{channelId}}`"
            )
        } else {
            format!(
                "placeholders `{{{}}}` and `{{{name}}}` both become the argument `{}`: give each its own name",
                first.name, param.arg
            )
        });
    }
    let start = template.len() - rest.len();
    let after = &rest[close + 1..];
    if !template[..start].ends_with('/') || !(after.is_empty() || after.starts_with('/')) {
        return Err(format!(
            "placeholder `{{{name}}}` must be a whole path segment, between `/`s (key syntax such as `('{{{name}}}')` is not supported): write `/{{{name}}}`"
        ));
    }
    Ok((param, after))
}

fn collapse_slashes(template: &str) -> String {
    let mut out = String::with_capacity(template.len());
    for c in template.chars() {
        if !(c == '/' && out.ends_with('/')) {
            out.push(c);
        }
    }
    out
}

fn placeholder(name: &str) -> Result<Param, String> {
    if name.is_empty() {
        return Err(
            "empty placeholder `{}` in path template: name it, e.g. `{teamsId}`".to_owned(),
        );
    }
    let arg = to_snake(name);
    if let Some(bad) = arg.chars().find(|&c| !(c.is_alphanumeric() || c == '_')) {
        return Err(format!(
            "placeholder `{{{name}}}` cannot become a Rust argument name: `{bad}` is not allowed; use letters, digits, `_` or `-`"
        ));
    }
    if arg.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(format!(
            "placeholder `{{{name}}}` cannot become a Rust argument name: `{arg}` starts with a digit; start the placeholder with a letter"
        ));
    }
    if syn::parse_str::<syn::Ident>(&arg).is_err() {
        return Err(format!(
            "placeholder `{{{name}}}` cannot become a Rust argument name: `{arg}` is a Rust keyword; rename it, e.g. `{{{name}Id}}`"
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
            ("/a/{x}/b/{X}", "both become the argument `x`"),
            ("/a/{1x}", "starts with a digit"),
            ("/a/{type}", "is a Rust keyword"),
            ("/a/{x y}", "` ` is not allowed"),
            ("/a/{x{y}", "unclosed `{`"),
            ("/a?$select=id", "a query string"),
            ("/a#frag", "a fragment"),
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
