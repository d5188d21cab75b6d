//! Reading records from text, whatever their format.

#[cfg(feature = "bibtex")]
pub mod bibtex;
pub mod booksci;
#[cfg(feature = "crossref")]
pub mod crossref;
pub mod csl_json;
pub(crate) mod json;
#[cfg(feature = "ris")]
pub mod ris;
#[cfg(feature = "semantic-scholar")]
pub mod semantic_scholar;
pub mod window;

use crate::detect::{detect, Format};
use crate::error::{ParseError, ParseErrorKind, Span, Warning};
use crate::model::Reference;
use crate::rich_text::HtmlTokenizer;
pub use json::{set_float_text, FloatText};
pub use window::{Slot, WindowRead};

/// Everything read from one input text.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The format the input was read as.
    pub format: Format,
    /// Every record in input order; a record that could not be read is an
    /// error in its place, so one bad entry never hides the others.
    pub records: Vec<Result<Record, ParseError>>,
}

impl Document {
    /// The references of the records that could be read, in input order
    /// (unreadable records are left out).
    pub fn references(self) -> Vec<Reference> {
        self.records
            .into_iter()
            .flatten()
            .map(|record| record.reference)
            .collect()
    }
}

/// What a format's reader returns: every record in input order, each read or
/// an error in its place; or the error that kept the input from being read
/// at all.
pub type Records = Result<Vec<Result<Record, ParseError>>, ParseError>;

/// One record read from an input, with what was repaired on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The reference.
    pub reference: Reference,
    /// Fields that were ignored or repaired.
    pub warnings: Vec<Warning>,
    /// Where the record is in the input.
    pub span: Span,
}

/// Read every record in `input` with the [`Html5gum`](crate::rich_text::Html5gum)
/// tokenizer, detecting the format unless one is given.
///
/// Fails only when nothing in the input can be read as a record of the
/// format; problems with single records are reported in
/// [`Document::records`].
///
/// ```
/// use citecard_core::{parse, Format};
/// let doc = parse("{\"title\":\"A study.\",\"authors\":\"Ada Lovelace\",\"JCR\":\"Q2\"}", None).unwrap();
/// assert_eq!(doc.format, Format::BookSci);
/// let reference = &doc.records[0].as_ref().unwrap().reference;
/// assert_eq!(reference.title.as_deref(), Some("A study"));
/// assert_eq!(reference.authors[0].family.as_deref(), Some("Lovelace"));
/// ```
#[cfg(feature = "html5gum")]
pub fn parse(input: &str, format: Option<Format>) -> Result<Document, ParseError> {
    parse_with(input, format, &crate::rich_text::Html5gum)
}

/// Read every record in `input` as [`parse`] does, reading any HTML in the
/// records (abstracts, entities) with `html`.
///
/// ```
/// use citecard_core::{parse_with, rich_text::Html5gum};
/// let doc = parse_with("{\"title\":\"A &amp; B\",\"JCR\":\"Q2\"}", None, &Html5gum).unwrap();
/// assert_eq!(doc.records[0].as_ref().unwrap().reference.title.as_deref(), Some("A & B"));
/// ```
pub fn parse_with(
    input: &str,
    format: Option<Format>,
    html: &dyn HtmlTokenizer,
) -> Result<Document, ParseError> {
    let read = parse_window(input, format, html, window::EVERY_RECORD)?;
    Ok(Document {
        format: read.format,
        records: read
            .slots
            .into_iter()
            .filter_map(Slot::into_result)
            .collect(),
    })
}

/// Read the records of `input` whose indexes (counted from 0, in input
/// order) are in `window`, as [`parse_with`] does. Every other record is
/// found and located but not converted: it is [`Slot::NotRead`] in its
/// place, so the record count and every position are those of a full read.
/// A page shows a long input a batch at a time this way, and a batch costs
/// what its own records cost.
///
/// ```
/// use citecard_core::{parse_window, rich_text::Html5gum, Slot};
/// let input = "TY  - JOUR\nTI  - One\nER  - \nTY  - JOUR\nTI  - Two\nER  - \n";
/// let read = parse_window(input, None, &Html5gum, 1..2).unwrap();
/// assert_eq!(read.slots.len(), 2);
/// assert!(matches!(read.slots[0], Slot::NotRead(span) if span.line == 1));
/// let second = &read.slots[1].read().unwrap().reference;
/// assert_eq!(second.title.as_deref(), Some("Two"));
/// ```
pub fn parse_window(
    input: &str,
    format: Option<Format>,
    html: &dyn HtmlTokenizer,
    window: std::ops::Range<usize>,
) -> Result<WindowRead, ParseError> {
    if input.len() > crate::limits::MAX_INPUT_BYTES {
        return Err(ParseError::new(
            Span::first_line(input),
            ParseErrorKind::TooLarge {
                what: format!(
                    "the input is {} bytes: citecard reads up to {} (10 MB) at a time; split it",
                    input.len(),
                    crate::limits::MAX_INPUT_BYTES
                ),
            },
        ));
    }
    if input
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(ParseError::new(
            Span::locate(input, 0, input.len()),
            ParseErrorKind::EmptyInput,
        ));
    }
    let format = match format.or_else(|| detect(input)) {
        Some(format) => format,
        None => {
            // Broken JSON is not recognisable, but its syntax error says more
            // than "unrecognised format".
            let body = input.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
            if body.starts_with(['{', '[']) {
                json::parse_document(input)?;
            }
            return Err(ParseError::new(
                Span::first_line(input),
                ParseErrorKind::UnknownFormat,
            ));
        }
    };
    let records = match format {
        Format::BookSci => booksci::read(input, html, &window)?,
        Format::CslJson => csl_json::read(input, html, &window)?,
        #[cfg(feature = "crossref")]
        Format::Crossref => crossref::read(input, html, &window)?,
        #[cfg(feature = "semantic-scholar")]
        Format::SemanticScholar => semantic_scholar::read(input, html, &window)?,
        #[cfg(feature = "ris")]
        Format::Ris => ris::read(input, html, &window)?,
        #[cfg(feature = "bibtex")]
        Format::BibTeX => bibtex::read(input, html, &window)?,
        // A build may leave readers out (the browser's first card reads
        // these with a module it loads when one is needed).
        #[allow(unreachable_patterns)]
        format => {
            return Err(ParseError::new(
                Span::locate(input, 0, input.find('\n').unwrap_or(input.len())),
                ParseErrorKind::Unsupported { format },
            ))
        }
    };
    Ok(WindowRead {
        format,
        slots: window::bound(input, records),
    })
}
