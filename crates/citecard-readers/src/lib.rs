//! citecard's reader module: the card loads it when a record is RIS,
//! Crossref or Semantic Scholar, and gets back each record as a CSL-JSON
//! item, or the record's located error, as a `handover::Answer` object
//! (serde-wasm-bindgen). The first card reads BookSci and CSL-JSON itself,
//! but carries no CSL-JSON writer: the JS API's `parse` reads those two
//! formats here too. BibTeX has a module of its own (`citecard-bibtex`),
//! because the `biblatex` crate is large.
#![warn(missing_docs)]

use citecard_core::handover::{self, Answer};
use citecard_core::Format;
use serde::Serialize;
use wasm_bindgen::prelude::*;

// The card's own HTML tokenizer (the browser's `DOMParser` in wasm,
// html5gum natively), so that an abstract reads the same whichever bundle
// reads it. Included, not depended on: the widget crate brings Yew.
#[path = "../../../src/html.rs"]
mod html;

/// The allocator: talc, smaller in the bundle than Rust's default (dlmalloc).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The formats this module reads: the card's three, and the first card's
/// own two for the JS API's `parse`.
pub const FORMATS: [Format; 5] = [
    Format::Ris,
    Format::Crossref,
    Format::SemanticScholar,
    Format::BookSci,
    Format::CslJson,
];

/// Read the records of `input` whose indexes are in `window` as `format`
/// (one of [`FORMATS`]; `None`: as detected, which for an input of no known
/// format is the error that says where it looked): each in order, as a
/// CSL-JSON item with its citation key as `id`, its located error, or
/// (outside the window) where it is.
pub fn read_answer(input: &str, format: Option<Format>, window: std::ops::Range<usize>) -> Answer {
    handover::read(input, format, html::tokenizer(), window)
}

/// [`read_answer`] for JavaScript, as an object (serde-wasm-bindgen): the
/// records `start..end` (indexes from 0) of `input` read as the format
/// whose id is `format` (`ris`, `crossref`, `semantic-scholar`, `booksci`,
/// `csl-json`), or as detected when `format` is empty.
#[wasm_bindgen]
pub fn read(input: &str, format: &str, start: u32, end: u32) -> Result<JsValue, JsError> {
    let format = match format {
        "" => None,
        id => Some(
            FORMATS
                .into_iter()
                .find(|f| f.id() == id)
                .ok_or_else(|| JsError::new(&format!("the reader module does not read `{id}`")))?,
        ),
    };
    read_answer(input, format, start as usize..end as usize)
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use citecard_core::handover::Entry;

    #[test]
    fn each_format_is_read_into_items_and_bad_records_into_located_errors() {
        let ris =
            "TY  - JOUR\nTI  - Literate programming\nAU  - Knuth, Donald E.\nPY  - 1984\nER  - \n";
        let Answer::Records(records) = read_answer(ris, Some(Format::Ris), 0..usize::MAX) else {
            panic!("records");
        };
        assert!(
            matches!(&records[0], Entry::Item(item) if item["title"] == "Literate programming" && item["author"][0]["family"] == "Knuth")
        );
        let crossref = r#"{"status":"ok","message-type":"work","message":{"DOI":"10.1000/x","type":"journal-article","title":["A <i>study</i>"],"abstract":"<jats:p>One.</jats:p><jats:p>Two.</jats:p>"}}"#;
        let Answer::Records(records) = read_answer(crossref, Some(Format::Crossref), 0..usize::MAX)
        else {
            panic!("records");
        };
        let Entry::Item(item) = &records[0] else {
            panic!("{:?}", records[0]);
        };
        assert_eq!(item["DOI"], "10.1000/x");
        assert_eq!(item["abstract"], "<p>One.</p><p>Two.</p>");
        let s2 = "{\"data\": [\n{\"paperId\":\"p1\",\"title\":\"Graphs\",\"citationCount\":12,\"authors\":[{\"name\":\"Ada Lovelace\"}]},\n  7\n]}";
        let Answer::Records(records) =
            read_answer(s2, Some(Format::SemanticScholar), 0..usize::MAX)
        else {
            panic!("records");
        };
        assert!(matches!(&records[0], Entry::Item(item) if item["custom"]["citation-count"] == 12));
        // The second paper is not an object: its error is where it is.
        assert!(
            matches!(&records[1], Entry::Error(error) if (error.line, error.column) == (3, 3)),
            "{:?}",
            records[1]
        );
    }

    #[test]
    fn the_first_cards_own_formats_are_read_for_the_js_api_as_given_or_detected() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/records/booksci/seed-coproduction.txt"
        );
        let record = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        // The record's own fields, read with serde_json.
        let fields: serde_json::Value =
            serde_json::from_str(record.lines().next().unwrap_or_default()).unwrap();
        for format in [Some(Format::BookSci), None] {
            let Answer::Records(records) = read_answer(&record, format, 0..usize::MAX) else {
                panic!("records");
            };
            let Entry::Item(item) = &records[0] else {
                panic!("{:?}", records[0]);
            };
            assert_eq!(item["DOI"], fields["doi"]);
            assert_eq!(item["author"][1]["family"], "Eve");
        }
        let csl = r#"[{"id":"a","type":"book","title":"T","issued":{"date-parts":[[1999]]}}]"#;
        let Answer::Records(records) = read_answer(csl, None, 0..usize::MAX) else {
            panic!("records");
        };
        assert!(
            matches!(&records[0], Entry::Item(item) if item["id"] == "a" && item["type"] == "book")
        );
        // Nothing citecard knows: the error says what it looked for.
        let Answer::Error(error) = read_answer("just words", None, 0..usize::MAX) else {
            panic!("an error");
        };
        assert!(
            error
                .message
                .starts_with("unrecognised format: expected a BookSci"),
            "{}",
            error.message
        );
    }

    #[test]
    fn input_that_is_not_json_is_one_located_error() {
        let Answer::Error(error) =
            read_answer("\n{\"DOI\": ", Some(Format::Crossref), 0..usize::MAX)
        else {
            panic!("an error");
        };
        assert_eq!(error.line, 2);
        assert!(error.message.contains("JSON"), "{}", error.message);
    }
}
