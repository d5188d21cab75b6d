//! citecard's citation module: formats a reference in one of the built-in
//! citation styles or in any CSL style given at run time, or writes it as
//! BibTeX, RIS or CSL-JSON.
//!
//! The card (the `citecard` crate) loads this module the first time someone
//! opens its cite control, and passes the reference itself with
//! [`cite_reference`] (its serde form, in postcard bytes); the JS API's
//! `cite` hands over the items of its `parse` the same way, read by the
//! card. The module answers with an [`Answer`] object (serde-wasm-bindgen).
//! Keeping the CSL styles, and the writers, out of the card's own wasm keeps
//! the first card small and fast (see BENCHMARKS.md).
#![warn(missing_docs)]

use citecard_core::export::{self, bibtex, ris};
use citecard_core::input::csl_json;
use citecard_core::rich_text::{Block, CanonicalHtml, Inline, RichText, Section};
use citecard_core::Reference;
use std::cell::RefCell;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::rc::Rc;

use citecard_core::style::{self, CslStyle, LocaleFile, Style, StyleFile};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;

// The browser's float conversions, as the card hands them to the core.
#[cfg(target_arch = "wasm32")]
#[path = "../../../src/floats.rs"]
mod floats;

/// The allocator: talc, smaller in the bundle than Rust's default (dlmalloc).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// A formatted citation or export.
#[derive(Debug, PartialEq)]
pub struct Output {
    /// The plain text to copy.
    pub text: String,
    /// The HTML citeproc-js writes for a citation style; empty for exports.
    pub html: String,
    /// The citation as rich inline content; empty for exports.
    pub inlines: Vec<Inline>,
}

/// Read one CSL-JSON item: only the CSL-JSON reader, not format detection,
/// whose other readers would add their code to this module for nothing.
/// Abstracts are HTML as `RichText::to_html` writes it, which
/// `CanonicalHtml` reads back.
fn read_item(item: &Map<String, Value>) -> Reference {
    csl_json::read_item(item, &CanonicalHtml).0
}

/// Format `item` (one CSL-JSON item) as `choice`: `apa`, `mla`, `chicago`,
/// `harvard`, `ieee`, `vancouver`, `gb-t-7714-numeric`,
/// `gb-t-7714-author-date`, `bibtex`, `ris` or `csl-json`.
pub fn format_item(item: &Map<String, Value>, choice: &str) -> Result<Output, String> {
    format_reference(&read_item(item), choice)
}

/// Format `reference` as `choice`, as [`format_item`] does.
pub fn format_reference(reference: &Reference, choice: &str) -> Result<Output, String> {
    let export = |text: String| Output {
        text,
        html: String::new(),
        inlines: Vec::new(),
    };
    let references = std::slice::from_ref(reference);
    Ok(match choice {
        "bibtex" => export(bibtex::write(references)),
        "ris" => export(ris::write(references)),
        "csl-json" => export(export::csl_json::write(references)),
        style => {
            let style: Style = style.parse()?;
            let citation = style::cite(reference, style)
                .ok_or_else(|| format!("the {style} style could not be read"))?;
            Output {
                text: citation.text,
                html: citation.html,
                inlines: citation.inlines,
            }
        }
    })
}

impl Output {
    /// The citation as one paragraph of sanitised HTML with only `<em>` and
    /// `<strong>`, which the card reads back as rich text; empty for exports.
    pub fn preview_html(&self) -> String {
        if self.inlines.is_empty() {
            return String::new();
        }
        RichText {
            sections: vec![Section {
                label: None,
                blocks: vec![Block::Paragraph(self.inlines.clone())],
            }],
        }
        .to_html()
    }
}

/// What [`cite_reference`] answers.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct Answer {
    /// The plain text to copy.
    pub text: String,
    /// citeproc-js's HTML for a style; empty for exports.
    pub html: String,
    /// [`Output::preview_html`]: the citation as one paragraph with only
    /// `<em>` and `<strong>`; empty for exports.
    pub preview: String,
    /// The style's title: a built-in style's label, or a CSL file's
    /// `<info><title>`; empty for exports.
    pub title: String,
    /// The reference's citation key, as `citecard convert` gives it (the
    /// key or id it was read with, else a made-up one): an export's file
    /// name.
    pub key: String,
}

