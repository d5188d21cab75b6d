//! The golden citations (tests/golden/citations.json) were made by citeproc-js
//! from the CSL-JSON that citecard's converter wrote for each corpus record
//! (`node tests/oracle/generate.mjs`). This test keeps them honest: the
//! converter must still write exactly that CSL-JSON, or the goldens are stale
//! and must be regenerated.
#![cfg(all(feature = "html5gum", feature = "bibtex"))]

use std::fs;
use std::path::Path;

mod common;

use citecard_core::export::csl_json;
use citecard_core::parse;
use citecard_core::style::Style;
use common::golden;
use serde_json::Value;

#[test]
fn goldens_cover_the_corpus_in_six_styles() {
    let golden = golden();
    assert!(golden["generator"]
        .as_str()
        .unwrap()
        .starts_with("citeproc-js "));
    let entries = golden["entries"].as_array().unwrap();
    assert!(entries.len() >= 60, "{} records", entries.len());
    for entry in entries {
        for style in Style::ALL.map(Style::id) {
            for format in ["text", "html"] {
                assert!(
                    entry[style][format].is_string(),
                    "{} #{}: no {style} {format}",
                    entry["fixture"],
                    entry["record"]
                );
            }
        }
    }
}

#[test]
fn goldens_were_made_from_the_current_converter() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let golden = golden();
    let mut stale = Vec::new();
    for entry in golden["entries"].as_array().unwrap() {
        let fixture = entry["fixture"].as_str().unwrap();
        let index = entry["record"].as_u64().unwrap() as usize;
        let input = fs::read_to_string(root.join(fixture)).unwrap();
        let references = parse(&input, None).unwrap().references();
        let written: Value = serde_json::from_str(&csl_json::write(&references)).unwrap();
        if written[index] != entry["csl"] {
            stale.push(format!(
                "{fixture} #{index}:\n  golden {}\n  now    {}",
                entry["csl"], written[index]
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "regenerate with `cargo build -p citecard-cli && node tests/oracle/generate.mjs`:\n{}",
        stale.join("\n")
    );
}
