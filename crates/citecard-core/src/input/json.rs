//! Shared helpers for the JSON input formats: located syntax errors and
//! forgiving, typed access to fields.

use serde_json::{Map, Value};

use crate::error::{Locator, ParseError, ParseErrorKind, Span, Warning};
use crate::link::{Doi, HttpUrl};
use crate::model::Date;
use crate::rich_text::{html_to_formatted, html_to_text, HtmlTokenizer, Inline};

mod float;
mod syntax;
mod write;

pub use float::{set_float_text, FloatText};
pub(crate) use syntax::{document, first_value, last_member, Raw, SyntaxError};
pub(crate) use write::value_text;

/// A JSON syntax error as a located error in `input`.
pub(crate) fn json_error(input: &str, error: &SyntaxError) -> ParseError {
    json_error_at(&mut Locator::new(input), input, error)
}

/// [`json_error`] for one of many errors in the same input, located in
/// order with `locator` (so that many bad lines cost linear time).
pub(crate) fn json_error_at(
    locator: &mut Locator<'_>,
    input: &str,
    error: &SyntaxError,
) -> ParseError {
    let end = (error.offset + 1).min(input.len());
    ParseError::new(
        locator.locate(error.offset.min(input.len()), end),
        ParseErrorKind::InvalidJson {
            message: error.message.to_owned(),
        },
    )
}

/// Where a [`Fields`] object's text is. A nested object's is looked up in
/// its parent's only when a value is kept as text: finding it scans the
/// parent, which for a record of 10,000 author objects, each read as a
/// nested object, would cost that scan 10,000 times.
#[derive(Debug, Clone)]
enum Text<'a> {
    /// Not read from text (an object handed over from JavaScript).
    None,
    /// The object's own text.
    Object(Raw<'a>),
    /// The member `key` of the object whose text this is.
    Member(Raw<'a>, String),
}

impl<'a> Text<'a> {
    /// The object's text, found.
    fn object(&self) -> Option<Raw<'a>> {
        match self {
            Text::None => None,
            Text::Object(raw) => Some(*raw),
            Text::Member(parent, key) => parent.member(key),
        }
    }
}

/// Typed, forgiving access to a JSON object's fields; each field of the
/// wrong type is dropped with a warning that names it.
pub(crate) struct Fields<'a> {
    pub(crate) map: &'a Map<String, Value>,
    /// Where the object's JSON text is, when it was read from text: a
    /// value that is kept as text is then kept as written.
    text: Text<'a>,
    /// The object's members as written, found the first time one is kept
    /// as text (one scan of the object, however many are).
    written: std::cell::OnceCell<Vec<(String, Raw<'a>)>>,
    pub(crate) html: &'a dyn HtmlTokenizer,
    pub(crate) warnings: Vec<Warning>,
    /// Prepended to field names in warnings (`journal.`, `author[2].`).
    prefix: String,
}

impl<'a> Fields<'a> {
    pub(crate) fn new(map: &'a Map<String, Value>, html: &'a dyn HtmlTokenizer) -> Self {
        Fields {
            map,
            text: Text::None,
            written: std::cell::OnceCell::new(),
            html,
            warnings: Vec::new(),
            prefix: String::new(),
        }
    }

    /// [`Fields::new`] for an object read from `text`.
    pub(crate) fn with_text(
        map: &'a Map<String, Value>,
        text: Raw<'a>,
        html: &'a dyn HtmlTokenizer,
    ) -> Self {
        Fields {
            text: Text::Object(text),
            ..Fields::new(map, html)
        }
    }

