//! The floor for the first-card benchmark: what any Yew app pays to show
//! one line of text, with the embed's release profile, allocator and
//! tools. `scripts/bench` serves it as it serves the embed and times both
//! in the same run; the difference is what citecard itself costs.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// The same allocator as the embed's, so that the floor is not a different
/// allocator's size.
#[cfg(target_family = "wasm")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The text to show, from the page.
#[derive(Properties, PartialEq)]
struct TitleProps {
    text: AttrValue,
}

/// One heading with the page's text.
#[component]
fn Title(props: &TitleProps) -> Html {
    html! { <h1 class="floor">{ props.text.clone() }</h1> }
}

/// Render the text of the element `#record` (its first line) into the
/// element `#app`.
#[wasm_bindgen]
pub fn show() -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let text = document
        .get_element_by_id("record")
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    let line = text.trim().lines().next().unwrap_or_default().to_owned();
    let host = document.get_element_by_id("app").ok_or("no #app")?;
    yew::Renderer::<Title>::with_root_and_props(host, TitleProps { text: line.into() }).render();
    Ok(())
}
