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

// wasm-bindgen puts inline snippets in `snippets/<crate>-<hash>/`, two
// levels below the files Trunk writes: by default (the playground in
// `dist/`) the module is at `../../embed/`.
#[wasm_bindgen(inline_js = r#"
let loading;
export function load_cite_module(url) {
  if (!loading) {
    const href = url || new URL('../../embed/citecard-cite.js', import.meta.url).href;
    loading = import(href).then(async (m) => { await m.default(); return m; });
    loading.catch(() => { loading = undefined; });
  }
  return loading;
}
"#)]
extern "C" {
    fn load_cite_module(url: &str) -> js_sys::Promise;
}

thread_local! {
    static MODULE_URL: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Where to import the module from (the embed sets it next to its own
/// script); empty means the playground's `dist/embed/citecard-cite.js`.
pub fn set_module_url(url: &str) {
    MODULE_URL.with(|u| *u.borrow_mut() = url.to_owned());
}

fn load() -> js_sys::Promise {
    MODULE_URL.with(|u| load_cite_module(&u.borrow()))
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

/// The message of a JavaScript error (or a fixed one).
pub(crate) fn message(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the citation module could not be loaded".to_owned())
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
    // Failures are reported by `cite`, which retries the load.
    drop(load());
}

/// Format `reference` as `choice` (a style id, `bibtex`, `ris` or
/// `csl-json`) with the citation module, loading it if needed.
pub async fn cite(reference: &Reference, choice: &str) -> Result<Output, String> {
    let module = wasm_bindgen_futures::JsFuture::from(load())
        .await
        .map_err(message)?;
    let function: js_sys::Function = js_sys::Reflect::get(&module, &"cite".into())
        .map_err(message)?
        .dyn_into()
        .map_err(|_| "the citation module has no `cite`".to_owned())?;
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
