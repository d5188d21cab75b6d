//! How much citecard reads, so that work stays bounded on any input.
//!
//! | limit | value | beyond it |
//! | --- | ---: | --- |
//! | input size | 10 MB | the whole input is an error ([`ParseErrorKind::TooLarge`]) |
//! | records per input | 1,000 | the first 1,000 are read; an error record in place of the rest says so |
//! | names per list (authors, editors) | 10,000 | the first 10,000 are kept, with a warning on the record |
//!
//! The card also caps what it draws: authors (3, then "+ N more", at most
//! [`MAX_NAMES_SHOWN`] when expanded), the abstract (about
//! [`MAX_ABSTRACT_CHARS`] characters) and cards (a "Show more" button after
//! each batch).

use crate::error::{ParseError, ParseErrorKind, Span, Warning};
use crate::input::Record;

/// The largest input read, in bytes (10 MB).
pub const MAX_INPUT_BYTES: usize = 10 * 1024 * 1024;
/// The most records read from one input.
pub const MAX_RECORDS: usize = 1_000;
/// The most names kept in one list (authors, editors).
pub const MAX_NAMES: usize = 10_000;
/// The most names a card lists when its author list is expanded.
pub const MAX_NAMES_SHOWN: usize = 100;
/// About how many characters of an abstract a card shows.
pub const MAX_ABSTRACT_CHARS: usize = 20_000;

/// The record at `index` (how many records came before it) in `span`, read
/// with `read`; past the first [`MAX_RECORDS`] it is not read, only noted
/// where it is, and [`bound`] turns the first of these into one error saying
/// how many there are. Readers call this so that work stays bounded however
/// many records an input holds.
pub(crate) fn read_within(
    index: usize,
    span: Span,
    read: impl FnOnce(Span) -> Result<Record, ParseError>,
) -> Result<Record, ParseError> {
    if index >= MAX_RECORDS {
        return Err(ParseError::new(
            span,
            ParseErrorKind::TooLarge {
                what: String::new(),
            },
        ));
    }
    read(span)
}

/// Apply the record and name limits to what a reader returned.
pub(crate) fn bound(
    input: &str,
    mut records: Vec<Result<Record, ParseError>>,
) -> Vec<Result<Record, ParseError>> {
    if records.len() > MAX_RECORDS {
        let rest = records.len() - MAX_RECORDS;
        let span = match &records[MAX_RECORDS] {
            Ok(record) => record.span,
            Err(error) => error.span,
        };
        records.truncate(MAX_RECORDS);
        records.push(Err(ParseError::new(
            Span::locate(input, span.start, span.end),
            ParseErrorKind::TooLarge {
                what: format!(
                    "more than {MAX_RECORDS} records: the {rest} from here on are not read; split the input"
                ),
            },
        )));
    }
    for record in records.iter_mut().flatten() {
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
