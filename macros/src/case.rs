//! Name conversions between Rust and the wire.

/// `created_date_time` → `createdDateTime`; `r#type` → `type`.
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

/// `CloneTeam` → `cloneTeam`.
pub fn pascal_to_lower_camel(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `teamsId` → `teams_id`, `team-id` → `team_id`, `groupID` → `group_id`.
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

/// The edit distance of two short names, for "did you mean".
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(current + 1);
            previous = current;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions() {
        assert_eq!(snake_to_lower_camel("created_date_time"), "createdDateTime");
        assert_eq!(snake_to_lower_camel("id"), "id");
        assert_eq!(snake_to_lower_camel("r#type"), "type");
        assert_eq!(snake_to_lower_camel("_private"), "private");
        assert_eq!(
            pascal_to_lower_camel("UnknownFutureValue"),
            "unknownFutureValue"
        );
        assert_eq!(to_snake("teamsId"), "teams_id");
        assert_eq!(to_snake("team-id"), "team_id");
        assert_eq!(to_snake("invitationsId"), "invitations_id");
        assert_eq!(to_snake("groupID"), "group_id");
        assert_eq!(to_snake("id2x"), "id2x");
        assert_eq!(distance("read_onyl", "read_only"), 2);
        assert_eq!(distance("", "abc"), 3);
    }
}
