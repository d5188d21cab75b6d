//! The BibTeX module (`crates/citecard-bibtex`), loaded for BibTeX records.
//!
//! The `biblatex` crate would add ~54 KB gzipped to every page, so BibTeX is
//! read by a separate wasm module, fetched from beside the card the first
//! time a BibTeX record appears. It answers with CSL-JSON items, which the
//! card reads with its own CSL-JSON reader.

use citecard_core::rich_text::CanonicalHtml;
use citecard_core::{ParseError, ParseErrorKind, Reference, Span};
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::lazy_module::LazyModule;

thread_local! {
    static MODULE: LazyModule = const { LazyModule::new("../../embed/citecard-bibtex.js") };
}

/// Where to import the module from (the embed sets it next to its own
/// script); unset means the playground's `dist/embed/citecard-bibtex.js`.
pub fn set_module_url(url: &str) {
    MODULE.with(|m| m.set_url(url));
}

fn located(value: &Value, input: &str) -> ParseError {
    let number = |key: &str| {
        value
            .get(key)
            .and_then(Value::as_u64)
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(0)
    };
    let (start, end) = (
        number("start").min(input.len()),
        number("end").min(input.len()),
    );
    ParseError::new(
        Span {
            line: number("line").max(1),
            column: number("column").max(1),
            start,
            end: end.max(start),
        },
        ParseErrorKind::Syntax {
            message: value
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or("unreadable BibTeX")
                .to_owned(),
        },
    )
}

/// Every entry of the BibTeX `input`, each a reference or its located error;
/// or the error for the whole input.
pub async fn read(input: &str) -> Result<Vec<Result<Reference, ParseError>>, ParseError> {
    let failure = |message: String| {
        ParseError::new(
            Span::locate(input, 0, 0),
            ParseErrorKind::Syntax {
                message: format!("the BibTeX reader could not be loaded: {message}"),
            },
        )
    };
    let function = MODULE.with(|m| m.function("read")).await.map_err(failure)?;
    let answer = function
        .call1(&JsValue::NULL, &input.into())
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| failure("no answer".to_owned()))?;
    let answer: Value = serde_json::from_str(&answer).map_err(|e| failure(e.to_string()))?;
    if let Some(error) = answer.get("error") {
        return Err(located(error, input));
    }
    let records = answer
        .get("records")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    Ok(records
        .iter()
        .map(|record| match (record.get("item"), record.get("error")) {
            (Some(item), _) => {
                citecard_core::input::csl_json::parse(&item.to_string(), &CanonicalHtml)
                    .ok()
                    .and_then(|mut items| items.pop())
                    .and_then(Result::ok)
                    .map(|r| r.reference)
                    .ok_or_else(|| failure("an unreadable item".to_owned()))
            }
            (None, Some(error)) => Err(located(error, input)),
            (None, None) => Err(failure("an empty answer".to_owned())),
        })
        .collect())
}
