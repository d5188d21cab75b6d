//! The fixture corpus shared by the integration tests: the reference record
//! and every valid fixture, each record with a readable name.

use std::fs;
use std::path::{Path, PathBuf};

use citecard_core::{parse, Reference};
use serde_json::Value;

/// The reference record and every valid fixture file, sorted.
pub fn corpus_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("../../static/records/seed-coproduction.txt")];
    for format in fs::read_dir(root.join("tests/fixtures/valid")).expect("fixtures") {
        for file in fs::read_dir(format.expect("a folder").path()).expect("a format folder") {
            let path = file.expect("a file").path();
            if path.extension().is_some_and(|e| e != "expected") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Every record of the corpus, named `file #n`.
#[allow(dead_code)] // Not every test crate that shares this module needs it.
pub fn corpus() -> Vec<(String, Reference)> {
    let mut records = Vec::new();
    for path in corpus_files() {
        let input = fs::read_to_string(&path).expect("UTF-8 fixtures");
        let document = parse(&input, None).expect("valid fixtures parse");
        for (i, record) in document.records.into_iter().enumerate() {
            let name = format!("{} #{}", path.file_name().unwrap().to_string_lossy(), i + 1);
            records.push((
                name,
                record
                    .expect("valid fixtures have no bad records")
                    .reference,
            ));
        }
    }
    assert!(
        records.len() >= 60,
        "the corpus has {} records",
        records.len()
    );
    records
}

/// The citeproc-js goldens (tests/golden/citations.json).
#[allow(dead_code)] // Not every test crate that shares this module needs it.
pub fn golden() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/citations.json");
    serde_json::from_str(&fs::read_to_string(path).expect("the goldens")).expect("JSON goldens")
}
