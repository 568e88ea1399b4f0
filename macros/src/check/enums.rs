//! Rules about the members of an ODataEnum. A variant that breaks one is dropped after its
//! error, so the rules after it do not report it again.

use quote::ToTokens;
use syn::Ident;

use super::wire_names;
use crate::ast::{last_segment_is, Variant};
use crate::ctxt::Ctxt;

pub fn check(cx: &Ctxt, ident: &Ident, variants: &mut Vec<Variant>) {
    for rename in variants.iter().filter_map(|v| v.attrs.rename.as_ref()) {
        wire_names::plain(cx, rename);
    }
    has_members(cx, ident, variants);
    members_carry_no_data(cx, variants);
    other_holds_text(cx, variants);
    one_other(cx, variants);
    other_not_renamed(cx, variants);
    wire_names_unique(cx, variants);
}

/// An OData enumeration type has members.
/// `enum Nothing {}` → "an ODataEnum needs at least one member …".
fn has_members(cx: &Ctxt, ident: &Ident, variants: &[Variant]) {
    if variants.is_empty() {
        cx.error_spanned_by(
            ident,
            "an ODataEnum needs at least one member: an OData enumeration type has members",
        );
    }
}

/// A member is its name on the wire and nothing else; only the `other` variant holds data.
/// `Failed { code: i32 }` → "an ODataEnum member carries no data: write `Failed` …".
fn members_carry_no_data(cx: &Ctxt, variants: &mut Vec<Variant>) {
    variants.retain(|variant| {
        if variant.other || matches!(variant.fields, syn::Fields::Unit) {
            return true;
        }
        let name = variant.ident;
        let message = if is_string_tuple(variant.fields) {
            format!("an ODataEnum member carries no data: if `{name}` is the catch-all for unknown members, mark it `#[odata(other)]`")
        } else {
            format!("an ODataEnum member carries no data: write `{name}`; only the one `#[odata(other)]` variant holds data, as `Other(String)`")
        };
        cx.error_spanned_by(variant.fields, message);
        false
    });
}

/// The `other` variant keeps the text of a member this crate does not know: it is `X(String)`.
/// `#[odata(other)] Other(i32)` → "the `#[odata(other)]` variant holds the unknown member's
/// text: write `Other(String)`".
fn other_holds_text(cx: &Ctxt, variants: &mut Vec<Variant>) {
    variants.retain(|variant| {
        if !variant.other || is_string_tuple(variant.fields) {
            return true;
        }
        let spanned = match variant.fields {
            syn::Fields::Unit => variant.ident.to_token_stream(),
            syn::Fields::Unnamed(f) if f.unnamed.len() == 1 => f.unnamed[0].ty.to_token_stream(),
            fields => fields.to_token_stream(),
        };
        cx.error_spanned_by(
            spanned,
            format!(
                "the `#[odata(other)]` variant holds the unknown member's text: write `{}(String)`",
                variant.ident
            ),
        );
        false
    });
}

/// One variant receives every unknown member.
/// Two `#[odata(other)]` variants → "only one variant can be `#[odata(other)]` …" at the second.
fn one_other(cx: &Ctxt, variants: &mut Vec<Variant>) {
    let mut first: Option<&Ident> = None;
    variants.retain(|variant| match (variant.other, first) {
        (true, Some(first)) => {
            cx.error_repeated(
                variant.ident,
                "only one variant can be `#[odata(other)]`: it receives every unknown member; remove the attribute here",
                first,
                "the first `other` variant",
            );
            false
        }
        (true, None) => {
            first = Some(variant.ident);
            true
        }
        (false, _) => true,
    });
}

/// The `other` variant keeps whatever it receives, so it has no wire name to rename.
/// `#[odata(other, rename = "other")]` → "the `other` variant has no wire name of its own …".
fn other_not_renamed(cx: &Ctxt, variants: &[Variant]) {
    for variant in variants.iter().filter(|v| v.other) {
        if let Some(rename) = &variant.attrs.rename {
            cx.error_spanned_by(
                rename,
                "the `other` variant has no wire name of its own (it keeps whatever it receives): remove `rename`",
            );
        }
    }
}

/// [`wire_names::repeats`] over the members (the `other` variant has no wire name).
fn wire_names_unique(cx: &Ctxt, variants: &mut Vec<Variant>) {
    let names: Vec<_> = variants
        .iter()
        .filter(|v| !v.other)
        .map(|v| (v.wire.as_str(), &v.wire_span))
        .collect();
    let mut repeats = wire_names::repeats(cx, "variants", &names).into_iter();
    variants.retain(|v| v.other || !repeats.next().unwrap_or(false));
}

/// `X(String)` (written with any path ending in `String`).
fn is_string_tuple(fields: &syn::Fields) -> bool {
    match fields {
        syn::Fields::Unnamed(unnamed) => {
            unnamed.unnamed.len() == 1 && last_segment_is(&unnamed.unnamed[0].ty, "String")
        }
        _ => false,
    }
}
