//! Loading a wasm-bindgen module on first use, once (the citation module and
//! the BibTeX module both load this way): through the loader the embed gives,
//! else from beside the playground.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// The embed hands over a loader (citecard.js imports each module with a
// literal `import('./citecard-cite.js')`, which bundlers follow and copy,
// where a URL built at run time would point into the bundler's output at
// nothing). Without one, the playground's copy: wasm-bindgen puts inline
// snippets in `snippets/<crate>-<hash>/`, two levels below the files Trunk
// writes, so the fallback path is relative to that. Bundlers are told to
// leave that import alone: it is never taken in the embed, and webpack
// would otherwise warn ("Critical dependency: the request of a dependency
// is an expression") and bundle the snippet's folder as a context.
#[wasm_bindgen(inline_js = r#"
const loading = new Map();
export function load_module(loader, fallback) {
  const key = loader ?? fallback;
  if (!loading.has(key)) {
    const promise = loader
      ? Promise.resolve().then(() => loader())
      : import(/* webpackIgnore: true */ /* @vite-ignore */ new URL(/* webpackIgnore: true */ fallback, import.meta.url).href)
          .then(async (m) => { await m.default(); return m; });
    promise.catch(() => loading.delete(key));
    loading.set(key, promise);
  }
  return loading.get(key);
}
"#)]
extern "C" {
    fn load_module(loader: Option<js_sys::Function>, fallback: &str) -> js_sys::Promise;
}

/// A module imported on first use: by the loader the embed sets, else from
/// `fallback` (the playground's `dist/embed/` copy).
pub(crate) struct LazyModule {
    fallback: &'static str,
    loader: RefCell<Option<js_sys::Function>>,
}

impl LazyModule {
    /// A module found at `fallback` until [`LazyModule::set_url`] says otherwise.
    pub(crate) const fn new(fallback: &'static str) -> Self {
        LazyModule {
            fallback,
            loader: RefCell::new(None),
        }
    }

    /// Load the module with `loader` from now on: a function that returns
    /// a promise of the initialised module.
    pub(crate) fn set_loader(&self, loader: js_sys::Function) {
        *self.loader.borrow_mut() = Some(loader);
    }

    fn load(&self) -> js_sys::Promise {
        load_module(self.loader.borrow().clone(), self.fallback)
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
