//! citecard's BibTeX module: the card loads it when a record is BibTeX and
//! gets back each entry as a CSL-JSON item, or the entry's located error, as
//! an [`Answer`] object (serde-wasm-bindgen).
#![warn(missing_docs)]

use citecard_core::export::csl_json;
use citecard_core::rich_text::CanonicalHtml;
use citecard_core::{parse_window, Format, ParseError, Slot, Span};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// The allocator: talc, smaller in the bundle than Rust's default (dlmalloc).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// What [`read`] answers: `{"records": [...]}`, or `{"error": …}` when
/// nothing at all can be read.
#[derive(Debug, Serialize, PartialEq)]
#[serde(rename_all = "lowercase")]
pub enum Answer {
    /// Every entry in input order.
    Records(Vec<Entry>),
    /// Why nothing could be read.
    Error(LocatedError),
}

/// One entry: `{"item": CSL-JSON}`, `{"error": …}`, or `{"unread": …}`
/// outside the window read.
#[derive(Debug, Serialize, PartialEq)]
#[serde(rename_all = "lowercase")]
pub enum Entry {
    /// The entry as a CSL-JSON item; abstracts are written as
    /// `RichText::to_html` HTML, which the card reads back with
    /// `CanonicalHtml`.
    Item(Value),
    /// Why the entry could not be read, and where.
    Error(LocatedError),
    /// Outside the window read: only where it is.
    Unread(Place),
}

/// Where an entry is in the input.
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

/// Read the entries of `input` whose indexes are in `window` as BibTeX:
/// each entry in order, as a CSL-JSON item with its citation key as `id`,
/// its located error, or (outside the window) where it is. A long file is
/// read a window at a time, each in a task of its own.
pub fn read_answer(input: &str, window: std::ops::Range<usize>) -> Answer {
    // BibTeX fields hold no HTML; the tokenizer only sees entity-free text.
    let read = match parse_window(input, Some(Format::BibTeX), &CanonicalHtml, window) {
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
                // `items` holds one item per read entry, in order.
                Slot::Read(_) => Entry::Item(items.next().unwrap_or_default()),
                Slot::Failed(e) => Entry::Error(e.into()),
                Slot::NotRead(span) => Entry::Unread((*span).into()),
            })
            .collect(),
    )
}

/// [`read_answer`] for JavaScript, as an object (serde-wasm-bindgen), of
/// the entries `start..end` (indexes from 0).
#[wasm_bindgen]
pub fn read(input: &str, start: u32, end: u32) -> Result<JsValue, JsError> {
    read_answer(input, start as usize..end as usize)
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_become_items_and_bad_entries_located_errors() {
        let input = "@article{knuth84,\n  author = {Donald E. Knuth},\n  title = {Literate Programming},\n  journal = {The Computer Journal},\n  year = {1984}\n}\n@article{bad,\n  title = {Unclosed\n";
        let Answer::Records(records) = read_answer(input, 0..usize::MAX) else {
            panic!("records");
        };
        assert_eq!(records.len(), 2);
        let Entry::Item(item) = &records[0] else {
            panic!("{:?}", records[0]);
        };
        assert_eq!(item["title"], "Literate Programming");
        assert_eq!(item["id"], "knuth84");
        assert_eq!(item["author"][0]["family"], "Knuth");
        // The second entry starts on line 7; its brace is never closed.
        let Entry::Error(error) = &records[1] else {
            panic!("{:?}", records[1]);
        };
        assert!(error.line >= 7);
        assert!(error.message.len() > 5);
    }

    #[test]
    fn a_window_reads_its_entries_and_locates_the_rest() {
        let input = "@book{a, title = {A}}\n@book{b, title = {B}}\n@book{c, title = {C}}\n";
        let Answer::Records(records) = read_answer(input, 1..2) else {
            panic!("records");
        };
        let Entry::Item(item) = &records[1] else {
            panic!("{:?}", records[1]);
        };
        assert_eq!(item["title"], "B");
        assert!(
            matches!(&records[0], Entry::Unread(place) if (place.line, place.column, place.start) == (1, 1, 0))
        );
        assert!(matches!(&records[2], Entry::Unread(place) if place.line == 3));
    }

    #[test]
    fn nothing_readable_is_one_error() {
        let Answer::Error(error) = read_answer("   ", 0..usize::MAX) else {
            panic!("an error");
        };
        assert!(!error.message.is_empty());
    }
}
