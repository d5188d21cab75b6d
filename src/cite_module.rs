//! The citation module (`crates/citecard-cite`), loaded on first use.
//!
//! The six CSL styles and the exports live in their own wasm module so the
//! first card stays small. Trunk writes it to `dist/embed/` as
//! `citecard-cite.js` and `citecard-cite_bg.wasm`; this loader imports it
//! once, from where the card itself came from (see [`set_module_url`]), and
//! hands it the reference as a CSL-JSON item.

use citecard_core::export::csl_json;
use citecard_core::{Reference, RichText};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::lazy_module::{message, LazyModule};

thread_local! {
    static MODULE: LazyModule = const { LazyModule::new("../../embed/citecard-cite.js") };
}

/// Where to import the module from (the embed sets it next to its own
/// script); unset means the playground's `dist/embed/citecard-cite.js`.
pub fn set_module_url(url: &str) {
    MODULE.with(|m| m.set_url(url));
}

/// A formatted citation or export, as the module returns it.
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    /// The plain text to copy.
    pub text: String,
    /// citeproc-js's HTML for a style; empty for exports.
    pub html: String,
    /// The citation as sanitised rich text (read back from the module's
    /// `<em>`/`<strong>` paragraph); `None` for exports.
    pub rich: Option<RichText>,
}

/// The citation key `citecard convert` would give this reference alone (a
/// BibTeX key or CSL-JSON id it was read with, else a made-up one).
pub fn key(reference: &Reference) -> String {
    citecard_core::export::citation_keys(std::slice::from_ref(reference))
        .pop()
        .unwrap_or_default()
}

/// Start loading the module, so that it is ready when the panel opens.
pub fn preload() {
    MODULE.with(LazyModule::preload);
}

/// Format `reference` as `choice` (a style id, `bibtex`, `ris` or
/// `csl-json`) with the citation module, loading it if needed.
pub async fn cite(reference: &Reference, choice: &str) -> Result<Output, String> {
    let function = MODULE.with(|m| m.function("cite")).await?;
    // The module reads the abstracts back with `CanonicalHtml`, so the
    // exports keep them.
    let item = csl_json::to_value(reference, &key(reference)).to_string();
    let result: js_sys::Array = function
        .call2(&JsValue::NULL, &item.into(), &choice.into())
        .map_err(message)?
        .dyn_into()
        .map_err(|_| "the citation module gave no result".to_owned())?;
    let part = |i: u32| result.get(i).as_string().unwrap_or_default();
    let preview = part(2);
    Ok(Output {
        text: part(0),
        html: part(1),
        rich: (!preview.is_empty())
            .then(|| RichText::from_html_with(&preview, crate::html::tokenizer())),
    })
}
