//! What the fuzz targets do with their input.

use citecard_core::export::{bibtex, csl_json, ris};
use citecard_core::rich_text::Html5gum;
use citecard_core::style::{cite, Style};
use citecard_core::{parse, parse_window, Format, Slot};

/// With `CITECARD_FUZZ_LAST=path`, each input is written there first, so an
/// input that kills the process outright (a stack overflow, which libFuzzer
/// cannot catch) can still be found.
pub fn keep_last(text: &str) {
    if let Some(path) = std::env::var_os("CITECARD_FUZZ_LAST") {
        let _ = std::fs::write(path, text);
    }
}

/// Read `text` as `format`: records or located errors, never a panic. Also
/// read a window of two records (where it starts depends on the input), which
/// must give exactly what the full read gives for those records, and the
/// same count.
pub fn read(text: &str, format: Format) {
    keep_last(text);
    let full = parse(text, Some(format));
    let start = text.len() % 3;
    let window = start..start + 2;
    let part = parse_window(text, Some(format), &Html5gum, window.clone());
    match (&full, &part) {
        (Ok(full), Ok(part)) => {
            assert_eq!(full.records.len(), part.slots.len(), "record count");
            for (i, (whole, windowed)) in full.records.iter().zip(&part.slots).enumerate() {
                if window.contains(&i) {
                    assert_eq!(&Slot::from(whole.clone()), windowed, "record {i}");
                }
            }
        }
        (Err(full), Err(part)) => assert_eq!(full, part),
        _ => panic!("full read {full:?}, window {part:?}"),
    }
}

/// Detect the format of `text` and read it, then format every record in
/// one citation style (chosen by the input's length, so a campaign covers
/// all six) and write every export. Errors are fine; panics are the bugs.
pub fn read_and_cite(text: &str) {
    keep_last(text);
    let Ok(document) = parse(text, None) else {
        return;
    };
    let references = document.references();
    let style = Style::ALL[text.len() % Style::ALL.len()];
    for reference in &references {
        let _ = cite(reference, style);
    }
    let _ = csl_json::write(&references);
    let _ = bibtex::write(&references);
    let _ = ris::write(&references);
}
