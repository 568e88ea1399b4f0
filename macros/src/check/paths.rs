//! Rules about the `path`s of a Resource (a template's own rules are `template`'s, which reads
//! it). A path that breaks one is dropped after its error: it gets no constructor.

use std::collections::HashMap;

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::Ident;

use crate::ast::{Container, Kind};
use crate::attr::PathAttr;
use crate::ctxt::Ctxt;

pub fn check(cx: &Ctxt, cont: &mut Container) {
    complex_type_has_no_paths(cx, cont);
    names_unique(cx, &mut cont.paths, "patch");
    names_unique(cx, &mut cont.collections, "list");
}

/// A path's name makes the constructor `patch_<name>`, so it is an identifier that can follow
/// `patch_`: not a raw one.
/// `path(r#type = "/types/{id}")` → "a path's name must be an identifier".
pub fn names_are_identifiers(cx: &Ctxt, cont: &mut Container) {
    for paths in [&mut cont.paths, &mut cont.collections] {
        paths.retain(|path| match &path.name {
            Some(name) if !joins_patch(name) => {
                cx.error_spanned_by(name, "a path's name must be an identifier");
                false
            }
            _ => true,
        });
    }
}

/// Whether `patch_<name>` is an identifier.
fn joins_patch(name: &Ident) -> bool {
    !name.to_string().starts_with("r#") && syn::parse_str::<Ident>(&format!("patch_{name}")).is_ok()
}

/// Paths belong to Resources: a complex value is reached through a property of one.
/// `#[derive(ComplexType)] #[odata(path = "/errors/{id}")]` → "a ComplexType has no path of its
/// own …".
fn complex_type_has_no_paths(cx: &Ctxt, cont: &mut Container) {
    if cont.kind != Kind::ComplexType {
        return;
    }
    for path in cont.paths.drain(..).chain(cont.collections.drain(..)) {
        cx.error_spanned_by(
            &path.lit,
            "a ComplexType has no path of its own: it is reached through a property of a Resource",
        );
    }
}

/// Each path gives one constructor, so one unnamed path at most and no name twice.
/// `#[odata(path = "/a")] #[odata(path = "/b")]` → both would be `patch()`: "a second unnamed
/// path …".
fn names_unique(cx: &Ctxt, paths: &mut Vec<PathAttr>, constructor: &str) {
    let mut seen: HashMap<String, TokenStream> = HashMap::new();
    paths.retain(|path| {
        let (key, spanned) = match &path.name {
            Some(name) => (name.to_string(), name.to_token_stream()),
            None => (String::new(), path.lit.to_token_stream()),
        };
        if let Some(first) = seen.get(&key) {
            let (message, note) = repeated_name(&key, constructor);
            cx.error_repeated(&spanned, message, first, note);
            return false;
        }
        seen.insert(key, spanned);
        true
    });
}

/// The error and its note for a second path named `key` (empty: unnamed).
fn repeated_name(key: &str, constructor: &str) -> (String, String) {
    if key.is_empty() {
        (
            format!("a second unnamed path: both would be `{constructor}(…)`; name them, e.g. `path(team = \"…\")`, to get one `{constructor}_<name>` constructor each"),
            "the first unnamed path".to_owned(),
        )
    } else {
        (
            format!(
                "two paths are named `{key}`: both would be `{constructor}_{key}(…)`; rename one"
            ),
            format!("the first path named `{key}`"),
        )
    }
}
