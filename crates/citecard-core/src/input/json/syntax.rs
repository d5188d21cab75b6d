//! JSON text (RFC 8259) read into `serde_json` values, with every error
//! located at the byte that broke the grammar.
//!
//! The readers first find their records' extents ([`Raw`]) and convert
//! only the records a window asks for. Written for the first card's bundle:
//! `serde_json`'s own parser, with its error type and its power-of-ten
//! tables, costs about 7 KB gzipped there, and this one a fraction of that
//! (BENCHMARKS.md, "What each dependency costs"). The values are still
//! `serde_json`'s `Value`, which the readers and the model share.

use serde_json::{Map, Number, Value};

use super::float::parse as float;

/// How deep arrays and objects may nest (as deep as `serde_json` allows):
/// deeper input is refused rather than read with unbounded recursion.
const MAX_DEPTH: usize = 128;

/// What broke the grammar, and where (a byte offset in the input).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SyntaxError {
    pub(crate) offset: usize,
    pub(crate) message: &'static str,
}

/// One JSON value's extent in the input it was found in.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Raw<'a> {
    input: &'a str,
    start: usize,
    end: usize,
}

impl<'a> Raw<'a> {
    /// The value's text.
    pub(crate) fn get(&self) -> &'a str {
        &self.input[self.start..self.end]
    }

    /// Where the value starts and ends in the input.
    pub(crate) fn range(&self) -> (usize, usize) {
        (self.start, self.end)
    }

    /// The value, read.
    pub(crate) fn value(&self) -> Result<Value, SyntaxError> {
        Parser::at(self.input, self.start).value()
    }

    /// The elements of an array (an error for anything else).
    pub(crate) fn elements(&self) -> Result<Vec<Raw<'a>>, SyntaxError> {
        let mut parser = Parser::at(self.input, self.start);
        let mut items = Vec::new();
        parser.array(&mut |p| {
            items.push(p.skip()?);
            Ok(())
        })?;
        Ok(items)
    }

    /// The value of `key` in an object (see [`last_member`]).
    pub(crate) fn member(&self, key: &str) -> Option<Raw<'a>> {
        last_member(&self.members().ok()?, key)
    }

    /// The value's text as written, without the white space between its
    /// tokens: a number keeps its own digits ("1.50", "1e2").
    pub(crate) fn compact(&self) -> String {
        let mut out = String::with_capacity(self.end - self.start);
        let mut in_string = false;
        let mut escaped = false;
        for c in self.get().chars() {
            if in_string {
                in_string = escaped || c != '"';
                escaped = !escaped && c == '\\';
            } else if c == '"' {
                in_string = true;
            } else if matches!(c, ' ' | '\t' | '\n' | '\r') {
                continue;
            }
            out.push(c);
        }
        out
    }

    /// The members of an object, in order (an error for anything else).
    pub(crate) fn members(&self) -> Result<Vec<(String, Raw<'a>)>, SyntaxError> {
        let mut parser = Parser::at(self.input, self.start);
        let mut members = Vec::new();
        parser.object(true, &mut |p, key| {
            members.push((key, p.skip()?));
            Ok(())
        })?;
        Ok(members)
    }
}

/// The value of `key` among an object's `members`: the last, if the key
/// is repeated, as in the object read whole.
pub(crate) fn last_member<'a>(members: &[(String, Raw<'a>)], key: &str) -> Option<Raw<'a>> {
    members
        .iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| *v)
}

/// The one value that `input[start..]` holds, with nothing but white space
/// after it.
pub(crate) fn document(input: &str, start: usize) -> Result<Raw<'_>, SyntaxError> {
    let mut parser = Parser::at(input, start);
    let raw = parser.skip()?;
    parser.white_space();
    match parser.peek() {
        None => Ok(raw),
        Some(_) => Err(parser.error("expected the input to end after the JSON value")),
    }
}

