//! Writing [`RichText`] out: sanitised HTML, plain text, and a shortened
//! copy for display.

use std::fmt::Write as _;

use crate::rich_text::{Block, Inline, RichText, Section};

impl RichText {
    /// The text without markup: "Label: text", paragraphs separated by blank
    /// lines, list items on their own lines.
    ///
    /// ```
    /// use citecard_core::RichText;
    /// let text = RichText::from_plain("Purpose: A.\nB.");
    /// assert_eq!(text.to_plain_text(), "Purpose: A.\n\nB.");
    /// ```
    pub fn to_plain_text(&self) -> String {
        let mut out = String::new();
        for section in &self.sections {
            let mut label = section.label.as_deref();
            if section.blocks.is_empty() {
                if let Some(label) = label {
                    separate(&mut out);
                    out.push_str(&labelled(label));
                }
            }
            for block in &section.blocks {
                separate(&mut out);
                if let Some(label) = label.take() {
                    out.push_str(&labelled(label));
                    if !matches!(block, Block::Paragraph(_)) {
                        out.push('\n');
                    } else if !is_cjk_label(label) {
                        out.push(' ');
                    }
                }
                match block {
                    Block::Paragraph(inlines) => plain_inlines(inlines, &mut out),
                    Block::List { ordered, items } => {
                        for (i, item) in items.iter().enumerate() {
                            if i > 0 {
                                out.push('\n');
                            }
                            if *ordered {
                                let _ = write!(out, "{}. ", i + 1);
                            } else {
                                out.push_str("- ");
                            }
                            plain_inlines(item, &mut out);
                        }
                    }
                }
            }
        }
        out
    }

    /// A copy cut after about `max_chars` characters of text (labels and
    /// list markers not counted), at a word break where one is near, and
    /// ended with "…"; `None` when the text is no longer than that. Only the
    /// part kept is walked, so cutting a huge text costs no more than
    /// showing its start.
    ///
    /// ```
    /// use citecard_core::RichText;
    /// let text = RichText::from_plain("Purpose: One two three.\nFour.");
    /// let cut = text.truncated(10).unwrap();
    /// assert_eq!(cut.to_plain_text(), "Purpose: One two…");
    /// assert_eq!(text.truncated(19), None);
    /// ```
    pub fn truncated(&self, max_chars: usize) -> Option<RichText> {
        let mut budget = max_chars;
        let mut out = RichText::default();
        for section in &self.sections {
            let mut kept = Section {
                label: section.label.clone(),
                blocks: Vec::new(),
            };
            let mut cut = false;
            for block in &section.blocks {
                let block = match block {
                    Block::Paragraph(inlines) => {
                        Block::Paragraph(cut_inlines(inlines, &mut budget, &mut cut))
                    }
                    Block::List { ordered, items } => {
                        let mut kept_items = Vec::new();
                        for item in items {
                            kept_items.push(cut_inlines(item, &mut budget, &mut cut));
                            if cut {
                                break;
                            }
                        }
                        Block::List {
                            ordered: *ordered,
                            items: kept_items,
                        }
                    }
                };
                kept.blocks.push(block);
                if cut {
                    out.sections.push(kept);
                    return Some(out);
                }
            }
            out.sections.push(kept);
        }
        None
    }

    /// The text as an HTML fragment using only `p`, `strong`, `em`, `sup`,
    /// `sub`, `br`, `ul`, `ol` and `li`, with all text escaped. A section
    /// label is written in `<strong>` at the start of its first paragraph.
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        for section in &self.sections {
            let mut label = section.label.as_deref();
            for block in &section.blocks {
                match block {
                    Block::Paragraph(inlines) => {
                        out.push_str("<p>");
                        if let Some(label) = label.take() {
                            out.push_str("<strong>");
                            escape_into(&labelled(label), &mut out);
                            out.push_str("</strong>");
                            if !is_cjk_label(label) {
                                out.push(' ');
                            }
                        }
                        html_inlines(inlines, &mut out);
                        out.push_str("</p>");
                    }
                    Block::List { ordered, items } => {
                        if let Some(label) = label.take() {
                            out.push_str("<p><strong>");
                            escape_into(&labelled(label), &mut out);
                            out.push_str("</strong></p>");
                        }
                        let tag = if *ordered { "ol" } else { "ul" };
                        let _ = write!(out, "<{tag}>");
                        for item in items {
                            out.push_str("<li>");
                            html_inlines(item, &mut out);
                            out.push_str("</li>");
                        }
                        let _ = write!(out, "</{tag}>");
                    }
                }
            }
            if let Some(label) = label {
                out.push_str("<p><strong>");
                escape_into(label, &mut out);
                out.push_str(":</strong></p>");
            }
        }
        out
    }
}

/// How far back from a cut a word break is looked for.
const WORD_BREAK_CHARS: usize = 30;

