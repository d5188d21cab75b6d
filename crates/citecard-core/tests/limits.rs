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

#[test]
fn a_huge_abstract_is_cut_for_display_at_a_word_break_and_kept_whole() {
    // About what the card shows of an abstract.
    const MAX_ABSTRACT_CHARS: usize = 20_000;
    use citecard_core::rich_text::{Block, Html5gum, Inline};
    use citecard_core::RichText;
    let words = "lorem <em>ipsum</em> dolor ".repeat(MAX_ABSTRACT_CHARS / 4);
    let html = format!("<p><b>Aim:</b> {words}</p><ul><li>never shown</li></ul>");
    let text = RichText::from_html_with(&html, &Html5gum);
    let full = text.to_plain_text();
    assert!(full.chars().count() > 4 * MAX_ABSTRACT_CHARS);

    let shown = text.truncated(MAX_ABSTRACT_CHARS).expect("cut");
    let plain = shown.to_plain_text();
    let body = plain.strip_prefix("Aim: ").expect("the label is kept");
    let kept = body.strip_suffix('…').expect("ends with an ellipsis");
    assert!(body.chars().count() <= MAX_ABSTRACT_CHARS + 1);
    assert!(body.chars().count() > MAX_ABSTRACT_CHARS - 30);
    // What is shown is the start of the abstract, cut after a whole word.
    assert!(full.starts_with(&format!("Aim: {kept} ")), "{kept:?}");
    assert!(kept.ends_with("lorem") || kept.ends_with("ipsum") || kept.ends_with("dolor"));
    // The structure is kept up to the cut, and nothing after it.
    assert_eq!(shown.sections.len(), 1);
    let Block::Paragraph(inlines) = &shown.sections[0].blocks[0] else {
        panic!("a paragraph first");
    };
    assert!(inlines.iter().any(|i| matches!(i, Inline::Emphasis(_))));
    assert!(!plain.contains("never shown"));
    // The record itself keeps every character (the exports use it).
    assert!(full.ends_with("- never shown"));
}

#[test]
fn an_abstract_within_the_display_cap_is_not_cut() {
    use citecard_core::RichText;
    let text = RichText::from_plain("Purpose: 十个汉字十个汉字十个汉字.\nMethods: Two.");
    let chars = "十个汉字十个汉字十个汉字.Two.".chars().count();
    assert_eq!(text.truncated(chars), None);
    let cut = text.truncated(chars - 1).expect("one character over");
    assert_eq!(
        cut.to_plain_text(),
        "Purpose: 十个汉字十个汉字十个汉字.\n\nMethods: Two…"
    );
    // CJK has no spaces: the cut falls where the budget ends.
    assert_eq!(
        text.truncated(4).map(|t| t.to_plain_text()).as_deref(),
        Some("Purpose: 十个汉字…")
    );
}

#[test]
fn a_field_over_64_kb_is_cut_there_with_a_warning_in_every_format() {
    use citecard_core::limits::MAX_FIELD_BYTES;
    // 3-byte characters, so the cut must find a character boundary.
    let long = "é長".repeat(MAX_FIELD_BYTES / 5 + 10);
    assert!(long.len() > MAX_FIELD_BYTES);
    let cases = [
        (
            format!("{{\"title\":\"T\",\"JCR\":\"Q1\",\"abstract\":\"{long}\"}}"),
            "abstract",
        ),
        (
            format!("[{{\"type\":\"book\",\"title\":\"{long}\"}}]"),
            "title",
        ),
        (format!("TY  - JOUR\nTI  - T\nAB  - {long}\nER  - \n"), "AB"),
        (
            format!("@article{{k, title={{T}}, abstract={{{long}}}}}"),
            "abstract",
        ),
    ];
    for (input, field) in cases {
        let document = parse(&input, None).unwrap();
        let record = document.records[0].as_ref().unwrap();
        let warning = record
            .warnings
            .iter()
            .find(|w| w.field == field)
            .unwrap_or_else(|| {
                panic!(
                    "{:?}: no warning on {field}: {:?}",
                    document.format, record.warnings
                )
            });
        assert!(warning.message.contains("64 KB"), "{}", warning.message);
        let reference = &record.reference;
        let kept = match field {
            "title" => reference.title.clone().unwrap(),
            _ => reference.abstract_text.as_ref().unwrap().to_plain_text(),
        };
        assert!(
            kept.len() <= MAX_FIELD_BYTES && kept.len() > MAX_FIELD_BYTES - 8,
            "{}",
            kept.len()
        );
        assert!(
            long.starts_with(&kept),
            "{:?}: the start of the value is kept",
            document.format
        );
    }
}

#[test]
fn ris_lines_past_twenty_thousand_in_one_record_are_dropped_with_a_warning() {
    use citecard_core::limits::MAX_RIS_LINES;
    // TY and TI, then keywords up to the limit; the abstract after them and
    // its continuation line are past it.
    let mut input = String::from("TY  - JOUR\nTI  - Long record\n");
    input.push_str(&"KW  - keyword\n".repeat(MAX_RIS_LINES - 2));
    input.push_str(
        "AB  - Too late\ncontinued\nER  - \nTY  - JOUR\nTI  - Next\nAB  - Read\nER  - \n",
    );
    let document = parse(&input, None).unwrap();
    assert_eq!(document.records.len(), 2);
    let first = document.records[0].as_ref().unwrap();
    assert_eq!(first.reference.title.as_deref(), Some("Long record"));
    assert_eq!(first.reference.abstract_text, None);
    assert_eq!(first.reference.fields_of_study.len(), MAX_RIS_LINES - 2);
    assert!(
        first
            .reference
            .fields_of_study
            .iter()
            .all(|k| k == "keyword"),
        "no continuation glued on"
    );
    let warning = first
        .warnings
        .iter()
        .find(|w| w.field == "record")
        .expect("a warning");
    assert!(
        warning
            .message
            .starts_with("1 tagged lines past the first 20000"),
        "{}",
        warning.message
    );
    // The next record starts afresh.
    let second = document.records[1].as_ref().unwrap();
    assert!(second.reference.abstract_text.is_some());
    assert!(second.warnings.iter().all(|w| w.field != "record"));
}
