//! Rules about the variants of a `Polymorphic` enum. A variant that breaks one is dropped after
//! its error, so the rules after it do not report it again.

use syn::Ident;

use crate::ast::{PolymorphicRole, PolymorphicVariant};
use crate::ctxt::Ctxt;

pub fn check(cx: &Ctxt, ident: &Ident, variants: &mut Vec<PolymorphicVariant>) {
    each_holds_one_type(cx, variants);
    base_or_unknown(cx, variants);
    one_of_each_role(cx, variants, PolymorphicRole::Base, "base");
    one_of_each_role(cx, variants, PolymorphicRole::Unknown, "unknown");
    base_given(cx, ident, variants);
}

/// A variant is one derived type, read and written as that type.
/// `Team { id: String }` → "each variant of a Polymorphic enum holds one type …".
fn each_holds_one_type(cx: &Ctxt, variants: &mut Vec<PolymorphicVariant>) {
    variants.retain(|variant| {
        if variant.ty.is_none() {
            cx.error_spanned_by(
                variant.original,
                "each variant of a Polymorphic enum holds one type: `TeamsAsyncOperation(TeamsAsyncOperation)`",
            );
        }
        variant.ty.is_some()
    });
}

/// The declared type and the holder of undeclared types are two variants.
/// `#[odata(base, unknown)]` → "a variant is either `base` or `unknown`, not both".
fn base_or_unknown(cx: &Ctxt, variants: &mut Vec<PolymorphicVariant>) {
    variants.retain(
        |variant| match (&variant.attrs.base, &variant.attrs.unknown) {
            (Some(base), Some(_)) => {
                cx.error_spanned_by(base, "a variant is either `base` or `unknown`, not both");
                false
            }
            _ => true,
        },
    );
}

/// One variant is read when there is no `@odata.type`, one when the type is undeclared.
/// Two `#[odata(base)]` variants → "a second `base` variant: a Polymorphic enum has one".
fn one_of_each_role(
    cx: &Ctxt,
    variants: &mut Vec<PolymorphicVariant>,
    role: PolymorphicRole,
    key: &str,
) {
    let mut first: Option<&Ident> = None;
    variants.retain(|variant| match first {
        _ if variant.role != role => true,
        Some(first) => {
            cx.error_repeated(
                variant.ident,
                format!("a second `{key}` variant: a Polymorphic enum has one"),
                first,
                format!("the first `{key}` variant"),
            );
            false
        }
        None => {
            first = Some(variant.ident);
            true
        }
    });
}

/// A value without `@odata.type` is of the declared type, so one variant must be it.
/// `enum AnyTeam { Team(Team) }` → "a Polymorphic enum needs one `#[odata(base)]` variant …".
fn base_given(cx: &Ctxt, ident: &Ident, variants: &[PolymorphicVariant]) {
    if !variants.iter().any(|v| v.role == PolymorphicRole::Base) {
        cx.error_spanned_by(
            ident,
            "a Polymorphic enum needs one `#[odata(base)]` variant: the declared type, read when a value has no `@odata.type`",
        );
    }
}
