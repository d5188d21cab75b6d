//! What citecard makes of each HTML (and JATS) element name.

use crate::rich_text::{HtmlEvent, Inline};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
/// The inline elements rich text keeps.
pub(crate) enum Kind {
    Emphasis,
    Strong,
    Superscript,
    Subscript,
}

impl Kind {
    /// The inline element of this kind around `children`.
    pub(crate) fn wrap(self, children: Vec<Inline>) -> Inline {
        match self {
            Kind::Emphasis => Inline::Emphasis(children),
            Kind::Strong => Inline::Strong(children),
            Kind::Superscript => Inline::Superscript(children),
            Kind::Subscript => Inline::Subscript(children),
        }
    }
}

/// `jats:p` → `p`: JATS abstracts use a namespace prefix.
pub(crate) fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

pub(crate) fn inline_kind(name: &str) -> Option<Kind> {
    Some(match name {
        "em" | "i" | "italic" | "cite" | "var" | "dfn" => Kind::Emphasis,
        "strong" | "b" | "bold" => Kind::Strong,
        "sup" => Kind::Superscript,
        "sub" => Kind::Subscript,
        _ => return None,
    })
}

pub(crate) fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "title")
}

pub(crate) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "sec"
            | "article"
            | "blockquote"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "pre"
            | "hr"
            | "abstract"
            | "trans-abstract"
    )
}

/// Whether a dropped element has no content to skip. Only foreign elements
/// (`<svg/>`) can close themselves; HTML ignores the slash in `<script/>`, and
/// so do we.
pub(crate) fn closes_itself(name: &str, self_closing: bool) -> bool {
    self_closing && matches!(name, "svg" | "math")
}

/// Block elements and breaks separate words; inline ones never do.
pub(crate) fn separates_words(name: &str) -> bool {
    is_block(name) || is_heading(name) || matches!(name, "br" | "li" | "ul" | "ol")
}

/// How deep a stream of HTML events is inside elements whose content is
/// dropped (`<script>`, `<style>`, …).
#[derive(Default)]
pub(crate) struct Dropped(usize);

impl Dropped {
    /// Follow `event`: `true` when it opens or closes a dropped element,
    /// and so is used up.
    pub(crate) fn track(&mut self, event: &HtmlEvent<'_>) -> bool {
        match event {
            HtmlEvent::Start { name, self_closing } if is_dropped(local_name(name)) => {
                if !closes_itself(local_name(name), *self_closing) {
                    self.0 += 1;
                }
                true
            }
            HtmlEvent::End { name } if is_dropped(local_name(name)) => {
                self.0 = self.0.saturating_sub(1);
                true
            }
            _ => false,
        }
    }

    /// Whether the events are inside a dropped element now.
    pub(crate) fn inside(&self) -> bool {
        self.0 > 0
    }
}

/// Elements whose content is never text for a reader.
pub(crate) fn is_dropped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "template"
            | "noscript"
            | "iframe"
            | "object"
            | "svg"
            | "math"
            | "textarea"
            | "select"
            | "xmp"
            | "noembed"
            | "noframes"
            | "head"
            | "button"
            | "form"
    )
}
