//! Rules about a struct's fields: the `additional` and `annotations` fields, wire names, and the
//! builder methods the properties get. A property that breaks one gets no setter.

use std::collections::HashMap;

use proc_macro2::TokenStream;
use quote::ToTokens;

use super::wire_names;
use crate::ast::{last_segment_is, Field, Kind, Role};
use crate::attr;
use crate::ctxt::Ctxt;

/// Builder methods every Resource builder has; a field setter must not take their names.
const BUILDER_METHODS: &[&str] = &["build", "if_match", "header", "diff"];

pub fn check(cx: &Ctxt, kind: Kind, fields: &mut [Field]) {
    for rename in fields.iter().filter_map(|f| f.attrs.rename.as_ref()) {
        wire_names::plain(cx, rename);
    }
    one_role_each(cx, fields);
    special_types(cx, fields);
    one_field_per_role(cx, fields);
    no_property_attributes_on_special(cx, fields);
    wire_names_unique(cx, fields);
    base_reserved(cx, fields);
    // a Resource's builder has methods of its own; a ComplexType's nested changes only setters
    let reserved = if kind == Kind::Resource {
        BUILDER_METHODS
    } else {
        &[]
    };
    let taken = setter_names_free(cx, fields, reserved);
    read_only_stubs(fields, taken);
}

/// What an `additional` or `annotations` field is: its key and the type it must have.
struct Special {
    key: &'static str,
    last_segment: &'static str,
    expected: &'static str,
}

/// The special field of `role`, if it is one.
fn special(role: Role) -> Option<Special> {
    match role {
        Role::Property => None,
        Role::Additional => Some(Special {
            key: "additional",
            last_segment: "Map",
            expected: "`Map<String, Value>` (`odata_resource::{Map, Value}`)",
        }),
        Role::Annotations => Some(Special {
            key: "annotations",
            last_segment: "Annotations",
            expected: "`odata_resource::Annotations`",
        }),
    }
}

/// A field receives undeclared properties or annotations, not both: they have types of their own.
/// `#[odata(additional, annotations)] rest: …` → "a field cannot be both `additional` … and
/// `annotations` …".
fn one_role_each(cx: &Ctxt, fields: &[Field]) {
    for field in fields {
        if let (Some(_), Some(annotations)) = (&field.attrs.additional, &field.attrs.annotations) {
            cx.error_spanned_by(
                annotations,
                "a field cannot be both `additional` (undeclared properties, a `Map<String, Value>`) and `annotations` (`@…` members, an `Annotations`): use one field for each",
            );
        }
    }
}

/// `additional` is a `Map<String, Value>`, `annotations` an `Annotations`, as far as the written
/// type's last segment tells (a wrong type of the right name is then rustc's to report).
/// `#[odata(additional)] rest: Vec<String>` → "an `additional` field must be of type …".
fn special_types(cx: &Ctxt, fields: &[Field]) {
    for field in fields {
        let Some(special) = special(field.role) else {
            continue;
        };
        if !last_segment_is(field.ty, special.last_segment) {
            cx.error_spanned_by(
                field.ty,
                format!(
                    "an `{}` field must be of type {}",
                    special.key, special.expected
                ),
            );
        }
    }
}

/// One field receives all undeclared properties, one all annotations.
/// Two `#[odata(additional)]` fields → "a second `additional` field: one field receives them
/// all; remove this one".
fn one_field_per_role(cx: &Ctxt, fields: &[Field]) {
    let mut first: HashMap<&str, TokenStream> = HashMap::new();
    for field in fields {
        let Some(special) = special(field.role) else {
            continue;
        };
        let key = special_key(field);
        match first.get(special.key) {
            Some(previous) => cx.error_repeated(
                &key,
                format!(
                    "a second `{}` field: one field receives them all; remove this one",
                    special.key
                ),
                previous,
                format!("the first `{}` field", special.key),
            ),
            None => {
                first.insert(special.key, key);
            }
        }
    }
}

/// Where a special field's key was written (its name, if the key is not at hand).
fn special_key(field: &Field) -> TokenStream {
    let key = match field.role {
        Role::Additional => &field.attrs.additional,
        Role::Annotations => &field.attrs.annotations,
        Role::Property => &None,
    };
    key.clone().unwrap_or_else(|| field.ident.to_token_stream())
}