/// A CSL style given at run time, as the JS API and the card hand it over.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq, Hash)]
pub struct StyleSource {
    /// The CSL file's text (a dependent style's parent, when `dependent`
    /// is given).
    pub csl: String,
    /// A dependent style's text: its title and locale, the parent's rules.
    #[serde(default)]
    pub dependent: Option<String>,
    /// A CSL locale file's text.
    #[serde(default)]
    pub locale: Option<String>,
    /// The language to format in (`de-DE`); else the locale's, else the
    /// style's `default-locale`.
    #[serde(default)]
    pub lang: Option<String>,
}

/// What a style given at run time is.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct StyleInfo {
    /// Its title (a dependent style's own).
    pub title: String,
    /// The language it formats in.
    pub lang: String,
    /// The CSL features it uses that citecard does not implement.
    pub warnings: Vec<String>,
    /// For a dependent style given alone: the short name of the parent to
    /// give with it (`nature`); empty otherwise.
    pub parent: String,
    /// The id to cite with it by ([`cite_reference`]'s `choice`): `csl-1`, `csl-2`, …
    /// in the order this page compiled them; empty for a dependent style
    /// given alone.
    pub id: String,
}

thread_local! {
    /// The styles compiled on this page, by a hash of their source (and
    /// known as `csl-{place + 1}`): a style is compiled once however many
    /// cards and citations use it.
    static COMPILED: RefCell<Vec<(u64, Rc<CslStyle>)>> = const { RefCell::new(Vec::new()) };
}

/// Why a style source cannot be used: `Err(parent)` for a dependent style
/// given without its parent, else the located error's text.
enum Unusable {
    NeedsParent(Box<StyleFile>),
    Error(String),
}

/// A style compiled on this page, by its id (`csl-1`).
fn by_id(id: &str) -> Option<(String, Rc<CslStyle>)> {
    let place: usize = id.strip_prefix("csl-")?.parse().ok()?;
    let style = COMPILED.with_borrow(|c| Some(c.get(place.checked_sub(1)?)?.1.clone()))?;
    Some((id.to_owned(), style))
}

/// The style of `source` and its id, compiled once per page.
fn compiled(source: &StyleSource) -> Result<(String, Rc<CslStyle>), Unusable> {
    let mut hasher = DefaultHasher::new();
    source.hash(&mut hasher);
    let key = hasher.finish();
    let known = COMPILED.with_borrow(|c| {
        c.iter()
            .position(|(k, _)| *k == key)
            .map(|i| (format!("csl-{}", i + 1), c[i].1.clone()))
    });
    if let Some(known) = known {
        return Ok(known);
    }
    let error = |what: &str, e: style::CslError| Unusable::Error(format!("{what}: {e}"));
    let style = StyleFile::parse(&source.csl).map_err(|e| error("the CSL style", e))?;
    let dependent = match &source.dependent {
        Some(text) => {
            Some(StyleFile::parse(text).map_err(|e| error("the dependent CSL style", e))?)
        }
        None => None,
    };
    if dependent.is_none() && style.is_dependent() {
        return Err(Unusable::NeedsParent(Box::new(style)));
    }
    let locale = match &source.locale {
        Some(text) => Some(LocaleFile::parse(text).map_err(|e| error("the CSL locale", e))?),
        None => None,
    };
    let compiled = CslStyle::new(
        &style,
        dependent.as_ref(),
        source.lang.as_deref(),
        locale.as_ref(),
    )
    .map_err(|e| error("the CSL style", e))?;
    let compiled = Rc::new(compiled);
    let place = COMPILED.with_borrow_mut(|c| {
        c.push((key, compiled.clone()));
        c.len()
    });
    Ok((format!("csl-{place}"), compiled))
}

/// What `source` is: its title, language and warnings, or the parent a
/// dependent style needs.
pub fn describe(source: &StyleSource) -> Result<StyleInfo, String> {
    match compiled(source) {
        Ok((id, style)) => Ok(StyleInfo {
            title: style.title().unwrap_or_default().to_owned(),
            lang: style.lang().to_owned(),
            warnings: style.warnings().to_vec(),
            parent: String::new(),
            id,
        }),
        Err(Unusable::NeedsParent(file)) => Ok(StyleInfo {
            title: file.title().unwrap_or_default().to_owned(),
            lang: file.default_locale().unwrap_or_default().to_owned(),
            warnings: Vec::new(),
            parent: StyleFile::short_name(file.parent().unwrap_or_default()).to_owned(),
            id: String::new(),
        }),
        Err(Unusable::Error(message)) => Err(message),
    }
}