    /// Fields of a nested object, whose warnings name it as `name.field`.
    pub(crate) fn child(&self, map: &'a Map<String, Value>, name: &str) -> Fields<'a> {
        Fields {
            map,
            text: match self.text.object() {
                Some(object) => Text::Member(object, name.to_owned()),
                None => Text::None,
            },
            written: std::cell::OnceCell::new(),
            html: self.html,
            warnings: Vec::new(),
            prefix: format!("{}{name}.", self.prefix),
        }
    }

    /// The value of `key` as JSON text: as it was written when the object
    /// was read from text, else as `serde_json` writes it. A string is
    /// its own text.
    pub(crate) fn as_written(&self, key: &str, value: &Value) -> String {
        // A string is its own text; an integer, `true`, `false` and `null`
        // have only one way to be written (RFC 8259 allows no leading
        // zeros or plus sign), so the record's text need not be scanned.
        match value {
            Value::String(s) => return s.clone(),
            Value::Number(n) => {
                if let Some(n) = n.as_u64() {
                    return n.to_string();
                }
                if let Some(n) = n.as_i64() {
                    return n.to_string();
                }
            }
            Value::Bool(_) | Value::Null => return write::value_text(value),
            _ => {}
        }
        let written = self.written.get_or_init(|| {
            self.text
                .object()
                .and_then(|text| text.members().ok())
                .unwrap_or_default()
        });
        match last_member(written, key) {
            Some(raw) => raw.compact(),
            None => write::value_text(value),
        }
    }

    /// Keep a child's warnings.
    pub(crate) fn absorb(&mut self, child: Fields<'_>) {
        self.warnings.extend(child.warnings);
    }

    pub(crate) fn warn(&mut self, field: &str, message: &str) {
        self.warnings.push(Warning {
            field: format!("{}{field}", self.prefix),
            message: message.to_owned(),
        });
    }

    pub(crate) fn wrong_type(&mut self, field: &str, expected: &str, found: &Value) {
        let found = match found {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        };
        self.warn(
            field,
            &format!("expected {expected}, found {found}; ignored"),
        );
    }

    /// The value, treating `null` as absent.
    pub(crate) fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// A non-blank string, trimmed.
    ///
    /// A value over [`MAX_FIELD_BYTES`](crate::limits::MAX_FIELD_BYTES) is
    /// cut there, with a warning.
    pub(crate) fn str(&mut self, key: &str) -> Option<&'a str> {
        match self.get(key)? {
            Value::String(s) => {
                let prefix = &self.prefix;
                let field = || format!("{prefix}{key}");
                let s = crate::limits::within_field_limit(field, s, &mut self.warnings);
                Some(s.trim()).filter(|s| !s.is_empty())
            }
            other => {
                self.wrong_type(key, "a string", other);
                None
            }
        }
    }

    /// A string with entities decoded, tags dropped and white space collapsed.
    pub(crate) fn text(&mut self, key: &str) -> Option<String> {
        let html = self.html;
        self.str(key)
            .map(|text| html_to_text(text, html))
            .filter(|s| !s.is_empty())
    }

    /// A text field (its first string, for a list) with its formatting,
    /// read once: the text, and the inline formatting when its HTML has any
    /// (see [`html_to_formatted`]).
    pub(crate) fn formatted(&mut self, key: &str) -> (Option<String>, Vec<Inline>) {
        let raw = match self.get(key) {
            Some(Value::Array(items)) => items
                .iter()
                .find_map(|item| item.as_str().filter(|s| !s.trim().is_empty())),
            _ => self.str(key),
        };
        match raw.map(|raw| html_to_formatted(raw, self.html)) {
            Some((text, rich)) if !text.is_empty() => (Some(text), rich),
            _ => (None, Vec::new()),
        }
    }

    pub(crate) fn bool(&mut self, key: &str) -> Option<bool> {
        match self.get(key)? {
            Value::Bool(b) => Some(*b),
            other => {
                self.wrong_type(key, "true or false", other);
                None
            }
        }
    }

    /// A number, or a string holding one.
    pub(crate) fn number(&mut self, key: &str) -> Option<f64> {
        match self.get(key)? {
            Value::Number(n) => n.as_f64(),
            Value::String(s) if s.trim().is_empty() => None,
            // Read as a JSON number (the same grammar and parser).
            Value::String(s) => match syntax::number(s.trim()) {
                Some(n) => n.as_f64(),
                _ => {
                    self.warn(key, &format!("`{s}` is not a number; ignored"));
                    None
                }
            },
            other => {
                self.wrong_type(key, "a number", other);
                None
            }
        }
    }

    /// A whole count, from a number or a string such as `"1"`.
    pub(crate) fn count(&mut self, key: &str) -> Option<u64> {
        let value = self.get(key)?;
        let parsed = match value {
            Value::Number(n) => n.as_u64(),
            Value::String(s) if s.trim().is_empty() => return None,
            Value::String(s) => s.trim().parse::<u64>().ok(),
            other => {
                self.wrong_type(key, "a count", other);
                return None;
            }
        };
        if parsed.is_none() {
            let text = self.as_written(key, value);
            self.warn(key, &format!("{text} is not a whole count; ignored"));
        }
        parsed
    }

