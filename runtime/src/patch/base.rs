//! [`PatchBase`]: what every generated builder holds besides its properties.

use http::header::IF_MATCH;

use crate::error::Error;

use super::body::PatchBody;
use super::headers::set_header;

/// What every generated builder holds besides its properties: the path (or why it could not be
/// built) and the headers added so far. Generated code calls it; users call the builder.
#[doc(hidden)]
#[derive(Debug)]
pub struct PatchBase {
    /// The path, or why it could not be built (boxed: the rare case should not make every
    /// builder bigger).
    path: Result<Vec<u8>, Box<Error>>,
    headers: Vec<(String, String)>,
}

impl PatchBase {
    /// Starts a builder for a path built by [`super::path::request_path`].
    #[inline]
    pub fn new(path: Result<Vec<u8>, Error>) -> Self {
        PatchBase {
            path: path.map_err(Box::new),
            headers: Vec::new(),
        }
    }

    /// Sets a header, replacing what an earlier call set for the same name (names compare
    /// case-insensitively), except `Prefer`, a list: each call adds one more preference.
    /// Checked in [`PatchBody::finish`].
    pub fn header(&mut self, name: &str, value: &str) {
        set_header(&mut self.headers, name, value);
    }

    /// Sets `If-Match` (an ETag from a previous response, or `*`), replacing an earlier one.
    pub fn if_match(&mut self, etag: &str) {
        self.header(IF_MATCH.as_str(), etag);
    }

    /// Starts the body, in the path's own buffer (when the path could be built; otherwise the
    /// body is written for nothing and [`PatchBody::finish`] returns the path's
    /// error). The body carries the headers on.
    #[inline]
    pub fn body(self, type_member: &'static [u8], capacity: usize) -> PatchBody {
        let (path, error) = match self.path {
            Ok(path) => (path, None),
            Err(error) => (Vec::new(), Some(error)),
        };
        PatchBody::after(path, type_member, capacity, self.headers, error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patch::request::PatchRequest;

    #[test]
    fn a_header_set_twice_is_sent_once_with_the_last_value_but_preferences_add_up() {
        let mut base = PatchBase::new(Ok(b"/a".to_vec()));
        base.if_match("W/\"1\"");
        base.header("x-custom", "a");
        base.header("If-Match", "W/\"2\"");
        base.header("X-Custom", "b");
        base.header("Prefer", "return=minimal");
        base.header("prefer", "odata.maxpagesize=5");
        base.if_match("W/\"3\"");
        let request: PatchRequest<()> = base.body(b"", 0).finish().unwrap();
        let headers = request.headers();
        let all = |name: &str| -> Vec<_> { headers.get_all(name).iter().collect() };
        assert_eq!(all("if-match"), ["W/\"3\""]);
        assert_eq!(all("x-custom"), ["b"]);
        assert_eq!(all("prefer"), ["return=minimal", "odata.maxpagesize=5"]);
    }
}
