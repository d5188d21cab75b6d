//! The citation module (`crates/citecard-cite`), loaded on first use.
//!
//! The six CSL styles and the exports live in their own wasm module so the
//! first card stays small. Trunk writes it next to the card's own files as
//! `citecard-cite.js` and `citecard-cite_bg.wasm`; this loader imports it
//! once, from the same origin, and hands it the reference as a CSL-JSON item.

use citecard_core::export::csl_json;
use citecard_core::{Reference, RichText};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// wasm-bindgen puts inline snippets in `snippets/<crate>-<hash>/`, two
// levels below the files Trunk writes, so the module is at `../../`.
#[wasm_bindgen(inline_js = r#"
let loading;
export function load_cite_module() {
  if (!loading) {
    const url = new URL('../../citecard-cite.js', import.meta.url);
    loading = import(url.href).then(async (m) => { await m.default(); return m; });
    loading.catch(() => { loading = undefined; });
  }
  return loading;
}
"#)]
extern "C" {
    fn load_cite_module() -> js_sys::Promise;
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

fn message(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the citation module could not be loaded".to_owned())
}

/// Start loading the module, so that it is ready when the panel opens.
pub fn preload() {
    // Failures are reported by `cite`, which retries the load.
    drop(load_cite_module());
}

/// Format `reference` as `choice` (a style id, `bibtex`, `ris` or
/// `csl-json`) with the citation module, loading it if needed.
pub async fn cite(reference: &Reference, choice: &str) -> Result<Output, String> {
    let module = wasm_bindgen_futures::JsFuture::from(load_cite_module())
        .await
        .map_err(message)?;
    let function: js_sys::Function = js_sys::Reflect::get(&module, &"cite".into())
        .map_err(message)?
        .dyn_into()
        .map_err(|_| "the citation module has no `cite`".to_owned())?;
    // The module reads the abstracts back with `CanonicalHtml`, so the
    // exports keep them.
    let item = csl_json::to_value(reference, &reference.citation_key()).to_string();
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
