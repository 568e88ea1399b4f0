//! The slice of Graph's model this server knows: `teamsAsyncOperation`, `operationError`, their
//! enums (evolvable, with version-specific members) and the `Edm.DateTimeOffset` literal syntax.

/// Qualified name of the entity type served at `.../operations`.
pub(crate) const ENTITY_TYPE: &str = "microsoft.graph.teamsAsyncOperation";
/// Qualified name of the complex type of the `error` property.
pub(crate) const ERROR_TYPE: &str = "microsoft.graph.operationError";
/// The sentinel member of every evolvable enum.
pub(crate) const SENTINEL: &str = "unknownFutureValue";

/// The API version named by the first path segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ApiVersion {
    Beta,
    V1,
}

impl ApiVersion {
    pub(crate) fn parse(segment: &str) -> Option<ApiVersion> {
        match segment {
            "beta" => Some(ApiVersion::Beta),
            "v1.0" => Some(ApiVersion::V1),
            _ => None,
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            ApiVersion::Beta => "beta",
            ApiVersion::V1 => "v1.0",
        }
    }
}

/// An evolvable enum type.
#[derive(Debug)]
pub(crate) struct EnumType {
    pub(crate) name: &'static str,
    /// Members before the sentinel.
    known: &'static [&'static str],
    /// Members after the sentinel in beta.
    evolved_beta: &'static [&'static str],
    /// Members after the sentinel in v1.0.
    evolved_v1: &'static [&'static str],
}

/// Where a member name stands in an evolvable enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Member {
    /// Declared before `unknownFutureValue`.
    Known,
    /// `unknownFutureValue` itself.
    Sentinel,
    /// Declared after `unknownFutureValue` (needs `Prefer: include-unknown-enum-members`).
    Evolved,
    /// Not a member of this enum in this version.
    Undeclared,
}

impl EnumType {
    pub(crate) fn classify(&self, version: ApiVersion, name: &str) -> Member {
        let evolved = match version {
            ApiVersion::Beta => self.evolved_beta,
            ApiVersion::V1 => self.evolved_v1,
        };
        if self.known.contains(&name) {
            Member::Known
        } else if name == SENTINEL {
            Member::Sentinel
        } else if evolved.contains(&name) {
            Member::Evolved
        } else {
            Member::Undeclared
        }
    }

    /// The name a response shows for a stored member: post-sentinel members (of any version) become
    /// `unknownFutureValue` unless the client opted in and the member exists in this version.
    pub(crate) fn shown<'a>(&self, version: ApiVersion, name: &'a str, opted_in: bool) -> &'a str {
        let evolved_somewhere =
            self.evolved_beta.contains(&name) || self.evolved_v1.contains(&name);
        if !evolved_somewhere {
            return name;
        }
        if opted_in && self.classify(version, name) == Member::Evolved {
            name
        } else {
            SENTINEL
        }
    }
}

/// `microsoft.graph.teamsAsyncOperationType` (numeric values differ between versions; names do not).
pub(crate) static OPERATION_TYPE: EnumType = EnumType {
    name: "microsoft.graph.teamsAsyncOperationType",
    known: &[
        "invalid",
        "cloneTeam",
        "archiveTeam",
        "unarchiveTeam",
        "createTeam",
    ],
    evolved_beta: &[
        "teamifyGroup",
        "createChannel",
        "createChat",
        "archiveChannel",
        "unarchiveChannel",
    ],
    evolved_v1: &[
        "teamifyGroup",
        "createChannel",
        "archiveChannel",
        "unarchiveChannel",
    ],
};

/// `microsoft.graph.teamsAsyncOperationStatus`.
pub(crate) static OPERATION_STATUS: EnumType = EnumType {
    name: "microsoft.graph.teamsAsyncOperationStatus",
    known: &["invalid", "notStarted", "inProgress", "succeeded", "failed"],
    evolved_beta: &[],
    evolved_v1: &[],
};

/// The EDM type of a declared property.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    String,
    Int32,
    DateTimeOffset,
    Enum(&'static EnumType),
    OperationError,
}

