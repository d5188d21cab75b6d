//! The locale's punctuation on output: commas and periods moved into
//! closing quotes (`punctuation-in-quote`), and quotation marks alternating
//! outer and inner as they nest.

use std::borrow::Cow;

use super::{Affix, Token};

/// The locale's punctuation: its quotation marks, and whether commas and
/// periods go inside closing quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Punctuation {
    /// `<style-options punctuation-in-quote>`.
    pub(crate) in_quote: bool,
    /// The terms `open-quote`, `close-quote`, `open-inner-quote` and
    /// `close-inner-quote`.
    pub(crate) quotes: [&'static str; 4],
}

impl Default for Punctuation {
    /// en-US's.
    fn default() -> Self {
        Punctuation {
            in_quote: true,
            quotes: ["“", "”", "‘", "’"],
        }
    }
}

/// Move a comma or period that follows a closing quote inside it (en-US
/// `punctuation-in-quote`); only affixes and delimiters move.
pub(super) fn punctuation_in_quote(tokens: &mut Vec<Token>, punctuation: &Punctuation) {
    if !punctuation.in_quote {
        return;
    }
    // Whether each open quotation is the locale's own: punctuation does
    // not move into a field's marks the locale does not use ("‘…’" where
    // the style makes both quotes “…”), which citeproc-js leaves as text.
    let mut open: Vec<bool> = Vec::new();
    let mut i = 0;
    while i + 1 < tokens.len() {
        match &tokens[i] {
            Token::QuoteOpen(_) | Token::QuoteOpenStyle => open.push(true),
            Token::QuoteOpenMark(mark) => open.push(
                punctuation.quotes[0].starts_with(*mark)
                    || punctuation.quotes[2].starts_with(*mark),
            ),
            _ => {}
        }
        if tokens[i] == Token::QuoteClose && !open.pop().unwrap_or(true) {
            i += 1;
            continue;
        }
        if tokens[i] == Token::QuoteClose {
            // Skip any further closing marks.
            let mut j = i + 1;
            while j < tokens.len()
                && matches!(
                    tokens[j],
                    Token::QuoteClose | Token::ItalicOff | Token::BoldOff | Token::MarkupOff(_)
                )
            {
                j += 1;
            }
            // The commas and periods that open the affixes after it go
            // inside, one affix after another while an affix is nothing
            // else ("Volume" + "," + ", in" → "Volume,” in"; "." + ", " →
            // ".,”"), a mark repeated once.
            let mut moved = String::new();
            // The leading commas and periods of an affix.
            let lead_of = |text: &str| text.chars().take_while(|c| matches!(c, ',' | '.')).count();
            let take = |moved: &mut String, marks: &str| {
                for c in marks.chars() {
                    if !moved.ends_with(c) {
                        moved.push(c);
                    }
                }
            };
            // A nested quoted element's suffix wholly of such marks, then a
            // delimiter that opens with one: the delimiter's go in first.
            if let (
                Some(Token::Affix(Affix::NestedQuotedSuffix, suffix)),
                Some(Token::Affix(Affix::Delimiter, delimiter)),
            ) = (tokens.get(j), tokens.get(j + 1))
            {
                let d = lead_of(delimiter);
                if lead_of(suffix) == suffix.len() && d > 0 {
                    take(&mut moved, &delimiter[..d]);
                    take(&mut moved, suffix);
                    let rest = delimiter[d..].to_owned();
                    tokens[j] = Token::Affix(Affix::NestedQuotedSuffix, Cow::Borrowed(""));
                    tokens[j + 1] = Token::Affix(Affix::Delimiter, Cow::Owned(rest));
                    j += 2;
                }
            }
            while let Some(Token::Affix(kind, affix)) = tokens.get(j) {
                let lead = lead_of(affix);
                if lead == 0 {
                    break;
                }
                take(&mut moved, &affix[..lead]);
                let (kind, rest) = (*kind, affix[lead..].to_owned());
                let done = !rest.is_empty();
                tokens[j] = Token::Affix(kind, Cow::Owned(rest));
                if done {
                    break;
                }
                j += 1;
            }
            if !moved.is_empty() {
                tokens.insert(i, Token::Affix(Affix::Suffix, Cow::Owned(moved)));
                i += 1;
            }
        }
        i += 1;
    }
}

/// The quotations open while writing an entry: each is outer or inner, the
/// opposite of the one around it; the outermost is outer unless it asks to
/// be inner. A field's own mark that is neither of the locale's stays as
/// written (`‘…’` in German), apart from the alternation.
pub(super) struct QuoteLevels {
    /// Outer (`Some(true)`), inner, or a mark kept as written (`None`,
    /// with its closing mark).
    open: Vec<(Option<bool>, &'static str)>,
    marks: [&'static str; 4],
}

impl QuoteLevels {
    pub(super) fn new(punctuation: &Punctuation) -> Self {
        QuoteLevels {
            open: Vec::new(),
            marks: punctuation.quotes,
        }
    }

    pub(super) fn open(&mut self, inner_alone: bool) -> &'static str {
        let around = self.open.iter().rev().find_map(|(level, _)| *level);
        let outer = around.map_or(!inner_alone, |outer| !outer);
        let (mark, close) = if outer {
            (self.marks[0], self.marks[1])
        } else {
            (self.marks[2], self.marks[3])
        };
        self.open.push((Some(outer), close));
        mark
    }

    /// Open a style's quotation: the outer marks, wherever it is.
    pub(super) fn open_style(&mut self) -> &'static str {
        self.open.push((Some(true), self.marks[1]));
        self.marks[0]
    }

    /// Open a field's own typographic mark: the locale's outer or inner
    /// quotation when it is one of their marks, else the mark itself.
    pub(super) fn open_mark(&mut self, mark: char) -> &'static str {
        if self.marks[0].starts_with(mark) {
            self.open(false)
        } else if self.marks[2].starts_with(mark) {
            self.open(true)
        } else {
            let (open, close) = if mark == '‘' {
                ("‘", "’")
            } else {
                ("“", "”")
            };
            self.open.push((None, close));
            open
        }
    }

    pub(super) fn close(&mut self) -> &'static str {
        self.open.pop().map_or(self.marks[1], |(_, close)| close)
    }
}
