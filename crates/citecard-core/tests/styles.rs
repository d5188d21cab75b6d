//! Every style against the citeproc-js goldens: the same text and
//! the same HTML for every corpus record. Prints the match rate per style.
#![cfg(all(feature = "html5gum", feature = "bibtex"))]

use std::fs;
use std::path::Path;

mod common;

use citecard_core::style::{cite, Style};
use citecard_core::{parse, Reference};
use serde_json::Value;

#[test]
fn every_style_matches_citeproc_js_exactly() {
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
    for style in Style::ALL {
        let mut matched = 0;
        for (entry, reference) in &records {
            let fixture = entry["fixture"].as_str().unwrap();
            let index = entry["record"].as_u64().unwrap();
            let citation = cite(reference, style).expect("every embedded style reads");
            let expected = &entry[style.id()];
            let text_ok = citation.text == expected["text"].as_str().unwrap();
            let html_ok = citation.html == expected["html"].as_str().unwrap();
            // The rich form the card shows reads exactly as the text.
            let rich = citecard_core::rich_text::inline_text(&citation.inlines);
            let rich_ok = rich == citation.text;
            if text_ok && html_ok && rich_ok {
                matched += 1;
            } else {
                failures.push(format!(
                    "{style} {fixture} #{index}\n  expected {}\n  actual   {:?}\n  expected {}\n  actual   {:?}\n  rich     {rich:?}",
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

#[test]
fn rich_citations_keep_italics_where_the_html_has_them() {
    use citecard_core::rich_text::Inline;
    let input = include_str!("../../../static/records/seed-coproduction.txt");
    let document = parse(input, None).unwrap();
    let reference = &document.records[0].as_ref().unwrap().reference;
    let apa = cite(reference, Style::Apa).unwrap();
    assert!(apa.html.contains("<i>Leadership in Health Services</i>"));
    assert!(apa.inlines.contains(&Inline::Emphasis(vec![Inline::Text(
        "Leadership in Health Services".into()
    )])));
    // A numbered style starts with its number.
    let ieee = cite(reference, Style::Ieee).unwrap();
    assert!(matches!(&ieee.inlines[0], Inline::Text(t) if t.starts_with("[1] ")));
}
