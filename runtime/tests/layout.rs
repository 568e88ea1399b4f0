//! The runtime's layout rules, checked on its source: `lib.rs` and every `mod.rs` hold modules
//! and re-exports only (no helpers at the top of a folder), no module imports from the crate
//! root (everything is named by the module that owns it), and no two modules import each
//! other, directly or around a loop.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every source file as its module path (`patch::setter`; the root is ``) and its text.
fn modules() -> BTreeMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = BTreeMap::new();
    walk(&root, &root, &mut found);
    found
}

fn walk(root: &Path, dir: &Path, found: &mut BTreeMap<String, String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(root, &path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(root).unwrap().with_extension("");
            let name = relative.to_string_lossy().replace('\\', "/");
            let name = name
                .trim_end_matches("/mod")
                .trim_start_matches("lib")
                .replace('/', "::");
            found.insert(name, std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// The code before a file's `#[cfg(test)]` module, without comments.
fn code(text: &str) -> String {
    let text = text
        .split("#[cfg(test)]\nmod tests {")
        .next()
        .unwrap_or_default();
    text.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modules a file's `use` items name (`crate::…` and `super::…`), as module paths.
fn imports(module: &str, text: &str, all: &BTreeMap<String, String>) -> BTreeSet<String> {
    let code = code(text);
    let mut named = BTreeSet::new();
    for item in code.split(';').map(str::trim) {
        let Some(path) = item
            .strip_prefix("pub(crate) use ")
            .or_else(|| item.strip_prefix("pub use "))
            .or_else(|| item.strip_prefix("use "))
        else {
            continue;
        };
        if let Some(target) = resolve(module, path, all) {
            named.insert(target);
        }
    }
    named
}

/// The longest module path `path` starts with, from `module`'s place.
fn resolve(module: &str, path: &str, all: &BTreeMap<String, String>) -> Option<String> {
    let mut parts: Vec<&str> = path
        .split("::")
        .map(|p| p.trim_matches(|c: char| c == '{' || c.is_whitespace()))
        .collect();
    let mut base: Vec<&str> = match *parts.first()? {
        "crate" => Vec::new(),
        "super" => module.split("::").collect(),
        _ => return None,
    };
    parts.remove(0);
    if path.starts_with("super") {
        base.pop();
    }
    while parts.first() == Some(&"super") {
        parts.remove(0);
        base.pop();
    }
    (0..=parts.len()).rev().find_map(|n| {
        let candidate = base
            .iter()
            .chain(&parts[..n])
            .copied()
            .collect::<Vec<_>>()
            .join("::");
        all.contains_key(&candidate).then_some(candidate)
    })
}

#[test]
fn lib_and_folder_roots_hold_modules_and_re_exports_only() {
    let all = modules();
    let roots = all
        .iter()
        .filter(|(name, _)| name.is_empty() || has_children(name, &all));
    for (name, text) in roots {
        for line in code(text).lines().map(str::trim) {
            let declares = [
                "fn ", "struct ", "enum ", "trait ", "impl", "const ", "static ",
            ]
            .iter()
            .any(|item| line.starts_with(item) || line.starts_with(&format!("pub {item}")));
            assert!(
                !declares,
                "`{name}` (a folder's root) declares `{line}`: move it to a module of its own"
            );
        }
    }
}

fn has_children(name: &str, all: &BTreeMap<String, String>) -> bool {
    all.keys()
        .any(|other| other.starts_with(&format!("{name}::")))
}

#[test]
fn no_module_imports_from_the_crate_root() {
    let all = modules();
    for (name, text) in all.iter().filter(|(name, _)| !name.is_empty()) {
        let targets = imports(name, text, &all);
        assert!(
            !targets.contains(""),
            "`{name}` imports from the crate root: name the module that owns the item"
        );
    }
}

#[test]
fn no_import_cycles() {
    let all = modules();
    let graph: BTreeMap<&str, BTreeSet<String>> = all
        .iter()
        .map(|(name, text)| (name.as_str(), imports(name, text, &all)))
        .collect();
    // `__private` is the door to everything, and the root re-exports everything: both only
    // point outward, so they are left out of the walk
    for start in graph.keys().filter(|name| !is_door(name)) {
        let mut stack = vec![(start.to_string(), vec![start.to_string()])];
        while let Some((at, trail)) = stack.pop() {
            for next in graph.get(at.as_str()).into_iter().flatten() {
                if is_door(next) {
                    continue;
                }
                assert!(
                    next != start,
                    "import cycle: {} -> {next}",
                    trail.join(" -> ")
                );
                if !trail.contains(next) {
                    let mut longer = trail.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
}

fn is_door(name: &str) -> bool {
    name.is_empty() || name == "private"
}

#[test]
fn the_checks_see_the_modules_and_their_imports() {
    // the rules above would pass vacuously on a walk that found nothing
    let all = modules();
    assert!(all.contains_key("patch::setter") && all.contains_key("types::datetime::parse"));
    let body = imports("patch::body", &all["patch::body"], &all);
    assert!(
        body.contains("patch::setter") && body.contains("error"),
        "{body:?}"
    );
    let parse = imports(
        "types::datetime::parse",
        &all["types::datetime::parse"],
        &all,
    );
    assert!(parse.contains("types::datetime::error"), "{parse:?}");
}
