//! Inline content from an HTML fragment that is one line of text, a title:
//! its emphasis, strong, sub- and superscripts, with the same text as
//! [`html_to_text`] gives.

use crate::rich_text::builder::normalise;
use crate::rich_text::elements::{inline_kind, local_name, separates_words, Dropped, Kind};
use crate::rich_text::{
    has_formatting, html_to_text, inline_text, HtmlEvent, HtmlTokenizer, Inline,
};

/// Read an HTML fragment that is one line of text, a title, into inline
/// content: emphasis, strong, sub- and superscripts kept, every other tag
/// dropped (its text kept, but nothing of `<script>` and the like), white
/// space collapsed as [`html_to_text`] collapses it, so that its text is
/// the same. Empty when the fragment has no such formatting.
///
/// ```
/// use citecard_core::rich_text::{html_to_inlines, inline_text, Html5gum, Inline};
/// let title = html_to_inlines("<i>p</i>-Bromostyrene in H<sub>2</sub>O", &Html5gum);
/// assert_eq!(title[0], Inline::Emphasis(vec![Inline::Text("p".into())]));
/// assert_eq!(inline_text(&title), "p-Bromostyrene in H2O");
/// assert!(html_to_inlines("No <span>formatting</span>", &Html5gum).is_empty());
/// ```
pub fn html_to_inlines(html: &str, tokenizer: &dyn HtmlTokenizer) -> Vec<Inline> {
    if !html.contains('<') {
        return Vec::new();
    }
    // The open spans, innermost last; the first is the title itself.
    let mut frames: Vec<(Option<Kind>, Vec<Inline>)> = vec![(None, Vec::new())];
    let mut dropped = Dropped::default();
    tokenizer.tokenize(html, &mut |event| match event {
        _ if dropped.track(&event) || dropped.inside() => {}
        HtmlEvent::Start { name, .. } => match inline_kind(local_name(name)) {
            Some(kind) => frames.push((Some(kind), Vec::new())),
            None => push_text(&mut frames, " ", separates_words(local_name(name))),
        },
        HtmlEvent::End { name } => match inline_kind(local_name(name)) {
            Some(kind) if frames.iter().any(|(k, _)| *k == Some(kind)) => {
                while let Some((open, children)) = frames.pop() {
                    let span = span(open, children);
                    if let Some((_, parent)) = frames.last_mut() {
                        parent.extend(span);
                    }
                    if open == Some(kind) {
                        break;
                    }
                }
            }
            Some(_) => {}
            None => push_text(&mut frames, " ", separates_words(local_name(name))),
        },
        HtmlEvent::Text(text) => push_text(&mut frames, text, true),
    });
    while frames.len() > 1 {
        if let Some((open, children)) = frames.pop() {
            let span = span(open, children);
            if let Some((_, parent)) = frames.last_mut() {
                parent.extend(span);
            }
        }
    }
    let mut inlines = frames.pop().map(|(_, c)| c).unwrap_or_default();
    tidy_inlines(&mut inlines);
    if has_formatting(&inlines) {
        inlines
    } else {
        Vec::new()
    }
}

/// A field's text and, when its HTML has any, its formatting (whose text
/// the text then is), read with one pass of the tokenizer where the field
/// is formatted.
///
/// ```
/// use citecard_core::rich_text::{html_to_formatted, Html5gum};
/// let (text, rich) = html_to_formatted("CO<sub>2</sub> &amp; <span>air</span>", &Html5gum);
/// assert_eq!((text.as_str(), rich.len()), ("CO2 & air", 3));
/// let (text, rich) = html_to_formatted("Plain &amp; simple", &Html5gum);
/// assert_eq!((text.as_str(), rich.len()), ("Plain & simple", 0));
/// ```
pub fn html_to_formatted(html: &str, tokenizer: &dyn HtmlTokenizer) -> (String, Vec<Inline>) {
    let rich = html_to_inlines(html, tokenizer);
    if rich.is_empty() {
        (html_to_text(html, tokenizer), rich)
    } else {
        (inline_text(&rich), rich)
    }
}

/// Collapse the white space of one line of inline content, as
/// [`crate::text::clean`] collapses a string's, dropping what is left empty.
pub(crate) fn tidy_inlines(inlines: &mut Vec<Inline>) {
    *inlines = normalise(std::mem::take(inlines));
}

fn push_text(frames: &mut [(Option<Kind>, Vec<Inline>)], text: &str, wanted: bool) {
    if let (true, Some((_, children))) = (wanted, frames.last_mut()) {
        match children.last_mut() {
            Some(Inline::Text(last)) => last.push_str(text),
            _ => children.push(Inline::Text(text.to_owned())),
        }
    }
}

/// A closed span as inline content: nothing when it is empty.
fn span(kind: Option<Kind>, children: Vec<Inline>) -> Vec<Inline> {
    match kind {
        _ if children.is_empty() => Vec::new(),
        Some(kind) => vec![kind.wrap(children)],
        None => children,
    }
}
