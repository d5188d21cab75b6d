//! Property: no input makes a reader panic, whatever the format forced on it,
//! and every style formats whatever was read. (`scripts/fuzz` runs the full
//! fuzzing campaign; this keeps the obvious cases in the normal test run.)
#![cfg(all(feature = "html5gum", feature = "bibtex", not(target_arch = "wasm32")))]

use citecard_core::style::{cite, Style};
use citecard_core::{parse, Format};
use proptest::prelude::*;

/// Text built from the characters the formats give meaning to.
fn record_like() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just("\"".to_owned()),
        Just(",".to_owned()),
        Just(":".to_owned()),
        Just("\n".to_owned()),
        Just("@article{".to_owned()),
        Just("TY  - JOUR\n".to_owned()),
        Just("ER  - \n".to_owned()),
        Just("AU  - ".to_owned()),
        Just("\"title\":".to_owned()),
        Just("\"author\":[{\"family\":".to_owned()),
        Just("\"JCR\":\"Q1\"".to_owned()),
        Just("\"date-parts\":[[".to_owned()),
        Just("author = {".to_owned()),
        Just(" and ".to_owned()),
        Just("\\\"u".to_owned()),
        Just("<p><strong>Purpose:</strong>".to_owned()),
        Just("&nbsp;".to_owned()),
        Just("10.1000/x".to_owned()),
        "[a-zA-Z0-9 é中\u{0}-]{0,8}",
    ];
    proptest::collection::vec(pieces, 0..40).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn readers_and_styles_never_panic(input in record_like()) {
        let formats = [None, Some(Format::BookSci), Some(Format::Crossref),
            Some(Format::SemanticScholar), Some(Format::CslJson), Some(Format::BibTeX), Some(Format::Ris)];
        for format in formats {
            if let Ok(document) = parse(&input, format) {
                for record in document.records.into_iter().flatten() {
                    for style in Style::ALL {
                        let _ = cite(&record.reference, style);
                    }
                }
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics(input in "\\PC{0,200}") {
        for format in [None, Some(Format::BookSci), Some(Format::BibTeX), Some(Format::Ris), Some(Format::CslJson)] {
            let _ = parse(&input, format);
        }
    }
}
