//! How much citecard reads, so that work stays bounded on any input.
//!
//! | limit | value | beyond it |
//! | --- | ---: | --- |
//! | input size | 10 MB | the whole input is an error ([`ParseErrorKind::TooLarge`](crate::ParseErrorKind::TooLarge)) |
//! | records per input | 1,000 | the first 1,000 are read; an error record in place of the rest says so |
//! | names per list (authors, editors) | 10,000 | the first 10,000 are kept, with a warning on the record |
//! | one field value | 64 KB | the first 64 KB are kept, with a warning on the record |
//! | tagged lines in one RIS record | 20,000 | the first 20,000 are read, with a warning on the record |
//!
//! What the card draws of a record has caps of its own, beside the card.

use crate::error::Warning;

/// The largest input read, in bytes (10 MB).
pub const MAX_INPUT_BYTES: usize = 10 * 1024 * 1024;
/// The most records read from one input.
pub const MAX_RECORDS: usize = 1_000;
/// The most names kept in one list (authors, editors).
pub const MAX_NAMES: usize = 10_000;
/// The most tagged lines read from one RIS record (room for
/// [`MAX_NAMES`] authors and as many other lines).
pub const MAX_RIS_LINES: usize = 2 * MAX_NAMES;
/// The longest single field value read (64 KB, three times the abstract a
/// card shows); the rest of a longer value is dropped with a warning.
pub const MAX_FIELD_BYTES: usize = 64 * 1024;

/// `value` cut to [`MAX_FIELD_BYTES`] (at a character boundary), with a
/// warning on `field` when it was longer. Readers call this on every value,
/// so that one field can never cost more than a few tens of milliseconds.
pub(crate) fn within_field_limit<'a>(
    field: impl FnOnce() -> String,
    value: &'a str,
    warnings: &mut Vec<Warning>,
) -> &'a str {
    if value.len() <= MAX_FIELD_BYTES {
        return value;
    }
    let end = crate::error::floor_char_boundary(value, MAX_FIELD_BYTES);
    warnings.push(Warning {
        field: field(),
        message: format!(
            "{} bytes past the first {MAX_FIELD_BYTES} (64 KB) are not read",
            value.len() - end
        ),
    });
    &value[..end]
}
