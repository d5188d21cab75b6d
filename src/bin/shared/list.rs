//! The list bundle's own JS API: `<citation-list>` mounts a
//! [`PublicationList`] with it.

use citecard::ui::list::{ListOptions, PublicationList, PublicationListProps};
use citecard::ui::options::CardOptions;
use citecard::ui::prerender::FINGERPRINT_ATTRIBUTE;
use wasm_bindgen::prelude::*;
use yew::AttrValue;

/// A mounted list, updated when the element's attributes change and
/// destroyed when the element leaves the page.
#[wasm_bindgen]
pub struct List {
    app: Option<yew::AppHandle<PublicationList>>,
}

/// The attribute `name` of the options object the script passes (each
/// attribute's value, a string or null), read by name like the card's.
fn attribute(options: &JsValue, name: &str) -> Option<String> {
    js_sys::Reflect::get(options, &JsValue::from_str(name))
        .ok()?
        .as_string()
}

fn props(input: String, options: &JsValue, failure: Option<String>) -> PublicationListProps {
    yew::props!(PublicationListProps {
        input: AttrValue::from(input),
        options: CardOptions::from_attributes(|name| attribute(options, name)),
        list: ListOptions::from_attributes(|name| attribute(options, name)),
        failure: failure.map(AttrValue::from),
    })
}

#[wasm_bindgen]
impl List {
    /// Re-render with a new record text and options; `failure` says why
    /// the records could not be loaded, for an error card instead.
    pub fn update(&mut self, input: String, options: JsValue, failure: Option<String>) {
        if let Some(app) = &mut self.app {
            app.update(props(input, &options, failure));
        }
    }

    /// Unmount the list and free its state.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Render every record in `input` as a publication list inside `root` (a
/// shadow root's container element, empty); `options` holds the card's
/// and the list's attributes by name; `failure` says why the records could
/// not be loaded, for an error card instead.
#[wasm_bindgen]
pub fn mount_list(
    root: web_sys::Element,
    input: String,
    options: JsValue,
    failure: Option<String>,
) -> List {
    let mut props = props(input, &options, failure);
    // A list rendered ahead of time (`citecard render --list`) stays as it
    // is while this one reads its records apart, then gives it its place:
    // no "Loading" between the two, and no hydration (the browser reads a
    // long list over several tasks, so its first render is not the
    // server's).
    if root.has_attribute(FINGERPRINT_ATTRIBUTE) {
        if let Some(fresh) = root
            .owner_document()
            .and_then(|d| d.create_element("div").ok())
        {
            let (host, drawn) = (root.clone(), fresh.clone());
            props.on_ready = Some(yew::Callback::from(move |()| {
                if drawn.parent_node().is_none() {
                    host.replace_children_with_node_1(&drawn);
                    let _ = host.remove_attribute(FINGERPRINT_ATTRIBUTE);
                }
            }));
            let app = yew::Renderer::<PublicationList>::with_root_and_props(fresh, props).render();
            return List { app: Some(app) };
        }
    }
    let app = yew::Renderer::<PublicationList>::with_root_and_props(root, props).render();
    List { app: Some(app) }
}