impl Kind {
    pub(crate) fn edm_name(self) -> &'static str {
        match self {
            Kind::String => "Edm.String",
            Kind::Int32 => "Edm.Int32",
            Kind::DateTimeOffset => "Edm.DateTimeOffset",
            Kind::Enum(e) => e.name,
            Kind::OperationError => ERROR_TYPE,
        }
    }
}

/// A declared (structural) property of `teamsAsyncOperation`.
#[derive(Debug)]
pub(crate) struct Property {
    pub(crate) name: &'static str,
    pub(crate) kind: Kind,
    pub(crate) nullable: bool,
    pub(crate) read_only: bool,
}

/// Declared properties, in the order a representation lists them.
pub(crate) static PROPERTIES: [Property; 9] = [
    Property {
        name: "id",
        kind: Kind::String,
        nullable: false,
        read_only: true,
    },
    Property {
        name: "operationType",
        kind: Kind::Enum(&OPERATION_TYPE),
        nullable: false,
        read_only: false,
    },
    Property {
        name: "createdDateTime",
        kind: Kind::DateTimeOffset,
        nullable: false,
        read_only: true,
    },
    Property {
        name: "status",
        kind: Kind::Enum(&OPERATION_STATUS),
        nullable: false,
        read_only: false,
    },
    Property {
        name: "lastActionDateTime",
        kind: Kind::DateTimeOffset,
        nullable: false,
        read_only: false,
    },
    Property {
        name: "attemptsCount",
        kind: Kind::Int32,
        nullable: false,
        read_only: false,
    },
    Property {
        name: "targetResourceId",
        kind: Kind::String,
        nullable: true,
        read_only: false,
    },
    Property {
        name: "targetResourceLocation",
        kind: Kind::String,
        nullable: true,
        read_only: false,
    },
    Property {
        name: "error",
        kind: Kind::OperationError,
        nullable: true,
        read_only: false,
    },
];

/// The declared property of that name, if any (names are case-sensitive).
pub(crate) fn property(name: &str) -> Option<&'static Property> {
    PROPERTIES.iter().find(|p| p.name == name)
}

/// Declared properties of `operationError` (both `Edm.String`, nullable).
pub(crate) const ERROR_PROPERTIES: [&str; 2] = ["code", "message"];

/// Why a string is not an `Edm.DateTimeOffset` literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateError {
    Syntax,
    MissingOffset,
}

/// Checks the OData `dateTimeOffsetValue` syntax:
/// `[-]YYYY-MM-DDThh:mm[:ss[.f{1,12}]](Z|±hh:mm)`, with calendar-valid fields.
pub(crate) fn check_date_time_offset(text: &str) -> Result<(), DateError> {
    let mut cur = Cursor(text.as_bytes());
    cur.eat(b'-');
    let year_digits = cur.digits_run();
    if year_digits.len() < 4 || (year_digits.len() > 4 && year_digits[0] == b'0') {
        return Err(DateError::Syntax);
    }
    let year = to_number(year_digits);
    let month = cur.dash_then(2)?;
    let day = cur.dash_then(2)?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return Err(DateError::Syntax);
    }
    if !cur.eat(b'T') {
        return Err(DateError::Syntax);
    }
    let hour = cur.fixed(2)?;
    if !cur.eat(b':') {
        return Err(DateError::Syntax);
    }
    let minute = cur.fixed(2)?;
    if hour > 23 || minute > 59 {
        return Err(DateError::Syntax);
    }
    if cur.eat(b':') {
        if cur.fixed(2)? > 59 {
            return Err(DateError::Syntax);
        }
        if cur.eat(b'.') {
            let fraction = cur.digits_run();
            if fraction.is_empty() || fraction.len() > 12 {
                return Err(DateError::Syntax);
            }
        }
    }
    match cur.next() {
        None => Err(DateError::MissingOffset),
        Some(b'Z') => cur.end(),
        Some(b'+' | b'-') => {
            let offset_hours = cur.fixed(2)?;
            if !cur.eat(b':') {
                return Err(DateError::Syntax);
            }
            let offset_minutes = cur.fixed(2)?;
            if offset_hours > 14
                || offset_minutes > 59
                || (offset_hours == 14 && offset_minutes > 0)
            {
                return Err(DateError::Syntax);
            }
            cur.end()
        }
        Some(_) => Err(DateError::Syntax),
    }
}

