//! Sanitised rich text as Yew nodes.

use citecard_core::{Block, Inline, RichText};
use yew::prelude::*;

/// Render `text`: each section's label in `<strong>` at the start of its
/// first paragraph, then its paragraphs and lists.
pub fn rich_text(text: &RichText) -> Html {
    let mut nodes: Vec<Html> = Vec::new();
    for section in &text.sections {
        let mut label = section.label.as_deref();
        for block in &section.blocks {
            match block {
                Block::Paragraph(inlines) => nodes.push(html! {
                    <p>{ label.take().map(label_node).unwrap_or_default() }{ for inlines.iter().map(inline) }</p>
                }),
                Block::List { ordered, items } => {
                    if let Some(text) = label.take() {
                        nodes.push(html! { <p>{ label_node(text) }</p> });
                    }
                    let items = items
                        .iter()
                        .map(|item| html! { <li>{ for item.iter().map(inline) }</li> });
                    nodes.push(if *ordered {
                        html! { <ol>{ for items }</ol> }
                    } else {
                        html! { <ul>{ for items }</ul> }
                    });
                }
            }
        }
        if let Some(text) = label {
            nodes.push(html! { <p>{ label_node(text) }</p> });
        }
    }
    nodes.into_iter().collect()
}

/// A section label with the colon of its script: "Purpose:", "目的：".
fn label_node(label: &str) -> Html {
    use citecard_core::rich_text::{is_cjk_label, labelled};
    html! { <><strong class="citecard-label">{ labelled(label) }</strong>{ (!is_cjk_label(label)).then_some(" ") }</> }
}

/// Inline content (a formatted title): text, emphasis, strong, sub- and
/// superscripts, nothing else.
pub fn inlines(nodes: &[Inline]) -> Html {
    nodes.iter().map(inline).collect()
}

fn inline(node: &Inline) -> Html {
    match node {
        Inline::Text(text) => html! { text.clone() },
        Inline::LineBreak => html! { <br /> },
        Inline::Emphasis(children) => html! { <em>{ for children.iter().map(inline) }</em> },
        Inline::Strong(children) => html! { <strong>{ for children.iter().map(inline) }</strong> },
        Inline::Superscript(children) => html! { <sup>{ for children.iter().map(inline) }</sup> },
        Inline::Subscript(children) => html! { <sub>{ for children.iter().map(inline) }</sub> },
    }
}
