//! Records handed over as CSL-JSON items, with located errors.
//!
//! In the browser, the readers the first card rarely needs (BibTeX, RIS,
//! Crossref, Semantic Scholar) live in wasm modules that the card loads when
//! such a record appears. A module reads a window of records into an
//! [`Answer`] and hands it over (serialised with serde-wasm-bindgen); the
//! card reads each item back with its own CSL-JSON reader. The CSL-JSON
//! writer keeps everything the model holds (what CSL has no variable for
//! under `custom`), so nothing is lost on the way: `tests/handover.rs`
//! holds every reader fixture to that.

use serde::Serialize;
use serde_json::Value;

use crate::detect::Format;
use crate::error::{ParseError, Span};
use crate::export::csl_json;
use crate::input::{parse_window, Slot};
use crate::rich_text::HtmlTokenizer;

/// A window read: `{"records": [...]}`, or `{"error": …}` when nothing at
/// all can be read.
#[derive(Debug, Serialize, PartialEq)]
#[serde(rename_all = "lowercase")]
pub enum Answer {
    /// Every record in input order.
    Records(Vec<Entry>),
    /// Why nothing could be read.
    Error(LocatedError),
}

/// One record: `{"item": CSL-JSON}`, `{"error": …}`, or `{"unread": …}`
/// outside the window read.
#[derive(Debug, Serialize, PartialEq)]
#[serde(rename_all = "lowercase")]
pub enum Entry {
    /// The record as a CSL-JSON item, its citation key as `id`; abstracts
    /// are written as `RichText::to_html` HTML, which the card reads back
    /// with `CanonicalHtml`.
    Item(Value),
    /// Why the record could not be read, and where.
    Error(LocatedError),
    /// Outside the window read: only where it is.
    Unread(Place),
}

/// Where a record is in the input.
#[derive(Debug, Serialize, PartialEq)]
pub struct Place {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters.
    pub column: usize,
    /// The byte offset where it starts.
    pub start: usize,
    /// The byte offset where it ends.
    pub end: usize,
}

impl From<Span> for Place {
    fn from(span: Span) -> Self {
        Place {
            line: span.line,
            column: span.column,
            start: span.start,
            end: span.end,
        }
    }
}

/// A parse error with its place in the input.
#[derive(Debug, Serialize, PartialEq)]
pub struct LocatedError {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters.
    pub column: usize,
    /// The byte offset where the error starts.
    pub start: usize,
    /// The byte offset where it ends.
    pub end: usize,
    /// What went wrong.
    pub message: String,
}

impl From<&ParseError> for LocatedError {
    fn from(error: &ParseError) -> Self {
        LocatedError {
            line: error.span.line,
            column: error.span.column,
            start: error.span.start,
            end: error.span.end,
            message: error.kind.to_string(),
        }
    }
}

/// Read the records of `input` (as `format`, or detected) whose indexes are
/// in `window`, as [`parse_window`] does, and answer each in order: as a
/// CSL-JSON item, its located error, or (outside the window) where it is.
///
/// ```
/// use citecard_core::handover::{read, Answer, Entry};
/// use citecard_core::rich_text::CanonicalHtml;
/// let input = "TY  - JOUR\nTI  - One\nER  - \nTY  - JOUR\nTI  - Two\nER  - \n";
/// let Answer::Records(records) = read(input, None, &CanonicalHtml, 1..2) else { panic!() };
/// assert!(matches!(&records[0], Entry::Unread(place) if place.line == 1));
/// assert!(matches!(&records[1], Entry::Item(item) if item["title"] == "Two"));
/// ```
pub fn read(
    input: &str,
    format: Option<Format>,
    html: &dyn HtmlTokenizer,
    window: std::ops::Range<usize>,
) -> Answer {
    let read = match parse_window(input, format, html, window) {
        Ok(read) => read,
        Err(e) => return Answer::Error((&e).into()),
    };
    let references: Vec<_> = read
        .slots
        .iter()
        .filter_map(|slot| slot.read().map(|r| r.reference.clone()))
        .collect();
    let mut items = csl_json::items(&references).into_iter();
    Answer::Records(
        read.slots
            .iter()
            .map(|slot| match slot {
                // `items` holds one item per read record, in order.
                Slot::Read(_) => Entry::Item(items.next().unwrap_or_default()),
                Slot::Failed(e) => Entry::Error(e.into()),
                Slot::NotRead(span) => Entry::Unread((*span).into()),
            })
            .collect(),
    )
}
