//! The BibTeX and RIS exports, read back: every record of the fixture corpus
//! survives a round trip with its citation-relevant fields intact, and the
//! BibTeX is valid for the `biblatex` parser.
#![cfg(all(feature = "html5gum", feature = "bibtex"))]

mod common;

use common::corpus;

use citecard_core::export::{bibtex, ris};
use citecard_core::{parse, Format, Reference};

/// What a citation needs, in a comparable form.
fn essentials(reference: &Reference) -> Vec<(&'static str, String)> {
    let names = |names: &[citecard_core::Name]| {
        names
            .iter()
            .map(|n| n.display())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    vec![
        ("title", opt(&reference.title)),
        ("authors", names(&reference.authors)),
        ("editors", names(&reference.editors)),
        ("container", opt(&reference.container_title)),
        ("volume", opt(&reference.volume)),
        ("page", opt(&reference.page)),
        ("article number", opt(&reference.article_number)),
        (
            "issued",
            reference.issued.map(|d| d.to_string()).unwrap_or_default(),
        ),
        (
            "doi",
            reference
                .doi
                .as_ref()
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ),
        (
            "url",
            reference
                .url
                .as_ref()
                .map(|u| u.to_string())
                .unwrap_or_default(),
        ),
        ("publisher", opt(&reference.publisher)),
    ]
}

fn round_trip(format: Format, write: fn(&[Reference]) -> String) {
    let corpus = corpus();
    let references: Vec<Reference> = corpus.iter().map(|(_, r)| r.clone()).collect();
    let text = write(&references);
    let document = parse(&text, Some(format)).unwrap();
    assert_eq!(
        document.records.len(),
        corpus.len(),
        "one record per reference:\n{text}"
    );
    let mut mismatches = Vec::new();
    for ((name, original), read) in corpus.iter().zip(document.records) {
        let read = read
            .unwrap_or_else(|e| panic!("{name}: {e}\n{text}"))
            .reference;
        let (before, after) = (essentials(original), essentials(&read));
        for (b, a) in before.iter().zip(&after) {
            if b != a {
                mismatches.push(format!("{name}: {} {:?} became {:?}", b.0, b.1, a.1));
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn bibtex_export_is_valid_bibtex() {
    let references: Vec<Reference> = corpus().into_iter().map(|(_, r)| r).collect();
    let text = bibtex::write(&references);
    let bibliography = biblatex_parse(&text);
    assert_eq!(bibliography, references.len());
}

/// The number of entries the `biblatex` crate reads from the whole file at once.
fn biblatex_parse(text: &str) -> usize {
    match biblatex::Bibliography::parse(text) {
        Ok(bibliography) => bibliography.len(),
        Err(error) => panic!("{error:?} at {:?}:\n{text}", &text[error.span.clone()]),
    }
}

#[test]
fn bibtex_round_trips() {
    round_trip(Format::BibTeX, bibtex::write);
}

#[test]
fn ris_round_trips() {
    round_trip(Format::Ris, ris::write);
}

#[test]
fn bibtex_keys_are_stable_and_unique() {
    let references: Vec<Reference> = corpus().into_iter().map(|(_, r)| r).collect();
    let first = bibtex::write(&references);
    assert_eq!(
        first,
        bibtex::write(&references),
        "the same input gives the same keys"
    );
    let keys: Vec<&str> = first
        .lines()
        .filter_map(|l| l.strip_prefix('@'))
        .map(|l| l.split_once('{').unwrap().1.trim_end_matches(','))
        .collect();
    let mut unique = keys.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), keys.len(), "{keys:?}");
    assert!(keys.contains(&"repper2022embedding"));
}
