//! The body of a PATCH request being written, after the request's path in the same buffer:
//! `@odata.type` first, then each set property in declaration order.

use crate::error::Error;
use crate::write::ODataValue;

use super::headers::checked_headers;
use super::request::PatchRequest;
use super::setter::Slot;

/// The body of a PATCH request being written: `@odata.type` first, then each set property in
/// declaration order. Tracks whether any value needs `Prefer: include-unknown-enum-members`.
///
/// It is written after the request's path, in the path's own buffer, so that a request is one
/// allocation for both; it carries the builder's headers (and the path's error, if the path
/// could not be built) to [`PatchBody::finish`].
#[doc(hidden)]
#[derive(Debug)]
pub struct PatchBody {
    out: Vec<u8>,
    /// Where the body starts in `out` (after the path).
    start: usize,
    needs_unknown_members: bool,
    /// The headers the builder added, unchecked.
    headers: Vec<(String, String)>,
    /// Why the path could not be built: then the body is written for nothing.
    error: Option<Box<Error>>,
}

impl PatchBody {
    /// Starts the object after `prefix` (the request's path; see `PatchBase::body`), in the same
    /// buffer with room for `capacity` more bytes; `type_member` is the pre-escaped
    /// `"@odata.type":"#ns.Name"`, or empty for a type that opted out of it.
    #[inline]
    pub(crate) fn after(
        mut prefix: Vec<u8>,
        type_member: &'static [u8],
        capacity: usize,
        headers: Vec<(String, String)>,
        error: Option<Box<Error>>,
    ) -> Self {
        let start = prefix.len();
        prefix.reserve(capacity);
        prefix.push(b'{');
        prefix.extend_from_slice(type_member);
        PatchBody {
            out: prefix,
            start,
            needs_unknown_members: false,
            headers,
            error,
        }
    }

    /// Writes one property unless it is absent; `key` is the pre-escaped `,"name":`.
    #[inline]
    pub fn property<T: ODataValue>(&mut self, key: &'static [u8], value: &Slot<T>) {
        self.needs_unknown_members |= value.write_member(&mut self.out, key);
    }

    /// Closes the object and makes the request: the path's error, or [`Error::InvalidHeader`]
    /// for the first bad header.
    ///
    /// # Errors
    /// As above.
    #[inline]
    pub fn finish<T>(self) -> Result<PatchRequest<T>, Error> {
        let PatchBody {
            mut out,
            start,
            needs_unknown_members,
            headers,
            error,
        } = self;
        if let Some(error) = error {
            return Err(*error);
        }
        out.push(b'}');
        let added = checked_headers(headers, needs_unknown_members)?;
        Ok(PatchRequest::new(out, start, added))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(prefix: &[u8], type_member: &'static [u8]) -> PatchBody {
        PatchBody::after(prefix.to_vec(), type_member, 16, Vec::new(), None)
    }

    /// The body alone, and whether the request got the `Prefer` header.
    fn finished(body: PatchBody) -> (Vec<u8>, bool) {
        let request: PatchRequest<()> = body.finish().unwrap();
        let prefer = request.headers().contains_key("prefer");
        (request.body().to_vec(), prefer)
    }

    /// The path part and the body part of the buffer.
    fn parts(body: PatchBody) -> (String, Vec<u8>) {
        let request: PatchRequest<()> = body.finish().unwrap();
        (request.path().to_owned(), request.body().to_vec())
    }

    #[test]
    fn absent_is_left_out_null_is_written_and_commas_are_right() {
        let mut body = start(b"", b"");
        body.property::<i32>(b",\"a\":", &Slot::Absent);
        body.property::<i32>(b",\"b\":", &Slot::Null);
        body.property(b",\"c\":", &Slot::Value("x".to_owned()));
        assert_eq!(finished(body), (br#"{"b":null,"c":"x"}"#.to_vec(), false));

        let mut typed = start(b"", br##""@odata.type":"#n.T""##);
        typed.property(b",\"c\":", &Slot::Value(1));
        assert_eq!(
            finished(typed).0,
            br##"{"@odata.type":"#n.T","c":1}"##.to_vec()
        );
        assert_eq!(finished(start(b"", b"")).0, b"{}".to_vec());
    }

    #[test]
    fn written_after_a_prefix_in_the_same_buffer() {
        // the prefix ends in `{`, which must not be taken for the body's own opening brace
        let mut body = start(b"/a/{", b"");
        body.property(b",\"c\":", &Slot::Value(1));
        body.property(b",\"d\":", &Slot::Value(2));
        assert_eq!(
            parts(body),
            ("/a/{".to_owned(), br#"{"c":1,"d":2}"#.to_vec())
        );
        // a prefix ending in `{` and an empty body, with the type member
        let mut body = start(b"{", b"\"t\":1");
        body.property(b",\"c\":", &Slot::Value(1));
        assert_eq!(parts(body).1, br#"{"t":1,"c":1}"#.to_vec());
    }
}
