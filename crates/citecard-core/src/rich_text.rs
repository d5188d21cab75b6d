//! Abstracts as a small, sanitised tree of labelled paragraphs.
//!
//! Untrusted HTML is read by a spec-compliant HTML tokenizer behind the
//! [`HtmlTokenizer`] trait: natively [`Html5gum`] (the `html5gum` feature,
//! on by default), in the browser the widget's own `DOMParser` adapter, which
//! costs no bundle size. Only text and paragraph structure survive; no tag and
//! no attribute of the input ever reaches the output.

/// Labels that start a section of a structured abstract when they open a
/// plain-text paragraph ("Purpose: …").
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
];

/// Longest section label taken from emphasised text or a heading.
const MAX_LABEL_CHARS: usize = 60;

/// Sanitised rich text: a sequence of paragraphs, each optionally labelled.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RichText {
    /// The paragraphs in order.
    pub blocks: Vec<Block>,
}

/// One paragraph of rich text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Block {
    /// The section label of a structured abstract ("Purpose"), without its colon.
    pub label: Option<String>,
    /// The paragraph's text, with white space collapsed.
    pub text: String,
}

impl RichText {
    /// Read an untrusted HTML fragment with `tokenizer`.
    ///
    /// Paragraph-like elements become blocks; a leading `<strong>Label:</strong>`
    /// or a heading becomes a section label; script-like elements are dropped
    /// with their content; every other tag is removed and its text kept.
    ///
    /// ```
    /// use citecard_core::rich_text::{Html5gum, RichText};
    /// let html = "<p><strong>Purpose: </strong>To <em>explore</em>.</p><script>x()</script>";
    /// let text = RichText::from_html_with(html, &Html5gum);
    /// assert_eq!(text.blocks[0].label.as_deref(), Some("Purpose"));
    /// assert_eq!(text.blocks[0].text, "To explore.");
    /// assert_eq!(text.blocks.len(), 1);
    /// ```
    pub fn from_html_with(html: &str, tokenizer: &dyn HtmlTokenizer) -> Self {
        let mut builder = Builder::default();
        tokenizer.tokenize(html, &mut |event| match event {
            HtmlEvent::Start { name, self_closing } => builder.start(name.as_bytes(), self_closing),
            HtmlEvent::End { name } => builder.end(name.as_bytes()),
            HtmlEvent::Text(text) => builder.text(text),
        });
        builder.finish()
    }

    /// Read plain text: blank lines or line breaks separate paragraphs, and a
    /// known structured-abstract label at the start of a line becomes a label.
    ///
    /// ```
    /// use citecard_core::RichText;
    /// let text = RichText::from_plain("Findings: It works.\nMore text.");
    /// assert_eq!(text.blocks[0].label.as_deref(), Some("Findings"));
    /// assert_eq!(text.blocks[1].text, "More text.");
    /// ```
    pub fn from_plain(text: &str) -> Self {
        let blocks = text
            .lines()
            .map(clean)
            .filter(|line| !line.is_empty())
            .map(|line| split_plain_label(&line))
            .collect();
        RichText { blocks }
    }

    /// Whether there is no text at all.
    pub fn is_empty(&self) -> bool {
        self.blocks
            .iter()
            .all(|b| b.text.is_empty() && b.label.is_none())
    }

