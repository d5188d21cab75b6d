//! The embed bundle: the wasm behind `<citation-card>` and `window.citecard`
//! (`static/embed/citecard.js`). It renders cards into elements the script
//! gives it and reads records into CSL-JSON; nothing starts on its own.

use citecard::ui::card::{Theme, Variant};
use citecard::ui::i18n::Lang;
use citecard::ui::records::{RecordCards, RecordCardsProps};
use citecard_core::style::Style;
use citecard_core::{parse_with, Format};
use wasm_bindgen::prelude::*;
use yew::AttrValue;

fn main() {}

/// The allocator: talc, smaller in the bundle than Rust's default (dlmalloc).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// A mounted set of cards, updated when the element's attributes change and
/// destroyed when the element leaves the page.
#[wasm_bindgen]
pub struct Cards {
    app: Option<yew::AppHandle<RecordCards>>,
}

#[wasm_bindgen]
impl Cards {
    /// Re-render with a new record text and options.
    pub fn update(&mut self, input: String, options: &Options) {
        if let Some(app) = &mut self.app {
            app.update(props(input, options));
        }
    }

    /// Unmount the cards and free their state.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// The element's attributes, read once by the script.
#[wasm_bindgen]
#[derive(Default)]
pub struct Options {
    format: Option<Format>,
    style: Option<Style>,
    theme: Theme,
    variant: Variant,
    lang: Option<Lang>,
}

#[wasm_bindgen]
impl Options {
    /// Options from attribute values; unknown or empty values mean "default".
    #[wasm_bindgen(constructor)]
    pub fn new(format: &str, style: &str, theme: &str, variant: &str, lang: &str) -> Options {
        Options {
            format: format.parse().ok(),
            style: style.parse().ok(),
            theme: Theme::from_id(theme),
            variant: Variant::from_id(variant),
            lang: (!lang.trim().is_empty()).then(|| Lang::from_tag(lang)),
        }
    }
}

fn props(input: String, options: &Options) -> RecordCardsProps {
    yew::props!(RecordCardsProps {
        input: AttrValue::from(input),
        format: options.format,
        style: options.style,
        theme: options.theme,
        variant: options.variant,
        lang: options.lang,
    })
}

/// Render every record in `input` as a card inside `root` (a shadow root's
/// container element).
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, input: String, options: &Options) -> Cards {
    let app =
        yew::Renderer::<RecordCards>::with_root_and_props(root, props(input, options)).render();
    Cards { app: Some(app) }
}

/// Tell the cards where the citation module is (`citecard-cite.js` next to
/// the embed script).
#[wasm_bindgen]
pub fn set_cite_module_url(url: &str) {
    citecard::cite_module::set_module_url(url);
}

/// Tell the cards where the BibTeX module is (`citecard-bibtex.js` next to
/// the embed script).
#[wasm_bindgen]
pub fn set_bibtex_module_url(url: &str) {
    citecard::bibtex_module::set_module_url(url);
}

/// Every readable record in `input` as a CSL-JSON array (compact: the
/// script parses it); throws an `Error` with the located message when
/// nothing can be read.
#[wasm_bindgen]
pub fn parse(input: &str, format: Option<String>) -> Result<String, JsError> {
    let format = format.and_then(|f| f.parse().ok());
    let document = parse_with(input, format, citecard::html::tokenizer())
        .map_err(|e| JsError::new(&e.to_string()))?;
    let references = document.references();
    let keys = citecard_core::export::citation_keys(&references);
    let items: Vec<serde_json::Value> = references
        .iter()
        .zip(keys)
        .map(|(reference, key)| citecard_core::export::csl_json::to_value(reference, &key))
        .collect();
    Ok(serde_json::Value::Array(items).to_string())
}
