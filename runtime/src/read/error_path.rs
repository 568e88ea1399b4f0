//! The property path at the start of an error's message (`error.code: …`, `value[3].status: …`),
//! added level by level on the way out of the derived impls, on the error branch only.

use std::cell::RefCell;
use std::fmt;

use serde::de;

/// One step of a property path: a member's name or an array item's index.
#[derive(Clone, Copy)]
pub(crate) enum Step<'a> {
    Name(&'a str),
    Index(usize),
}

/// The last message [`located`] made on this thread, and the length of the path at its start.
/// An inner error whose text begins with exactly this message is one of ours: its path is
/// joined to the new step instead of being read as part of the message. Text is never taken
/// for a path on its looks (serde's own messages contain `: ` too).
struct Made {
    message: String,
    path_len: usize,
}

thread_local! {
    static LAST_MADE: RefCell<Made> = const {
        RefCell::new(Made { message: String::new(), path_len: 0 })
    };
}

/// `error` from a member's value, re-made with the member's name at the start of its message's
/// path (a dictionary's key, say). Only error branches call this.
#[cold]
pub(crate) fn in_member<E: de::Error>(name: &str, error: E) -> E {
    located(Step::Name(name), error)
}

/// `error`, re-made with `step` added at the start of its message's path: `error.code: …`,
/// `[3].status: …`. Only error branches call this.
#[cold]
#[inline(never)]
pub(crate) fn located<E: de::Error>(step: Step<'_>, error: E) -> E {
    let inner = error.to_string();
    let message = LAST_MADE.with(|last| {
        let mut last = last.borrow_mut();
        let (message, path_len) = prefixed(step, &inner, &last);
        last.message.clone_from(&message);
        last.path_len = path_len;
        message
    });
    // serde_json reads a trailing ` at line L column C` back into the error's position
    E::custom(message)
}

/// The message with `step` added to its path, and the new path's length. `inner` is taken as
/// `path: message` only when it begins with `last`, the message made last (followed by nothing,
/// or by what the deserializer appended since, such as serde_json's position).
fn prefixed(step: Step<'_>, inner: &str, last: &Made) -> (String, usize) {
    let own = own_path(inner, last);
    let mut message = String::with_capacity(inner.len() + 16);
    match step {
        Step::Name(name) => message.push_str(name),
        Step::Index(index) => {
            use fmt::Write as _;
            let _ = write!(message, "[{index}]");
        }
    }
    let rest = match own {
        Some((path, rest)) => {
            if !path.starts_with('[') {
                message.push('.');
            }
            message.push_str(path);
            rest
        }
        None => inner,
    };
    let path_len = message.len();
    message.push_str(": ");
    message.push_str(rest);
    (message, path_len)
}

/// `(path, rest)` of a message [`located`] made (`last`, or `last` with more appended), else
/// `None`.
fn own_path<'m>(message: &'m str, last: &Made) -> Option<(&'m str, &'m str)> {
    if last.message.is_empty() || !message.starts_with(&last.message) {
        return None;
    }
    let path = message.get(..last.path_len)?;
    let rest = message.get(last.path_len..)?.strip_prefix(": ")?;
    Some((path, rest))
}

/// For [`crate::from_slice`]'s error: the path to give and `message` without the path at its
/// start, when that path is one [`located`] made. `path` is the path `read::locate` found from
/// the error's position:
/// - every step of the message's path is in `path` (which also has the steps no derived impl of
///   ours sees: a top-level `Vec`'s index, the inside of a `Value` or of a serde-derived
///   struct): `path`, and `Display` need not say it twice;
/// - `path` is where the message's path starts: the message's path, which goes further. A value
///   buffered before it is read (a `Polymorphic` one whose `@odata.type` came late, which
///   serde_json buffers, and our reader when its look ahead does not settle the type) is placed
///   at the end of its object, so `path` names the object and the message the property inside
///   it.
///
/// Else `None`: the message keeps its path.
#[cold]
pub(crate) fn split_own_path(path: &str, message: &str) -> Option<(String, String)> {
    LAST_MADE.with(|last| {
        let last = last.borrow();
        let (own, rest) = own_path(message, &last)?;
        let mut whole = steps(path);
        if steps(own).all(|step| whole.any(|s| s == step)) {
            return Some((path.to_owned(), rest.to_owned()));
        }
        let mut deeper = steps(own);
        let starts_there = steps(path).all(|step| deeper.next() == Some(step));
        starts_there.then(|| (own.to_owned(), rest.to_owned()))
    })
}