fn to_number(digits: &[u8]) -> u64 {
    digits.iter().fold(0u64, |acc, d| {
        acc.saturating_mul(10).saturating_add(u64::from(d - b'0'))
    })
}

fn days_in_month(year: u64, month: u64) -> u64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

struct Cursor<'a>(&'a [u8]);

impl<'a> Cursor<'a> {
    fn next(&mut self) -> Option<u8> {
        let (first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(*first)
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.0.first() == Some(&byte) {
            self.0 = &self.0[1..];
            true
        } else {
            false
        }
    }

    fn digits_run(&mut self) -> &'a [u8] {
        let len = self.0.iter().take_while(|b| b.is_ascii_digit()).count();
        let (digits, rest) = self.0.split_at(len);
        self.0 = rest;
        digits
    }

    fn fixed(&mut self, len: usize) -> Result<u64, DateError> {
        let digits = self.digits_run();
        if digits.len() == len {
            Ok(to_number(digits))
        } else {
            Err(DateError::Syntax)
        }
    }

    fn dash_then(&mut self, len: usize) -> Result<u64, DateError> {
        if self.eat(b'-') {
            self.fixed(len)
        } else {
            Err(DateError::Syntax)
        }
    }

    fn end(&self) -> Result<(), DateError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(DateError::Syntax)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_time_offset_syntax() {
        for ok in [
            "2016-12-31T23:57:34.9044303+03:00",
            "2021-05-27T21:23:41.9085453Z",
            "1969-07-20T20:17Z",
            "2024-02-29T00:00:00-05:00",
            "2024-01-01T00:00:00.123456789012Z",
            "-0752-01-01T00:00:00Z",
            "12024-01-01T00:00:00+14:00",
        ] {
            assert_eq!(check_date_time_offset(ok), Ok(()), "{ok}");
        }
        for bad in [
            "2023-02-29T00:00:00Z",
            "2024-13-01T00:00:00Z",
            "2024-01-01 00:00:00Z",
            "2024-01-01T24:00:00Z",
            "2024-01-01T00:00:00.Z",
            "2024-01-01T00:00:00.1234567890123Z",
            "2024-01-01T00:00:00+0100",
            "2024-01-01T00:00:00z",
            "2024-01-01T00:00:00Zjunk",
            "2024-01-01",
            "",
        ] {
            assert_eq!(check_date_time_offset(bad), Err(DateError::Syntax), "{bad}");
        }
        assert_eq!(
            check_date_time_offset("2017-04-24T22:40:44.5665917"),
            Err(DateError::MissingOffset)
        );
    }

    #[test]
    fn evolvable_members() {
        use ApiVersion::*;
        assert_eq!(OPERATION_TYPE.classify(Beta, "createTeam"), Member::Known);
        assert_eq!(OPERATION_TYPE.classify(Beta, SENTINEL), Member::Sentinel);
        assert_eq!(OPERATION_TYPE.classify(Beta, "createChat"), Member::Evolved);
        assert_eq!(
            OPERATION_TYPE.classify(V1, "createChat"),
            Member::Undeclared
        );
        assert_eq!(
            OPERATION_TYPE.classify(V1, "CreateTeam"),
            Member::Undeclared
        );
        assert_eq!(OPERATION_TYPE.shown(Beta, "createChat", false), SENTINEL);
        assert_eq!(OPERATION_TYPE.shown(Beta, "createChat", true), "createChat");
        assert_eq!(OPERATION_TYPE.shown(V1, "createChat", true), SENTINEL);
        assert_eq!(OPERATION_TYPE.shown(V1, "String", false), "String");
    }
}
