//! Reading part of an input: every record is found and located, and only
//! those in a window of indexes are converted. A page shows a long input a
//! batch at a time this way, and a batch costs what its own records cost.

use std::ops::Range;

use crate::detect::Format;
use crate::error::{ParseError, ParseErrorKind, Span, Warning};
use crate::input::{Record, Records};
use crate::limits::{MAX_NAMES, MAX_RECORDS};

/// One record's place in an input read through a window.
// Most slots hold a record, so boxing it would cost an allocation per record
// to save space only on the few that failed or wait to be read (the same
// trade-off as `Result<Record, ParseError>`).
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Slot {
    /// The record, read.
    Read(Record),
    /// The record could not be read: why, and where.
    Failed(ParseError),
    /// The record is outside the window: where it is, not yet read.
    NotRead(Span),
}

impl Slot {
    /// Where the record is in the input.
    pub fn span(&self) -> Span {
        match self {
            Slot::Read(record) => record.span,
            Slot::Failed(error) => error.span,
            Slot::NotRead(span) => *span,
        }
    }

    /// The record, if it was read.
    pub fn read(&self) -> Option<&Record> {
        match self {
            Slot::Read(record) => Some(record),
            _ => None,
        }
    }

    /// The record or its error; `None` for a record not read yet.
    pub fn into_result(self) -> Option<Result<Record, ParseError>> {
        match self {
            Slot::Read(record) => Some(Ok(record)),
            Slot::Failed(error) => Some(Err(error)),
            Slot::NotRead(_) => None,
        }
    }
}

impl From<Result<Record, ParseError>> for Slot {
    fn from(result: Result<Record, ParseError>) -> Self {
        match result {
            Ok(record) => Slot::Read(record),
            Err(error) => Slot::Failed(error),
        }
    }
}

/// An input read through a window (see [`crate::parse_window`]).
#[derive(Debug, Clone, PartialEq)]
pub struct WindowRead {
    /// The format the input was read as.
    pub format: Format,
    /// Every record of the input in order: read or failed inside the window,
    /// not read outside it.
    pub slots: Vec<Slot>,
}

/// What a reader returns for a window: a slot per record, or the error that
/// kept the input from being read at all.
pub(crate) type Slots = Result<Vec<Slot>, ParseError>;

/// The window that reads every record.
pub(crate) const EVERY_RECORD: Range<usize> = 0..usize::MAX;

/// The slots of a read through [`EVERY_RECORD`] as records, which holds no
/// [`Slot::NotRead`].
pub(crate) fn all_read(slots: Slots) -> Records {
    slots.map(|slots| slots.into_iter().filter_map(Slot::into_result).collect())
}

/// The record at `index` (how many records came before it) in `span`, read
/// with `read` when it is in `window`. Past the first [`MAX_RECORDS`] it is
/// not read, only noted where it is, and [`bound`] turns the
/// first of these into one error saying how many there are; readers call
/// this so that work stays bounded however many records an input holds.
pub(crate) fn read_within(
    index: usize,
    span: Span,
    window: &Range<usize>,
    read: impl FnOnce(Span) -> Result<Record, ParseError>,
) -> Slot {
    if index >= MAX_RECORDS {
        return Slot::Failed(ParseError::new(
            span,
            ParseErrorKind::TooLarge {
                what: String::new(),
            },
        ));
    }
    if !window.contains(&index) {
        return Slot::NotRead(span);
    }
    read(span).into()
}

/// Apply the record and name limits to what a reader returned.
pub(crate) fn bound(input: &str, mut records: Vec<Slot>) -> Vec<Slot> {
    if records.len() > MAX_RECORDS {
        let rest = records.len() - MAX_RECORDS;
        let span = records[MAX_RECORDS].span();
        records.truncate(MAX_RECORDS);
        records.push(Slot::Failed(ParseError::new(
            Span::locate(input, span.start, span.end),
            ParseErrorKind::TooLarge {
                what: format!(
                    "more than {MAX_RECORDS} records: the {rest} from here on are not read; split the input"
                ),
            },
        )));
    }
    for record in records.iter_mut().filter_map(|slot| match slot {
        Slot::Read(record) => Some(record),
        _ => None,
    }) {
        for (field, names) in [
            ("author", &mut record.reference.authors),
            ("editor", &mut record.reference.editors),
        ] {
            if names.len() > MAX_NAMES {
                let dropped = names.len() - MAX_NAMES;
                names.truncate(MAX_NAMES);
                record.warnings.push(Warning {
                    field: field.to_owned(),
                    message: format!("{dropped} names past the first {MAX_NAMES} are not kept"),
                });
            }
        }
    }
    records
}
