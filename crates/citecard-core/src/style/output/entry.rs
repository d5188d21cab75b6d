//! A finished bibliography entry as citeproc-js writes it: numbered or
//! plain, in text, HTML and rich inline content.

use super::{render, Node, Punctuation, Tokens};

/// Capitalise an entry that starts with a `<text term>` ("N.d.", "(No
/// date)"), as citeproc-js does; an entry that starts with a variable, a
/// value or a label is left alone.
pub(crate) fn capitalize_leading_term(node: &mut Node) {
    fn first_leaf(node: &mut Node) -> Option<&mut Node> {
        match node {
            Node::Text(t) | Node::Term(t) if !t.is_empty() => Some(node),
            other => other.children_mut().iter_mut().find_map(first_leaf),
        }
    }
    if let Some(Node::Term(t)) = first_leaf(node) {
        let mut chars = t.chars();
        if let Some(first) = chars.next() {
            *t = first.to_uppercase().chain(chars).collect();
        }
    }
}

/// A numbered bibliography entry (`second-field-align="flush"`), as
/// citeproc-js writes it: the text `"{number} {body}"`, and the HTML with the
/// number in `csl-left-margin` and the body in `csl-right-inline`.
pub(crate) fn numbered_entry(
    margin: Option<&Node>,
    body: &Node,
    punctuation: &Punctuation,
) -> Entry {
    let number = margin.map_or_else(String::new, |m| render(m, false, punctuation));
    let number_html = margin.map_or_else(String::new, |m| render(m, true, punctuation));
    let tokens = Tokens::new(body, punctuation);
    let text_body = tokens.render(false);
    let html_body = tokens.render(true);
    let text = format!("{number} {text_body}").trim().to_owned();
    let html = if html_body.trim().is_empty() {
        // With nothing after it, the number's trailing white space goes
        // after its box.
        let kept = number_html.trim_end();
        let trailing = &number_html[kept.len()..];
        format!(
            "<div class=\"csl-entry\">\n    <div class=\"csl-left-margin\">{kept}</div>{trailing}</div>"
        )
    } else {
        // citeproc-js writes the body's trailing white space after the line
        // break that closes it.
        let trimmed = html_body.trim_end();
        let trailing = &html_body[trimmed.len()..];
        format!(
            "<div class=\"csl-entry\">\n    <div class=\"csl-left-margin\">{number_html}</div><div class=\"csl-right-inline\">{trimmed}</div>\n  {trailing}</div>"
        )
    };
    let mut inlines = vec![crate::rich_text::Inline::Text(format!("{number} "))];
    inlines.extend(tokens.inlines());
    Entry {
        text,
        html,
        inlines: trim_inlines(inlines),
    }
}

/// An unnumbered bibliography entry, as citeproc-js writes it.
pub(crate) fn plain_entry(body: &Node, punctuation: &Punctuation) -> Entry {
    let tokens = Tokens::new(body, punctuation);
    let text = tokens.render(false).trim().to_owned();
    if text.is_empty() {
        // citeproc-js writes nothing at all for an entry with no content.
        return Entry::default();
    }
    // The HTML keeps the white space the text's trim drops, as
    // citeproc-js writes it ("<div class=\"csl-entry\"> N.d.</div>").
    let html = format!("<div class=\"csl-entry\">{}</div>", tokens.render(true));
    Entry {
        text,
        html,
        inlines: trim_inlines(tokens.inlines()),
    }
}

/// A formatted entry: text, HTML and rich inline content.
#[derive(Debug, Default)]
pub(crate) struct Entry {
    pub(crate) text: String,
    pub(crate) html: String,
    pub(crate) inlines: Vec<crate::rich_text::Inline>,
}

/// Trim white space at the start and the end, as the text is trimmed.
fn trim_inlines(mut inlines: Vec<crate::rich_text::Inline>) -> Vec<crate::rich_text::Inline> {
    use crate::rich_text::Inline;
    if let Some(Inline::Text(t)) = inlines.first_mut() {
        *t = t.trim_start().to_owned();
    }
    if let Some(Inline::Text(t)) = inlines.last_mut() {
        *t = t.trim_end().to_owned();
    }
    inlines.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    inlines
}
