//! The real records in `../shared/records/real` (API responses and user
//! exports nobody here wrote) against citeproc-js, in all six styles.
//!
//! The records are read from the shared folder at test time, never copied
//! into the project. `tests/golden/real-records.json` holds what citeproc-js
//! 2.4 wrote for each record, from the CSL-JSON citecard's converter wrote
//! (`cargo build -p citecard-cli && node tests/oracle/generate.mjs`).
//! `tests/golden/real-differences.json` lists every entry that still differs,
//! grouped by the CSL feature behind it and why it is left; the test fails on
//! a difference not listed there and on a listed one that is gone.
#![cfg(all(feature = "html5gum", feature = "bibtex"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use citecard_core::export::csl_json;
use citecard_core::style::{cite, Style};
use citecard_core::{parse, Reference};
use serde_json::Value;

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn read_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The shared real records; CI checks them out beside the project.
fn real_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/records/real");
    assert!(
        root.is_dir(),
        "{} is missing: the real-record tests read the shared records from there",
        root.display()
    );
    root
}

/// Every golden entry with the reference citecard reads for it now.
fn entries() -> Vec<(Value, Reference)> {
    let golden = read_json(&golden_dir().join("real-records.json"));
    let root = real_root();
    let mut documents: BTreeMap<String, Vec<Reference>> = BTreeMap::new();
    let mut out = Vec::new();
    for entry in golden["entries"].as_array().expect("entries").iter() {
        let source = entry["source"].as_str().expect("a source").to_string();
        let references = documents.entry(source.clone()).or_insert_with(|| {
            let input = fs::read_to_string(root.join(&source)).expect("a shared record file");
            parse(&input, None)
                .unwrap_or_else(|e| panic!("{source}: {e}"))
                .references()
        });
        let index = entry["record"].as_u64().expect("a record index") as usize;
        out.push((entry.clone(), references[index].clone()));
    }
    out
}

fn key(style: Style, entry: &Value) -> String {
    format!(
        "{} {} #{}",
        style.id(),
        entry["source"].as_str().unwrap_or_default(),
        entry["record"]
    )
}

#[test]
fn every_shared_record_is_in_the_goldens_and_they_are_current() {
    let root = real_root();
    let golden = read_json(&golden_dir().join("real-records.json"));
    let entries = golden["entries"].as_array().expect("entries");
    let mut stale = Vec::new();
    let mut counted = 0;
    let mut files: Vec<PathBuf> = Vec::new();
    let mut pending = vec![root.clone()];
    while let Some(dir) = pending.pop() {
        for file in fs::read_dir(&dir).expect("a folder") {
            let path = file.expect("a file").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e != "md") {
                files.push(path);
            }
        }
    }
    files.sort();
    for path in &files {
        let source = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let input = fs::read_to_string(path).expect("UTF-8 records");
        let document = parse(&input, None).unwrap_or_else(|e| panic!("{source}: {e}"));
        let refused: Vec<_> = document
            .records
            .iter()
            .filter_map(|r| r.as_ref().err())
            .collect();
        assert!(refused.is_empty(), "{source}: refused {refused:?}");
        let written: Value =
            serde_json::from_str(&csl_json::write(&document.references())).expect("CSL-JSON");
        let mine: Vec<&Value> = entries
            .iter()
            .filter(|e| e["source"] == source.as_str())
            .collect();
        let written = written.as_array().expect("an array");
        assert_eq!(
            mine.len(),
            written.len(),
            "{source}: records in the goldens"
        );
        for (entry, item) in mine.iter().zip(written) {
            counted += 1;
            if &entry["csl"] != item {
                stale.push(format!(
                    "{source} #{}:\n  golden {}\n  now    {item}",
                    entry["record"], entry["csl"]
                ));
            }
        }
    }
    assert_eq!(
        counted,
        entries.len(),
        "golden entries without a shared file"
    );
    assert!(
        stale.is_empty(),
        "the converter writes different CSL-JSON now; regenerate with \
         `cargo build -p citecard-cli && node tests/oracle/generate.mjs`:\n{}",
        stale.join("\n")
    );
}

#[test]
fn every_style_matches_citeproc_js_or_the_difference_is_explained() {
    let listed: BTreeSet<String> = read_json(&golden_dir().join("real-differences.json"))["causes"]
        .as_array()
        .expect("causes")
        .iter()
        .flat_map(|cause| {
            assert!(
                cause["feature"].is_string() && cause["why"].is_string(),
                "every cause names its CSL feature and why it is left: {cause}"
            );
            cause["entries"].as_array().expect("entries").iter()
        })
        .map(|e| e.as_str().expect("an entry key").to_string())
        .collect();
    let entries = entries();
    let mut unexplained = Vec::new();
    let mut differing = BTreeSet::new();
    for style in Style::ALL {
        let mut matched = 0;
        for (entry, reference) in &entries {
            let citation = cite(reference, style).expect("every built-in style reads");
            let want = &entry[style.id()];
            let text_ok = citation.text == want["text"].as_str().unwrap_or_default();
            let html_ok = citation.html == want["html"].as_str().unwrap_or_default();
            if text_ok && html_ok {
                matched += 1;
                continue;
            }
            let key = key(style, entry);
            if !listed.contains(&key) {
                let (want, got) = if text_ok {
                    (&want["html"], citation.html)
                } else {
                    (&want["text"], citation.text)
                };
                unexplained.push(format!(
                    "{key}\n  citeproc-js {want}\n  citecard    {got:?}"
                ));
            }
            differing.insert(key);
        }
        println!(
            "{style}: {matched} of {} real records identical to citeproc-js ({:.1}%)",
            entries.len(),
            100.0 * matched as f64 / entries.len() as f64
        );
    }
    let gone: Vec<_> = listed.difference(&differing).collect();
    assert!(
        unexplained.is_empty() && gone.is_empty(),
        "{} differences not in tests/golden/real-differences.json:\n{}\n\n\
         listed there but identical now (remove them): {gone:?}",
        unexplained.len(),
        unexplained.join("\n")
    );
}
