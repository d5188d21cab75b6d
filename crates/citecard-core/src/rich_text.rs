//! Abstracts as a small, sanitised tree: labelled sections of paragraphs and
//! lists, with emphasis, strong, superscript, subscript and line breaks.
//!
//! Untrusted HTML (or JATS) is read by a spec-compliant HTML tokenizer behind
//! the [`HtmlTokenizer`] trait: natively [`Html5gum`] (the `html5gum`
//! feature, on by default), in the browser the widget's own `DOMParser`
//! adapter, which costs no bundle size. Only the structure above survives: no
//! tag outside it and no attribute of the input ever reaches the output, and
//! anything else becomes text or is dropped.

use std::fmt::Write as _;

/// Labels that start a section of a structured abstract when they open a
/// paragraph of plain text ("Purpose: …").
const PLAIN_TEXT_LABELS: &[&str] = &[
    "Aim",
    "Aims",
    "Background",
    "Conclusion",
    "Conclusions",
    "Context",
    "Design/methodology/approach",
    "Findings",
    "Method",
    "Methods",
    "Objective",
    "Objectives",
    "Originality/value",
    "Practical implications",
    "Purpose",
    "Research limitations/implications",
    "Results",
    "Social implications",
    // Chinese structured abstracts: purpose, methods, results, conclusions.
    "目的",
    "方法",
    "结果",
    "结论",
];

/// Longest section label taken from emphasised text or a heading.
const MAX_LABEL_CHARS: usize = 60;

/// Sanitised rich text: sections, each with an optional label.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RichText {
    /// The sections in order; unstructured text is one unlabelled section.
    pub sections: Vec<Section>,
}

/// A section of a structured abstract ("Purpose", "Findings", …).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Section {
    /// The label, without its colon.
    pub label: Option<String>,
    /// The paragraphs and lists of the section.
    pub blocks: Vec<Block>,
}

/// A paragraph or a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A list of items.
    List {
        /// Whether the items are numbered.
        ordered: bool,
        /// The items' content.
        items: Vec<Vec<Inline>>,
    },
}

/// Inline content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Text, with white space collapsed.
    Text(String),
    /// Emphasised (italic) content.
    Emphasis(Vec<Inline>),
    /// Strong (bold) content.
    Strong(Vec<Inline>),
    /// Superscript.
    Superscript(Vec<Inline>),
    /// Subscript.
    Subscript(Vec<Inline>),
    /// A line break.
    LineBreak,
}

impl RichText {
    /// Read an untrusted HTML (or JATS) fragment with `tokenizer`.
    ///
    /// ```
    /// use citecard_core::rich_text::{Block, Html5gum, Inline, RichText};
    /// let html = "<p><strong>Purpose: </strong>To <em>explore</em>.</p><script>x()</script>";
    /// let text = RichText::from_html_with(html, &Html5gum);
    /// assert_eq!(text.sections[0].label.as_deref(), Some("Purpose"));
    /// assert_eq!(
    ///     text.sections[0].blocks,
    ///     [Block::Paragraph(vec![
    ///         Inline::Text("To ".into()),
    ///         Inline::Emphasis(vec![Inline::Text("explore".into())]),
    ///         Inline::Text(".".into()),
    ///     ])]
    /// );
    /// assert_eq!(text.to_html(), "<p><strong>Purpose:</strong> To <em>explore</em>.</p>");
    /// ```
    pub fn from_html_with(html: &str, tokenizer: &dyn HtmlTokenizer) -> Self {
        let mut builder = Builder::default();
        if !html.contains(['<', '&']) {
            // No markup and no character references: the tokenizer would
            // only hand the text back.
            builder.text(html);
            return builder.finish();
        }
        tokenizer.tokenize(html, &mut |event| match event {
            HtmlEvent::Start { name, self_closing } => {
                builder.start(local_name(name), self_closing)
            }
            HtmlEvent::End { name } => builder.end(local_name(name)),
            HtmlEvent::Text(text) => builder.text(text),
        });
        builder.finish()
    }