/// The message made last was `full` and is now given on as `bare` (`full` without serde_json's
/// position, for a value read from a buffer): remember `bare`, so that an outer level still
/// finds its path. Anything else made last is left as it is.
#[cold]
pub(crate) fn forget_position(full: &str, bare: &str) {
    LAST_MADE.with(|last| {
        let mut last = last.borrow_mut();
        if last.message == full && bare.len() >= last.path_len {
            last.message = bare.to_owned();
        }
    });
}

/// `value[3].status` → `value`, `[3]`, `status`.
fn steps(path: &str) -> impl Iterator<Item = &str> {
    path.split('.').flat_map(|part| {
        let mut rest = part;
        std::iter::from_fn(move || {
            if rest.is_empty() {
                return None;
            }
            // the next `[` after the step's first character
            let first = rest.chars().next().map_or(0, char::len_utf8);
            let end = rest[first..].find('[').map_or(rest.len(), |at| at + first);
            let (step, tail) = rest.split_at(end);
            rest = tail;
            Some(step)
        })
    })
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;

    fn made(message: &str, path_len: usize) -> Made {
        Made {
            message: message.to_owned(),
            path_len,
        }
    }

    const NOTHING_MADE: Made = Made {
        message: String::new(),
        path_len: 0,
    };

    #[test]
    fn a_step_goes_before_a_message_that_has_no_path() {
        let inner = "invalid type: string \"13\", expected i32 at line 1 column 21";
        assert_eq!(
            prefixed(Step::Name("attemptsCount"), inner, &NOTHING_MADE),
            (format!("attemptsCount: {inner}"), 13)
        );
        assert_eq!(
            prefixed(Step::Index(3), inner, &NOTHING_MADE),
            (format!("[3]: {inner}"), 3)
        );
    }

    #[test]
    fn a_step_joins_the_path_of_the_message_made_last() {
        let inner = "code: invalid type: integer `5`, expected a string at line 1 column 17";
        let (message, len) = prefixed(Step::Name("error"), inner, &made(inner, 4));
        assert_eq!(
            message,
            "error.code: invalid type: integer `5`, expected a string at line 1 column 17"
        );
        assert_eq!(&message[..len], "error.code");
        // and again, three levels
        let (message, len) = prefixed(Step::Name("a"), &message, &made(&message, len));
        assert_eq!(
            message,
            "a.error.code: invalid type: integer `5`, expected a string at line 1 column 17"
        );
        assert_eq!(len, "a.error.code".len());
        // an index joins without a dot, and a name before an index too
        let item = "status: invalid type: integer `1`, expected a string";
        let (message, len) = prefixed(Step::Index(3), item, &made(item, 6));
        assert_eq!(
            (message.as_str(), len),
            (
                "[3].status: invalid type: integer `1`, expected a string",
                10
            )
        );
        let (message, len) = prefixed(Step::Name("value"), &message, &made(&message, len));
        assert_eq!(
            message,
            "value[3].status: invalid type: integer `1`, expected a string"
        );
        assert_eq!(len, "value[3].status".len());
        let (message, _) = prefixed(Step::Index(0), &message, &made(&message, len));
        assert_eq!(
            message,
            "[0].value[3].status: invalid type: integer `1`, expected a string"
        );
    }

    #[test]
    fn the_message_made_last_with_a_position_appended_is_still_ours() {
        // our own error made before serde_json knew where it was ("duplicate property"): the
        // position is added later, after the text we made
        let made_last = made("code: duplicate property `code`", 4);
        let (message, len) = prefixed(
            Step::Name("error"),
            "code: duplicate property `code` at line 1 column 27",
            &made_last,
        );
        assert_eq!(
            message,
            "error.code: duplicate property `code` at line 1 column 27"
        );
        assert_eq!(len, 10);
    }

    #[test]
    fn text_that_only_looks_like_a_path_is_never_taken_for_one() {
        // serde's own messages have `: ` in them
        for inner in [
            "invalid type: map, expected a string at line 1 column 9",
            "invalid value: integer `2147483648`, expected i32",
            "unknown variant `x`, expected one of `a`, `b`",
            "code: looks like a path, but was not made here",
        ] {
            let (message, len) = prefixed(Step::Name("p"), inner, &NOTHING_MADE);
            assert_eq!((message, len), (format!("p: {inner}"), 1));
        }
        // a message made earlier that is not where this one starts
        let stale = made("code: invalid type: integer `5`, expected a string", 4);
        let inner = "invalid type: integer `5`, expected a string";
        assert_eq!(
            prefixed(Step::Name("code"), inner, &stale).0,
            format!("code: {inner}")
        );
        // the same path with another message after it is not ours either
        let inner = "code: invalid type: integer `6`, expected a string";
        assert_eq!(
            prefixed(Step::Name("error"), inner, &stale).0,
            format!("error: {inner}")
        );
    }

    #[test]
    fn serde_json_keeps_its_text_and_position_under_the_path() {
        let original = serde_json::from_str::<i32>("\n \"13\"").unwrap_err();
        let text = original.to_string();
        assert_eq!(
            text,
            "invalid type: string \"13\", expected i32 at line 2 column 5"
        );
        let once = located(Step::Name("c"), original);
        assert_eq!(once.to_string(), format!("c: {text}"));
        let twice = located(Step::Name("b"), once);
        let thrice = located(Step::Name("a"), twice);
        assert_eq!(thrice.to_string(), format!("a.b.c: {text}"));
        assert_eq!((thrice.line(), thrice.column()), (2, 5));
        // without a position (serde_json::Value), none is made up
        let from_value = serde_json::from_value::<i32>(Value::from("13")).unwrap_err();
        let located = located(Step::Index(7), from_value);
        assert_eq!(
            located.to_string(),
            "[7]: invalid type: string \"13\", expected i32"
        );
        assert_eq!(located.line(), 0);
    }

    fn split(path: &str, message: &str) -> Option<(String, String)> {
        split_own_path(path, message)
    }

    fn given(path: &str, rest: &str) -> Option<(String, String)> {
        Some((path.to_owned(), rest.to_owned()))
    }

    #[test]
    fn from_slice_drops_a_path_it_says_itself() {
        let rest = "invalid type: integer `1`, expected a string at line 1 column 40";
        let message = format!("status: {rest}");
        LAST_MADE.with(|last| *last.borrow_mut() = made(&message, 6));
        // the whole path, or a path with steps our impls do not see: a top-level `Vec`'s
        // index, the inside of a serde-derived struct or of a `Value`
        for path in ["status", "[3].status", "value[3].status", "status[0][0]"] {
            assert_eq!(split(path, &message), given(path, rest), "{path}");
        }
        // a path the message's path goes on from (a buffered object): the message's path
        assert_eq!(split("", &message), given("status", rest));
        // a step the path does not have: said by the message only, kept
        for path in ["value[3]", "value[3].xstatus", "stat.us", "[3]"] {
            assert_eq!(split(path, &message), None, "{path}");
        }
        // a message not made here is never cut
        assert_eq!(split("status", rest), None);
        assert_eq!(split("status", "status: made elsewhere"), None);

        let message = format!("error.code: {rest}");
        LAST_MADE.with(|last| *last.borrow_mut() = made(&message, 10));
        for path in ["error.code", "error.inner.code", "[0].error[2].code"] {
            assert_eq!(split(path, &message), given(path, rest), "{path}");
        }
        for path in ["", "error"] {
            assert_eq!(split(path, &message), given("error.code", rest), "{path}");
        }
        for path in ["code.error", "errorcode", "error.cod", "[0]"] {
            assert_eq!(split(path, &message), None, "{path}");
        }
    }

    #[test]
    fn a_path_is_split_into_names_and_indexes() {
        let split = |path| steps(path).collect::<Vec<_>>();
        assert_eq!(split("value[3].status"), ["value", "[3]", "status"]);
        assert_eq!(split("[1][22].a.b"), ["[1]", "[22]", "a", "b"]);
        assert_eq!(split(""), [""; 0]);
        assert_eq!(split("@odata.type"), ["@odata", "type"]);
        assert_eq!(split("名前[0].é"), ["名前", "[0]", "é"]);
        assert_eq!(split("[é[1]"), ["[é", "[1]"]);
    }
}
