//! An entry as rich inline content for the card (italics as emphasis, bold
//! as strong, sub- and superscripts), written from the same tokens and
//! with the same joins as its text.

use super::{Joins, Markup, QuoteLevels, StyleLevels, Token, Tokens};

impl Tokens<'_> {
    /// The entry as rich inline content (italics as emphasis, bold as
    /// strong, sub- and superscripts), with the same text as
    /// [`render`](Tokens::render).
    pub(crate) fn inlines(&self) -> Vec<crate::rich_text::Inline> {
        let mut spans = SpanStack::default();
        let mut quotes = QuoteLevels::new(self.punctuation);
        let mut styles = StyleLevels::default();
        // The whole text so far, to apply the same joins as the text.
        let mut all = String::new();
        let mut joins = Joins::default();
        for token in &self.tokens {
            match *token {
                Token::Text(_) | Token::Affix(..) => {
                    let before = all.len();
                    joins.push(&mut all, token, false);
                    spans.text(&all[before..]);
                }
                Token::QuoteOpen(_)
                | Token::QuoteOpenStyle
                | Token::QuoteOpenMark(_)
                | Token::QuoteClose => {
                    let mark = match *token {
                        Token::QuoteOpen(inner) => quotes.open(inner),
                        Token::QuoteOpenStyle => quotes.open_style(),
                        Token::QuoteOpenMark(mark) => quotes.open_mark(mark),
                        _ => quotes.close(),
                    };
                    all.push_str(mark);
                    spans.text(mark);
                }
                Token::ItalicOn | Token::BoldOn => {
                    styles.element(token);
                    spans.open(if *token == Token::ItalicOn {
                        Span::Emphasis
                    } else {
                        Span::Strong
                    });
                }
                Token::ItalicOff | Token::BoldOff => {
                    styles.element(token);
                    spans.close();
                }
                Token::MarkupOn(markup) => {
                    let (_, normal) = styles.open(markup);
                    match (markup, normal) {
                        (Markup::Italic, true)
                        | (Markup::NormalStyle | Markup::NormalStyleOverItalics, _) => {
                            spans.open_normal(Span::Emphasis)
                        }
                        (Markup::Bold, true)
                        | (Markup::NormalWeight | Markup::NormalWeightOverBold, _) => {
                            spans.open_normal(Span::Strong)
                        }
                        (Markup::Italic, false) => spans.open(Span::Emphasis),
                        (Markup::Bold, false) => spans.open(Span::Strong),
                        (Markup::Superscript, _) => spans.open(Span::Superscript),
                        (Markup::Subscript, _) => spans.open(Span::Subscript),
                        // The card's rich text has no small capitals or
                        // underline: the text alone.
                        (
                            Markup::SmallCaps
                            | Markup::Underline
                            | Markup::Baseline
                            | Markup::NormalVariant
                            | Markup::NoDecoration,
                            _,
                        ) => spans.open_plain(),
                    }
                }
                Token::MarkupOff(markup) => {
                    styles.close(markup);
                    spans.close();
                }
            }
        }
        spans.finish()
    }
}

/// A kind of rich inline span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Span {
    Emphasis,
    Strong,
    Superscript,
    Subscript,
}

/// What an open frame of [`SpanStack`] is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Frame {
    Root,
    Span(Span),
    /// Upright (or regular) text inside italics (or bold): the spans closed
    /// to make room for it, to open again after it, outermost first.
    Normal(Vec<Span>),
}

/// Rich inline content built span by span.
struct SpanStack(Vec<(Frame, Vec<crate::rich_text::Inline>)>);

impl Default for SpanStack {
    fn default() -> Self {
        SpanStack(vec![(Frame::Root, Vec::new())])
    }
}

impl SpanStack {
    fn text(&mut self, text: &str) {
        use crate::rich_text::Inline;
        if text.is_empty() {
            return;
        }
        if let Some((_, children)) = self.0.last_mut() {
            match children.last_mut() {
                Some(Inline::Text(last)) => last.push_str(text),
                _ => children.push(Inline::Text(text.to_owned())),
            }
        }
    }

    fn open(&mut self, span: Span) {
        self.0.push((Frame::Span(span), Vec::new()));
    }

    /// Close the spans down to the innermost `span` and go on outside it.
    fn open_normal(&mut self, span: Span) {
        let Some(at) = self.0.iter().rposition(|(f, _)| *f == Frame::Span(span)) else {
            return self.open_plain();
        };
        let mut closed = Vec::new();
        while self.0.len() > at {
            if let Some((Frame::Span(kind), _)) = self.0.last() {
                closed.push(*kind);
            }
            self.close();
        }
        closed.reverse();
        self.0.push((Frame::Normal(closed), Vec::new()));
    }

    fn open_plain(&mut self) {
        self.0.push((Frame::Normal(Vec::new()), Vec::new()));
    }

    fn close(&mut self) {
        use crate::rich_text::Inline;
        if self.0.len() < 2 {
            return;
        }
        let Some((frame, children)) = self.0.pop() else {
            return;
        };
        let Some((_, parent)) = self.0.last_mut() else {
            return;
        };
        match frame {
            _ if children.is_empty() => {}
            Frame::Span(Span::Emphasis) => parent.push(Inline::Emphasis(children)),
            Frame::Span(Span::Strong) => parent.push(Inline::Strong(children)),
            Frame::Span(Span::Superscript) => parent.push(Inline::Superscript(children)),
            Frame::Span(Span::Subscript) => parent.push(Inline::Subscript(children)),
            Frame::Root | Frame::Normal(_) => parent.extend(children),
        }
        if let Frame::Normal(reopen) = frame {
            for span in reopen {
                self.open(span);
            }
        }
    }

    fn finish(mut self) -> Vec<crate::rich_text::Inline> {
        while self.0.len() > 1 {
            self.close();
        }
        self.0.pop().map(|(_, c)| c).unwrap_or_default()
    }
}
