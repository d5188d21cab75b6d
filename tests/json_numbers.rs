//! Browser tests: JSON numbers are read in the browser as natively. The
//! first card leaves the standard library's float conversions out and uses
//! the browser's (`parseFloat`, `String(number)`) beyond the core's exact
//! fast path; the expected values come from the standard library's
//! correctly rounded parser, which this test binary has.
#![cfg(target_arch = "wasm32")]

use citecard::html::tokenizer;
use citecard_core::input::csl_json;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn item(json: &str) -> citecard_core::Reference {
    csl_json::parse(json, tokenizer())
        .ok()
        .and_then(|mut records| records.pop())
        .and_then(Result::ok)
        .expect("a readable item")
        .reference
}

#[wasm_bindgen_test]
fn floats_beyond_the_fast_path_read_exactly() {
    for text in [
        "0.30000000000000004",
        "1.2345678901234567e-30",
        "123456789012345678901234567890",
        "2.2250738585072014e-308",
        "4.123",
    ] {
        let reference = item(&format!(
            r#"{{"type": "book", "title": "T", "scale": {text}}}"#
        ));
        let read = reference.csl_variables["scale"].as_f64().expect("a number");
        let expected: f64 = text.parse().expect("a float");
        assert_eq!(read.to_bits(), expected.to_bits(), "{text}");
    }
}

#[wasm_bindgen_test]
fn numbers_kept_as_text_are_kept_as_written() {
    let reference = item(
        r#"{"type": "book", "title": "T", "volume": 1e2, "issue": 2.50,
            "custom": {"x-score": [1.5, 1e-7, {"a": 100.0}]}}"#,
    );
    assert_eq!(reference.volume.as_deref(), Some("1e2"));
    assert_eq!(reference.issue.as_deref(), Some("2.50"));
    assert_eq!(
        reference.source_fields["x-score"],
        r#"[1.5,1e-7,{"a":100.0}]"#
    );
}
