//! BibTeX and BibLaTeX, read with the `biblatex` crate: LaTeX accents to
//! Unicode, `@string` and `#`, month macros, both name forms, particles and
//! corporate names in braces.

use std::ops::Range;

use biblatex::{Bibliography, Pair, RawBibliography, RawChunk};

use crate::error::{Locator, ParseError, ParseErrorKind, Span, Warning};
use crate::input::window::{self, Slots};
use crate::input::{Record, Records};
use crate::list::annotations::AUTHOR_ANNOTATIONS;
use crate::rich_text::HtmlTokenizer;

mod convert;
mod crossref;
mod latex;
mod strings;

use convert::convert;
use crossref::inherit_crossrefs;
use latex::protect_literal_tildes;
use strings::unresolvable;

/// Read every entry of a BibTeX or BibLaTeX file.
///
/// Each entry is read on its own, so a malformed entry becomes an error in
/// its place and the others are still read; `@string` definitions apply to
/// every entry.
///
/// ```
/// use citecard_core::{input::bibtex, rich_text::Html5gum};
/// let input = r#"@string{jn = "J. Stud."}
/// @article{k1, author = {M{\"u}ller, Hans and van der Berg, Anna}, title = {On {DNA}},
///   journal = jn # " A", year = 2020, month = feb}
/// @article{k2, title = {Broken"#;
/// let records = bibtex::parse(input, &Html5gum).unwrap();
/// let reference = &records[0].as_ref().unwrap().reference;
/// assert_eq!(reference.authors[0].family.as_deref(), Some("Müller"));
/// assert_eq!(reference.authors[1].particle.as_deref(), Some("van der"));
/// assert_eq!(reference.container_title.as_deref(), Some("J. Stud. A"));
/// assert_eq!(reference.issued.unwrap().month, Some(2));
/// assert_eq!(records[1].as_ref().unwrap_err().span.line, 4);
/// ```
pub fn parse(input: &str, html: &dyn HtmlTokenizer) -> Records {
    window::all_read(read(input, html, &window::EVERY_RECORD))
}

/// The entries of `input` whose indexes are in `window`, converted; every
/// other entry found and located (`Slot::NotRead`), as `parse_window`
/// reads. Every entry's syntax is read, for the `@string` definitions and
/// the spans; only the window's entries (and the parents they `crossref`)
/// are converted, which is most of the work.
pub(crate) fn read(input: &str, html: &dyn HtmlTokenizer, window: &Range<usize>) -> Slots {
    let mut abbreviations = Vec::new();
    // Each entry with its offset in `input`, or a syntax error in its place.
    let mut entries = Vec::new();
    let mut locator = Locator::new(input);
    for (start, segment) in segments(input) {
        match RawBibliography::parse(segment) {
            Ok(raw) => {
                abbreviations.extend(raw.abbreviations);
                entries.extend(
                    raw.entries
                        .into_iter()
                        .map(|entry| Ok((start, segment, entry))),
                );
            }
            Err(error) => {
                // An entry cut short points at the brace left open, near the
                // cause, not at the end of the input.
                let brace = matches!(error.kind, biblatex::ParseErrorKind::UnexpectedEof)
                    .then(|| last_unclosed_brace(segment))
                    .flatten();
                entries.push(Err(match brace {
                    Some(brace) => ParseError::new(
                        locator.locate(start + brace, start + brace + 1),
                        ParseErrorKind::Syntax {
                            message: "this `{` is never closed, so the entry runs on to the next one or the end"
                                .to_owned(),
                        },
                    ),
                    None => located(&mut locator, start, &error),
                }));
            }
        }
    }
    if entries.is_empty() {
        return Err(ParseError::no_record(
            input,
            "a BibTeX entry such as @article{key, title = {…}}",
        ));
    }
    // biblatex resolves @string references recursively: a cycle (`@string{a
    // = b}`, `@string{b = a}`) or a very long chain overflows the stack
    // (found by fuzzing). Such abbreviations are left undefined.
    let unsafe_names = unresolvable(&abbreviations);
    abbreviations.retain(|pair| !unsafe_names.contains(&pair.key.v));
    // What to convert: the window's entries, and the parents they name
    // with `crossref` (which lend them their fields).
    let mut wanted: Vec<bool> = (0..entries.len()).map(|i| window.contains(&i)).collect();
    for entry in entries
        .iter()
        .take(window.end.min(entries.len()))
        .skip(window.start)
    {
        let Ok((_, _, raw)) = entry else { continue };
        let parent = raw
            .v
            .fields
            .iter()
            .find(|pair| pair.key.v.eq_ignore_ascii_case("crossref"));
        let Some(parent) = parent.map(|pair| raw_text(&pair.value.v)) else {
            continue;
        };
        let at = entries.iter().position(|e| {
            e.as_ref()
                .is_ok_and(|(_, _, raw)| raw.v.key.v == parent.trim())
        });
        if let Some(at) = at {
            wanted[at] = true;
        }
    }
    // Each entry converted, or where it is.
    let mut read: Vec<Result<Result<Record, ParseError>, Span>> = entries
        .into_iter()
        .zip(&wanted)
        .map(|(entry, &wanted)| {
            let (start, segment, raw) = match entry {
                Ok(entry) => entry,
                Err(error) => return Ok(Err(error)),
            };
            let span = locator.locate(start + raw.span.start, start + raw.span.end);
            if !wanted {
                return Err(span);
            }
            Ok(convert_entry(
                Located {
                    start,
                    span,
                    segment,
                },
                raw,
                (&abbreviations, &unsafe_names),
                &mut locator,
                html,
            ))
        })
        .collect();
    // Crossrefs among the converted entries (the rest are not read).
    let mut converted: Vec<Result<Record, ParseError>> = Vec::new();
    let mut places = Vec::new();
    for (index, slot) in read.iter_mut().enumerate() {
        if let Ok(result) = slot {
            // Taken out for `inherit_crossrefs`, and put back below.
            let taken = Err(ParseError::new(Span::default(), ParseErrorKind::EmptyInput));
            converted.push(std::mem::replace(result, taken));
            places.push(index);
        }
    }
    inherit_crossrefs(&mut converted);
    for (index, result) in places.into_iter().zip(converted) {
        read[index] = Ok(result);
    }
    Ok(read
        .into_iter()
        .enumerate()
        .map(|(index, slot)| match slot {
            Ok(result) => {
                let span = match &result {
                    Ok(record) => record.span,
                    Err(error) => error.span,
                };
                window::read_within(index, span, window, |_| result)
            }
            // Not converted, so outside the window: `read_within` only
            // locates it (or says it is past the record limit).
            Err(span) => window::read_within(index, span, window, |span| {
                Err(ParseError::new(span, ParseErrorKind::EmptyInput))
            }),
        })
        .collect())
}

