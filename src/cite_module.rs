//! The citation module (`crates/citecard-cite`), loaded on first use.
//!
//! The six CSL styles and the exports live in their own wasm module so the
//! first card stays small. Trunk writes it to `dist/embed/` as
//! `citecard-cite.js` and `citecard-cite_bg.wasm`; this loader imports it
//! once, through the embed's loader (see [`set_module_loader`]), and
//! hands it the reference itself (its serde form, in postcard bytes), so
//! that the card carries no CSL-JSON writer; the module answers with an
//! object of strings, which the card reads by name (serde-wasm-bindgen's
//! deserializer would add 11 KB gzipped to the first card: BENCHMARKS.md).

use citecard_core::{Reference, RichText};
use wasm_bindgen::prelude::*;

use crate::lazy_module::{message, LazyModule};

thread_local! {
    static MODULE: LazyModule = const { LazyModule::new("../../embed/citecard-cite.js") };
}

/// How to load the module: a function returning a promise of the
/// initialised module (the embed's literal `import('./citecard-cite.js')`);
/// unset means the playground's `dist/embed/citecard-cite.js`.
pub fn set_module_loader(loader: js_sys::Function) {
    MODULE.with(|m| m.set_loader(loader));
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
    /// The citation key `citecard convert` would give this reference alone
    /// (a BibTeX key or CSL-JSON id it was read with, else a made-up one):
    /// an export's file name.
    pub key: String,
}

/// `reference` as the module reads it: its serde form in postcard, as a
/// `Uint8Array`.
pub fn to_js(reference: &Reference) -> Result<JsValue, String> {
    let bytes = postcard::to_allocvec(reference).map_err(|e| e.to_string())?;
    Ok(js_sys::Uint8Array::from(bytes.as_slice()).into())
}

/// Write `references` as one text in `choice` (a style id, one citation a
/// line; or one `bibtex`, `ris` or `csl-json` file with unique keys) with
/// the citation module, loading it if needed: a list's export.
pub async fn export_all<R: std::borrow::Borrow<Reference>>(
    references: &[R],
    choice: &str,
    with_abstract: bool,
) -> Result<String, String> {
    let function = MODULE.with(|m| m.function("export_all")).await?;
    let references = references
        .iter()
        .map(|reference| to_js(reference.borrow()))
        .collect::<Result<js_sys::Array, _>>()?;
    let arguments = js_sys::Array::of3(&references, &choice.into(), &with_abstract.into());
    function
        .apply(&JsValue::NULL, &arguments)
        .map_err(message)?
        .as_string()
        .ok_or_else(|| "the citation module gave no text".to_owned())
}

/// Start loading the module, so that it is ready when the panel opens.
pub fn preload() {
    MODULE.with(LazyModule::preload);
}

/// Format `reference` as `choice` (a style id, `bibtex`, `ris` or
/// `csl-json`) with the citation module, loading it if needed; an export
/// leaves the abstract out unless `with_abstract`.
pub async fn cite(
    reference: &Reference,
    choice: &str,
    with_abstract: bool,
) -> Result<Output, String> {
    let function = MODULE.with(|m| m.function("cite_reference")).await?;
    let arguments = js_sys::Array::of3(&to_js(reference)?, &choice.into(), &with_abstract.into());
    let answer = function
        .apply(&JsValue::NULL, &arguments)
        .map_err(message)?;
    let part = |name: &str| {
        js_sys::Reflect::get(&answer, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
    };
    let text = part("text").ok_or_else(|| "the citation module gave no text".to_owned())?;
    let preview = part("preview").unwrap_or_default();
    Ok(Output {
        text,
        html: part("html").unwrap_or_default(),
        rich: (!preview.is_empty())
            .then(|| RichText::from_html_with(&preview, crate::html::tokenizer())),
        key: part("key").unwrap_or_default(),
    })
}
