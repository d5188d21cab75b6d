//! citecard's citation module: formats a reference in one of the six
//! citation styles or writes it as BibTeX, RIS or CSL-JSON.
//!
//! The card (the `citecard` crate) loads this module the first time someone
//! opens its cite control, and passes the reference as a CSL-JSON item
//! object with [`cite`], which answers with an [`Answer`] object; both
//! cross with serde-wasm-bindgen. Keeping the CSL styles out of the card's
//! own wasm keeps the first card small and fast (see BENCHMARKS.md).
#![warn(missing_docs)]

use citecard_core::export::{self, bibtex, ris};
use citecard_core::input::csl_json;
use citecard_core::rich_text::{Block, CanonicalHtml, Inline, RichText, Section};
use citecard_core::style::{self, Style};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;

/// The allocator: talc, smaller in the bundle than Rust's default (dlmalloc).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// A formatted citation or export.
#[derive(Debug, PartialEq)]
pub struct Output {
    /// The plain text to copy.
    pub text: String,
    /// The HTML citeproc-js writes for a citation style; empty for exports.
    pub html: String,
    /// The citation as rich inline content; empty for exports.
    pub inlines: Vec<Inline>,
}

/// Format `item` (one CSL-JSON item, as the card writes it) as `choice`:
/// `apa`, `mla`, `chicago`, `harvard`, `ieee`, `vancouver`, `bibtex`, `ris`
/// or `csl-json`.
pub fn format_item(item: &Map<String, Value>, choice: &str) -> Result<Output, String> {
    // Only the CSL-JSON reader, not format detection: the other readers
    // would add their code to this module for nothing. The card wrote the
    // abstracts with `RichText::to_html`, which `CanonicalHtml` reads back.
    let (reference, _) = csl_json::read_item(item, &CanonicalHtml);
    let export = |text: String| Output {
        text,
        html: String::new(),
        inlines: Vec::new(),
    };
    let references = std::slice::from_ref(&reference);
    Ok(match choice {
        "bibtex" => export(bibtex::write(references)),
        "ris" => export(ris::write(references)),
        "csl-json" => export(export::csl_json::write(references)),
        style => {
            let style: Style = style.parse()?;
            let citation = style::cite(&reference, style)
                .ok_or_else(|| format!("the {style} style could not be read"))?;
            Output {
                text: citation.text,
                html: citation.html,
                inlines: citation.inlines,
            }
        }
    })
}

impl Output {
    /// The citation as one paragraph of sanitised HTML with only `<em>` and
    /// `<strong>`, which the card reads back as rich text; empty for exports.
    pub fn preview_html(&self) -> String {
        if self.inlines.is_empty() {
            return String::new();
        }
        RichText {
            sections: vec![Section {
                label: None,
                blocks: vec![Block::Paragraph(self.inlines.clone())],
            }],
        }
        .to_html()
    }
}

/// What [`cite`] answers.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct Answer {
    /// The plain text to copy.
    pub text: String,
    /// citeproc-js's HTML for a style; empty for exports.
    pub html: String,
    /// [`Output::preview_html`]: the citation as one paragraph with only
    /// `<em>` and `<strong>`; empty for exports.
    pub preview: String,
}

/// [`format_item`] for JavaScript: `item` is a CSL-JSON item object, the
/// answer an [`Answer`] object; throws an `Error` with the message on
/// failure.
#[wasm_bindgen]
pub fn cite(item: JsValue, choice: &str) -> Result<JsValue, JsError> {
    let item: Map<String, Value> = serde_wasm_bindgen::from_value(item)
        .map_err(|e| JsError::new(&format!("not a CSL-JSON item object: {e}")))?;
    let output = format_item(&item, choice).map_err(|e| JsError::new(&e))?;
    let answer = Answer {
        preview: output.preview_html(),
        text: output.text,
        html: output.html,
    };
    answer
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Write `items` (CSL-JSON item objects, as the card writes them) as one
/// text in `choice`: one BibTeX, RIS or CSL-JSON file holding them all, with
/// citation keys unique across them, or each item formatted in a style, one
/// per line. What a publication list exports.
pub fn format_items(items: &[Map<String, Value>], choice: &str) -> Result<String, String> {
    let references: Vec<_> = items
        .iter()
        .map(|item| csl_json::read_item(item, &CanonicalHtml).0)
        .collect();
    Ok(match choice {
        "bibtex" => bibtex::write(&references),
        "ris" => ris::write(&references),
        "csl-json" => export::csl_json::write(&references),
        style => {
            let style: Style = style.parse()?;
            let mut lines = Vec::with_capacity(references.len());
            for reference in &references {
                let citation = style::cite(reference, style)
                    .ok_or_else(|| format!("the {style} style could not be read"))?;
                lines.push(citation.text);
            }
            lines.join("\n")
        }
    })
}

/// [`format_items`] for JavaScript: `items` is an array of CSL-JSON item
/// objects; answers the text, or throws an `Error` with the message.
#[wasm_bindgen]
pub fn export_all(items: js_sys::Array, choice: &str) -> Result<String, JsError> {
    // Item by item, with the deserializer `cite` already links (a Vec of
    // them would link a second one, 4 KB gzipped).
    let items = items
        .iter()
        .map(serde_wasm_bindgen::from_value::<Map<String, Value>>)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| JsError::new(&format!("not an array of CSL-JSON item objects: {e}")))?;
    format_items(&items, choice).map_err(|e| JsError::new(&e))
}