    /// The text with labels written as "Label: text" and paragraphs separated by blank lines.
    pub fn to_plain_text(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            if let Some(label) = &block.label {
                out.push_str(label);
                out.push(':');
                if !block.text.is_empty() {
                    out.push(' ');
                }
            }
            out.push_str(&block.text);
        }
        out
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
    RichText::from_html_with(html, tokenizer)
        .blocks
        .into_iter()
        .map(|b| b.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Collapse every run of white space (and drop NULs and other control
/// characters), trimming both ends.
fn clean(text: &str) -> String {
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

fn split_plain_label(line: &str) -> Block {
    for label in PLAIN_TEXT_LABELS {
        if let Some(rest) = line.strip_prefix(label) {
            if let Some(rest) = rest.strip_prefix(':') {
                return Block {
                    label: Some((*label).to_owned()),
                    text: rest.trim().to_owned(),
                };
            }
        }
    }
    Block {
        label: None,
        text: line.to_owned(),
    }
}

/// Turns a token stream into blocks.
#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    /// Raw text of the paragraph being read.
    text: String,
    /// The current paragraph's label.
    label: Option<String>,
    /// A label from a heading, for the next paragraph.
    pending_label: Option<String>,
    /// Text captured inside a heading, or inside emphasis that opens a paragraph.
    capture: Option<Capture>,
    /// The element whose content is being dropped, and how deeply it nests.
    skip: Option<(Vec<u8>, usize)>,
}

struct Capture {
    kind: CaptureKind,
    text: String,
}

#[derive(PartialEq)]
enum CaptureKind {
    Heading,
    Strong,
}

impl Builder {
    fn start(&mut self, name: &[u8], self_closing: bool) {
        let name = local_name(name);
        if let Some((skipped, depth)) = &mut self.skip {
            if skipped.as_slice() == name {
                *depth += 1;
            }
            return;
        }
        if is_dropped(name) {
            if !self_closing {
                self.skip = Some((name.to_vec(), 1));
            }
            return;
        }
        if is_heading(name) {
            self.flush();
            self.capture = Some(Capture {
                kind: CaptureKind::Heading,
                text: String::new(),
            });
        } else if is_block(name) {
            self.end_capture();
            self.flush();
        } else if matches!(name, b"strong" | b"b")
            && self.capture.is_none()
            && self.label.is_none()
            && self.text.trim().is_empty()
        {
            self.capture = Some(Capture {
                kind: CaptureKind::Strong,
                text: String::new(),
            });
        }
    }

    fn end(&mut self, name: &[u8]) {
        let name = local_name(name);
        if let Some((skipped, depth)) = &mut self.skip {
            if skipped.as_slice() == name {
                *depth -= 1;
                if *depth == 0 {
                    self.skip = None;
                }
            }
            return;
        }
        if is_heading(name) || matches!(name, b"strong" | b"b") || is_block(name) {
            self.end_capture();
        }
        if is_block(name) {
            self.flush();
        }
    }

    fn text(&mut self, text: &str) {
        if self.skip.is_some() {
            return;
        }
        match &mut self.capture {
            Some(capture) => capture.text.push_str(text),
            None => self.text.push_str(text),
        }
    }

    /// Close a heading or opening emphasis: a short text ending in a colon
    /// (or any heading) becomes a label, anything else is ordinary text.
    fn end_capture(&mut self) {
        let Some(capture) = self.capture.take() else {
            return;
        };
        let text = clean(&capture.text);
        let label = text.strip_suffix(':').map(str::trim_end);
        match (capture.kind, label) {
            (_, Some(label)) if !label.is_empty() && label.chars().count() <= MAX_LABEL_CHARS => {
                self.label = Some(label.to_owned());
            }
            (CaptureKind::Heading, _)
                if !text.is_empty() && text.chars().count() <= MAX_LABEL_CHARS =>
            {
                self.pending_label = Some(text);
            }
            _ => {
                self.text.push(' ');
                self.text.push_str(&capture.text);
            }
        }
    }

    fn flush(&mut self) {
        let text = clean(&self.text);
        self.text.clear();
        if text.is_empty() {
            // A label alone (`<p><strong>Purpose:</strong></p>`) labels the next paragraph.
            if let Some(label) = self.label.take() {
                self.pending_label = Some(label);
            }
            return;
        }
        let label = self.label.take().or_else(|| self.pending_label.take());
        let block = match label {
            Some(label) => Block {
                label: Some(label),
                text,
            },
            None => split_plain_label(&text),
        };
        self.blocks.push(block);
    }

    fn finish(mut self) -> RichText {
        self.end_capture();
        self.flush();
        if let Some(label) = self.pending_label.take() {
            self.blocks.push(Block {
                label: Some(label),
                text: String::new(),
            });
        }
        RichText {
            blocks: self.blocks,
        }
    }
}

/// `jats:p` → `p`: JATS abstracts use a namespace prefix.
fn local_name(name: &[u8]) -> &[u8] {
    match name.iter().position(|&b| b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

fn is_heading(name: &[u8]) -> bool {
    matches!(
        name,
        b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" | b"title"
    )
}

fn is_block(name: &[u8]) -> bool {
    matches!(
        name,
        b"p" | b"div"
            | b"section"
            | b"sec"
            | b"article"
            | b"blockquote"
            | b"br"
            | b"li"
            | b"ul"
            | b"ol"
            | b"dl"
            | b"dt"
            | b"dd"
            | b"table"
            | b"tr"
            | b"td"
            | b"th"
            | b"pre"
            | b"hr"
            | b"list"
            | b"list-item"
    )
}

/// Elements whose content is never text for a reader.
fn is_dropped(name: &[u8]) -> bool {
    matches!(
        name,
        b"script"
            | b"style"
            | b"template"
            | b"noscript"
            | b"iframe"
            | b"object"
            | b"embed"
            | b"svg"
            | b"math"
            | b"textarea"
            | b"select"
            | b"xmp"
            | b"noembed"
            | b"noframes"
            | b"head"
    )
}

#[cfg(all(test, feature = "html5gum"))]
mod tests {
    use super::*;

    fn from_html(html: &str) -> RichText {
        RichText::from_html_with(html, &Html5gum)
    }

    fn labelled(label: Option<&str>, text: &str) -> Block {
        Block {
            label: label.map(str::to_owned),
            text: text.to_owned(),
        }
    }

    #[test]
    fn strong_labels_open_sections() {
        let text = from_html(
            "<p><strong>Purpose: </strong>One.</p><p><strong>Findings: </strong>Two <b>bold</b>.</p>",
        );
        assert_eq!(
            text.blocks,
            vec![
                labelled(Some("Purpose"), "One."),
                labelled(Some("Findings"), "Two bold.")
            ]
        );
    }

    #[test]
    fn heading_labels_the_following_text() {
        let text =
            from_html("<div><h3>Context:</h3>Some context.<h3>Method</h3><p>We did.</p></div>");
        assert_eq!(
            text.blocks,
            vec![
                labelled(Some("Context"), "Some context."),
                labelled(Some("Method"), "We did.")
            ]
        );
    }

    #[test]
    fn bold_text_that_is_not_a_label_stays_text() {
        let text = from_html("<p><strong>Bold</strong> start.</p>");
        assert_eq!(text.blocks, vec![labelled(None, "Bold start.")]);
    }

    #[test]
    fn unbalanced_nested_and_nul_input() {
        let text = from_html("<div>\u{0}\n <p><p>First</p>\u{0}</div><div><div>Second</div></div>");
        assert_eq!(
            text.blocks,
            vec![labelled(None, "First"), labelled(None, "Second")]
        );
    }

    #[test]
    fn hostile_markup_leaves_only_text() {
        let text = from_html(
            "<img src=x onerror=alert(1)>Hi<script>alert(2)</script><style>p{}</style>\
             <svg><script>alert(3)</script></svg> <a href=\"javascript:x\">there</a>\
             <textarea></p><script>alert(4)</script></textarea>",
        );
        assert_eq!(text.blocks, vec![labelled(None, "Hi there")]);
    }

    #[test]
    fn plain_text_labels_and_lines() {
        let text = RichText::from_plain("Purpose: A.\n\nNot a label: B.\nResults:C.");
        assert_eq!(
            text.blocks,
            vec![
                labelled(Some("Purpose"), "A."),
                labelled(None, "Not a label: B."),
                labelled(Some("Results"), "C."),
            ]
        );
        assert_eq!(
            text.to_plain_text(),
            "Purpose: A.\n\nNot a label: B.\n\nResults: C."
        );
    }
}
