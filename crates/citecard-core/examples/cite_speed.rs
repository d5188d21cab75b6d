//! Parse and format records one card at a time, as the widget does, and
//! report the time for all of them. Used by `tests/bench/citation-speed.mjs`.
//!
//!   cargo run --release -p citecard-core --example cite_speed -- CARDS STYLE [FORMAT]
//!
//! CARDS is a `.bib` file, one card per entry (FORMAT `bibtex`, the
//! default), or a JSON array of record texts, one card each (any other
//! FORMAT, e.g. `booksci`). With `CITE_SPEED_PARSE_ONLY=1` and/or
//! `CITE_SPEED_FORMAT_ONLY=1` it times only reading the cards, or only
//! formatting the references read from them, and prints the time per pass
//! of all cards instead.

use std::time::Instant;

use citecard_core::style::{cite, Style};
use citecard_core::{parse, Format};

/// Passes timed by the parse-only and format-only modes.
const PASSES: u32 = 20;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a .bib file");
    let style: Style = args
        .next()
        .unwrap_or_else(|| "apa".to_owned())
        .parse()
        .expect("a style name");
    let format: Format = args
        .next()
        .unwrap_or_else(|| "bibtex".to_owned())
        .parse()
        .expect("a format id");
    let text = std::fs::read_to_string(&path).expect("a readable file");
    let entries: Vec<String> = if format == Format::BibTeX {
        // One entry per card: split before every line that starts with '@'.
        let mut entries: Vec<String> = Vec::new();
        for line in text.lines() {
            if line.starts_with('@') || entries.is_empty() {
                entries.push(String::new());
            }
            let last = entries.last_mut().expect("an entry");
            last.push_str(line);
            last.push('\n');
        }
        entries
    } else {
        serde_json::from_str(&text).expect("a JSON array of record texts")
    };
    let run = || {
        let mut characters = 0;
        for entry in &entries {
            let document = parse(entry, Some(format)).expect("a readable card");
            for record in document.records.into_iter().flatten() {
                let citation = cite(&record.reference, style).expect("every style reads");
                characters += citation.text.len();
            }
        }
        characters
    };
    let parse_only = std::env::var_os("CITE_SPEED_PARSE_ONLY").is_some();
    let format_only = std::env::var_os("CITE_SPEED_FORMAT_ONLY").is_some();
    if parse_only {
        per_pass("parse only", || {
            for entry in &entries {
                std::hint::black_box(parse(entry, Some(format)).expect("a card"));
            }
        });
    }
    if format_only {
        let references: Vec<_> = entries
            .iter()
            .flat_map(|entry| parse(entry, Some(format)).expect("a card").references())
            .collect();
        per_pass("format only", || {
            for reference in &references {
                std::hint::black_box(cite(reference, style).expect("every style reads"));
            }
        });
    }
    if parse_only || format_only {
        return;
    }
    run(); // warm-up
    let mut times = Vec::new();
    let mut characters = 0;
    for _ in 0..25 {
        let start = Instant::now();
        characters = run();
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{{\"entries\": {}, \"median_ms\": {:.3}, \"min_ms\": {:.3}, \"max_ms\": {:.3}, \"characters\": {characters}}}",
        entries.len(),
        times[times.len() / 2],
        times[0],
        times[times.len() - 1]
    );
}

/// Time [`PASSES`] runs of `pass` and print the time per pass.
fn per_pass(label: &str, mut pass: impl FnMut()) {
    let start = Instant::now();
    for _ in 0..PASSES {
        pass();
    }
    eprintln!(
        "{label}: {:.3} ms per pass",
        start.elapsed().as_secs_f64() * 1000.0 / f64::from(PASSES)
    );
}