/// `rename`, `read_only` and `non_nullable` say how a property is sent; a special field is none.
/// `#[odata(additional, read_only)]` → "`read_only` has no meaning on the `additional` field (it
/// is never in a PATCH body): remove it".
fn no_property_attributes_on_special(cx: &Ctxt, fields: &[Field]) {
    for field in fields {
        if let Some(Special { key, .. }) = special(field.role) {
            property_attributes_meaningless(cx, &field.attrs, key);
        }
    }
}

/// An error at each property attribute given on the special field `key`.
fn property_attributes_meaningless(cx: &Ctxt, attrs: &attr::Field, key: &str) {
    if let Some(rename) = &attrs.rename {
        cx.error_spanned_by(
            rename,
            format!("`rename` has no meaning on the `{key}` field: it has no wire name; remove it"),
        );
    }
    let flags = [
        ("read_only", &attrs.read_only),
        ("non_nullable", &attrs.non_nullable),
        ("navigation", &attrs.navigation),
    ];
    for (flag, given) in flags {
        if let Some(given) = given {
            cx.error_spanned_by(
                given,
                format!("`{flag}` has no meaning on the `{key}` field (it is never in a PATCH body): remove it"),
            );
        }
    }
}

/// [`wire_names::repeats`] over the properties; a repeated one gets no setter.
fn wire_names_unique(cx: &Ctxt, fields: &mut [Field]) {
    let names: Vec<_> = fields
        .iter()
        .filter(|f| f.role == Role::Property)
        .map(|f| (f.wire.as_str(), &f.wire_span))
        .collect();
    let repeats = wire_names::repeats(cx, "properties", &names);
    let properties = fields.iter_mut().filter(|f| f.role == Role::Property);
    for (field, repeat) in properties.zip(repeats) {
        field.writable &= !repeat;
    }
}

/// The builder keeps its own state in a field named `__base`.
/// `__base: Option<String>` → "the field name `__base` is reserved by the generated builder;
/// rename the field".
fn base_reserved(cx: &Ctxt, fields: &mut [Field]) {
    for field in fields.iter_mut().filter(|f| f.ident == "__base") {
        cx.error_spanned_by(
            field.ident,
            "the field name `__base` is reserved by the generated builder; rename the field",
        );
        field.writable = false;
    }
}

/// A property's setters (`status`, and `clear_status` for a nullable one) take names no other
/// setter and no builder method has. Returns the names taken.
/// `build: Option<String>` on a Resource → "field `build` would get the builder method
/// `build()`, which the builder already has; rename the field …".
fn setter_names_free(cx: &Ctxt, fields: &mut [Field], reserved: &[&str]) -> Vec<String> {
    let mut taken: Vec<String> = reserved.iter().map(|m| (*m).to_owned()).collect();
    for field in fields
        .iter_mut()
        .filter(|f| f.role == Role::Property && f.writable)
    {
        let names = setter_names(field);
        match names.iter().find(|name| taken.contains(name)) {
            Some(name) => {
                setter_name_taken(cx, field, name);
                field.writable = false;
            }
            None => taken.extend(names),
        }
    }
    taken
}

/// The error at a property whose setter would be `name`, a name already taken.
fn setter_name_taken(cx: &Ctxt, field: &Field, name: &str) {
    cx.error_spanned_by(
        field.ident,
        format!(
            "field `{}` would get the builder method `{name}()`, which the builder already has; rename the field and keep its wire name with `#[odata(rename = \"{}\")]`",
            field.ident, field.wire
        ),
    );
}

/// `status`, and `clear_status` for a nullable property.
fn setter_names(field: &Field) -> Vec<String> {
    let setter = field.ident.to_string();
    let nullable = field.option_inner.is_some() && !field.non_nullable;
    let clear = nullable.then(|| format!("clear_{setter}"));
    std::iter::once(setter).chain(clear).collect()
}

/// Not a rule but its consequence: a read-only property gets a builder method that says so when
/// called, where its name is still free.
fn read_only_stubs(fields: &mut [Field], mut taken: Vec<String>) {
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
