//! The embed's JS API, shared by `citecard-embed` and `citecard-hydrate`
//! (the same, built with the `hydration` feature).

use citecard::reader_modules::ReaderModule;
use citecard::ui::options::CardOptions;
use citecard::ui::records::{RecordCards, RecordCardsProps};
use wasm_bindgen::prelude::*;
use yew::AttrValue;

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

/// The options object the script passes: `{ format, style, theme, variant,
/// lang }`, each a string or null, read by name (see
/// [`CardOptions::from_attributes`]). It is read property by property, not
/// with serde-wasm-bindgen's deserializer, which would add 11 KB gzipped to
/// this bundle (BENCHMARKS.md, "Values across the JS boundary").
fn options(value: &JsValue) -> CardOptions {
    CardOptions::from_attributes(|name| {
        js_sys::Reflect::get(value, &JsValue::from_str(name))
            .ok()?
            .as_string()
    })
}

fn props(input: String, options: CardOptions, failure: Option<String>) -> RecordCardsProps {
    yew::props!(RecordCardsProps {
        input: AttrValue::from(input),
        options,
        failure: failure.map(AttrValue::from),
    })
}

#[wasm_bindgen]
impl Cards {
    /// Re-render with a new record text and options; `failure` says why
    /// the record could not be loaded, for an error card instead.
    pub fn update(&mut self, input: String, options: JsValue, failure: Option<String>) {
        if let Some(app) = &mut self.app {
            app.update(props(input, self::options(&options), failure));
        }
    }

    /// Unmount the cards and free their state.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Render every record in `input` as a card inside `root` (a shadow root's
/// container element); or, when `failure` says why the record could not be
/// loaded, an error card.
///
/// Built with `hydration`: when `root` holds cards rendered ahead of time
/// for this very record, options and version (its fingerprint says so),
/// they are hydrated: the markup stays, node for node, and comes to life;
/// a stale rendering is replaced. Without, `root` is expected empty (the
/// script clears it).
#[wasm_bindgen]
pub fn mount(
    root: web_sys::Element,
    input: String,
    options: JsValue,
    failure: Option<String>,
) -> Cards {
    let options = self::options(&options);
    #[cfg(feature = "hydration")]
    {
        use citecard::ui::prerender::{fingerprint, FINGERPRINT_ATTRIBUTE, STATIC_ATTRIBUTE};
        let rendered = root.get_attribute(FINGERPRINT_ATTRIBUTE);
        let _ = root.remove_attribute(FINGERPRINT_ATTRIBUTE);
        if failure.is_none() && rendered.is_some_and(|mark| mark == fingerprint(&input, &options)) {
            // What only the static page needs (the Cite panel as text) goes
            // first: the live card has its own.
            if let Ok(nodes) = root.query_selector_all(&format!("[{STATIC_ATTRIBUTE}]")) {
                for i in 0..nodes.length() {
                    if let Some(node) = nodes
                        .get(i)
                        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                    {
                        node.remove();
                    }
                }
            }
            let props = props(input, options, failure);
            let app = yew::Renderer::<RecordCards>::with_root_and_props(root, props).hydrate();
            return Cards { app: Some(app) };
        }
        // Stale (another record, options or version): drawn again.
        root.set_inner_html("");
    }
    let props = props(input, options, failure);
    let app = yew::Renderer::<RecordCards>::with_root_and_props(root, props).render();
    Cards { app: Some(app) }
}

/// Tell the cards how to load the citation module: `loader` returns a
/// promise of it, initialised (citecard.js imports `./citecard-cite.js`).
#[wasm_bindgen]
pub fn set_cite_module(loader: js_sys::Function) {
    citecard::cite_module::set_module_loader(loader);
}

/// Tell the cards how to load the BibTeX module: `loader` returns a promise
/// of it, initialised (citecard.js imports `./citecard-bibtex.js`).
#[wasm_bindgen]
pub fn set_bibtex_module(loader: js_sys::Function) {
    ReaderModule::Bibtex.set_loader(loader);
}

/// Tell the cards how to load the reader module (RIS, Crossref, Semantic
/// Scholar): `loader` returns a promise of it, initialised (citecard.js
/// imports `./citecard-readers.js`).
#[wasm_bindgen]
pub fn set_readers_module(loader: js_sys::Function) {
    ReaderModule::Readers.set_loader(loader);
}

/// A CSL-JSON item (of `parse`) as the citation module's `cite_reference`
/// takes it: read with the card's own reader, handed over in postcard. The
/// JS API's `cite` goes this way, so that the module carries no CSL-JSON
/// reader.
#[wasm_bindgen]
pub fn handover(item: JsValue) -> Result<JsValue, JsError> {
    let reference = citecard::reader_modules::read_item(&item)
        .ok_or_else(|| JsError::new("not a CSL-JSON item object"))?;
    citecard::cite_module::to_js(&reference).map_err(|e| JsError::new(&e))
}

/// Which reader module reads `input` (in `format`, or as detected) for the
/// JS API's `parse`, and as what: `{ module: "bibtex" | "readers", format }`.
/// The card reads BookSci and CSL-JSON itself, but `parse` answers CSL-JSON
/// items, and the writer of those lives in the modules, not in the first
/// card; the reader module reads those two formats as well. An input of no
/// format citecard knows goes there with `format: ""`, and the module says
/// which formats it looked for.
#[wasm_bindgen]
pub fn reader_module(input: &str, format: Option<String>) -> JsValue {
    let format = format
        .and_then(|f| f.parse().ok())
        .or_else(|| citecard_core::detect(input));
    let module = format
        .and_then(ReaderModule::of)
        .unwrap_or(ReaderModule::Readers);
    // Two strings, set by name: serde-wasm-bindgen's serializer would put
    // 1.6 KB into the first card for them.
    let answer = js_sys::Object::new();
    for (name, value) in [
        ("module", module.name()),
        ("format", format.map_or("", |f| f.id())),
    ] {
        // Setting a property on a plain object cannot fail.
        let _ = js_sys::Reflect::set(&answer, &name.into(), &value.into());
    }
    answer.into()
}
