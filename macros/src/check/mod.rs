//! The rules about what `attr` read and `ast` shaped, one function each, with a comment and an
//! example of what breaks it, in the file of the part it is about. A part that breaks a rule gets
//! an error and is made harmless (no setter, no constructor, no variant), so the expansion adds no
//! follow-on errors; every rule runs, so one compile shows every error.

mod container;
mod enums;
mod fields;
mod paths;
mod polymorphic;
mod wire_names;

use crate::ast::{Container, Data};
use crate::ctxt::Ctxt;

pub fn check(cx: &Ctxt, cont: &mut Container) {
    // what one attribute says, whatever the item
    container::type_name_qualified(cx, cont);
    container::crate_path_absolute(cx, cont);
    paths::names_are_identifiers(cx, cont);
    // how the parts fit together, on an item this derive takes
    if matches!(cont.data, Data::Struct(_)) {
        container::type_name_given(cx, cont);
        paths::check(cx, cont);
    }
    match &mut cont.data {
        Data::Struct(fields) => fields::check(cx, cont.kind, fields),
        Data::Enum(variants) => enums::check(cx, cont.ident, variants),
        Data::Polymorphic(variants) => polymorphic::check(cx, cont.ident, variants),
        Data::Unfit => {}
    }
}
