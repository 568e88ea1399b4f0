//! Rules about the container's `type` and `crate`.

use crate::ast::Container;
use crate::case::pascal_to_lower_camel;
use crate::ctxt::Ctxt;

/// `#[odata(type = "…")]` is required on a Resource or ComplexType: it is written as
/// `@odata.type`. A `type` written with a bad value was reported where it is, not again here.
/// `#[derive(Resource)] struct Team { … }` → "… needs the OData type name: add
/// #[odata(type = "namespace.team")]".
pub fn type_name_given(cx: &Ctxt, cont: &Container) {
    if cont.type_name.is_some() || cont.type_seen {
        return;
    }
    cx.error_spanned_by(
        cont.ident,
        format!(
            "#[derive({})] needs the OData type name: add #[odata(type = \"namespace.{}\")]",
            cont.kind.derive_name(),
            pascal_to_lower_camel(&cont.ident.to_string())
        ),
    );
}

/// A type name is `namespace.Name`, as the service writes it after the `#`.
/// `#[odata(type = "#microsoft.graph.team")]` → "write the type name without `#` …".
pub fn type_name_qualified(cx: &Ctxt, cont: &Container) {
    let Some(lit) = &cont.type_name else {
        return;
    };
    if let Err(message) = qualified(&lit.value()) {
        cx.error_spanned_by(lit, message);
    }
}

/// Why `name` is not `namespace.Name`, with the fix.
fn qualified(name: &str) -> Result<(), String> {
    if name.starts_with('#') {
        return Err(format!(
            "write the type name without `#`: \"{}\" (the `#` is added on the wire)",
            name.trim_start_matches('#')
        ));
    }
    if name.chars().any(char::is_whitespace) {
        let joined: String = name.split_whitespace().collect();
        return Err(format!(
            "type name \"{name}\" must not contain spaces: write \"{joined}\""
        ));
    }
    if !dotted_identifiers(name) {
        return Err(format!(
            "type name \"{name}\" must be namespace-qualified, e.g. \"microsoft.graph.team\": identifiers joined by `.`"
        ));
    }
    Ok(())
}

/// At least two ASCII identifiers joined by `.`.
fn dotted_identifiers(name: &str) -> bool {
    let identifier = |part: &str| {
        part.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    name.contains('.') && name.split('.').all(identifier)
}

/// `crate = "…"` is absolute (`::…` or `crate::…`), so it means the same in every module that
/// generated code lands in. A relative one is dropped after its error (the stubs then use
/// `::odata_resource`), so it causes no follow-on errors.
/// `#[odata(crate = "odata_resource")]` → "`crate` must be an absolute path: write
/// "::odata_resource" …".
pub fn crate_path_absolute(cx: &Ctxt, cont: &mut Container) {
    let Some(given) = &cont.crate_path else {
        return;
    };
    let path = &given.path;
    if path.leading_colon.is_some() || path.segments.first().is_some_and(|s| s.ident == "crate") {
        return;
    }
    cx.error_spanned_by(
        &given.lit,
        format!(
            "`crate` must be an absolute path: write \"::{}\" (or start it with `crate::`)",
            given.lit.value()
        ),
    );
    cont.crate_path = None;
}
