//! The documented limits (`citecard_core::limits`): beyond each, a clear,
//! located error or warning, never a panic or silent loss.
#![cfg(feature = "html5gum")]

use citecard_core::limits::{MAX_INPUT_BYTES, MAX_NAMES, MAX_RECORDS};
use citecard_core::{parse, Format, ParseErrorKind};

#[test]
fn an_input_over_10_mb_is_refused_with_a_clear_error() {
    let mut input = String::from("TY  - JOUR\nTI  - Big\n");
    input.push_str(&"AB  - x\n".repeat(MAX_INPUT_BYTES / 8 + 1));
    input.push_str("ER  - \n");
    let error = parse(&input, None).unwrap_err();
    assert!(matches!(error.kind, ParseErrorKind::TooLarge { .. }));
    assert_eq!((error.span.line, error.span.column), (1, 1));
    assert!(error.to_string().contains("10 MB"), "{error}");
    // Just under the limit is read.
    let small: String = input
        .chars()
        .take(MAX_INPUT_BYTES - 100)
        .collect::<String>()
        + "\nER  - \n";
    assert!(parse(&small, Some(Format::Ris)).is_ok());
}

#[test]
fn records_past_the_thousandth_become_one_located_error() {
    let input: String = (0..MAX_RECORDS + 5)
        .map(|i| format!("TY  - JOUR\nTI  - Record {i}\nER  - \n"))
        .collect();
    let document = parse(&input, None).unwrap();
    assert_eq!(document.records.len(), MAX_RECORDS + 1);
    assert!(document.records[..MAX_RECORDS].iter().all(Result::is_ok));
    let error = document.records[MAX_RECORDS].as_ref().unwrap_err();
    assert!(matches!(error.kind, ParseErrorKind::TooLarge { .. }));
    // The 1,001st record starts on line 3,001.
    assert_eq!(error.span.line, 3 * MAX_RECORDS + 1);
    assert!(
        error
            .to_string()
            .contains("the 5 from here on are not read"),
        "{error}"
    );
}

#[test]
fn names_past_ten_thousand_are_dropped_with_a_warning() {
    let authors: Vec<String> = (0..MAX_NAMES + 3)
        .map(|i| format!("{{\"family\":\"F{i}\",\"given\":\"G\"}}"))
        .collect();
    let input = format!(
        "{{\"id\":\"x\",\"type\":\"book\",\"title\":\"Many\",\"author\":[{}]}}",
        authors.join(",")
    );
    let document = parse(&input, Some(Format::CslJson)).unwrap();
    let record = document.records[0].as_ref().unwrap();
    assert_eq!(record.reference.authors.len(), MAX_NAMES);
    assert_eq!(
        record.reference.authors[MAX_NAMES - 1].family.as_deref(),
        Some("F9999")
    );
    assert!(record
        .warnings
        .iter()
        .any(|w| w.field == "author" && w.message.contains("3 names")));
    // And it still formats.
    assert!(
        citecard_core::style::cite(&record.reference, citecard_core::style::Style::Apa).is_some()
    );
}

/// Found by cargo fuzz: biblatex resolves @string references recursively,
/// so a cycle or a very long chain used to overflow the stack.
#[cfg(feature = "bibtex")]
#[test]
fn string_cycles_and_deep_chains_stay_undefined_instead_of_overflowing() {
    let mut input = String::from("@string{s0 = \"end\"}\n");
    for i in 1..=200 {
        input.push_str(&format!("@string{{s{i} = s{}}}\n", i - 1));
    }
    input.push_str("@string{a = b}\n@string{b = \"x\" # a}\n");
    input.push_str("@misc{deep, title = s200, note = a}\n@misc{shallow, title = s3}\n");
    let document = parse(&input, Some(Format::BibTeX)).unwrap();
    let deep = document.records[0].as_ref().unwrap();
    assert_eq!(deep.reference.title.as_deref(), Some("s200"));
    assert!(deep
        .warnings
        .iter()
        .any(|w| w.field == "s200" && w.message.contains("refers back")));
    let shallow = document.records[1].as_ref().unwrap();
    assert_eq!(shallow.reference.title.as_deref(), Some("end"));
}

/// Found by cargo fuzz: inputs that made biblatex 0.12's date reader panic,
/// each read as BibTeX (the fuzz target forces the format).
#[cfg(feature = "bibtex")]
#[test]
fn biblatex_date_panics_are_headed_off() {
    for (fixture, field) in [
        (
            "bibtex month that panicked the biblatex date reader (fuzzing).bib",
            "month",
        ),
        (
            "bibtex year with a sign and a space that panicked biblatex (fuzzing).bib",
            "year",
        ),
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/invalid/bibtex")
            .join(fixture);
        let input = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
        let document = parse(&input, Some(Format::BibTeX)).unwrap();
        let warned = document
            .records
            .iter()
            .flatten()
            .any(|r| r.warnings.iter().any(|w| w.field == field));
        assert!(warned, "{fixture}: no warning about `{field}`");
    }
    for (value, field) in [
        ("+ 2003", "year"),
        ("٢٠٢٠", "year"),
        ("18 109223631", "month"),
        ("0", "month"),
    ] {
        let input = format!("@misc{{x, title = {{T}}, {field} = {{{value}}}}}");
        let document = parse(&input, Some(Format::BibTeX)).unwrap();
        let record = document.records[0].as_ref().unwrap();
        assert!(record.warnings.iter().any(|w| w.field == field), "{value}");
    }
}
