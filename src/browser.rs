//! Small browser services the card needs: rich copy with fallbacks, file
//! downloads and remembered choices. Each is a few lines of JavaScript,
//! smaller in the bundle than the equivalent web-sys bindings.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export async function copy_rich(text, html) {
  const clipboard = globalThis.navigator && navigator.clipboard;
  if (clipboard && html && globalThis.ClipboardItem) {
    try {
      await clipboard.write([new ClipboardItem({
        'text/plain': new Blob([text], { type: 'text/plain' }),
        'text/html': new Blob([html], { type: 'text/html' }),
      })]);
      return true;
    } catch (_) { /* fall back to plain text */ }
  }
  if (clipboard && clipboard.writeText) {
    try { await clipboard.writeText(text); return true; } catch (_) { /* denied */ }
  }
  return false;
}
export function select_contents(node) {
  const selection = globalThis.getSelection && getSelection();
  if (!selection || !node) return;
  const range = document.createRange();
  range.selectNodeContents(node);
  selection.removeAllRanges();
  selection.addRange(range);
}
export function download(name, mime, text) {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
export function remembered(key) {
  try { return globalThis.localStorage ? localStorage.getItem(key) : null; } catch (_) { return null; }
}
export function remember(key, value) {
  try { if (globalThis.localStorage) localStorage.setItem(key, value); } catch (_) { /* private mode */ }
}
export function wait(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
"#)]
extern "C" {
    /// Copy `text` and `html` (when not empty) together as a ClipboardItem,
    /// else `text` alone; resolves to whether either worked.
    #[wasm_bindgen(js_name = copy_rich)]
    fn copy_rich_js(text: &str, html: &str) -> js_sys::Promise;
    /// Select the contents of `node`, for copying by hand.
    pub fn select_contents(node: &web_sys::Node);
    /// Offer `text` as a file called `name`.
    pub fn download(name: &str, mime: &str, text: &str);
    /// A value kept in localStorage, if storage is available.
    pub fn remembered(key: &str) -> Option<String>;
    /// Keep a value in localStorage, if storage is available.
    pub fn remember(key: &str, value: &str);
    #[wasm_bindgen(js_name = wait)]
    fn wait_js(ms: u32) -> js_sys::Promise;
}

/// Resolve in a later task (after the browser has had a chance to render
/// and handle input), to split long work across tasks.
pub async fn next_task() {
    wait(0).await;
}

/// Resolve after about `ms` milliseconds, in a task of its own.
pub async fn wait(ms: u32) {
    // A timer promise only resolves; there is no error to lose.
    let _ = wasm_bindgen_futures::JsFuture::from(wait_js(ms)).await;
}

/// Copy `text` (and `html`, when not empty, as rich text beside it).
/// Returns whether the clipboard took it.
pub async fn copy_rich(text: &str, html: &str) -> bool {
    wasm_bindgen_futures::JsFuture::from(copy_rich_js(text, html))
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}
