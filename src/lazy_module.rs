//! Loading a wasm-bindgen module on first use, once, from beside the card
//! (the citation module and the BibTeX module both load this way).

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// wasm-bindgen puts inline snippets in `snippets/<crate>-<hash>/`, two levels
// below the files Trunk writes, so a fallback path is relative to that.
#[wasm_bindgen(inline_js = r#"
const loading = new Map();
export function load_module(url, fallback) {
  const href = url || new URL(fallback, import.meta.url).href;
  if (!loading.has(href)) {
    const promise = import(href).then(async (m) => { await m.default(); return m; });
    promise.catch(() => loading.delete(href));
    loading.set(href, promise);
  }
  return loading.get(href);
}
"#)]
extern "C" {
    fn load_module(url: &str, fallback: &str) -> js_sys::Promise;
}

/// A module imported on first use; its URL is set by the embed (next to its
/// own script), else `fallback` (the playground's `dist/embed/` copy).
pub(crate) struct LazyModule {
    fallback: &'static str,
    url: RefCell<String>,
}

impl LazyModule {
    /// A module found at `fallback` until [`LazyModule::set_url`] says otherwise.
    pub(crate) const fn new(fallback: &'static str) -> Self {
        LazyModule {
            fallback,
            url: RefCell::new(String::new()),
        }
    }

    /// Import the module from `url` from now on.
    pub(crate) fn set_url(&self, url: &str) {
        *self.url.borrow_mut() = url.to_owned();
    }

    fn load(&self) -> js_sys::Promise {
        load_module(&self.url.borrow(), self.fallback)
    }

    /// Start loading, so the module is ready when it is needed; failures are
    /// reported (and the load retried) by [`LazyModule::function`].
    pub(crate) fn preload(&self) {
        drop(self.load());
    }

    /// The module's exported function `name`, loading the module if needed.
    pub(crate) fn function(
        &self,
        name: &'static str,
    ) -> impl std::future::Future<Output = Result<js_sys::Function, String>> + 'static {
        let loading = wasm_bindgen_futures::JsFuture::from(self.load());
        async move {
            let module = loading.await.map_err(message)?;
            js_sys::Reflect::get(&module, &name.into())
                .map_err(message)?
                .dyn_into()
                .map_err(|_| format!("the module has no `{name}`"))
        }
    }
}

/// The message of a JavaScript error (or a fixed one).
pub(crate) fn message(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the module could not be loaded".to_owned())
}