/// Parse one BibTeX entry and format its first record in `style`, as the
/// speed benchmark does one card at a time (feature `bibtex`).
#[cfg(feature = "bibtex")]
#[wasm_bindgen]
pub fn cite_bibtex(entry: &str, style: &str) -> Result<String, JsError> {
    let style: Style = style.parse().map_err(|e: String| JsError::new(&e))?;
    let document = citecard_core::parse(entry, Some(citecard_core::Format::BibTeX))
        .map_err(|e| JsError::new(&e.to_string()))?;
    let reference = match document.records.into_iter().next() {
        Some(Ok(record)) => record.reference,
        Some(Err(error)) => return Err(JsError::new(&error.to_string())),
        None => return Err(JsError::new("no record")),
    };
    style::cite(&reference, style)
        .map(|c| c.text)
        .ok_or_else(|| JsError::new("the style could not be read"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITEM_JSON: &str = r#"{"id":"repper2022embedding","type":"article-journal",
        "title":"Embedding coproduction in organisational culture and practice: a case study",
        "author":[{"family":"Repper","given":"Julie"},{"family":"Eve","given":"Julian"}],
        "container-title":"Leadership in Health Services","DOI":"10.1108/LHS-04-2022-0039",
        "issued":{"date-parts":[[2022,7,26]]},"abstract":"<p>An <b>abstract</b></p>"}"#;

    fn item() -> Map<String, Value> {
        serde_json::from_str(ITEM_JSON).unwrap()
    }

    #[test]
    fn formats_a_csl_json_item_in_a_style() {
        let output = format_item(&item(), "apa").unwrap();
        // citeproc-js 2.4.63 with apa.csl (tests/golden/citations.json, record 0).
        assert_eq!(
            output.text,
            "Repper, J., & Eve, J. (2022). Embedding coproduction in organisational culture and \
             practice: a case study. Leadership in Health Services. https://doi.org/10.1108/LHS-04-2022-0039"
        );
        assert!(output.html.contains("<i>Leadership in Health Services</i>"));
        assert_eq!(
            output.preview_html(),
            "<p>Repper, J., &amp; Eve, J. (2022). Embedding coproduction in organisational culture \
             and practice: a case study. <em>Leadership in Health Services</em>. \
             https://doi.org/10.1108/LHS-04-2022-0039</p>"
        );
    }

    #[test]
    fn writes_exports() {
        assert!(format_item(&item(), "bibtex")
            .unwrap()
            .text
            .starts_with("@article{repper2022embedding,"));
        assert!(format_item(&item(), "ris")
            .unwrap()
            .text
            .starts_with("TY  - JOUR"));
        let json = format_item(&item(), "csl-json").unwrap().text;
        assert!(json.contains("\"DOI\": \"10.1108/LHS-04-2022-0039\""));
        // The abstract survives the hand-over with its markup.
        assert!(json.contains("\"abstract\": \"<p>An <strong>abstract</strong></p>\""));
    }

    #[test]
    fn writes_many_items_as_one_file_or_one_citation_a_line() {
        let mut other = item();
        other.insert("title".into(), Value::from("A second paper"));
        let items = [item(), other];
        let bibtex = format_items(&items, "bibtex").unwrap();
        // Two entries with the same id get distinct keys, as BibTeX needs.
        assert!(bibtex.contains("@article{repper2022embedding,"));
        assert!(bibtex.contains("@article{repper2022embeddinga,"));
        assert_eq!(
            format_items(&items, "ris")
                .unwrap()
                .matches("TY  - JOUR")
                .count(),
            2
        );
        let json: Value = serde_json::from_str(&format_items(&items, "csl-json").unwrap()).unwrap();
        assert_eq!(json.as_array().map(Vec::len), Some(2));
        let apa = format_items(&items, "apa").unwrap();
        let lines: Vec<&str> = apa.lines().collect();
        assert_eq!(lines.len(), 2);
        // Each line is the item's own citation, as `cite` writes it alone.
        assert_eq!(lines[0], format_item(&item(), "apa").unwrap().text);
        assert!(format_items(&items, "nature").is_err());
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        let not_an_item: Map<String, Value> = serde_json::from_str(r#"{"type": 3}"#).unwrap();
        // A wrong type is read as a document with a warning, not a panic.
        assert!(format_item(&not_an_item, "apa").is_ok());
        assert!(format_item(&item(), "nature")
            .unwrap_err()
            .contains("unknown style"));
    }
}
