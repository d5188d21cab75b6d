//! What the fuzz targets do with their input.

use citecard_core::export::{bibtex, csl_json, ris};
use citecard_core::style::{cite, Style};
use citecard_core::{parse, Format};

/// With `CITECARD_FUZZ_LAST=path`, each input is written there first, so an
/// input that kills the process outright (a stack overflow, which libFuzzer
/// cannot catch) can still be found.
pub fn keep_last(text: &str) {
    if let Some(path) = std::env::var_os("CITECARD_FUZZ_LAST") {
        let _ = std::fs::write(path, text);
    }
}

/// Read `text` as `format`: records or located errors, never a panic.
pub fn read(text: &str, format: Format) {
    keep_last(text);
    let _ = parse(text, Some(format));
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
