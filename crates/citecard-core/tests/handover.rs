//! In the browser, BibTeX, RIS, Crossref and Semantic Scholar records are read
//! by a lazily loaded module and handed to the card as CSL-JSON items
//! (`handover::read`), which the card reads back with its own CSL-JSON
//! reader. Nothing may be lost or changed on the way: for every fixture and
//! every shared real record, the card's reference is the one the format's
//! reader made, and a record that could not be read keeps its place.
//!
//! The card hands a reference on to its citation module in the model's own
//! serde form, in postcard bytes: that too must arrive as it left, and a
//! link in it is checked again on arrival, whatever bytes arrive.
#![cfg(all(feature = "html5gum", not(target_arch = "wasm32")))]

use std::fs;
use std::path::{Path, PathBuf};

use citecard_core::handover::{self, Answer, Entry};
use citecard_core::input::csl_json;
use citecard_core::rich_text::{CanonicalHtml, Html5gum};
use citecard_core::{parse, Reference};

mod common;

/// The fixtures, and the shared real records when they are there (CI has them).
fn files() -> Vec<PathBuf> {
    let mut files = common::corpus_files();
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/records/real");
    if let Ok(formats) = fs::read_dir(&real) {
        for format in formats.flatten().filter(|f| f.path().is_dir()) {
            for file in fs::read_dir(format.path())
                .expect("a format folder")
                .flatten()
            {
                files.push(file.path());
            }
        }
    }
    files.sort();
    files
}

/// Each file's name, text and document, as `parse` reads it.
fn documents() -> impl Iterator<Item = (String, String, citecard_core::Document)> {
    files().into_iter().map(|path| {
        let name = path.display().to_string();
        let input = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let document = parse(&input, None).unwrap_or_else(|e| panic!("{name}: {e}"));
        (name, input, document)
    })
}

#[test]
fn every_record_reaches_the_card_as_its_reader_read_it() {
    let mut compared = 0;
    for (name, input, document) in documents() {
        let Answer::Records(entries) = handover::read(&input, None, &Html5gum, 0..usize::MAX)
        else {
            panic!("{name}: the handover failed where the reader did not");
        };
        assert_eq!(entries.len(), document.records.len(), "{name}");
        for (i, (record, entry)) in document.records.iter().zip(&entries).enumerate() {
            match (record, entry) {
                (Ok(record), Entry::Item(item)) => {
                    let text = serde_json::to_string(item).expect("an item serialises");
                    let mut read = csl_json::parse(&text, &CanonicalHtml)
                        .unwrap_or_else(|e| panic!("{name} #{}: {e}", i + 1));
                    let card = read
                        .pop()
                        .and_then(Result::ok)
                        .unwrap_or_else(|| panic!("{name} #{}: the item is unreadable", i + 1))
                        .reference;
                    // The item's id is the record's own key, or else the
                    // citation key the card would give it anyway.
                    let mut expected = record.reference.clone();
                    expected.source_key = expected
                        .source_key
                        .or_else(|| item["id"].as_str().map(str::to_owned));
                    assert_eq!(card, expected, "{name} #{}", i + 1);
                    compared += 1;
                }
                (Err(error), Entry::Error(located)) => {
                    assert_eq!(
                        (located.line, located.column, located.message.clone()),
                        (error.span.line, error.span.column, error.kind.to_string()),
                        "{name} #{}",
                        i + 1
                    );
                }
                (record, entry) => panic!("{name} #{}: {record:?} became {entry:?}", i + 1),
            }
        }
    }
    assert!(compared > 100, "only {compared} records compared");
}

#[test]
fn every_reference_reaches_the_citation_module_as_the_card_has_it() {
    let mut compared = 0;
    for (name, _, document) in documents() {
        for (i, reference) in document.references().into_iter().enumerate() {
            // In postcard, as the card hands it over (`src/cite_module.rs`).
            let bytes = postcard::to_allocvec(&reference).expect("a reference serialises");
            let arrived: Reference =
                postcard::from_bytes(&bytes).unwrap_or_else(|e| panic!("{name} #{}: {e}", i + 1));
            assert_eq!(arrived, reference, "{name} #{}", i + 1);
            compared += 1;
        }
    }
    assert!(compared > 100, "only {compared} references compared");
}

#[test]
fn a_link_that_is_not_safe_does_not_arrive() {
    let reference = Reference {
        url: citecard_core::HttpUrl::parse("https://example.org/paper"),
        doi: citecard_core::Doi::parse("10.1108/LHS-04-2022-0039"),
        ..Reference::default()
    };
    let form = serde_json::to_value(&reference).expect("a reference serialises");
    assert_eq!(form["url"], "https://example.org/paper");
    for (field, hostile) in [
        ("url", "javascript:alert(1)"),
        ("pdf_url", "data:text/html,<script>alert(1)</script>"),
        ("doi", "10.1108/x\"><script>"),
    ] {
        let mut tampered = form.clone();
        tampered[field] = hostile.into();
        let error = serde_json::from_value::<Reference>(tampered)
            .expect_err(&format!("{field} = {hostile} must not be read back"));
        assert!(error.to_string().starts_with("not a"), "{field}: {error}");
    }
}

/// Every link a reference holds is one its type's own parser accepts: what
/// a card may turn into an `href`.
fn links_are_safe(reference: &Reference) -> bool {
    let url =
        |u: &citecard_core::HttpUrl| citecard_core::HttpUrl::parse(u.as_str()).as_ref() == Some(u);
    let doi = |d: &citecard_core::Doi| citecard_core::Doi::parse(d.as_str()).as_ref() == Some(d);
    reference.url.iter().chain(&reference.pdf_url).all(url)
        && reference
            .doi
            .iter()
            .chain(&reference.relations.preprint_of)
            .chain(&reference.relations.preprints)
            .all(doi)
}

/// The postcard bytes of the seed record's reference, with every link field
/// set, the form the citation module is handed.
fn seed_bytes() -> Vec<u8> {
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../static/records/seed-coproduction.txt");
    let input = fs::read_to_string(&seed).expect("the seed fixture");
    let mut reference = parse(&input, None)
        .expect("the seed record reads")
        .references()
        .pop()
        .expect("one reference");
    reference.pdf_url = citecard_core::HttpUrl::parse("https://example.org/paper.pdf");
    reference.relations.preprints = citecard_core::Doi::parse("10.1101/2022.01.01.000001")
        .into_iter()
        .collect();
    postcard::to_allocvec(&reference).expect("a reference serialises")
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]

    /// The citation module's `cite_reference` is exported: a page's script
    /// can hand it any bytes. Whatever it is given, reading them back never
    /// panics, and what is read never holds a link its type would refuse.
    #[test]
    fn tampered_bytes_never_panic_or_make_an_unsafe_link(
        edits in proptest::collection::vec((proptest::prelude::any::<usize>(), proptest::prelude::any::<u8>()), 1..8),
        cut in proptest::prelude::any::<usize>(),
    ) {
        let mut bytes = seed_bytes();
        for (place, byte) in edits {
            let len = bytes.len();
            bytes[place % len] = byte;
        }
        bytes.truncate(bytes.len() - cut % 4);
        if let Ok(reference) = postcard::from_bytes::<Reference>(&bytes) {
            proptest::prop_assert!(links_are_safe(&reference), "{reference:?}");
        }
    }
}
