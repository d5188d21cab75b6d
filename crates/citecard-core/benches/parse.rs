//! Records per second for each input format: `cargo bench -p citecard-core --bench parse`.
#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::fs;
    use std::path::Path;

    use citecard_core::{parse, Format};
    use criterion::{Criterion, Throughput};

    /// Every valid fixture of `format`, joined into one input.
    fn corpus(folder: &str, joiner: &str) -> String {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/valid")
            .join(folder);
        let mut files: Vec<_> = fs::read_dir(dir)
            .expect("fixtures")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e != "expected"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| fs::read_to_string(p).expect("UTF-8 fixture"))
            .collect::<Vec<_>>()
            .join(joiner)
    }

    fn inputs() -> Vec<(Format, String)> {
        let seed = include_str!("../../../static/records/seed-coproduction.txt");
        let booksci = format!("{seed}\n{}", corpus("booksci", "\n"));
        let csl = fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/valid/csl-json/csl-json array of six item types.json"),
        )
        .expect("fixture");
        let crossref = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(
            "tests/fixtures/valid/crossref/crossref work envelope with a JATS abstract.json",
        ))
        .expect("fixture");
        let s2 = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(
        "tests/fixtures/valid/semantic-scholar/semantic scholar paper with an open-access pdf and a tldr.json",
    ))
    .expect("fixture");
        vec![
            (Format::BookSci, booksci),
            (Format::Crossref, crossref),
            (Format::SemanticScholar, s2),
            (Format::CslJson, csl),
            (Format::BibTeX, corpus("bibtex", "\n")),
            (Format::Ris, corpus("ris", "\n")),
        ]
    }

    pub fn records_per_second(c: &mut Criterion) {
        let mut group = c.benchmark_group("parse");
        for (format, input) in inputs() {
            let records = parse(&input, Some(format))
                .expect("the corpus parses")
                .records
                .len();
            group.throughput(Throughput::Elements(records as u64));
            group.bench_function(format.id(), |b| {
                b.iter(|| parse(std::hint::black_box(&input), Some(format)))
            });
        }
        group.finish();
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, native::records_per_second);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);