/// The first value in `input[start..]`, and where it ends; what follows it
/// is left alone.
pub(crate) fn first_value(input: &str, start: usize) -> Result<Raw<'_>, SyntaxError> {
    Parser::at(input, start).skip()
}

/// `text` read as one JSON number and nothing else; `None` for anything
/// else.
pub(crate) fn number(text: &str) -> Option<Number> {
    let mut parser = Parser::at(text, 0);
    match parser.number() {
        Ok(Value::Number(n)) if parser.pos == text.len() => Some(n),
        _ => None,
    }
}

/// How many bytes at the start of `bytes` a string holds as they are: up
/// to the first quote, backslash or control character. Eight bytes at a
/// time: each test sets the high bit of a byte that matches, and of none
/// before it that does not, so the lowest set bit is the first match.
fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let chunks = bytes.chunks_exact(8);
    let tail = chunks.remainder();
    for (i, chunk) in chunks.enumerate() {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        let quote = has_zero(word ^ (ONES * u64::from(b'"')));
        let backslash = has_zero(word ^ (ONES * u64::from(b'\\')));
        let control = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
        let found = quote | backslash | control;
        if found != 0 {
            return i * 8 + (found.trailing_zeros() / 8) as usize;
        }
    }
    let start = bytes.len() - tail.len();
    start
        + tail
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(tail.len())
}

struct Parser<'a> {
    input: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    /// Where a string with escapes is unescaped.
    scratch: String,
}

