//! Located parse errors and per-record warnings.

use std::fmt;

/// Where something is in the input text.
///
/// `line` and `column` are 1-based and count Unicode scalar values, so they
/// match what an editor shows; `start..end` is the byte range in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
pub struct Span {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Locate the byte range `start..end` of `input`.
    ///
    /// Offsets past the end are clamped, and an offset inside a multi-byte
    /// character is moved back to that character's first byte.
    ///
    /// ```
    /// use citecard_core::Span;
    /// let span = Span::locate("ab\ncdé", 5, 7);
    /// assert_eq!((span.line, span.column), (2, 3));
    /// ```
    pub fn locate(input: &str, start: usize, end: usize) -> Self {
        Locator::new(input).locate(start, end)
    }

    /// The first line of `input` that is not blank, from its first
    /// non-blank character.
    pub fn first_line(input: &str) -> Self {
        let start = input.len() - input.trim_start().len();
        let end = input[start..].find('\n').map_or(input.len(), |i| start + i);
        Span::locate(input, start, end)
    }

    /// The whole line this span starts on, without its line break.
    ///
    /// ```
    /// use citecard_core::Span;
    /// let input = "first\nsecond line\nthird";
    /// assert_eq!(Span::locate(input, 8, 9).line_text(input), "second line");
    /// ```
    pub fn line_text<'a>(&self, input: &'a str) -> &'a str {
        let start = floor_char_boundary(input, self.start);
        let line_start = input[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = input[start..].find('\n').map_or(input.len(), |i| start + i);
        input[line_start..line_end].trim_end_matches('\r')
    }
}

/// A short piece of one input line, for pointing at an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// The line number.
    pub line: usize,
    /// The text shown, with `…` where the line was cut.
    pub text: String,
    /// The 0-based character position in `text` that the error points at.
    pub caret: usize,
}

impl Span {
    /// At most `width` characters of the line this span starts on, centred on
    /// the span's column, with control characters shown as `�`.
    ///
    /// ```
    /// use citecard_core::Span;
    /// let input = "0123456789abcdefghij";
    /// let excerpt = Span::locate(input, 15, 16).excerpt(input, 9);
    /// assert_eq!(excerpt.text, "…cdefghi…");
    /// assert_eq!(excerpt.text.chars().nth(excerpt.caret), Some('f'));
    /// ```
    pub fn excerpt(&self, input: &str, width: usize) -> Excerpt {
        let chars: Vec<char> = self
            .line_text(input)
            .chars()
            .map(|c| if c.is_control() { '\u{fffd}' } else { c })
            .collect();
        let width = width.max(3);
        let column = self.column.saturating_sub(1).min(chars.len());
        if chars.len() <= width {
            return Excerpt {
                line: self.line,
                text: chars.into_iter().collect(),
                caret: column,
            };
        }
        let inner = width - 2;
        let start = column.saturating_sub(inner / 2).min(chars.len() - inner);
        let end = start + inner;
        let mut text = String::new();
        let mut caret = column - start;
        if start > 0 {
            text.push('…');
            caret += 1;
        }
        text.extend(&chars[start..end]);
        if end < chars.len() {
            text.push('…');
        }
        Excerpt {
            line: self.line,
            text,
            caret,
        }
    }
}

/// Locates many spans of one input, counting its lines once when the spans
/// come in order (as a reader's records do), instead of from the start of
/// the input for every span.
///
/// ```
/// use citecard_core::error::Locator;
/// use citecard_core::Span;
/// let input = "TY  - JOUR\nER  - \nTY  - BOOK\nER  - \n";
/// let mut locator = Locator::new(input);
/// let second = locator.locate(18, 28);
/// assert_eq!((second.line, second.column), (3, 1));
/// assert_eq!(second, Span::locate(input, 18, 28));
/// assert_eq!(locator.locate(0, 10), Span::locate(input, 0, 10));
/// ```
#[derive(Debug, Clone)]
pub struct Locator<'a> {
    input: &'a str,
    /// Lines are counted up to this byte offset…
    offset: usize,
    /// …which is on this 1-based line…
    line: usize,
    /// …which starts at this byte offset; the offset is in this 1-based
    /// column (kept, so that many spans on one long line are located in
    /// linear time too).
    line_start: usize,
    column: usize,
}

impl<'a> Locator<'a> {
    /// A locator at the start of `input`.
    pub fn new(input: &'a str) -> Self {
        Locator {
            input,
            offset: 0,
            line: 1,
            line_start: 0,
            column: 1,
        }
    }

    /// Locate the byte range `start..end`, as [`Span::locate`] does.
    pub fn locate(&mut self, start: usize, end: usize) -> Span {
        let input = self.input;
        let start = floor_char_boundary(input, start);
        let end = floor_char_boundary(input, end.max(start));
        if start < self.offset {
            *self = Locator::new(input);
        }
        let between = &input[self.offset..start];
        match between.rfind('\n') {
            Some(i) => {
                self.line += between.bytes().filter(|&b| b == b'\n').count();
                self.line_start = self.offset + i + 1;
                self.column = input[self.line_start..start].chars().count() + 1;
            }
            None => self.column += between.chars().count(),
        }
        self.offset = start;
        Span {
            line: self.line,
            column: self.column,
            start,
            end,
        }
    }
}

