//! The HTML tokenizer the widget hands to the core.
//!
//! In the browser this is the browser's own spec-compliant parser
//! (`DOMParser`), which adds almost nothing to the bundle; natively (tests,
//! server-side rendering) it is the core's html5gum tokenizer.

use citecard_core::HtmlTokenizer;

#[cfg(target_arch = "wasm32")]
#[path = "floats.rs"]
mod floats;

/// The tokenizer for this target.
///
/// Every record the browser reads is read with it, so in wasm it also hands
/// the core the browser's float conversions (`src/floats.rs`).
pub fn tokenizer() -> &'static dyn HtmlTokenizer {
    #[cfg(target_arch = "wasm32")]
    {
        floats::hand_over();
        &dom::DomParserTokenizer
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        &citecard_core::rich_text::Html5gum
    }
}

#[cfg(target_arch = "wasm32")]
mod dom {
    use citecard_core::{HtmlEvent, HtmlTokenizer};
    use wasm_bindgen::JsCast;
    use web_sys::{DomParser, Element, Node, SupportedType};

    /// Reads HTML with `DOMParser`, then walks the tree it built.
    ///
    /// A document made by `DOMParser` is inert: its scripts never run and its
    /// images and other resources are never fetched.
    pub struct DomParserTokenizer;

    impl HtmlTokenizer for DomParserTokenizer {
        fn tokenize(&self, html: &str, sink: &mut dyn FnMut(HtmlEvent<'_>)) {
            let Some(body) = DomParser::new()
                .and_then(|parser| parser.parse_from_string(html, SupportedType::TextHtml))
                .ok()
                .and_then(|document| document.body())
            else {
                // No DOMParser (not a browser): keep the text, lose the structure.
                sink(HtmlEvent::Text(html));
                return;
            };
            walk(&body, sink);
        }
    }

    /// Report `root`'s descendants in document order, without recursion, so
    /// that deeply nested input cannot exhaust the stack.
    fn walk(root: &Node, sink: &mut dyn FnMut(HtmlEvent<'_>)) {
        let mut node = root.first_child();
        while let Some(current) = node {
            let element = current.dyn_ref::<Element>();
            if let Some(element) = element {
                sink(HtmlEvent::Start {
                    name: &element.local_name(),
                    self_closing: false,
                });
            } else if current.node_type() == Node::TEXT_NODE
                || current.node_type() == Node::CDATA_SECTION_NODE
            {
                if let Some(text) = current.node_value() {
                    sink(HtmlEvent::Text(&text));
                }
            }
            // Descend, else move on, closing every element we climb out of.
            if let Some(child) = element.and_then(|_| current.first_child()) {
                node = Some(child);
                continue;
            }
            let mut at = current;
            loop {
                if let Some(element) = at.dyn_ref::<Element>() {
                    sink(HtmlEvent::End {
                        name: &element.local_name(),
                    });
                }
                if let Some(next) = at.next_sibling() {
                    node = Some(next);
                    break;
                }
                match at.parent_node() {
                    Some(parent) if &parent != root => at = parent,
                    _ => {
                        node = None;
                        break;
                    }
                }
            }
        }
    }
}