    pub(crate) fn object(&mut self, key: &str) -> Option<&'a Map<String, Value>> {
        match self.get(key)? {
            Value::Object(map) => Some(map),
            other => {
                self.wrong_type(key, "an object", other);
                None
            }
        }
    }

    /// A list of strings (a single string counts as a list of one).
    pub(crate) fn strings(&mut self, key: &str) -> Vec<String> {
        let items: Vec<&Value> = match self.get(key) {
            None => return Vec::new(),
            Some(Value::Array(items)) => items.iter().collect(),
            Some(value) => vec![value],
        };
        let mut out = Vec::new();
        for item in items {
            match item {
                Value::String(s) if !s.trim().is_empty() => out.push(html_to_text(s, self.html)),
                Value::String(_) | Value::Null => {}
                other => self.wrong_type(key, "a list of strings", other),
            }
        }
        out
    }

    pub(crate) fn date(&mut self, key: &str) -> Option<Date> {
        let text = self.str(key)?;
        let date = Date::parse(text);
        if date.is_none() {
            self.warn(
                key,
                &format!("`{text}` is not a date (expected YYYY-MM-DD); ignored"),
            );
        }
        date
    }

    pub(crate) fn doi(&mut self, key: &str) -> Option<Doi> {
        let text = self.str(key)?;
        let doi = Doi::parse(text);
        if doi.is_none() {
            self.warn(
                key,
                &format!("`{text}` is not a DOI (expected 10.NNNN/…); ignored"),
            );
        }
        doi
    }

    /// An http(s) URL; anything else is dropped, since it could become a link.
    pub(crate) fn url(&mut self, key: &str) -> Option<HttpUrl> {
        let text = self.str(key)?;
        let url = HttpUrl::parse(text);
        if url.is_none() {
            self.warn(key, "not an http(s) URL; dropped");
        }
        url
    }
}

/// A JSON document's top-level value, or a located syntax error. A leading
/// byte-order mark is skipped.
pub(crate) fn parse_document(input: &str) -> Result<Raw<'_>, ParseError> {
    let start = input.len() - input.trim_start_matches('\u{feff}').len();
    document(input, start).map_err(|error| json_error(input, &error))
}

/// Where `raw` (a value of the locator's input) is in that input.
pub(crate) fn span_of(locator: &mut Locator<'_>, raw: &Raw<'_>) -> Span {
    let (start, end) = raw.range();
    locator.locate(start, end)
}

/// The records of a JSON document: each element of a top-level array (or of
/// the array under one of `array_keys` in a top-level object), else the
/// document itself; each with its span.
pub(crate) fn records<'a>(
    input: &'a str,
    array_keys: &[&str],
) -> Result<Vec<(Span, Raw<'a>)>, ParseError> {
    let document = parse_document(input)?;
    let text = document.get();
    let error = |e: SyntaxError| json_error(input, &e);
    let items: Vec<Raw<'a>> = if text.starts_with('[') {
        document.elements().map_err(error)?
    } else if text.starts_with('{') && !array_keys.is_empty() {
        let members = document.members().map_err(error)?;
        match array_keys.iter().find_map(|key| last_member(&members, key)) {
            Some(array) if array.get().starts_with('[') => array.elements().map_err(error)?,
            _ => vec![document],
        }
    } else {
        vec![document]
    };
    let mut locator = Locator::new(input);
    Ok(items
        .into_iter()
        .map(|raw| (span_of(&mut locator, &raw), raw))
        .collect())
}

