//! Every available style against the citeproc-js goldens: the same text and
//! the same HTML for every corpus record. Prints the match rate per style.
#![cfg(all(feature = "html5gum", feature = "bibtex"))]

use std::fs;
use std::path::Path;

mod common;

use citecard_core::style::{cite, Style};
use citecard_core::{parse, Reference};
use serde_json::Value;

#[test]
fn available_styles_match_citeproc_js_exactly() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let golden = common::golden();
    let entries = golden["entries"].as_array().unwrap();
    // Each golden entry with its record, read once for every style.
    let records: Vec<(&Value, Reference)> = entries
        .iter()
        .map(|entry| {
            let fixture = entry["fixture"].as_str().unwrap();
            let index = entry["record"].as_u64().unwrap() as usize;
            let input = fs::read_to_string(root.join("../..").join(fixture)).unwrap();
            let mut records = parse(&input, None).unwrap().records;
            (entry, records.remove(index).unwrap().reference)
        })
        .collect();
    let mut failures = Vec::new();
    for style in Style::ALL.into_iter().filter(|s| s.is_available()) {
        let mut matched = 0;
        for (entry, reference) in &records {
            let fixture = entry["fixture"].as_str().unwrap();
            let index = entry["record"].as_u64().unwrap();
            let citation = cite(reference, style).expect("an available style formats");
            let expected = &entry[style.id()];
            let text_ok = citation.text == expected["text"].as_str().unwrap();
            let html_ok = citation.html == expected["html"].as_str().unwrap();
            if text_ok && html_ok {
                matched += 1;
            } else {
                failures.push(format!(
                    "{style} {fixture} #{index}\n  expected {}\n  actual   {:?}\n  expected {}\n  actual   {:?}",
                    expected["text"], citation.text, expected["html"], citation.html
                ));
            }
        }
        println!(
            "{style}: {matched} of {} records match citeproc-js ({:.1}%)",
            entries.len(),
            100.0 * matched as f64 / entries.len() as f64
        );
    }
    assert!(
        failures.is_empty(),
        "{}\n\n{} mismatches",
        failures.join("\n\n"),
        failures.len()
    );
}
