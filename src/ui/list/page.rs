//! What the list asks of the page: its URL fragment (the reader's view, or
//! a permalink to one entry), told when it changes, an entry brought into
//! view, and Unicode normalization. Each a line of JavaScript, smaller than web-sys's bindings.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function fragment() {
  return location.hash.slice(1);
}
export function decoded_fragment() {
  const raw = location.hash.slice(1);
  try { return decodeURIComponent(raw); } catch (_) { return raw; }
}
export function set_fragment(text) {
  if (location.hash.slice(1) === text) return;
  // replaceState: filtering is not a step the Back button should undo.
  history.replaceState(history.state, '', text ? '#' + text : location.pathname + location.search);
}
export function on_fragment_change(callback) {
  const listener = () => callback();
  addEventListener('hashchange', listener);
  return () => removeEventListener('hashchange', listener);
}
export function normalize(text, form) {
  return text.normalize(form);
}
export function reveal(root, id) {
  const target = root && root.querySelector('#' + CSS.escape(id));
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  target.tabIndex = -1;
  target.focus({ preventScroll: true });
}
"#)]
extern "C" {
    /// The page's URL fragment, without `#`, as written (percent-encoded).
    pub fn fragment() -> String;
    /// The fragment decoded: a permalink's citation key.
    pub fn decoded_fragment() -> String;
    /// Make the fragment `text` (none when empty) without a new history entry.
    pub fn set_fragment(text: &str);
    #[wasm_bindgen(js_name = on_fragment_change)]
    fn on_fragment_change_js(callback: &js_sys::Function) -> js_sys::Function;
    /// Scroll the element with id `id` inside `root` into view and focus it.
    pub fn reveal(root: &web_sys::Element, id: &str);
    /// `text` in Unicode normalization form `form` (`NFKD`, `NFC`).
    #[cfg(target_arch = "wasm32")]
    fn normalize(text: &str, form: &str) -> String;
}

/// The browser's Unicode normalization, for the core's folding (which then
/// needs no tables of its own in the wasm).
#[cfg(target_arch = "wasm32")]
pub fn normalize_with_the_browser() {
    citecard_core::list::fold::set_normalizer(citecard_core::list::fold::Normalizer {
        nfkd: |text| normalize(text, "NFKD"),
        nfc: |text| normalize(text, "NFC"),
    });
}

/// Call `callback` whenever the fragment changes (the reader follows a
/// permalink, or edits the address); the returned guard stops it.
pub fn on_fragment_change(callback: impl Fn() + 'static) -> impl FnOnce() {
    let closure = Closure::<dyn Fn()>::new(callback);
    let remove = on_fragment_change_js(closure.as_ref().unchecked_ref());
    move || {
        let _ = remove.call0(&JsValue::NULL);
        drop(closure);
    }
}
