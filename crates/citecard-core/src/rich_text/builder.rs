//! Reading HTML and plain text into [`RichText`]: sections from labels and
//! headings, paragraphs, lists and inline markup, with white space collapsed
//! as a browser would and nothing else of the markup kept.

use crate::rich_text::elements::{
    closes_itself, inline_kind, is_block, is_dropped, is_heading, local_name, separates_words,
    Dropped, Kind,
};
use crate::rich_text::{inline_text, Block, HtmlEvent, HtmlTokenizer, Inline, RichText, Section};
use crate::text::clean;
use std::borrow::Cow;

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
    let mut dropped = Dropped::default();
    tokenizer.tokenize(html, &mut |event| match event {
        _ if dropped.track(&event) => {}
        // Block elements and breaks separate words; inline ones never do:
        // `<i>p</i>-Bromostyrene` is "p-Bromostyrene", `(g<sub>1</sub>)`
        // is "(g1)".
        HtmlEvent::Start { name, .. } | HtmlEvent::End { name } => {
            if separates_words(local_name(name)) {
                text.push(' ');
            }
        }
        HtmlEvent::Text(t) if !dropped.inside() => text.push_str(t),
        HtmlEvent::Text(_) => {}
    });
    clean(&text)
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
        Some(self.kind?.wrap(self.children))
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
pub(super) fn normalise(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut events = Vec::new();
    flatten(inlines, &mut events);
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    // A space waiting for visible text after it, by its index in `out`.
    let mut pending: Option<usize> = None;
    let mut after_space = true;
    for event in events {
        match event {
            Event::Text(text) => {
                // A run of white space at a time, then a run of the rest
                // (pushed whole: a long abstract is mostly such runs).
                let mut rest = text.as_str();
                while !rest.is_empty() {
                    let spaces = rest
                        .find(|c: char| !c.is_whitespace())
                        .unwrap_or(rest.len());
                    if spaces > 0 {
                        if !after_space {
                            pending = Some(out.len());
                            out.push(Event::Text(" ".to_owned()));
                            after_space = true;
                        }
                        rest = &rest[spaces..];
                        continue;
                    }
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    let (run, after) = rest.split_at(end);
                    rest = after;
                    let visible: Cow<str> = if run.contains(char::is_control) {
                        run.chars().filter(|c| !c.is_control()).collect()
                    } else {
                        Cow::Borrowed(run)
                    };
                    if visible.is_empty() {
                        continue;
                    }
                    pending = None;
                    after_space = false;
                    match out.last_mut() {
                        Some(Event::Text(last)) => last.push_str(&visible),
                        _ => out.push(Event::Text(visible.into_owned())),
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
