//! Where in a body serde_json's error happened, as a property path (`value[2].status`): the path
//! serde_path_to_error tracks while it reads, found here afterwards from the error's position by
//! a walk of the text. The walk knows nothing of the type being read, so it is compiled once,
//! and each type's `Deserialize` is compiled for plain serde_json only (serde_path_to_error's
//! wrappers made a second, larger copy of every type's reading).
//!
//! serde_path_to_error names the value whose reading was under way when the error surfaced:
//! a member's value by its name, an array item by its index. The grammar's own errors between
//! values (a missing `,` or `:`, an end of input where a name or the next item was due, a
//! trailing comma) belong to the object or array around them, as do errors in a member's name
//! (the name was not read). Two kinds of error, two walks:
//!
//! - An error of the JSON grammar (serde_json's own messages: "expected `,` or `}`", "EOF while
//!   parsing a string"…) is met by the walk at the same place, since the walk checks what
//!   serde_json checks, byte by byte, up to that place; the path is where the walk stopped.
//! - Any other error (a value of the wrong type, a missing property, a bad date) is one a
//!   visitor raised, and serde_json put its position at the value: after its last byte, or at
//!   its first when it was refused at a glance (an object where a string was expected), or after
//!   a member's name when the name itself was refused. The walk, over text serde_json accepted up
//!   to there, stops at the innermost value or name that holds, ends at or starts at the position.
//!
//! Where the position alone cannot tell, and what is done:
//!
//! - A raw value's visitor (`Decimal` reads its digits as serde_json's `RawValue`) refuses it
//!   without a position, and serde_json gives the error the position of the end of the object
//!   around it. Our reader, which read the text first and met the same refusal, says where the
//!   value ended, and the walk stops there.
//! - An array refused whole by its visitor (through `deserialize_any`) is placed after its `[`,
//!   where its first item would be placed if that item (an array or an object) were refused at
//!   a glance: the walk names the item. A scalar item's errors are never placed at its first
//!   byte, so with a scalar first the array is named.
//! - serde_path_to_error cannot see inside a value the type skips (an undeclared member); the
//!   walk names the place in it where the text went wrong.
//!
//! The tests compare both on hand-picked faults of every kind and on 10,000 random bodies, cut
//! and mutated, read into eight types.

mod walk;

#[cfg(test)]
pub(crate) use walk::path_at;
pub(crate) use walk::path_of;

#[cfg(test)]
mod tests;
