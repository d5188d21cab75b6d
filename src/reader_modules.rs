//! The reader modules, loaded for the formats the first card does not read
//! itself.
//!
//! The card reads BookSci and CSL-JSON. BibTeX is read by the BibTeX module
//! (`crates/citecard-bibtex`: the `biblatex` crate would add ~54 KB gzipped
//! to every page), and RIS, Crossref and Semantic Scholar by the reader
//! module (`crates/citecard-readers`, ~13 KB of readers), each fetched from
//! beside the card the first time such a record appears. A module answers
//! with an object (`citecard_core::handover::Answer`, serialised with
//! serde-wasm-bindgen) of CSL-JSON items and located errors, which the card
//! reads by name; each item goes through the card's own CSL-JSON reader.
//! (serde-wasm-bindgen's deserializer would add 11 KB gzipped to the first
//! card: BENCHMARKS.md.)

use citecard_core::rich_text::CanonicalHtml;
use citecard_core::{Format, ParseError, ParseErrorKind, Span};
use wasm_bindgen::prelude::*;

use crate::lazy_module::LazyModule;
use crate::ui::hooks::use_records::Card;

thread_local! {
    static BIBTEX: LazyModule = const { LazyModule::new("../../embed/citecard-bibtex.js") };
    static READERS: LazyModule = const { LazyModule::new("../../embed/citecard-readers.js") };
}

/// The module that reads a format the card does not read itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReaderModule {
    /// `citecard-bibtex`: BibTeX and BibLaTeX.
    Bibtex,
    /// `citecard-readers`: RIS, Crossref and Semantic Scholar.
    Readers,
}

impl ReaderModule {
    /// The module that reads `format` in the browser, or `None` when the
    /// card reads it itself (BookSci, CSL-JSON). Natively (the server
    /// renderer, the CLI) every reader is linked in and no module is loaded,
    /// but a pre-rendered card still carries such a record as CSL-JSON, so
    /// that the browser can hydrate it without waiting for the module.
    pub fn of(format: Format) -> Option<Self> {
        match format {
            Format::BibTeX => Some(ReaderModule::Bibtex),
            Format::Ris | Format::Crossref | Format::SemanticScholar => Some(ReaderModule::Readers),
            // BookSci, CSL-JSON: the card's own readers.
            _ => None,
        }
    }

    /// Its name for citecard.js (`bibtex`, `readers`).
    pub fn name(self) -> &'static str {
        match self {
            ReaderModule::Bibtex => "bibtex",
            ReaderModule::Readers => "readers",
        }
    }

    /// How to load the module: a function returning a promise of the
    /// initialised module (the embed's literal `import('./citecard-bibtex.js')`
    /// or `import('./citecard-readers.js')`); unset means the playground's
    /// copy in `dist/embed/`.
    pub fn set_loader(self, loader: js_sys::Function) {
        self.with(|m| m.set_loader(loader));
    }

    fn with<T>(self, f: impl FnOnce(&LazyModule) -> T) -> T {
        match self {
            ReaderModule::Bibtex => BIBTEX.with(f),
            ReaderModule::Readers => READERS.with(f),
        }
    }
}

/// A CSL-JSON item object (as a module answers, or the JS API's `parse`
/// gives) read with the card's own CSL-JSON reader, as a pasted CSL-JSON
/// item is read; `None` when it is not one.
pub fn read_item(item: &JsValue) -> Option<citecard_core::Reference> {
    let text = js_sys::JSON::stringify(item).ok()?.as_string()?;
    let mut items = citecard_core::input::csl_json::parse(&text, &CanonicalHtml).ok()?;
    Some(items.pop()?.ok()?.reference)
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
                .unwrap_or_else(|| "an unreadable record".to_owned()),
        },
    )
}

/// The records of `input`, in `format` (which `module` reads), whose
/// indexes are in `window`, each a reference or its located error, and
/// every other record located; or the error for the whole input.
pub async fn read(
    module: ReaderModule,
    format: Format,
    input: &str,
    window: std::ops::Range<usize>,
) -> Result<Vec<Card>, ParseError> {
    let failure = |message: String| {
        ParseError::new(
            Span::locate(input, 0, 0),
            ParseErrorKind::Syntax {
                message: format!("the {format} reader could not be loaded: {message}"),
            },
        )
    };
    let function = module.with(|m| m.function("read")).await.map_err(failure)?;
    // Indexes cross as numbers; a window open at the end is all the rest.
    let index = |i: usize| JsValue::from(u32::try_from(i).unwrap_or(u32::MAX));
    let arguments = js_sys::Array::of4(
        &input.into(),
        &format.id().into(),
        &index(window.start),
        &index(window.end),
    );
    let answer = function
        .apply(&JsValue::NULL, &arguments)
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
                (Some(item), _, _) => read_item(&item).map_or_else(
                    || Card::Failed(failure("an unreadable item".to_owned())),
                    |reference| Card::Read(std::rc::Rc::new(reference)),
                ),
                (None, Some(error), _) => Card::Failed(located(&error, input)),
                (None, None, Some(place)) => Card::NotRead(self::place(&place, input)),
                (None, None, None) => Card::Failed(failure("an empty answer".to_owned())),
            }
        })
        .collect())
}
