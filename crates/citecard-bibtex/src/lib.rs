//! citecard's BibTeX module: the card loads it when a record is BibTeX and
//! gets back each entry as a CSL-JSON item, or the entry's located error, as
//! a `handover::Answer` object (serde-wasm-bindgen).
#![warn(missing_docs)]

use citecard_core::handover::{self, Answer};
use citecard_core::rich_text::CanonicalHtml;
use citecard_core::Format;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The allocator: talc, smaller in the bundle than Rust's default (dlmalloc).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Read the entries of `input` whose indexes are in `window` as BibTeX:
/// each entry in order, as a CSL-JSON item with its citation key as `id`,
/// its located error, or (outside the window) where it is. A long file is
/// read a window at a time, each in a task of its own.
pub fn read_answer(input: &str, window: std::ops::Range<usize>) -> Answer {
    // BibTeX fields hold no HTML; the tokenizer only sees entity-free text.
    handover::read(input, Some(Format::BibTeX), &CanonicalHtml, window)
}

/// [`read_answer`] for JavaScript, as an object (serde-wasm-bindgen), of
/// the entries `start..end` (indexes from 0). `format` is `bibtex`, as the
/// card asks every reader module (`citecard-readers` reads three formats).
#[wasm_bindgen]
pub fn read(input: &str, format: &str, start: u32, end: u32) -> Result<JsValue, JsError> {
    if format != Format::BibTeX.id() {
        return Err(JsError::new(&format!(
            "the BibTeX module does not read `{format}`"
        )));
    }
    read_answer(input, start as usize..end as usize)
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use citecard_core::handover::Entry;

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