    /// Read plain text: each line is a paragraph, and a known structured
    /// abstract label at the start of a line opens a section.
    ///
    /// ```
    /// use citecard_core::RichText;
    /// let text = RichText::from_plain("Findings: It works.\nMore text.");
    /// assert_eq!(text.sections[0].label.as_deref(), Some("Findings"));
    /// assert_eq!(text.sections[0].blocks.len(), 2);
    /// ```
    pub fn from_plain(text: &str) -> Self {
        let mut builder = Builder::default();
        for line in text.lines() {
            builder.text(line);
            builder.flush_paragraph();
        }
        builder.finish()
    }

    /// Whether there is no text at all.
    pub fn is_empty(&self) -> bool {
        self.sections
            .iter()
            .all(|s| s.label.is_none() && s.blocks.is_empty())
    }

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
                    out.push_str(label);
                    out.push(':');
                }
            }
            for block in &section.blocks {
                separate(&mut out);
                if let Some(label) = label.take() {
                    out.push_str(label);
                    out.push(':');
                    out.push(if matches!(block, Block::Paragraph(_)) {
                        ' '
                    } else {
                        '\n'
                    });
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
                            escape_into(label, &mut out);
                            out.push_str(":</strong> ");
                        }
                        html_inlines(inlines, &mut out);
                        out.push_str("</p>");
                    }
                    Block::List { ordered, items } => {
                        if let Some(label) = label.take() {
                            out.push_str("<p><strong>");
                            escape_into(label, &mut out);
                            out.push_str(":</strong></p>");
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

fn separate(out: &mut String) {
    if !out.is_empty() {
        out.push_str("\n\n");
    }
}

/// The plain text of inline content.
pub fn inline_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    plain_inlines(inlines, &mut out);
    out
}

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
    for inline in inlines {
        let (tag, children) = match inline {
            Inline::Text(text) => {
                escape_into(text, out);
                continue;
            }
            Inline::LineBreak => {
                out.push_str("<br>");
                continue;
            }
            Inline::Emphasis(children) => ("em", children),
            Inline::Strong(children) => ("strong", children),
            Inline::Superscript(children) => ("sup", children),
            Inline::Subscript(children) => ("sub", children),
        };
        let _ = write!(out, "<{tag}>");
        html_inlines(children, out);
        let _ = write!(out, "</{tag}>");
    }
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

/// One event of an HTML token stream, as [`HtmlTokenizer`]s report it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HtmlEvent<'a> {
    /// A start tag; `name` is lower case (`p`, `jats:p`).
    Start {
        /// The tag name.
        name: &'a str,
        /// Whether the tag closed itself (`<br/>`).
        self_closing: bool,
    },
    /// An end tag; `name` is lower case.
    End {
        /// The tag name.
        name: &'a str,
    },
    /// Text, with character references already decoded.
    Text(&'a str),
}

/// A spec-compliant HTML tokenizer that reports tags and decoded text.
///
/// Attributes, comments and doctypes are never reported: nothing downstream
/// may depend on them.
pub trait HtmlTokenizer {
    /// Tokenize `html` as a fragment, calling `sink` for each event in order.
    fn tokenize(&self, html: &str, sink: &mut dyn FnMut(HtmlEvent<'_>));
}

/// Reads back exactly the HTML that [`RichText::to_html`] writes: tags
/// without attributes and text with the five escapes [`escape_into`] uses.
/// It is for HTML citecard wrote itself (such as a CSL-JSON item handed
/// from one citecard module to another), where a full HTML tokenizer would
/// add size for nothing; untrusted HTML must go through a real tokenizer.
///
/// ```
/// use citecard_core::rich_text::{CanonicalHtml, Html5gum, RichText};
/// let text = RichText::from_html_with("<p><b>Aim:</b> A &lt;b&gt; <i>test</i></p>", &Html5gum);
/// assert_eq!(RichText::from_html_with(&text.to_html(), &CanonicalHtml), text);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct CanonicalHtml;

impl HtmlTokenizer for CanonicalHtml {
    fn tokenize(&self, html: &str, sink: &mut dyn FnMut(HtmlEvent<'_>)) {
        let mut rest = html;
        while !rest.is_empty() {
            if let Some(tag) = rest.strip_prefix('<') {
                let Some(end) = tag.find('>') else {
                    break;
                };
                let name = &tag[..end];
                match name.strip_prefix('/') {
                    Some(name) => sink(HtmlEvent::End { name }),
                    None => sink(HtmlEvent::Start {
                        name: name.trim_end_matches('/'),
                        self_closing: name.ends_with('/'),
                    }),
                }
                rest = &tag[end + 1..];
            } else {
                let end = rest.find('<').unwrap_or(rest.len());
                let text = &rest[..end];
                if text.contains('&') {
                    let decoded = text
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&#39;", "'")
                        .replace("&amp;", "&");
                    sink(HtmlEvent::Text(&decoded));
                } else {
                    sink(HtmlEvent::Text(text));
                }
                rest = &rest[end..];
            }
        }
    }
}

/// The WHATWG-compliant tokenizer of the `html5gum` crate.
#[cfg(feature = "html5gum")]
#[derive(Debug, Clone, Copy, Default)]
pub struct Html5gum;

#[cfg(feature = "html5gum")]
impl HtmlTokenizer for Html5gum {
    fn tokenize(&self, html: &str, sink: &mut dyn FnMut(HtmlEvent<'_>)) {
        use html5gum::{DefaultEmitter, Token, Tokenizer};

        let mut emitter = DefaultEmitter::default();
        // Let <script>, <style>, <textarea> … switch the tokenizer into their
        // raw-text states, so their content arrives as one string to drop.
        emitter.naively_switch_states(true);
        for Ok(token) in Tokenizer::new_with_emitter(html, emitter) {
            match token {
                Token::StartTag(tag) => sink(HtmlEvent::Start {
                    name: &String::from_utf8_lossy(&tag.name),
                    self_closing: tag.self_closing,
                }),
                Token::EndTag(tag) => sink(HtmlEvent::End {
                    name: &String::from_utf8_lossy(&tag.name),
                }),
                Token::String(text) => sink(HtmlEvent::Text(&String::from_utf8_lossy(&text.value))),
                Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
            }
        }
    }
}

/// Decode the entities in an HTML text fragment and drop its tags, giving one
/// line of plain text with white space (including no-break spaces) collapsed.
///
/// ```
/// use citecard_core::rich_text::{html_to_text, Html5gum};
/// assert_eq!(html_to_text("A B ,&nbsp;C&amp;D <b>E</b>", &Html5gum), "A B , C&D E");
/// ```
pub fn html_to_text(html: &str, tokenizer: &dyn HtmlTokenizer) -> String {
    if !html.contains(['<', '&']) {
        return clean(html);
    }
    let mut text = String::new();
    let mut skip = 0usize;
    tokenizer.tokenize(html, &mut |event| match event {
        HtmlEvent::Start { name, self_closing } if is_dropped(local_name(name)) => {
            if !closes_itself(local_name(name), self_closing) {
                skip += 1;
            }
        }
        HtmlEvent::End { name } if is_dropped(local_name(name)) => skip = skip.saturating_sub(1),
        HtmlEvent::Start { .. } | HtmlEvent::End { .. } => text.push(' '),
        HtmlEvent::Text(t) if skip == 0 => text.push_str(t),
        HtmlEvent::Text(_) => {}
    });
    clean(&text)
}

/// `text` with its runs of whitespace made single spaces, and none at
/// either end (unlike [`clean`], control characters are kept).
pub(crate) fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Collapse every run of white space (and drop NULs and other control
/// characters), trimming both ends.
pub(crate) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else if !c.is_control() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// A known label opening `text` ("Purpose: rest") and the rest of the text.
fn plain_label(text: &str) -> Option<(&'static str, &str)> {
    let trimmed = text.trim_start();
    PLAIN_TEXT_LABELS.iter().find_map(|label| {
        let rest = trimmed.strip_prefix(label)?;
        let rest = rest.strip_prefix(':').or_else(|| rest.strip_prefix('：'))?;
        Some((*label, rest))
    })
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Emphasis,
    Strong,
    Superscript,
    Subscript,
}

/// One open inline element of the paragraph being read.
struct Frame {
    kind: Option<Kind>,
    children: Vec<Inline>,
}

impl Frame {
    fn root() -> Self {
        Frame {
            kind: None,
            children: Vec::new(),
        }
    }

    fn into_inline(self) -> Option<Inline> {
        let children = self.children;
        Some(match self.kind? {
            Kind::Emphasis => Inline::Emphasis(children),
            Kind::Strong => Inline::Strong(children),
            Kind::Superscript => Inline::Superscript(children),
            Kind::Subscript => Inline::Subscript(children),
        })
    }
}

struct ListState {
    ordered: bool,
    items: Vec<Vec<Inline>>,
    depth: usize,
}

/// Turns a token stream into sections.
struct Builder {
    sections: Vec<Section>,
    /// The inline elements open in the current paragraph; the first is its root.
    frames: Vec<Frame>,
    /// The label found at the start of the current paragraph.
    paragraph_label: Option<String>,
    /// A label (from a heading, or a paragraph that held only a label) for the
    /// next block.
    pending_label: Option<String>,
    list: Option<ListState>,
    /// Text of the heading being read.
    heading: Option<String>,
    /// The element whose content is being dropped, and how deeply it nests.
    skip: Option<(String, usize)>,
}

impl Default for Builder {
    fn default() -> Self {
        Builder {
            sections: Vec::new(),
            frames: vec![Frame::root()],
            paragraph_label: None,
            pending_label: None,
            list: None,
            heading: None,
            skip: None,
        }
    }
}

impl Builder {
    fn start(&mut self, name: &str, self_closing: bool) {
        if let Some((skipped, depth)) = &mut self.skip {
            if skipped == name {
                *depth += 1;
            }
            return;
        }
        if is_dropped(name) {
            if !closes_itself(name, self_closing) {
                self.skip = Some((name.to_owned(), 1));
            }
            return;
        }
        if is_heading(name) {
            self.flush_paragraph();
            self.heading = Some(String::new());
        } else if matches!(name, "ul" | "ol" | "list") {
            self.flush_paragraph();
            match &mut self.list {
                Some(list) => list.depth += 1,
                None => {
                    self.list = Some(ListState {
                        ordered: name == "ol",
                        items: Vec::new(),
                        depth: 1,
                    })
                }
            }
        } else if matches!(name, "li" | "list-item") {
            self.flush_paragraph();
        } else if name == "br" {
            match &mut self.heading {
                Some(heading) => heading.push(' '),
                None => self.push(Inline::LineBreak),
            }
        } else if let Some(kind) = inline_kind(name) {
            if self.heading.is_none() {
                self.frames.push(Frame {
                    kind: Some(kind),
                    children: Vec::new(),
                });
            }
        } else if is_block(name) && self.list.is_none() {
            self.flush_paragraph();
        }
    }

    fn end(&mut self, name: &str) {
        if let Some((skipped, depth)) = &mut self.skip {
            if skipped == name {
                *depth -= 1;
                if *depth == 0 {
                    self.skip = None;
                }
            }
            return;
        }
        if is_heading(name) {
            self.end_heading();
        } else if matches!(name, "ul" | "ol" | "list") {
            self.flush_paragraph();
            if let Some(list) = &mut self.list {
                list.depth -= 1;
                if list.depth == 0 {
                    if let Some(list) = self.list.take() {
                        if !list.items.is_empty() {
                            self.push_block(Block::List {
                                ordered: list.ordered,
                                items: list.items,
                            });
                        }
                    }
                }
            }
        } else if matches!(name, "li" | "list-item") {
            self.flush_paragraph();
        } else if let Some(kind) = inline_kind(name) {
            self.close(kind);
        } else if is_block(name) && self.list.is_none() {
            self.flush_paragraph();
        }
    }

    fn text(&mut self, text: &str) {
        if self.skip.is_some() {
            return;
        }
        if let Some(heading) = &mut self.heading {
            heading.push_str(text);
            return;
        }
        self.push(Inline::Text(text.to_owned()));
    }

    fn push(&mut self, inline: Inline) {
        let frame = self
            .frames
            .last_mut()
            .expect("the root frame is never popped");
        if let (Inline::Text(text), Some(Inline::Text(last))) = (&inline, frame.children.last_mut())
        {
            last.push_str(text);
        } else {
            frame.children.push(inline);
        }
    }

    /// Close the innermost open element of `kind`, and any opened inside it.
    fn close(&mut self, kind: Kind) {
        let Some(index) = self.frames.iter().rposition(|f| f.kind == Some(kind)) else {
            return;
        };
        while self.frames.len() > index {
            let frame = self.frames.pop().expect("index is within the stack");
            if let Some(inline) = frame.into_inline() {
                self.push(inline);
            }
        }
        if kind == Kind::Strong && self.frames.len() == 1 && self.paragraph_label.is_none() {
            self.take_strong_label();
        }
    }

    /// `<strong>Purpose: </strong>` opening a paragraph is a section label.
    fn take_strong_label(&mut self) {
        let root = &mut self.frames[0].children;
        let Some((Inline::Strong(children), before)) = root.split_last() else {
            return;
        };
        if !before
            .iter()
            .all(|i| matches!(i, Inline::Text(t) if t.trim().is_empty()))
        {
            return;
        }
        let text = clean(&inline_text(children));
        let Some(label) = text
            .strip_suffix(':')
            .or_else(|| text.strip_suffix('：'))
            .map(str::trim_end)
        else {
            return;
        };
        if label.is_empty() || label.chars().count() > MAX_LABEL_CHARS {
            return;
        }
        self.paragraph_label = Some(label.to_owned());
        root.clear();
    }

    fn end_heading(&mut self) {
        let Some(text) = self.heading.take() else {
            return;
        };
        let text = clean(&text);
        let label = text
            .strip_suffix(':')
            .or_else(|| text.strip_suffix('：'))
            .map_or(text.as_str(), str::trim_end);
        if label.is_empty() {
            return;
        }
        if label.chars().count() <= MAX_LABEL_CHARS {
            self.pending_label = Some(label.to_owned());
        } else {
            // Too long to be a label: keep it as a paragraph of its own.
            self.push(Inline::Text(text));
            self.flush_paragraph();
        }
    }

    /// Finish the current paragraph (or list item).
    fn flush_paragraph(&mut self) {
        while self.frames.len() > 1 {
            let frame = self.frames.pop().expect("more than one frame");
            if let Some(inline) = frame.into_inline() {
                self.push(inline);
            }
        }
        let raw = std::mem::take(&mut self.frames[0].children);
        let mut inlines = normalise(raw);
        let mut label = self.paragraph_label.take();
        if label.is_none() && self.list.is_none() {
            if let Some(Inline::Text(first)) = inlines.first_mut() {
                if let Some((known, rest)) = plain_label(first) {
                    label = Some(known.to_owned());
                    *first = rest.trim_start().to_owned();
                    if first.is_empty() {
                        inlines.remove(0);
                    }
                }
            }
        }
        if inlines.is_empty() {
            if label.is_some() {
                self.pending_label = label;
            }
            return;
        }
        if let Some(list) = &mut self.list {
            list.items.push(inlines);
            return;
        }
        if label.is_some() {
            self.pending_label = label;
        }
        self.push_block(Block::Paragraph(inlines));
    }

    fn push_block(&mut self, block: Block) {
        match self.pending_label.take() {
            Some(label) => self.sections.push(Section {
                label: Some(label),
                blocks: vec![block],
            }),
            None => match self.sections.last_mut() {
                Some(section) => section.blocks.push(block),
                None => self.sections.push(Section {
                    label: None,
                    blocks: vec![block],
                }),
            },
        }
    }

    fn finish(mut self) -> RichText {
        self.end_heading();
        self.flush_paragraph();
        if let Some(list) = self.list.take() {
            if !list.items.is_empty() {
                self.push_block(Block::List {
                    ordered: list.ordered,
                    items: list.items,
                });
            }
        }
        if let Some(label) = self.pending_label.take() {
            self.sections.push(Section {
                label: Some(label),
                blocks: Vec::new(),
            });
        }
        RichText {
            sections: self.sections,
        }
    }
}

/// A flat view of inline content, for white-space handling across elements.
enum Event {
    Open(Kind),
    Close,
    Text(String),
    Break,
}

fn flatten(inlines: Vec<Inline>, out: &mut Vec<Event>) {
    for inline in inlines {
        let (kind, children) = match inline {
            Inline::Text(text) => {
                out.push(Event::Text(text));
                continue;
            }
            Inline::LineBreak => {
                out.push(Event::Break);
                continue;
            }
            Inline::Emphasis(c) => (Kind::Emphasis, c),
            Inline::Strong(c) => (Kind::Strong, c),
            Inline::Superscript(c) => (Kind::Superscript, c),
            Inline::Subscript(c) => (Kind::Subscript, c),
        };
        out.push(Event::Open(kind));
        flatten(children, out);
        out.push(Event::Close);
    }
}

/// Collapse white space as a browser would (runs become one space; none at
/// the start or end, or around a line break), drop control characters, and
/// drop empty elements.
fn normalise(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut events = Vec::new();
    flatten(inlines, &mut events);
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    // A space waiting for visible text after it, by its index in `out`.
    let mut pending: Option<usize> = None;
    let mut after_space = true;
    for event in events {
        match event {
            Event::Text(text) => {
                for c in text.chars() {
                    if c.is_whitespace() {
                        if !after_space {
                            pending = Some(out.len());
                            out.push(Event::Text(" ".to_owned()));
                            after_space = true;
                        }
                    } else if !c.is_control() {
                        pending = None;
                        after_space = false;
                        match out.last_mut() {
                            Some(Event::Text(last)) if pending.is_none() => last.push(c),
                            _ => out.push(Event::Text(c.to_string())),
                        }
                    }
                }
            }
            Event::Break => {
                if let Some(i) = pending.take() {
                    out.remove(i);
                }
                out.push(Event::Break);
                after_space = true;
            }
            other => out.push(other),
        }
    }
    if let Some(i) = pending {
        out.remove(i);
    }
    let mut stack: Vec<(Option<Kind>, Vec<Inline>)> = vec![(None, Vec::new())];
    for event in out {
        match event {
            Event::Open(kind) => stack.push((Some(kind), Vec::new())),
            Event::Close => {
                if let Some((Some(kind), children)) = stack.pop() {
                    if let Some(inline) = (Frame {
                        kind: Some(kind),
                        children,
                    })
                    .into_inline()
                    {
                        if !children_empty(&inline) {
                            append(&mut stack, inline);
                        }
                    }
                }
            }
            Event::Text(text) => append(&mut stack, Inline::Text(text)),
            Event::Break => append(&mut stack, Inline::LineBreak),
        }
    }
    let mut inlines = stack.pop().map(|(_, c)| c).unwrap_or_default();
    while matches!(inlines.last(), Some(Inline::LineBreak)) {
        inlines.pop();
    }
    while matches!(inlines.first(), Some(Inline::LineBreak)) {
        inlines.remove(0);
    }
    inlines
}

fn children_empty(inline: &Inline) -> bool {
    match inline {
        Inline::Emphasis(c) | Inline::Strong(c) | Inline::Superscript(c) | Inline::Subscript(c) => {
            c.is_empty()
        }
        Inline::Text(t) => t.is_empty(),
        Inline::LineBreak => false,
    }
}

fn append(stack: &mut [(Option<Kind>, Vec<Inline>)], inline: Inline) {
    let Some((_, children)) = stack.last_mut() else {
        return;
    };
    if let (Inline::Text(text), Some(Inline::Text(last))) = (&inline, children.last_mut()) {
        last.push_str(text);
    } else {
        children.push(inline);
    }
}

/// `jats:p` → `p`: JATS abstracts use a namespace prefix.
fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn inline_kind(name: &str) -> Option<Kind> {
    Some(match name {
        "em" | "i" | "italic" | "cite" | "var" | "dfn" => Kind::Emphasis,
        "strong" | "b" | "bold" => Kind::Strong,
        "sup" => Kind::Superscript,
        "sub" => Kind::Subscript,
        _ => return None,
    })
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "title")
}

fn is_block(name: &str) -> bool {
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
fn closes_itself(name: &str, self_closing: bool) -> bool {
    self_closing && matches!(name, "svg" | "math")
}

/// Elements whose content is never text for a reader.
fn is_dropped(name: &str) -> bool {
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

#[cfg(all(test, feature = "html5gum"))]
mod tests {
    use super::*;

    fn from_html(html: &str) -> RichText {
        RichText::from_html_with(html, &Html5gum)
    }

    fn text(t: &str) -> Inline {
        Inline::Text(t.to_owned())
    }

    fn paragraph(inlines: Vec<Inline>) -> Block {
        Block::Paragraph(inlines)
    }

    fn section(label: Option<&str>, blocks: Vec<Block>) -> Section {
        Section {
            label: label.map(str::to_owned),
            blocks,
        }
    }

    #[test]
    fn strong_labels_open_sections_that_hold_later_paragraphs() {
        let rich = from_html(
            "<p><strong>Purpose: </strong>One.</p><p>More.</p><p><b>Findings:</b> Two <b>bold</b>.</p>",
        );
        assert_eq!(
            rich.sections,
            vec![
                section(
                    Some("Purpose"),
                    vec![
                        paragraph(vec![text("One.")]),
                        paragraph(vec![text("More.")])
                    ]
                ),
                section(
                    Some("Findings"),
                    vec![paragraph(vec![
                        text("Two "),
                        Inline::Strong(vec![text("bold")]),
                        text(".")
                    ])]
                ),
            ]
        );
    }

    #[test]
    fn headings_and_jats_titles_label_sections() {
        let rich =
            from_html("<div><h3>Context:</h3>Some context.<h3>Method</h3><p>We did.</p></div>");
        assert_eq!(
            rich.sections,
            vec![
                section(
                    Some("Context"),
                    vec![paragraph(vec![text("Some context.")])]
                ),
                section(Some("Method"), vec![paragraph(vec![text("We did.")])]),
            ]
        );
        let jats = from_html(
            "<jats:sec><jats:title>Background</jats:title><jats:p>A <jats:italic>B</jats:italic> C<jats:sup>2</jats:sup>.</jats:p></jats:sec>",
        );
        assert_eq!(
            jats.sections,
            vec![section(
                Some("Background"),
                vec![paragraph(vec![
                    text("A "),
                    Inline::Emphasis(vec![text("B")]),
                    text(" C"),
                    Inline::Superscript(vec![text("2")]),
                    text("."),
                ])]
            )]
        );
    }

    #[test]
    fn bold_text_that_is_not_a_label_stays_bold() {
        let rich = from_html("<p><strong>Bold</strong> start.</p>");
        assert_eq!(
            rich.sections,
            vec![section(
                None,
                vec![paragraph(vec![
                    Inline::Strong(vec![text("Bold")]),
                    text(" start.")
                ])]
            )]
        );
    }

    #[test]
    fn white_space_collapses_across_elements_and_around_breaks() {
        let rich = from_html("<p>  a \n <em> b </em>  c <br>  d<sub>2 </sub>  </p>");
        assert_eq!(
            rich.sections[0].blocks,
            vec![paragraph(vec![
                text("a "),
                Inline::Emphasis(vec![text("b ")]),
                text("c"),
                Inline::LineBreak,
                text("d"),
                Inline::Subscript(vec![text("2")]),
            ])]
        );
    }

    #[test]
    fn lists_keep_their_items() {
        let rich = from_html("<p>Intro</p><ol><li>one</li><li><p>two</p> <em>x</em></li></ol>");
        assert_eq!(
            rich.sections[0].blocks,
            vec![
                paragraph(vec![text("Intro")]),
                Block::List {
                    ordered: true,
                    items: vec![
                        vec![text("one")],
                        vec![text("two "), Inline::Emphasis(vec![text("x")])]
                    ]
                },
            ]
        );
        assert_eq!(rich.to_plain_text(), "Intro\n\n1. one\n2. two x");
        assert_eq!(
            rich.to_html(),
            "<p>Intro</p><ol><li>one</li><li>two <em>x</em></li></ol>"
        );
    }

    #[test]
    fn unbalanced_nested_and_nul_input() {
        let rich = from_html("<div>\u{0}\n <p><p>First</p>\u{0}</div><div><div>Second</div></div>");
        assert_eq!(
            rich.sections,
            vec![section(
                None,
                vec![
                    paragraph(vec![text("First")]),
                    paragraph(vec![text("Second")])
                ]
            )]
        );
        let misnested = from_html("<p><em>a<strong>b</em>c</strong></p>");
        assert_eq!(
            misnested.sections[0].blocks,
            vec![paragraph(vec![
                Inline::Emphasis(vec![text("a"), Inline::Strong(vec![text("b")])]),
                text("c")
            ])]
        );
    }

    #[test]
    fn hostile_markup_leaves_only_text() {
        let rich = from_html(
            "<img src=x onerror=alert(1)>Hi<script>alert(2)</script><style>p{}</style>\
             <svg><script>alert(3)</script></svg> <a href=\"javascript:x\" onclick=\"y\">there</a>\
             <svg/><embed src=x>!<textarea></p><script>alert(4)</script></textarea>",
        );
        assert_eq!(
            rich.sections,
            vec![section(None, vec![paragraph(vec![text("Hi there!")])])]
        );
        assert_eq!(rich.to_html(), "<p>Hi there!</p>");
    }

    #[test]
    fn chinese_labels_with_full_width_colons() {
        let rich = from_html("<p><strong>目的：</strong>探讨。</p><p>方法：调查。</p>");
        assert_eq!(
            rich.sections,
            vec![
                section(Some("目的"), vec![paragraph(vec![text("探讨。")])]),
                section(Some("方法"), vec![paragraph(vec![text("调查。")])]),
            ]
        );
    }

    #[test]
    fn html_output_escapes_text() {
        let rich = from_html("<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 'y'</p>");
        assert_eq!(
            rich.to_html(),
            "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>"
        );
    }

    #[test]
    fn plain_text_labels_and_lines() {
        let rich = RichText::from_plain("Purpose: A.\n\nNot a label: B.\nResults:C.");
        assert_eq!(
            rich.sections,
            vec![
                section(
                    Some("Purpose"),
                    vec![
                        paragraph(vec![text("A.")]),
                        paragraph(vec![text("Not a label: B.")])
                    ]
                ),
                section(Some("Results"), vec![paragraph(vec![text("C.")])]),
            ]
        );
        assert_eq!(
            rich.to_plain_text(),
            "Purpose: A.\n\nNot a label: B.\n\nResults: C."
        );
    }
}