/// The largest character boundary of `input` at or before `index`.
pub(crate) fn floor_char_boundary(input: &str, mut index: usize) -> usize {
    if index >= input.len() {
        return input.len();
    }
    while !input.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// An input that could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Where the problem is.
    pub span: Span,
    /// What the problem is.
    pub kind: ParseErrorKind,
}

impl ParseError {
    /// Create an error at `span`.
    pub fn new(span: Span, kind: ParseErrorKind) -> Self {
        ParseError { span, kind }
    }

    /// "No record found" at the first line of `input` that is not blank.
    pub fn no_record(input: &str, expected: &'static str) -> Self {
        ParseError::new(
            Span::first_line(input),
            ParseErrorKind::NoRecord { expected },
        )
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.span.line, self.span.column, self.kind
        )
    }
}

impl std::error::Error for ParseError {}

/// What went wrong while reading an input.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// The input holds nothing but white space.
    EmptyInput,
    /// No known format matches the input.
    UnknownFormat,
    /// The input has the chosen format's outline but no record in it.
    NoRecord {
        /// What a record of the chosen format starts with.
        expected: &'static str,
    },
    /// A JSON text is malformed; the message says what was expected.
    InvalidJson {
        /// The JSON parser's description, without its own location.
        message: String,
    },
    /// The input breaks its format's syntax; the message says what was expected.
    Syntax {
        /// What was expected where.
        message: String,
    },
    /// The format was recognised, but this build cannot read it.
    Unsupported {
        /// The format.
        format: crate::detect::Format,
    },
    /// The input is over a limit (see [`crate::limits`]).
    TooLarge {
        /// What is too large, and the limit, for people.
        what: String,
    },
    /// A JSON value has the wrong type.
    WrongType {
        /// The field, or `record` for the whole value.
        field: String,
        /// The type that was expected there.
        expected: &'static str,
    },
}

impl fmt::Display for ParseErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseErrorKind::EmptyInput => f.write_str("the input is empty: paste a record"),
            ParseErrorKind::UnknownFormat => f.write_str(
                "unrecognised format: expected a BookSci, Crossref, Semantic Scholar or CSL-JSON record, \
                 a BibTeX entry (@article{…}) or a RIS record (TY  - …)",
            ),
            ParseErrorKind::NoRecord { expected } => write!(f, "no record found: expected {expected}"),
            ParseErrorKind::InvalidJson { message } => write!(f, "invalid JSON: {message}"),
            ParseErrorKind::Syntax { message } => f.write_str(message),
            ParseErrorKind::Unsupported { format } => write!(
                f,
                "{format} input is not read by this build: convert it with the citecard command line, \
                 or paste CSL-JSON, RIS or Crossref"
            ),
            ParseErrorKind::TooLarge { what } => f.write_str(what),
            ParseErrorKind::WrongType { field, expected } => {
                write!(f, "`{field}` should be {expected}")
            }
        }
    }
}

/// Something in a record that was ignored or repaired; the record is still usable.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    /// The field the warning is about, as named in the input.
    pub field: String,
    /// What was wrong and what was done about it.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`: {}", self.field, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines and columns counted from the start of the input, the way an
    /// editor shows them: the reference the locator must agree with.
    fn counted(input: &str, start: usize) -> (usize, usize) {
        let start = floor_char_boundary(input, start);
        let before = &input[..start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, input[line_start..start].chars().count() + 1)
    }

    #[test]
    fn a_locator_agrees_with_counting_from_the_start_in_any_order() {
        let input = "TY  - JOUR\r\nTI  - Über café\n\n中文标题 line\nER  - \nlast";
        let offsets: Vec<usize> = (0..=input.len() + 3).collect();
        let forward = {
            let mut locator = Locator::new(input);
            offsets
                .iter()
                .map(|&o| locator.locate(o, o + 2))
                .collect::<Vec<_>>()
        };
        let backward = {
            let mut locator = Locator::new(input);
            let mut spans: Vec<_> = offsets
                .iter()
                .rev()
                .map(|&o| locator.locate(o, o + 2))
                .collect();
            spans.reverse();
            spans
        };
        let mut shuffled = Locator::new(input);
        for (i, &offset) in offsets.iter().enumerate() {
            let expected = counted(input, offset);
            for span in [forward[i], backward[i]] {
                assert_eq!((span.line, span.column), expected, "offset {offset}");
                assert!(input.is_char_boundary(span.start) && span.start <= span.end);
            }
            // Jump back and forth: every other offset from the far end.
            let jumped = offsets[(i * 7) % offsets.len()];
            let span = shuffled.locate(jumped, jumped);
            assert_eq!(
                (span.line, span.column),
                counted(input, jumped),
                "offset {jumped}"
            );
        }
    }
}
