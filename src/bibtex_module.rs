//! The BibTeX module (`crates/citecard-bibtex`), loaded for BibTeX records.
//!
//! The `biblatex` crate would add ~54 KB gzipped to every page, so BibTeX is
//! read by a separate wasm module, fetched from beside the card the first
//! time a BibTeX record appears. It answers with an object (its `Answer`,
//! serialised with serde-wasm-bindgen) of CSL-JSON items and located
//! errors, which the card reads by name; each item goes through the card's
//! own CSL-JSON reader. (serde-wasm-bindgen's deserializer would add 11 KB
//! gzipped to the first card: BENCHMARKS.md.)

use citecard_core::rich_text::CanonicalHtml;
use citecard_core::{ParseError, ParseErrorKind, Reference, Span};
use wasm_bindgen::prelude::*;

use crate::lazy_module::LazyModule;

thread_local! {
    static MODULE: LazyModule = const { LazyModule::new("../../embed/citecard-bibtex.js") };
}

/// How to load the module: a function returning a promise of the
/// initialised module (the embed's literal `import('./citecard-bibtex.js')`);
/// unset means the playground's `dist/embed/citecard-bibtex.js`.
pub fn set_module_loader(loader: js_sys::Function) {
    MODULE.with(|m| m.set_loader(loader));
}

/// A property of a JS object, if it is there.
fn get(object: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(object, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Where the module's `Place` (or `LocatedError`) object says, in `input`.
fn place(object: &JsValue, input: &str) -> Span {
    let number = |key: &str| {
        get(object, key)
            .and_then(|v| v.as_f64())
            .filter(|n| n.is_finite() && *n >= 0.0)
            // Offsets and lines are whole numbers well inside usize.
            .map_or(0, |n| n as usize)
    };
    let (start, end) = (
        number("start").min(input.len()),
        number("end").min(input.len()),
    );
    Span {
        line: number("line").max(1),
        column: number("column").max(1),
        start,
        end: end.max(start),
    }
}

/// The module's `LocatedError` object as a parse error in `input`.
fn located(error: &JsValue, input: &str) -> ParseError {
    ParseError::new(
        place(error, input),
        ParseErrorKind::Syntax {
            message: get(error, "message")
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| "unreadable BibTeX".to_owned()),
        },
    )
}

/// One entry of a BibTeX input as the module answered.
pub enum Entry {
    /// Read.
    Read(std::rc::Rc<Reference>),
    /// Unreadable, with where and why.
    Failed(ParseError),
    /// Outside the window read: where it is.
    NotRead(Span),
}

/// The entries of the BibTeX `input` whose indexes are in `window`, each a
/// reference or its located error, and every other entry located; or the
/// error for the whole input.
pub async fn read(input: &str, window: std::ops::Range<usize>) -> Result<Vec<Entry>, ParseError> {
    let failure = |message: String| {
        ParseError::new(
            Span::locate(input, 0, 0),
            ParseErrorKind::Syntax {
                message: format!("the BibTeX reader could not be loaded: {message}"),
            },
        )
    };
    let function = MODULE.with(|m| m.function("read")).await.map_err(failure)?;
    // Indexes cross as numbers; a window open at the end is all the rest.
    let index = |i: usize| JsValue::from(u32::try_from(i).unwrap_or(u32::MAX));
    let answer = function
        .call3(
            &JsValue::NULL,
            &input.into(),
            &index(window.start),
            &index(window.end),
        )
        .map_err(|e| failure(crate::lazy_module::message(e)))?;
    if let Some(error) = get(&answer, "error") {
        return Err(located(&error, input));
    }
    let records: js_sys::Array = get(&answer, "records")
        .map(|records| js_sys::Array::from(&records))
        .ok_or_else(|| failure("an empty answer".to_owned()))?;
    Ok(records
        .iter()
        .map(|entry| {
            match (
                get(&entry, "item"),
                get(&entry, "error"),
                get(&entry, "unread"),
            ) {
                // The item with the card's own CSL-JSON reader, as a pasted
                // CSL-JSON item is read.
                (Some(item), _, _) => js_sys::JSON::stringify(&item)
                    .ok()
                    .and_then(|text| text.as_string())
                    .and_then(|text| {
                        citecard_core::input::csl_json::parse(&text, &CanonicalHtml).ok()
                    })
                    .and_then(|mut items| items.pop())
                    .and_then(Result::ok)
                    .map_or_else(
                        || Entry::Failed(failure("an unreadable item".to_owned())),
                        |r| Entry::Read(std::rc::Rc::new(r.reference)),
                    ),
                (None, Some(error), _) => Entry::Failed(located(&error, input)),
                (None, None, Some(place)) => Entry::NotRead(self::place(&place, input)),
                (None, None, None) => Entry::Failed(failure("an empty answer".to_owned())),
            }
        })
        .collect())
}
