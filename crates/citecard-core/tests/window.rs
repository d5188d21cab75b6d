//! Reading a window of records (`parse_window`) gives exactly what a full
//! read gives for those records, and locates the others without reading
//! them: the card reads long inputs a batch at a time this way.
#![cfg(feature = "html5gum")]

mod common;

use std::fs;

use citecard_core::rich_text::Html5gum;
use citecard_core::{parse, parse_window, ParseErrorKind, Slot};

/// Every valid and malformed fixture.
fn inputs() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = common::corpus_files();
    for format in fs::read_dir(root.join("tests/fixtures/invalid")).expect("fixtures") {
        for file in fs::read_dir(format.expect("a folder").path()).expect("a format folder") {
            let path = file.expect("a file").path();
            if path.extension().is_none_or(|e| e != "expected") {
                files.push(path);
            }
        }
    }
    files
        .into_iter()
        .filter_map(|path| {
            let text = fs::read(&path).ok()?;
            Some((
                path.display().to_string(),
                String::from_utf8_lossy(&text).into_owned(),
            ))
        })
        .collect()
}

#[test]
fn a_window_reads_its_records_as_a_full_read_does_and_only_locates_the_rest() {
    let (mut windows_checked, mut not_read) = (0, 0);
    for (name, input) in inputs() {
        let full = parse(&input, None);
        for window in [0..1, 1..3, 2..usize::MAX, 0..0] {
            let part = parse_window(&input, None, &Html5gum, window.clone());
            let (full, part) = match (&full, part) {
                (Err(full), Err(part)) => {
                    assert_eq!(full, &part, "{name}: the same whole-input error");
                    continue;
                }
                (Ok(full), Ok(part)) => (full, part),
                (full, part) => panic!("{name} {window:?}: {full:?} but {part:?}"),
            };
            assert_eq!(full.format, part.format, "{name}");
            assert_eq!(
                full.records.len(),
                part.slots.len(),
                "{name}: the same count"
            );
            for (i, (whole, windowed)) in full.records.iter().zip(&part.slots).enumerate() {
                let as_slot = Slot::from(whole.clone());
                if window.contains(&i) {
                    assert_eq!(&as_slot, windowed, "{name} record {i} in {window:?}");
                } else if windowed != &as_slot {
                    // Not read: located where the full read has it. (Errors
                    // found while splitting records, such as an unreadable
                    // JSON line, are there whatever the window.)
                    let Slot::NotRead(span) = windowed else {
                        panic!("{name} record {i}: outside the window, yet {windowed:?}");
                    };
                    assert_eq!(*span, as_slot.span(), "{name} record {i}: located the same");
                    not_read += 1;
                }
            }
            windows_checked += 1;
        }
    }
    assert!(windows_checked > 100, "{windows_checked}");
    assert!(not_read > 50, "{not_read}");
}

#[test]
fn records_past_the_limit_are_one_error_in_any_window() {
    use citecard_core::limits::MAX_RECORDS;
    let input: String = (0..MAX_RECORDS + 3)
        .map(|i| format!("{{\"title\":\"R{i}\",\"JCR\":\"Q1\"}}\n"))
        .collect();
    let part = parse_window(&input, None, &Html5gum, MAX_RECORDS - 2..MAX_RECORDS + 3).unwrap();
    assert_eq!(part.slots.len(), MAX_RECORDS + 1);
    let last_read = part.slots[MAX_RECORDS - 1].read().unwrap();
    assert_eq!(last_read.reference.title.as_deref(), Some("R999"));
    let Slot::Failed(limit) = &part.slots[MAX_RECORDS] else {
        panic!("{:?}", part.slots[MAX_RECORDS]);
    };
    assert!(
        matches!(limit.kind, ParseErrorKind::TooLarge { .. }),
        "{limit}"
    );
    assert_eq!(limit.span.line, MAX_RECORDS + 1);
    assert!(matches!(part.slots[0], Slot::NotRead(_)));
}