/// `inlines` up to `budget` characters of text, less what they use; sets
/// `cut` (and ends the copy with "…") when text remains after that.
fn cut_inlines(inlines: &[Inline], budget: &mut usize, cut: &mut bool) -> Vec<Inline> {
    let mut out = Vec::new();
    for inline in inlines {
        let kept = match inline {
            Inline::Text(text) => match text.char_indices().nth(*budget) {
                None => {
                    *budget -= text.chars().count();
                    Inline::Text(text.clone())
                }
                Some((end, _)) => {
                    let head = &text[..end];
                    let near = head
                        .char_indices()
                        .rev()
                        .take(WORD_BREAK_CHARS)
                        .find(|(_, c)| c.is_whitespace());
                    let head = near.map_or(head, |(i, _)| &head[..i]).trim_end();
                    *budget = 0;
                    *cut = true;
                    Inline::Text(format!("{head}…"))
                }
            },
            Inline::LineBreak => Inline::LineBreak,
            Inline::Emphasis(children) => Inline::Emphasis(cut_inlines(children, budget, cut)),
            Inline::Strong(children) => Inline::Strong(cut_inlines(children, budget, cut)),
            Inline::Superscript(children) => {
                Inline::Superscript(cut_inlines(children, budget, cut))
            }
            Inline::Subscript(children) => Inline::Subscript(cut_inlines(children, budget, cut)),
        };
        out.push(kept);
        if *cut {
            break;
        }
    }
    out
}

/// A section label with the colon of its script: "Purpose:", and the
/// full-width "目的：" that Chinese abstracts write.
///
/// ```
/// use citecard_core::rich_text::labelled;
/// assert_eq!(labelled("Purpose"), "Purpose:");
/// assert_eq!(labelled("目的"), "目的：");
/// ```
pub fn labelled(label: &str) -> String {
    if is_cjk_label(label) {
        format!("{label}：")
    } else {
        format!("{label}:")
    }
}

/// Whether a label ends in a CJK character (and takes a full-width colon,
/// with no space after it).
pub fn is_cjk_label(label: &str) -> bool {
    label.chars().last().is_some_and(crate::names::is_cjk)
}

fn separate(out: &mut String) {
    if !out.is_empty() {
        out.push_str("\n\n");
    }
}

/// Whether inline content has any formatting (italics, bold, sub- or
/// superscripts), not only text.
pub fn has_formatting(inlines: &[Inline]) -> bool {
    inlines
        .iter()
        .any(|inline| !matches!(inline, Inline::Text(_)))
}

/// The plain text of inline content.
pub fn inline_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    plain_inlines(inlines, &mut out);
    out
}

/// Inline content as CSL's rich text markup within fields (CSL 1.0.2,
/// Appendix VI): `<i>`, `<b>`, `<sup>` and `<sub>` around plain text, as
/// CSL-JSON carries a formatted title.
///
/// ```
/// use citecard_core::rich_text::{csl_markup, Inline};
/// let title = [
///     Inline::Text("H".into()),
///     Inline::Subscript(vec![Inline::Text("2".into())]),
///     Inline::Text("O in ".into()),
///     Inline::Emphasis(vec![Inline::Text("E. coli".into())]),
/// ];
/// assert_eq!(csl_markup(&title), "H<sub>2</sub>O in <i>E. coli</i>");
/// ```
pub fn csl_markup(inlines: &[Inline]) -> String {
    let mut out = String::new();
    CSL_MARKUP.write(inlines, &mut out);
    out
}

/// How a markup language writes inline content: each kind of span's
/// opening and closing, a line break, and text (escaped as it needs).
pub(crate) struct InlineMarkup {
    pub(crate) emphasis: [&'static str; 2],
    pub(crate) strong: [&'static str; 2],
    pub(crate) superscript: [&'static str; 2],
    pub(crate) subscript: [&'static str; 2],
    pub(crate) line_break: &'static str,
    pub(crate) text: fn(&str, &mut String),
}

impl InlineMarkup {
    /// Write `inlines` to `out` in this markup.
    pub(crate) fn write(&self, inlines: &[Inline], out: &mut String) {
        for inline in inlines {
            let ([open, close], children) = match inline {
                Inline::Text(text) => {
                    (self.text)(text, out);
                    continue;
                }
                Inline::LineBreak => {
                    out.push_str(self.line_break);
                    continue;
                }
                Inline::Emphasis(children) => (self.emphasis, children),
                Inline::Strong(children) => (self.strong, children),
                Inline::Superscript(children) => (self.superscript, children),
                Inline::Subscript(children) => (self.subscript, children),
            };
            out.push_str(open);
            self.write(children, out);
            out.push_str(close);
        }
    }
}

/// CSL's markup within fields: text as it is.
const CSL_MARKUP: InlineMarkup = InlineMarkup {
    emphasis: ["<i>", "</i>"],
    strong: ["<b>", "</b>"],
    superscript: ["<sup>", "</sup>"],
    subscript: ["<sub>", "</sub>"],
    line_break: " ",
    text: |text, out| out.push_str(text),
};

/// HTML: text escaped.
const HTML: InlineMarkup = InlineMarkup {
    emphasis: ["<em>", "</em>"],
    strong: ["<strong>", "</strong>"],
    superscript: ["<sup>", "</sup>"],
    subscript: ["<sub>", "</sub>"],
    line_break: "<br>",
    text: escape_into,
};

fn plain_inlines(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => out.push_str(text),
            Inline::LineBreak => out.push('\n'),
            Inline::Emphasis(children)
            | Inline::Strong(children)
            | Inline::Superscript(children)
            | Inline::Subscript(children) => plain_inlines(children, out),
        }
    }
}

fn html_inlines(inlines: &[Inline], out: &mut String) {
    HTML.write(inlines, out);
}

/// Escape text for HTML element content and quoted attribute values.
///
/// ```
/// let mut out = String::new();
/// citecard_core::rich_text::escape_into("<a href=\"x\">&'", &mut out);
/// assert_eq!(out, "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
/// ```
pub fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}