/// Where an entry is: its segment's offset in the input, its span, and the
/// segment's text.
struct Located<'s> {
    start: usize,
    span: Span,
    segment: &'s str,
}

/// Convert one raw entry, resolved against the `@string` abbreviations
/// (and the names among them that cannot be resolved).
fn convert_entry<'s>(
    at: Located<'s>,
    mut raw: biblatex::Spanned<biblatex::RawEntry<'s>>,
    (abbreviations, unresolvable): (&[Pair<'s>], &[&str]),
    locator: &mut Locator<'_>,
    html: &dyn HtmlTokenizer,
) -> Result<Record, ParseError> {
    let Located {
        start,
        span,
        segment,
    } = at;
    // biblatex resolves `crossref` and `xdata` recursively and never
    // returns on a cycle (`crossref = {itself}`; upstream:
    // https://github.com/typst/biblatex/issues/92); each entry is read
    // on its own anyway, so keep the links as text instead. The
    // authors' data annotations (biblatex's `author+an`: `1=equal;
    // 2=corresponding`) are kept as text too, for a list to show.
    let mut links = Vec::new();
    raw.v.fields.retain(|pair| {
        let link = pair.key.v.eq_ignore_ascii_case("crossref")
            || pair.key.v.eq_ignore_ascii_case("xdata")
            || pair.key.v.eq_ignore_ascii_case(AUTHOR_ANNOTATIONS);
        if link {
            let value: String =
                pair.value
                    .v
                    .iter()
                    .map(|chunk| match &chunk.v {
                        biblatex::RawChunk::Normal(text)
                        | biblatex::RawChunk::Abbreviation(text) => *text,
                    })
                    .collect();
            links.push((pair.key.v.to_ascii_lowercase(), value));
        }
        !link
    });
    protect_literal_tildes(&mut raw.v);
    let mut warnings = Vec::new();
    let bibliography = resolve(raw, abbreviations, unresolvable, segment, &mut warnings)
        .map_err(|e| located(locator, start, &e))?;
    let entry = bibliography.iter().next().ok_or_else(|| {
        ParseError::new(
            span,
            ParseErrorKind::NoRecord {
                expected: "a BibTeX entry",
            },
        )
    })?;
    let mut reference = convert(entry, html, &mut warnings);
    for (key, value) in links {
        reference.source_fields.insert(key, value);
    }
    Ok(Record {
        reference,
        warnings,
        span,
    })
}

/// The text of a raw field value, abbreviations as their names.
fn raw_text(value: &[biblatex::Spanned<RawChunk<'_>>]) -> String {
    value
        .iter()
        .map(|chunk| match &chunk.v {
            RawChunk::Normal(text) | RawChunk::Abbreviation(text) => *text,
        })
        .collect()
}

/// Resolve one raw entry against the `@string` abbreviations. BibTeX itself
/// only warns about an undefined abbreviation (`journal = jcp` without
/// `@string{jcp = …}`), so it is kept as written, with a warning.
fn resolve<'s>(
    raw: biblatex::Spanned<biblatex::RawEntry<'s>>,
    abbreviations: &[Pair<'s>],
    unresolvable: &[&str],
    segment: &'s str,
    warnings: &mut Vec<Warning>,
) -> Result<Bibliography, biblatex::ParseError> {
    let mut abbreviations = abbreviations.to_vec();
    loop {
        let single = RawBibliography {
            preamble: String::new(),
            entries: vec![raw.clone()],
            abbreviations: abbreviations.clone(),
        };
        let error = match Bibliography::from_raw(single) {
            Ok(bibliography) => return Ok(bibliography),
            Err(error) => error,
        };
        let name = match (&error.kind, segment.get(error.span.clone())) {
            (biblatex::ParseErrorKind::UnknownAbbreviation(_), Some(name))
                if warnings.len() < MAX_UNDEFINED_ABBREVIATIONS =>
            {
                name
            }
            _ => return Err(error),
        };
        warnings.push(Warning {
            field: name.to_owned(),
            message: if unresolvable.contains(&name) {
                "its @string refers back to itself (or nests too deep); kept as written"
            } else {
                "is not defined by an @string; kept as written"
            }
            .to_owned(),
        });
        let span = error.span.clone();
        abbreviations.push(Pair::new(
            biblatex::Spanned::new(name, span.clone()),
            biblatex::Spanned::new(
                vec![biblatex::Spanned::new(RawChunk::Normal(name), span.clone())],
                span,
            ),
        ));
    }
}

/// Undefined abbreviations tolerated in one entry before it is an error.
const MAX_UNDEFINED_ABBREVIATIONS: usize = 16;

/// Split the input before every line that starts with `@`, so that each
/// entry is parsed on its own.
fn segments(input: &str) -> Vec<(usize, &str)> {
    let mut starts = vec![0];
    let mut offset = 0;
    for line in input.split_inclusive('\n') {
        if offset > 0 && line.trim_start().starts_with('@') {
            starts.push(offset);
        }
        offset += line.len();
    }
    starts.push(input.len());
    starts
        .windows(2)
        .map(|pair| (pair[0], &input[pair[0]..pair[1]]))
        .filter(|(_, segment)| !segment.trim().is_empty())
        .collect()
}

/// The byte offset of the last `{` in `segment` that no `}` closes
/// (escaped braces `\{` do not count): in an entry cut short, the field
/// value or the entry left open.
fn last_unclosed_brace(segment: &str) -> Option<usize> {
    let mut open = Vec::new();
    let mut escaped = false;
    for (i, c) in segment.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '{' => open.push(i),
            '}' => {
                open.pop();
            }
            _ => {}
        }
    }
    open.pop()
}

fn located(locator: &mut Locator<'_>, start: usize, error: &biblatex::ParseError) -> ParseError {
    let span = locator.locate(start + error.span.start, start + error.span.end);
    let message = match &error.kind {
        biblatex::ParseErrorKind::UnexpectedEof => {
            "the entry ends early: expected a closing `}` (is a brace unbalanced?)".to_owned()
        }
        biblatex::ParseErrorKind::UnknownAbbreviation(name) => {
            format!("`{name}` is not defined: expected an @string definition or a quoted value")
        }
        biblatex::ParseErrorKind::DuplicateKey(key) => format!("the key `{key}` is used twice"),
        biblatex::ParseErrorKind::Expected(biblatex::Token::Comma) => {
            "expected `,` between fields, or the brace that opened the entry to close it".to_owned()
        }
        biblatex::ParseErrorKind::Expected(biblatex::Token::Equals) => {
            "expected `=` after the field name".to_owned()
        }
        biblatex::ParseErrorKind::Expected(biblatex::Token::Identifier) => {
            "expected a citation key or a field name".to_owned()
        }
        other => other.to_string(),
    };
    ParseError::new(span, ParseErrorKind::Syntax { message })
}
