//! citecard's BibTeX module: the card loads it when a record is BibTeX and
//! gets back each entry as a CSL-JSON item, or the entry's located error.
#![warn(missing_docs)]

use citecard_core::export::{citation_keys, csl_json};
use citecard_core::rich_text::CanonicalHtml;
use citecard_core::{parse_with, Format, ParseError};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

/// The allocator: talc, smaller in the bundle than Rust's default (dlmalloc).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn error(error: &ParseError) -> Value {
    json!({
        "line": error.span.line,
        "column": error.span.column,
        "start": error.span.start,
        "end": error.span.end,
        "message": error.kind.to_string(),
    })
}

/// Read `input` as BibTeX. The answer is JSON: `{"records": [...]}` with,
/// for each entry in order, `{"item": CSL-JSON}` or `{"error": {line,
/// column, start, end, message}}`; or `{"error": …}` when nothing at all
/// can be read. Abstracts are written as `RichText::to_html` HTML, which
/// the card reads back with `CanonicalHtml`.
pub fn read_json(input: &str) -> String {
    // BibTeX fields hold no HTML; the tokenizer only sees entity-free text.
    let document = match parse_with(input, Some(Format::BibTeX), &CanonicalHtml) {
        Ok(document) => document,
        Err(e) => return json!({ "error": error(&e) }).to_string(),
    };
    let references: Vec<_> = document
        .records
        .iter()
        .filter_map(|r| r.as_ref().ok().map(|r| r.reference.clone()))
        .collect();
    let mut keys = citation_keys(&references).into_iter();
    let mut readable = references.iter();
    let records: Vec<Value> = document
        .records
        .iter()
        .map(|record| match record {
            Ok(_) => match (readable.next(), keys.next()) {
                (Some(reference), Some(key)) => {
                    json!({ "item": csl_json::to_value(reference, &key) })
                }
                _ => Value::Null,
            },
            Err(e) => json!({ "error": error(e) }),
        })
        .collect();
    json!({ "records": records }).to_string()
}

/// [`read_json`] for JavaScript.
#[wasm_bindgen]
pub fn read(input: &str) -> String {
    read_json(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_become_items_and_bad_entries_located_errors() {
        let input = "@article{knuth84,\n  author = {Donald E. Knuth},\n  title = {Literate Programming},\n  journal = {The Computer Journal},\n  year = {1984}\n}\n@article{bad,\n  title = {Unclosed\n";
        let answer: Value = serde_json::from_str(&read_json(input)).unwrap();
        let records = answer["records"].as_array().unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0]["item"]["title"], "Literate Programming");
        assert_eq!(records[0]["item"]["id"], "knuth84");
        assert_eq!(records[0]["item"]["author"][0]["family"], "Knuth");
        // The second entry starts on line 7; its brace is never closed.
        assert!(records[1]["error"]["line"].as_u64().unwrap() >= 7);
        assert!(records[1]["error"]["message"].as_str().unwrap().len() > 5);
    }

    #[test]
    fn nothing_readable_is_one_error() {
        let answer: Value = serde_json::from_str(&read_json("   ")).unwrap();
        assert!(answer["error"]["message"].as_str().is_some());
    }
}
