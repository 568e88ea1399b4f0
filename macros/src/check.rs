//! Rules across fields and attributes. A part that breaks a rule gets an error and is made
//! harmless (no setter, no constructor), so the expansion adds no follow-on errors.

use std::collections::HashMap;

use quote::ToTokens;

use crate::ast::{last_segment_is, Container, Data, Kind, Role};
use crate::ctxt::Ctxt;

/// Builder methods every Resource builder has; a field setter must not take their names.
const BUILDER_METHODS: &[&str] = &["build", "if_match", "header", "diff"];

pub fn check(cx: &Ctxt, cont: &mut Container) {
    if matches!(cont.kind, Kind::Enum | Kind::Polymorphic) {
        return;
    }
    check_type_name_given(cx, cont);
    check_paths(cx, cont);
    check_special_fields(cx, cont);
    check_wire_names(cx, cont);
    check_setter_names(cx, cont);
}

/// `#[odata(type = "…")]` is required: it is written as `@odata.type`.
fn check_type_name_given(cx: &Ctxt, cont: &Container) {
    if cont.type_name.is_none() && !cont.type_seen {
        cx.error_spanned_by(
            cont.ident,
            format!(
                "#[derive({})] needs the OData type name: add #[odata(type = \"namespace.{}\")]",
                cont.kind.derive_name(),
                crate::case::pascal_to_lower_camel(&cont.ident.to_string())
            ),
        );
    }
}

/// Paths belong to Resources; one unnamed path at most; names unique.
/// `#[odata(path = "/a")] #[odata(path = "/b")]` → both would be `patch()`.
fn check_paths(cx: &Ctxt, cont: &mut Container) {
    if cont.kind == Kind::ComplexType {
        for path in cont.paths.drain(..) {
            cx.error_spanned_by(
                &path.lit,
                "a ComplexType has no path of its own: it is reached through a property of a Resource",
            );
        }
        return;
    }
    let mut seen: HashMap<String, proc_macro2::TokenStream> = HashMap::new();
    cont.paths.retain(|path| {
        let (key, spanned) = match &path.name {
            Some(name) => (name.to_string(), name.to_token_stream()),
            None => (String::new(), path.lit.to_token_stream()),
        };
        if let Some(first) = seen.get(&key) {
            let (message, note) = if key.is_empty() {
                (
                    "a second unnamed path: both would be `patch(…)`; name them, e.g. `path(team = \"…\")`, to get one `patch_<name>` constructor each".to_owned(),
                    "the first unnamed path".to_owned(),
                )
            } else {
                (
                    format!("two paths are named `{key}`: both would be `patch_{key}(…)`; rename one"),
                    format!("the first path named `{key}`"),
                )
            };
            let mut error = syn::Error::new_spanned(&spanned, message);
            error.combine(syn::Error::new_spanned(first, note));
            cx.syn_error(error);
            return false;
        }
        seen.insert(key, spanned);
        true
    });
}