/// Read each JSON record with `convert`: a record that is not an object is
/// an error in its place (`expected` names what it should be).
pub(crate) fn read_records(
    items: Vec<(Span, Raw<'_>)>,
    html: &dyn HtmlTokenizer,
    expected: &'static str,
    convert: fn(&mut Fields<'_>) -> crate::model::Reference,
    window: &std::ops::Range<usize>,
) -> Vec<crate::input::window::Slot> {
    items
        .into_iter()
        .enumerate()
        .map(|(index, (span, raw))| {
            crate::input::window::read_within(index, span, window, |span| {
                let map = object_at(span, &raw, expected)?;
                let mut fields = Fields::with_text(&map, raw, html);
                let reference = convert(&mut fields);
                Ok(crate::input::Record {
                    reference,
                    warnings: fields.warnings,
                    span,
                })
            })
        })
        .collect()
}

/// The object at `raw`, or an error naming what was expected there.
pub(crate) fn object_at(
    span: Span,
    raw: &Raw<'_>,
    expected: &'static str,
) -> Result<Map<String, Value>, ParseError> {
    match raw.value() {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(ParseError::new(
            span,
            ParseErrorKind::WrongType {
                field: "record".to_owned(),
                expected,
            },
        )),
    }
}

impl<'a> Fields<'a> {
    /// A list of name objects, each read with `read`; an item that is not an
    /// object is dropped with a warning naming it (`author[2]`).
    pub(crate) fn names(
        &mut self,
        key: &str,
        read: fn(&mut Fields<'a>) -> crate::model::Name,
    ) -> Vec<crate::model::Name> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let Value::Array(items) = value else {
            self.wrong_type(key, "a list of names", value);
            return Vec::new();
        };
        let mut names = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let Value::Object(object) = item else {
                self.wrong_type(&format!("{key}[{i}]"), "a name object", item);
                continue;
            };
            let mut person = self.child(object, &format!("{key}[{i}]"));
            let name = read(&mut person);
            self.absorb(person);
            if name != crate::model::Name::default() {
                names.push(name);
            }
        }
        names
    }

    /// A string, or a number written as one (CSL allows both for `volume`, `page`, …).
    pub(crate) fn string_like(&mut self, key: &str) -> Option<String> {
        match self.get(key)? {
            number @ Value::Number(_) => Some(self.as_written(key, number)),
            Value::String(_) => {
                let html = self.html;
                self.str(key)
                    .map(|s| html_to_text(s, html))
                    .filter(|s| !s.is_empty())
            }
            other => {
                self.wrong_type(key, "a string or a number", other);
                None
            }
        }
    }

    /// A CSL date: `{"date-parts": [[2021, 3, 5]]}`, `{"raw": "2021-03-05"}`,
    /// `{"literal": …}` or an EDTF string such as `"2021-03-05"`.
    pub(crate) fn csl_date(&mut self, key: &str) -> Option<Date> {
        let value = self.get(key)?;
        let date = match value {
            Value::String(text) => Date::parse(text),
            Value::Object(object) => {
                let parts = object
                    .get("date-parts")
                    .and_then(Value::as_array)
                    .and_then(|ranges| ranges.first())
                    .and_then(Value::as_array);
                match parts {
                    Some(parts) => date_from_parts(parts),
                    None => ["raw", "literal"]
                        .iter()
                        .find_map(|k| object.get(*k).and_then(Value::as_str))
                        .and_then(Date::parse),
                }
            }
            _ => None,
        };
        if date.is_none() {
            self.warn(
                key,
                "not a date citecard can read (expected date-parts, or YYYY-MM-DD); kept as is",
            );
        }
        date
    }
}

impl Fields<'_> {
    /// The end of a CSL-JSON date range (the second `date-parts`), if the
    /// date at `key` is one.
    pub(crate) fn csl_date_end(&self, key: &str) -> Option<Date> {
        let parts = self
            .map
            .get(key)?
            .get("date-parts")?
            .as_array()?
            .get(1)?
            .as_array()?;
        date_from_parts(parts)
    }
}

/// `[2021, 3, 5]` or `["2021", "3"]`.
pub(crate) fn date_from_parts(parts: &[Value]) -> Option<Date> {
    let number = |value: &Value| -> Option<i64> {
        match value {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    };
    let year = i32::try_from(number(parts.first()?)?).ok()?;
    // Crossref writes unknown parts as null: `[[2023, null]]`.
    let month = parts.get(1).filter(|v| !v.is_null()).map(number);
    let day = parts.get(2).filter(|v| !v.is_null()).map(number);
    let month = match month {
        None => None,
        Some(Some(m)) if (1..=12).contains(&m) => Some(m as u8),
        Some(_) => return None,
    };
    let day = match day {
        None => None,
        Some(Some(d)) if (1..=31).contains(&d) && month.is_some() => Some(d as u8),
        Some(_) => return None,
    };
    Some(Date { year, month, day })
}