/// [`describe`] for JavaScript: `source` is a [`StyleSource`] object, the
/// answer a [`StyleInfo`] object (with the id to cite by); throws an
/// `Error` with a located message for a file that is not CSL.
#[wasm_bindgen]
pub fn style_info(source: JsValue) -> Result<JsValue, JsError> {
    let source: StyleSource = serde_wasm_bindgen::from_value(source).map_err(|e| {
        JsError::new(&format!(
            "not a style source object ({{ csl, locale }}): {e}"
        ))
    })?;
    let info = describe(&source).map_err(|e| JsError::new(&e))?;
    info.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Format `reference` in the style of `source`, or the style compiled on
/// this page as `id` (`csl-1`, [`StyleInfo::id`]).
pub fn format_with(
    reference: &Reference,
    source: Result<&StyleSource, &str>,
) -> Result<(Output, String), String> {
    let found = match source {
        Ok(source) => compiled(source),
        Err(id) => by_id(id).ok_or_else(|| Unusable::Error(format!("no style {id} on this page"))),
    };
    let (_, style) = match found {
        Ok(style) => style,
        Err(Unusable::NeedsParent(file)) => {
            return Err(format!(
                "a dependent style: give its parent, {}, with it",
                file.parent().unwrap_or_default()
            ))
        }
        Err(Unusable::Error(message)) => return Err(message),
    };
    let citation = style.cite(reference);
    Ok((
        Output {
            text: citation.text,
            html: citation.html,
            inlines: citation.inlines,
        },
        style.title().unwrap_or_default().to_owned(),
    ))
}

/// [`format_reference`] for JavaScript: `reference` is a [`Reference`] as
/// the card hands it over (its serde form in postcard bytes), and `choice`
/// a built-in style's or an export's id, or a [`StyleSource`] object (any
/// CSL style). Exports leave the abstracts out unless `with_abstract` (they
/// are long, and a reference manager seldom wants them). Answers an
/// [`Answer`] object, or throws an `Error` with the message.
#[wasm_bindgen]
pub fn cite_reference(
    reference: &[u8],
    choice: JsValue,
    with_abstract: bool,
) -> Result<JsValue, JsError> {
    answer(&reading(reference, with_abstract)?, choice)
}

/// The [`Reference`] the card handed over, without its abstracts unless
/// `with_abstract`.
fn reading(reference: &[u8], with_abstract: bool) -> Result<Reference, JsError> {
    let mut reference: Reference = postcard::from_bytes(reference)
        .map_err(|e| JsError::new(&format!("not a reference: {e}")))?;
    if !with_abstract {
        reference.abstract_text = None;
        reference.abstract_zh = None;
    }
    Ok(reference)
}

/// `reference` formatted as `choice` (an id, or a [`StyleSource`] object),
/// as an [`Answer`] object.
fn answer(reference: &Reference, choice: JsValue) -> Result<JsValue, JsError> {
    #[cfg(target_arch = "wasm32")]
    floats::hand_over();
    let (output, title) = match choice.as_string() {
        // `csl-1`, `csl-2`: a style compiled on this page (not `csl-json`).
        Some(id) if by_id(&id).is_some() => {
            format_with(reference, Err(&id)).map_err(|e| JsError::new(&e))?
        }
        Some(choice) => {
            let title = choice
                .parse::<Style>()
                .map(|s| s.label().to_owned())
                .unwrap_or_default();
            (
                format_reference(reference, &choice).map_err(|e| JsError::new(&e))?,
                title,
            )
        }
        None => {
            let source: StyleSource = serde_wasm_bindgen::from_value(choice).map_err(|e| {
                JsError::new(&format!("not a style id nor a style source object: {e}"))
            })?;
            format_with(reference, Ok(&source)).map_err(|e| JsError::new(&e))?
        }
    };
    let answer = Answer {
        preview: output.preview_html(),
        text: output.text,
        html: output.html,
        title,
        key: export::citation_keys(std::slice::from_ref(reference))
            .pop()
            .unwrap_or_default(),
    };
    answer
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Write `references` as one text in `choice`: one BibTeX, RIS or CSL-JSON
/// file holding them all, with citation keys unique across them, or each
/// formatted in a built-in style, one per line. What a publication list
/// exports.
pub fn format_references(references: &[Reference], choice: &str) -> Result<String, String> {
    Ok(match choice {
        "bibtex" => bibtex::write(references),
        "ris" => ris::write(references),
        "csl-json" => export::csl_json::write(references),
        style => {
            let style: Style = style.parse()?;
            let mut lines = Vec::with_capacity(references.len());
            for reference in references {
                let citation = style::cite(reference, style)
                    .ok_or_else(|| format!("the {style} style could not be read"))?;
                lines.push(citation.text);
            }
            lines.join("\n")
        }
    })
}

/// [`format_references`] for the list: `references` is an array of
/// [`Reference`]s as the card serializes them, written without their
/// abstracts unless `with_abstract`; answers the text, or throws an `Error`
/// with the message.
#[wasm_bindgen]
pub fn export_all(
    references: js_sys::Array,
    choice: &str,
    with_abstract: bool,
) -> Result<String, JsError> {
    #[cfg(target_arch = "wasm32")]
    floats::hand_over();
    // One by one, with the deserializer `cite_reference` already links (a
    // Vec of them would link a second one).
    let references = references
        .iter()
        .map(|reference| reading(&js_sys::Uint8Array::new(&reference).to_vec(), with_abstract))
        .collect::<Result<Vec<_>, _>>()?;
    format_references(&references, choice).map_err(|e| JsError::new(&e))
}

/// Parse one card's record text (`format`: `bibtex`, `booksci`, …) and
/// format each of its records in `style`, as the speed benchmark does one
/// card at a time (feature `bench`). Answers the citations' total length.
#[cfg(feature = "bench")]
#[wasm_bindgen]
pub fn cite_text(text: &str, format: &str, style: &str) -> Result<usize, JsError> {
    let style: Style = style.parse().map_err(|e: String| JsError::new(&e))?;
    let format: citecard_core::Format =
        format.parse().map_err(|e| JsError::new(&format!("{e}")))?;
    let document =
        citecard_core::parse(text, Some(format)).map_err(|e| JsError::new(&e.to_string()))?;
    let mut characters = 0;
    for record in document.records {
        let record = record.map_err(|e| JsError::new(&e.to_string()))?;
        characters += style::cite(&record.reference, style)
            .map(|c| c.text.len())
            .ok_or_else(|| JsError::new("the style could not be read"))?;
    }
    Ok(characters)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITEM_JSON: &str = r#"{"id":"repper2022embedding","type":"article-journal",
        "title":"Embedding coproduction in organisational culture and practice: a case study",
        "author":[{"family":"Repper","given":"Julie"},{"family":"Eve","given":"Julian"}],
        "container-title":"Leadership in Health Services","DOI":"10.1108/LHS-04-2022-0039",
        "issued":{"date-parts":[[2022,7,26]]},"abstract":"<p>An <b>abstract</b></p>"}"#;

    fn item() -> Map<String, Value> {
        serde_json::from_str(ITEM_JSON).unwrap()
    }

    fn reference() -> Reference {
        read_item(&item())
    }

    #[test]
    fn formats_a_csl_json_item_in_a_style() {
        let output = format_item(&item(), "apa").unwrap();
        // citeproc-js 2.4.63 with apa.csl (tests/golden/citations.json, record 0).
        assert_eq!(
            output.text,
            "Repper, J., & Eve, J. (2022). Embedding coproduction in organisational culture and \
             practice: a case study. Leadership in Health Services. https://doi.org/10.1108/LHS-04-2022-0039"
        );
        assert!(output.html.contains("<i>Leadership in Health Services</i>"));
        assert_eq!(
            output.preview_html(),
            "<p>Repper, J., &amp; Eve, J. (2022). Embedding coproduction in organisational culture \
             and practice: a case study. <em>Leadership in Health Services</em>. \
             https://doi.org/10.1108/LHS-04-2022-0039</p>"
        );
    }

    #[test]
    fn writes_exports() {
        assert!(format_item(&item(), "bibtex")
            .unwrap()
            .text
            .starts_with("@article{repper2022embedding,"));
        assert!(format_item(&item(), "ris")
            .unwrap()
            .text
            .starts_with("TY  - JOUR"));
        let json = format_item(&item(), "csl-json").unwrap().text;
        assert!(json.contains("\"DOI\": \"10.1108/LHS-04-2022-0039\""));
        // The abstract survives the hand-over with its markup.
        assert!(json.contains("\"abstract\": \"<p>An <strong>abstract</strong></p>\""));
    }

    #[test]
    fn writes_many_items_as_one_file_or_one_citation_a_line() {
        let mut other = item();
        other.insert("title".into(), Value::from("A second paper"));
        let items = [reference(), read_item(&other)];
        let bibtex = format_references(&items, "bibtex").unwrap();
        // Two entries with the same id get distinct keys, as BibTeX needs.
        assert!(bibtex.contains("@article{repper2022embedding,"));
        assert!(bibtex.contains("@article{repper2022embeddinga,"));
        assert_eq!(
            format_references(&items, "ris")
                .unwrap()
                .matches("TY  - JOUR")
                .count(),
            2
        );
        let json: Value =
            serde_json::from_str(&format_references(&items, "csl-json").unwrap()).unwrap();
        assert_eq!(json.as_array().map(Vec::len), Some(2));
        let apa = format_references(&items, "apa").unwrap();
        let lines: Vec<&str> = apa.lines().collect();
        assert_eq!(lines.len(), 2);
        // Each line is the item's own citation, as `cite` writes it alone.
        assert_eq!(lines[0], format_item(&item(), "apa").unwrap().text);
        assert!(format_references(&items, "nature").is_err());
    }

    /// The official nature.csl, read from ../shared/csl at test time.
    fn shared_style(path: &str) -> String {
        let path = format!("{}/../../../shared/csl/{path}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn formats_in_a_style_given_at_run_time_compiled_once() {
        let source = StyleSource {
            csl: shared_style("styles/nature.csl"),
            ..StyleSource::default()
        };
        let (output, title) = format_with(&reference(), Ok(&source)).unwrap();
        assert_eq!(title, "Nature");
        // citeproc-js 2.4.63 with nature.csl (en-GB, its default-locale)
        // writes exactly this: the margin's own space, then the joining one.
        assert_eq!(
            output.text,
            "1.  Repper, J. & Eve, J. Embedding coproduction in organisational culture and practice: \
             a case study. Leadership in Health Services https://doi.org/10.1108/LHS-04-2022-0039 (2022) \
             doi:10.1108/LHS-04-2022-0039."
        );
        let (id, first) = compiled(&source).ok().unwrap();
        let (_, again) = compiled(&source).ok().unwrap();
        assert!(
            Rc::ptr_eq(&first, &again),
            "a style is compiled once per page"
        );
        let info = describe(&source).unwrap();
        assert_eq!(
            (info.title.as_str(), info.lang.as_str()),
            ("Nature", "en-GB")
        );
        assert_eq!(info.id, id);
        // Cited by its id, the same entry.
        assert_eq!(format_with(&reference(), Err(&id)).unwrap().0, output);
        assert!(format_with(&reference(), Err("csl-999")).is_err());
        // An export's id is not a compiled style's.
        assert!(by_id("csl-json").is_none());
    }

    #[test]
    fn a_dependent_style_names_its_parent_then_formats_with_it() {
        let dependent = shared_style("dependent/nature-communications.csl");
        let alone = StyleSource {
            csl: dependent.clone(),
            ..StyleSource::default()
        };
        assert_eq!(describe(&alone).unwrap().parent, "nature");
        let error = format_with(&reference(), Ok(&alone)).unwrap_err();
        assert!(error.contains("dependent"), "{error}");
        let parent = StyleSource {
            csl: shared_style("styles/nature.csl"),
            ..StyleSource::default()
        };
        let with_parent = StyleSource {
            dependent: Some(dependent),
            ..parent.clone()
        };
        let (output, title) = format_with(&reference(), Ok(&with_parent)).unwrap();
        assert_eq!(title, "Nature Communications");
        let (alone_parent, _) = format_with(&reference(), Ok(&parent)).unwrap();
        assert_eq!(output.text, alone_parent.text);
    }

    #[test]
    fn a_file_that_is_not_a_style_is_a_located_error() {
        let source = StyleSource {
            csl: "<style xmlns=\"http://purl.org/net/xbiblio/csl\">\n<bibliography>\n</style>"
                .into(),
            ..StyleSource::default()
        };
        let error = format_with(&reference(), Ok(&source)).unwrap_err();
        assert!(
            error.starts_with("the CSL style: line 3, column 1:"),
            "{error}"
        );
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        let not_an_item: Map<String, Value> = serde_json::from_str(r#"{"type": 3}"#).unwrap();
        // A wrong type is read as a document with a warning, not a panic.
        assert!(format_item(&not_an_item, "apa").is_ok());
        assert!(format_item(&item(), "nature")
            .unwrap_err()
            .contains("unknown style"));
    }
}