/// `additional` is a `Map<String, Value>`, `annotations` an `Annotations`, one of each at most,
/// and property attributes mean nothing on them.
/// `#[odata(additional)] rest: Vec<String>` → "an `additional` field must be of type …".
fn check_special_fields(cx: &Ctxt, cont: &mut Container) {
    let Data::Struct(fields) = &mut cont.data else {
        return;
    };
    let mut first: HashMap<&'static str, proc_macro2::TokenStream> = HashMap::new();
    for field in fields.iter_mut() {
        let attrs = &field.attrs;
        let (name, key, expected_last, expected) = match field.role {
            Role::Property => continue,
            Role::Additional => (
                "additional",
                &attrs.additional,
                "Map",
                "`Map<String, Value>` (`odata_resource::{Map, Value}`)",
            ),
            Role::Annotations => (
                "annotations",
                &attrs.annotations,
                "Annotations",
                "`odata_resource::Annotations`",
            ),
        };
        if !last_segment_is(field.ty, expected_last) {
            cx.error_spanned_by(
                field.ty,
                format!("an `{name}` field must be of type {expected}"),
            );
        }
        let key = key.clone().unwrap_or_else(|| field.ident.to_token_stream());
        if let Some(previous) = first.get(name) {
            let mut error = syn::Error::new_spanned(
                &key,
                format!("a second `{name}` field: one field receives them all; remove this one"),
            );
            error.combine(syn::Error::new_spanned(
                previous,
                format!("the first `{name}` field"),
            ));
            cx.syn_error(error);
        } else {
            first.insert(name, key);
        }
        if let Some(rename) = &attrs.rename {
            cx.error_spanned_by(
                rename,
                format!(
                    "`rename` has no meaning on the `{name}` field: it has no wire name; remove it"
                ),
            );
        }
        for (flag, given) in [
            ("read_only", &attrs.read_only),
            ("non_nullable", &attrs.non_nullable),
        ] {
            if let Some(given) = given {
                cx.error_spanned_by(
                    given,
                    format!("`{flag}` has no meaning on the `{name}` field (it is never in a PATCH body): remove it"),
                );
            }
        }
    }
}

/// Two properties with one wire name would write a duplicate JSON member.
fn check_wire_names(cx: &Ctxt, cont: &mut Container) {
    let Data::Struct(fields) = &mut cont.data else {
        return;
    };
    let mut seen: HashMap<String, proc_macro2::TokenStream> = HashMap::new();
    for field in fields.iter_mut().filter(|f| f.role == Role::Property) {
        if let Some(first) = seen.get(&field.wire) {
            let mut error = syn::Error::new_spanned(
                &field.wire_span,
                format!(
                    "two properties have the wire name \"{}\": rename one",
                    field.wire
                ),
            );
            error.combine(syn::Error::new_spanned(
                first,
                format!("\"{}\" first used here", field.wire),
            ));
            cx.syn_error(error);
            field.writable = false;
        } else {
            seen.insert(field.wire.clone(), field.wire_span.clone());
        }
    }
}

/// Setter names (`field`, `clear_field`) must not collide with each other or with the builder's
/// own methods.
fn check_setter_names(cx: &Ctxt, cont: &mut Container) {
    // a Resource's builder has methods of its own; a ComplexType's nested changes only setters
    let reserved = if cont.kind == Kind::Resource {
        BUILDER_METHODS
    } else {
        &[]
    };
    let Data::Struct(fields) = &mut cont.data else {
        return;
    };
    // the builder's own field
    for field in fields.iter_mut().filter(|f| f.ident == "__base") {
        cx.error_spanned_by(
            field.ident,
            "the field name `__base` is reserved by the generated builder; rename the field",
        );
        field.writable = false;
    }
    let mut taken: Vec<String> = reserved.iter().map(|m| (*m).to_owned()).collect();
    for field in fields
        .iter_mut()
        .filter(|f| f.role == Role::Property && f.writable)
    {
        let setter = field.ident.to_string();
        let clear = format!("clear_{setter}");
        let nullable = field.option_inner.is_some() && !field.non_nullable;
        let clash = [Some(&setter), nullable.then_some(&clear)]
            .into_iter()
            .flatten()
            .find(|name| taken.contains(name));
        if let Some(name) = clash {
            cx.error_spanned_by(
                field.ident,
                format!(
                    "field `{setter}` would get the builder method `{name}()`, which the builder already has; rename the field and keep its wire name with `#[odata(rename = \"{}\")]`",
                    field.wire
                ),
            );
            field.writable = false;
            continue;
        }
        taken.push(setter);
        if nullable {
            taken.push(clear);
        }
    }
    // a read-only property gets a method that says so when called, where the name is free
    for field in fields
        .iter_mut()
        .filter(|f| f.role == Role::Property && f.read_only)
    {
        let name = field.ident.to_string();
        if !taken.contains(&name) {
            field.read_only_stub = true;
            taken.push(name);
        }
    }
}