type Step<'p, 'a> = dyn FnMut(&mut Parser<'a>) -> Result<(), SyntaxError> + 'p;
type MemberStep<'p, 'a> = dyn FnMut(&mut Parser<'a>, String) -> Result<(), SyntaxError> + 'p;

impl<'a> Parser<'a> {
    fn at(input: &'a str, pos: usize) -> Self {
        Parser {
            input,
            bytes: input.as_bytes(),
            pos,
            depth: 0,
            scratch: String::new(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn white_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn error(&self, message: &'static str) -> SyntaxError {
        SyntaxError {
            offset: self.pos,
            message,
        }
    }

    /// An error for input that ends where more was needed, placed on the
    /// last character read (a line's end counts as the next line).
    fn early_end(&self, message: &'static str) -> SyntaxError {
        let text = &self.input[..self.bytes.len()];
        let offset = match text.chars().next_back() {
            Some('\n') | None => text.len(),
            Some(c) => text.len() - c.len_utf8(),
        };
        SyntaxError { offset, message }
    }

    /// Skip one value, checking its grammar, and say where it was.
    fn skip(&mut self) -> Result<Raw<'a>, SyntaxError> {
        self.white_space();
        let start = self.pos;
        match self.peek() {
            Some(b'{') => self.object(false, &mut |p, _| p.skip().map(drop))?,
            Some(b'[') => self.array(&mut |p| p.skip().map(drop))?,
            Some(b'"') => self.string(false).map(drop)?,
            _ => self.scalar().map(drop)?,
        }
        Ok(Raw {
            input: self.input,
            start,
            end: self.pos,
        })
    }

    /// Read one value.
    fn value(&mut self) -> Result<Value, SyntaxError> {
        self.white_space();
        match self.peek() {
            Some(b'{') => {
                let mut map = Map::new();
                self.object(true, &mut |p, key| {
                    let value = p.value()?;
                    map.insert(key, value);
                    Ok(())
                })?;
                Ok(Value::Object(map))
            }
            Some(b'[') => {
                let mut items = Vec::new();
                self.array(&mut |p| {
                    items.push(p.value()?);
                    Ok(())
                })?;
                Ok(Value::Array(items))
            }
            Some(b'"') => Ok(Value::String(self.string(true)?)),
            _ => self.scalar(),
        }
    }

    /// `open` (one level deeper), and whether `close` follows at once: an
    /// empty list or object, already closed.
    fn open(&mut self, open: u8, close: u8, expected: &'static str) -> Result<bool, SyntaxError> {
        self.white_space();
        if self.peek() != Some(open) {
            return Err(self.error(expected));
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("nested too deeply (more than 128 levels)"));
        }
        self.pos += 1;
        self.white_space();
        if self.peek() == Some(close) {
            self.pos += 1;
            self.depth -= 1;
            return Ok(true);
        }
        Ok(false)
    }

    /// `[ … ]`, calling `each` at the start of every element.
    fn array(&mut self, each: &mut Step<'_, 'a>) -> Result<(), SyntaxError> {
        if self.open(b'[', b']', "expected a list (`[`)")? {
            return Ok(());
        }
        loop {
            self.white_space();
            match self.peek() {
                None => return Err(self.early_end("the record ends early: expected a value")),
                Some(b']') => {
                    return Err(self
                        .error("expected another value after the comma, or no comma before `]`"))
                }
                _ => each(self)?,
            }
            if self.comma_or_close(
                b']',
                "the record ends early: expected `]` to close the list",
                "expected `,` or `]`",
            )? {
                return Ok(());
            }
        }
    }

    /// `{ … }`, calling `each` with every key (read only if `keys`; empty
    /// otherwise), before its value.
    fn object(&mut self, keys: bool, each: &mut MemberStep<'_, 'a>) -> Result<(), SyntaxError> {
        if self.open(b'{', b'}', "expected an object (`{`)")? {
            return Ok(());
        }
        let mut first = true;
        loop {
            self.white_space();
            match self.peek() {
                Some(b'"') => {}
                None => {
                    return Err(
                        self.early_end("the record ends early: expected `}` to close the object")
                    )
                }
                Some(b'}') if !first => {
                    return Err(self
                        .error("expected another field after the comma, or no comma before `}`"))
                }
                Some(_) => return Err(self.error("expected a field name in double quotes")),
            }
            first = false;
            let key = self.string(keys)?;
            self.white_space();
            match self.peek() {
                Some(b':') => self.pos += 1,
                None => {
                    return Err(
                        self.early_end("the record ends early: expected `}` to close the object")
                    )
                }
                Some(_) => return Err(self.error("expected `:`")),
            }
            self.white_space();
            if self.peek().is_none() {
                return Err(self.early_end("the record ends early: expected a value"));
            }
            each(self, key)?;
            if self.comma_or_close(
                b'}',
                "the record ends early: expected `}` to close the object",
                "expected `,` or `}`",
            )? {
                return Ok(());
            }
        }
    }

    /// After an element or a member: a comma (`false`: more follow) or
    /// `close` (`true`: the list or object is over); `early` when the text
    /// ends, `expected` for anything else.
    fn comma_or_close(
        &mut self,
        close: u8,
        early: &'static str,
        expected: &'static str,
    ) -> Result<bool, SyntaxError> {
        self.white_space();
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(false)
            }
            Some(b) if b == close => {
                self.pos += 1;
                self.depth -= 1;
                Ok(true)
            }
            None => Err(self.early_end(early)),
            Some(_) => Err(self.error(expected)),
        }
    }

    /// A string at `"`, unescaped when `build` (else only checked). A
    /// string with escapes is unescaped in a buffer the parser keeps, then
    /// copied once, so that a long abstract is not grown a run at a time.
    fn string(&mut self, build: bool) -> Result<String, SyntaxError> {
        self.pos += 1;
        let mut run = self.pos;
        let mut escaped = false;
        loop {
            match self.peek() {
                None => {
                    return Err(
                        self.early_end("the record ends early: expected `\"` to close the string")
                    )
                }
                Some(b'"') => {
                    let last = &self.input[run..self.pos];
                    self.pos += 1;
                    if !build {
                        return Ok(String::new());
                    }
                    if !escaped {
                        return Ok(last.to_owned());
                    }
                    self.scratch.push_str(last);
                    return Ok(self.scratch.clone());
                }
                Some(b'\\') => {
                    if build {
                        if !escaped {
                            self.scratch.clear();
                            escaped = true;
                        }
                        self.scratch.push_str(&self.input[run..self.pos]);
                    }
                    self.pos += 1;
                    let c = self.escape()?;
                    if build {
                        self.scratch.push(c);
                    }
                    run = self.pos;
                }
                Some(0..=0x1f) => {
                    return Err(self.error(
                        "expected an escaped control character (such as \\n) inside the string",
                    ))
                }
                // The run up to the next quote, backslash or control
                // character: strings (abstracts) are most of a record's bytes.
                Some(_) => self.pos += 1 + plain_run(&self.bytes[self.pos + 1..]),
            }
        }
    }

    /// The character an escape after `\` stands for. A lone surrogate,
    /// which a Rust string cannot hold, becomes U+FFFD.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let c = match self.peek() {
            None => {
                return Err(
                    self.early_end("the record ends early: expected `\"` to close the string")
                )
            }
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let unit = self.hex4()?;
                if (0xD800..0xDC00).contains(&unit)
                    && self.bytes.get(self.pos..self.pos + 2) == Some(b"\\u")
                {
                    let back = self.pos;
                    self.pos += 2;
                    let low = self.hex4()?;
                    if (0xDC00..0xE000).contains(&low) {
                        let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                        return Ok(char::from_u32(code).unwrap_or('\u{FFFD}'));
                    }
                    self.pos = back;
                }
                return Ok(char::from_u32(unit).unwrap_or('\u{FFFD}'));
            }
            Some(_) => {
                return Err(self.error("expected an escape such as \\n or \\u00e9 after `\\`"))
            }
        };
        self.pos += 1;
        Ok(c)
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit =
                self.peek()
                    .and_then(|b| (b as char).to_digit(16))
                    .ok_or_else(|| match self.peek() {
                        None => self
                            .early_end("the record ends early: expected `\"` to close the string"),
                        Some(_) => self.error("expected four hexadecimal digits after `\\u`"),
                    })?;
            unit = unit * 16 + digit;
            self.pos += 1;
        }
        Ok(unit)
    }

    /// `true`, `false`, `null` or a number.
    fn scalar(&mut self) -> Result<Value, SyntaxError> {
        for (word, value) in [
            ("true", Value::Bool(true)),
            ("false", Value::Bool(false)),
            ("null", Value::Null),
        ] {
            if self.input[self.pos..].starts_with(word) {
                self.pos += word.len();
                return Ok(value);
            }
        }
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => self.number(),
            None => Err(self.early_end("the record ends early: expected a value")),
            Some(_) => Err(self.error("expected a value")),
        }
    }

    fn digits(&mut self) -> Result<(), SyntaxError> {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        if self.pos == start {
            return Err(match self.peek() {
                None => self.early_end("the record ends early: expected a digit"),
                Some(_) => self.error("expected a digit"),
            });
        }
        Ok(())
    }

    /// A number: an integer as such while it fits 64 bits, else a float.
    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        if self.peek() == Some(b'0') {
            self.pos += 1;
        } else {
            self.digits()?;
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.digits()?;
            integer = false;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            self.digits()?;
            integer = false;
        }
        let text = &self.input[start..self.pos];
        if integer {
            if let Ok(n) = text.parse::<u64>() {
                return Ok(Value::Number(n.into()));
            }
            // "-0" is a float, as `serde_json` reads it (an integer has no
            // negative zero).
            if let Ok(n @ (..=-1 | 1..)) = text.parse::<i64>() {
                return Ok(Value::Number(n.into()));
            }
        }
        float(text)
            .and_then(Number::from_f64)
            .map(Value::Number)
            .ok_or(SyntaxError {
                offset: start,
                message: "the number is out of range",
            })
    }
}

#[cfg(test)]
mod tests;
