//! Every fixture under `tests/fixtures/{valid,invalid}/<format>/` is read
//! with format detection and described line by line; the description must
//! equal `<fixture>.expected` exactly. Run with `CITECARD_WRITE_MISSING=1` to
//! draft the expectation of a new fixture, then check it against the input.
#![cfg(all(feature = "html5gum", feature = "bibtex"))]

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use citecard_core::{describe, parse, Format};

fn describe_input(input: &str) -> String {
    let mut out = String::new();
    let document = match parse(input, None) {
        Ok(document) => document,
        Err(error) => {
            let _ = writeln!(out, "error: {error}");
            return out;
        }
    };
    let _ = writeln!(out, "format: {}", document.format.id());
    for (i, record) in document.records.iter().enumerate() {
        match record {
            Ok(record) => {
                let _ = writeln!(out, "record {} (line {})", i + 1, record.span.line);
                for (label, value) in describe::fields(&record.reference) {
                    let _ = writeln!(out, "  {label}: {value}");
                }
                for warning in &record.warnings {
                    let _ = writeln!(out, "  warning: {warning}");
                }
            }
            Err(error) => {
                let _ = writeln!(out, "record {}: error: {error}", i + 1);
            }
        }
    }
    out
}

fn fixtures(kind: &str) -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(kind);
    let mut found = Vec::new();
    for format in fs::read_dir(&root).expect("the fixture folder exists") {
        let format = format.unwrap().path();
        let name = format.file_name().unwrap().to_string_lossy().into_owned();
        for file in fs::read_dir(&format).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|e| e == "expected") {
                continue;
            }
            found.push((name.clone(), path));
        }
    }
    found.sort();
    found
}

fn check(kind: &str) -> usize {
    let mut failures = Vec::new();
    let all = fixtures(kind);
    for (format, path) in &all {
        let input = fs::read_to_string(path).expect("fixtures are UTF-8");
        let actual = describe_input(&input);
        let expected_path = PathBuf::from(format!("{}.expected", path.display()));
        let name = path.file_name().unwrap().to_string_lossy();
        match fs::read_to_string(&expected_path) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{kind}/{format}/{name}:\n--- expected\n{expected}--- actual\n{actual}"
            )),
            Err(_) if std::env::var_os("CITECARD_WRITE_MISSING").is_some() => {
                fs::write(&expected_path, &actual).unwrap();
            }
            Err(_) => failures.push(format!(
                "{kind}/{format}/{name}: no .expected file; it reads as\n{actual}"
            )),
        }
        let detected = actual.lines().next().unwrap_or_default();
        let format_ok = match format.parse::<Format>() {
            Ok(expected) => detected == format!("format: {}", expected.id()),
            Err(_) => false,
        };
        if kind == "valid" && !format_ok {
            failures.push(format!("{kind}/{format}/{name}: detected as `{detected}`"));
        }
        if kind == "valid" && actual.contains("error:") {
            failures.push(format!(
                "{kind}/{format}/{name}: a valid fixture has an error"
            ));
        }
        if kind == "invalid" && !actual.contains("error: line ") {
            failures.push(format!("{kind}/{format}/{name}: no located error"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    all.len()
}

#[test]
fn valid_fixtures_read_exactly_as_expected() {
    assert!(check("valid") >= 30);
}

#[test]
fn invalid_fixtures_give_located_errors() {
    assert!(check("invalid") >= 30);
}
