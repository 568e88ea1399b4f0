//! Rules about wire names, the same for a struct's properties and an enumeration's members.

use std::collections::HashMap;

use proc_macro2::TokenStream;
use syn::LitStr;

use crate::ctxt::Ctxt;

/// A `rename` is written into JSON as is (`expand` never escapes a wire name), and it names a
/// property: not empty, and not an annotation, which has a field of its own.
/// `#[odata(rename = "@odata.etag")]` → "\"@odata.etag\" is an annotation, not a property …".
pub fn plain(cx: &Ctxt, rename: &LitStr) {
    let value = rename.value();
    if value.is_empty() {
        cx.error_spanned_by(rename, "`rename` must not be empty: write the property's JSON name, e.g. `#[odata(rename = \"displayName\")]`");
    } else if value.contains('@') {
        cx.error_spanned_by(
            rename,
            format!("\"{value}\" is an annotation, not a property: keep annotations in an `#[odata(annotations)] annotations: odata_resource::Annotations` field"),
        );
    } else if value
        .chars()
        .any(|c| c == '"' || c == '\\' || c.is_control())
    {
        cx.error_spanned_by(
            rename,
            "`rename` must not contain `\"`, `\\` or control characters: OData property names are identifiers",
        );
    }
}

/// Two properties with one wire name would write one JSON member twice; two members of an
/// enumeration with one wire name could not be told apart when read. Each repeat is an error at
/// its name (or `rename`) pointing back at the first; the result says which of `names` repeat.
/// `#[odata(rename = "notStarted")] Pending` beside `NotStarted` → "two variants have the wire
/// name "notStarted": rename one".
pub fn repeats(cx: &Ctxt, noun: &str, names: &[(&str, &TokenStream)]) -> Vec<bool> {
    let mut first: HashMap<&str, &TokenStream> = HashMap::new();
    names
        .iter()
        .map(|&(wire, spanned)| match first.get(wire) {
            Some(earlier) => {
                cx.error_repeated(
                    spanned,
                    format!("two {noun} have the wire name \"{wire}\": rename one"),
                    earlier,
                    format!("\"{wire}\" first used here"),
                );
                true
            }
            None => {
                first.insert(wire, spanned);
                false
            }
        })
        .collect()
}
