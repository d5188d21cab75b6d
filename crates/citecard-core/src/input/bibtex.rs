//! BibTeX and BibLaTeX, read with the `biblatex` crate: LaTeX accents to
//! Unicode, `@string` and `#`, month macros, both name forms, particles and
//! corporate names in braces.

use biblatex::{
    Bibliography, ChunksExt, DateValue, EntryType, Pair, PermissiveType, Person, RawBibliography,
    RawChunk,
};

use crate::detect::Format;
use crate::error::{Locator, ParseError, ParseErrorKind, Warning};
use std::ops::Range;

use crate::error::Span;
use crate::input::window::{self, Slots};
use crate::input::{Record, Records};
use crate::link::{Doi, HttpUrl};
use crate::list::annotations::AUTHOR_ANNOTATIONS;
use crate::model::{Date, ItemType, Name, Reference};
use crate::rich_text::{has_formatting, inline_text, HtmlTokenizer, Inline, RichText};

mod crossref;
mod latex;
mod strings;

use crossref::inherit_crossrefs;
use latex::{chunks_inlines, chunks_text, clean_latex, protect_literal_tildes};
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

/// The fields biblatex's date reader parses.
const DATE_FIELDS: [&str; 7] = [
    "date",
    "year",
    "month",
    "day",
    "urldate",
    "eventdate",
    "origdate",
];

/// Whether biblatex 0.12 can read `value` in date field `field` without
/// panicking: ASCII digits only, runs short enough for its integer types,
/// no sign followed by a space, and a numeric month from 1 to 12.
fn safe_date_text(field: &str, value: &str) -> bool {
    if value.chars().any(|c| c.is_numeric() && !c.is_ascii_digit()) {
        return false;
    }
    let longest = match field {
        "month" | "day" => 2,
        _ => 9,
    };
    let runs: Vec<&str> = value
        .split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .collect();
    if runs.iter().any(|run| run.len() > longest) {
        return false;
    }
    // biblatex reads a year's sign and digits back as one number, so a sign
    // followed by a space ("+ 2003") panics there.
    let chars: Vec<char> = value.chars().collect();
    if field != "month"
        && field != "day"
        && chars
            .windows(2)
            .any(|w| matches!(w[0], '+' | '-') && w[1].is_whitespace())
    {
        return false;
    }
    if field == "month" {
        if let Some(first) = runs.first() {
            return first.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m));
        }
    }
    true
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

fn convert(
    entry: &biblatex::Entry,
    html: &dyn HtmlTokenizer,
    warnings: &mut Vec<Warning>,
) -> Reference {
    // Values over the field limit are cut; their warnings are added below.
    let over_limit = std::cell::RefCell::new(Vec::new());
    let limited = |field: &str, mut value: String| -> Option<String> {
        let mut over = over_limit.borrow_mut();
        // A field may be asked for twice (`journal`): warn once.
        let warned = over.iter().any(|w: &Warning| w.field == field);
        let mut cut = Vec::new();
        let kept = crate::limits::within_field_limit(|| field.to_owned(), &value, &mut cut).len();
        value.truncate(kept);
        if !warned {
            over.extend(cut);
        }
        Some(value).filter(|s| !s.is_empty())
    };
    let text = |field: &str| limited(field, entry.get(field).map(chunks_text)?);
    // Verbatim fields (a URL) as written: `~` is part of them, not a tie.
    let verbatim =
        |field: &str| limited(field, entry.get(field)?.format_verbatim().trim().to_owned());
    let mut reference = Reference {
        item_type: item_type(entry),
        ..Reference::read_as(Format::BibTeX)
    };
    reference.source_key = Some(entry.key.clone());
    // The title read once, with its formatting (`\emph{…}`, `H$_2$O`); the
    // formatting is kept when its text is the title's (not cut at the
    // field limit).
    let formatted = |field: &str| {
        let rich = entry.get(field).map(chunks_inlines)?;
        let text = limited(field, crate::text::collapse_whitespace(&inline_text(&rich)))?;
        Some((text, rich))
    };
    let (title, mut rich) = match (formatted("title"), formatted("subtitle")) {
        (Some((title, mut rich)), Some((subtitle, more))) => {
            rich.push(Inline::Text(": ".to_owned()));
            rich.extend(more);
            (Some(format!("{title}: {subtitle}")), rich)
        }
        (Some((title, rich)), None) => (Some(title), rich),
        (None, _) => (None, Vec::new()),
    };
    reference.title = title;
    crate::rich_text::tidy_inlines(&mut rich);
    if has_formatting(&rich) && reference.title.as_deref() == Some(inline_text(&rich).as_str()) {
        reference.title_rich = rich;
    }
    match entry.author() {
        Ok(people) => {
            reference.authors = people.iter().filter(|p| !is_others(p)).map(name).collect();
            if people.iter().any(is_others) {
                warnings.push(Warning {
                    field: "author".to_owned(),
                    message: "ends with `and others`: the remaining authors are not named"
                        .to_owned(),
                });
            }
        }
        Err(biblatex::RetrievalError::Missing(_)) => {}
        Err(error) => warnings.push(type_warning("author", &error)),
    }
    match entry.editors() {
        Ok(groups) => {
            for (people, kind) in groups {
                let names: Vec<Name> = people.iter().filter(|p| !is_others(p)).map(name).collect();
                // `editortype` names the role; the CSL name variable for it
                // keeps it (a director is no editor). Roles CSL has no
                // variable for stay editors.
                let variable = match kind {
                    biblatex::EditorType::Director => "director",
                    biblatex::EditorType::Compiler => "compiler",
                    biblatex::EditorType::Organizer => "organizer",
                    biblatex::EditorType::Collaborator => "contributor",
                    _ => {
                        reference.editors.extend(names);
                        continue;
                    }
                };
                if !names.is_empty() {
                    reference
                        .csl_variables
                        .insert(variable.to_owned(), Name::csl_list(&names));
                }
            }
        }
        Err(error) => warnings.push(Warning {
            field: "editor".to_owned(),
            message: format!("{error}; ignored"),
        }),
    }
    match entry.translator() {
        Ok(people) => {
            let names: Vec<Name> = people.iter().filter(|p| !is_others(p)).map(name).collect();
            if !names.is_empty() {
                reference
                    .csl_variables
                    .insert("translator".to_owned(), Name::csl_list(&names));
            }
        }
        Err(biblatex::RetrievalError::Missing(_)) => {}
        Err(error) => warnings.push(type_warning("translator", &error)),
    }
    reference.container_title = match reference.item_type {
        ItemType::Chapter | ItemType::PaperConference => {
            text("booktitle").or_else(|| text("journal"))
        }
        _ => text("journaltitle")
            .or_else(|| text("journal"))
            .or_else(|| text("booktitle")),
    };
    // Short forms (biblatex `shortjournal`, `shorttitle`): CSL's
    // `container-title-short` (the journal abbreviation Vancouver prints)
    // and `title-short`.
    for (field, variable) in [
        ("shortjournal", "container-title-short"),
        ("shorttitle", "title-short"),
    ] {
        if let Some(short) = text(field) {
            reference
                .csl_variables
                .insert(variable.to_owned(), serde_json::Value::String(short));
        }
    }
    reference.collection_title = text("series");
    reference.event_title = text("eventtitle");
    reference.publisher = text("publisher")
        .or_else(|| text("institution"))
        .or_else(|| text("school"))
        .or_else(|| text("organization"));
    reference.publisher_place = text("location").or_else(|| text("address"));
    reference.edition = text("edition");
    reference.volume = text("volume");
    let number = text("number");
    match reference.item_type {
        ItemType::ArticleJournal | ItemType::ArticleMagazine | ItemType::ArticleNewspaper => {
            reference.issue = text("issue").or(number);
        }
        // In a book, chapter or proceedings paper of a series, `number` is
        // the volume's number in the series (BibLaTeX manual, 2.2.2).
        ItemType::Book | ItemType::Chapter | ItemType::PaperConference
            if reference.collection_title.is_some() =>
        {
            reference.issue = text("issue");
            reference.collection_number = number;
        }
        _ => {
            reference.issue = text("issue");
            reference.number = number;
        }
    }
    reference.page = text("pages").map(|p| p.replace(['–', '—'], "-").replace("--", "-"));
    reference.article_number = text("eid");
    reference.genre = text("type").or_else(|| match entry.entry_type {
        EntryType::PhdThesis => Some("PhD thesis".to_owned()),
        EntryType::MastersThesis => Some("Master's thesis".to_owned()),
        _ => None,
    });
    // biblatex 0.12 unwraps number parses in its date reader, so a `month`
    // of "18 109223631" or a year in non-ASCII digits panics (found by
    // fuzzing; no upstream issue yet). To reproduce, call
    // `entry.date()` on `@article{k, month = {18 109223631}}` read by
    // `biblatex::Bibliography::parse`. Such fields are dropped with a
    // warning before it sees them.
    let vetted;
    let entry = if DATE_FIELDS.iter().any(|f| {
        entry
            .get(f)
            .is_some_and(|c| !safe_date_text(f, &c.format_verbatim()))
    }) {
        let mut copy = entry.clone();
        for field in DATE_FIELDS {
            if let Some(value) = copy.get(field).map(|c| c.format_verbatim()) {
                if !safe_date_text(field, &value) {
                    copy.fields.remove(field);
                    warnings.push(Warning {
                        field: field.to_owned(),
                        message: format!("`{value}` is not a date citecard can read; ignored"),
                    });
                }
            }
        }
        vetted = copy;
        &vetted
    } else {
        entry
    };
    match entry.date() {
        Ok(PermissiveType::Typed(date)) => {
            reference.issued = date_of(&date.value);
            // `date = {2014/2015}` is a range (BibLaTeX manual, 2.3.8).
            if let DateValue::Between(_, end) = &date.value {
                reference.issued_end = datetime(end).filter(|end| reference.issued != Some(*end));
            }
        }
        Ok(PermissiveType::Chunks(chunks)) => warnings.push(Warning {
            field: "date".to_owned(),
            message: format!("`{}` is not a date; ignored", chunks.format_verbatim()),
        }),
        Err(biblatex::RetrievalError::Missing(_)) => {}
        Err(error) => warnings.push(type_warning("date", &error)),
    }
    if let Ok(PermissiveType::Typed(date)) = entry.url_date() {
        reference.accessed = date_of(&date.value);
    }
    if let Some(doi) = text("doi") {
        reference.doi = Doi::parse(&doi);
        if reference.doi.is_none() {
            warnings.push(Warning {
                field: "doi".to_owned(),
                message: format!("`{doi}` is not a DOI (expected 10.NNNN/…); ignored"),
            });
        }
    }
    if let Some(url) = verbatim("url") {
        reference.url = HttpUrl::parse(&url);
        if reference.url.is_none() {
            warnings.push(Warning {
                field: "url".to_owned(),
                message: "not an http(s) URL; dropped".to_owned(),
            });
        }
    }
    let eprint_type = text("eprinttype").or_else(|| text("archiveprefix"));
    if let (Some(eprint), Some(kind)) = (text("eprint"), eprint_type) {
        if kind.eq_ignore_ascii_case("arxiv") {
            if reference.url.is_none() {
                reference.url = HttpUrl::parse(&format!("https://arxiv.org/abs/{eprint}"));
            }
            reference.source_fields.insert("arXiv".to_owned(), eprint);
        }
    }
    reference.issn = text("issn").into_iter().collect();
    reference.isbn = text("isbn").into_iter().collect();
    reference.language = text("langid").or_else(|| text("language"));
    reference.abstract_text = text("abstract")
        .map(|a| RichText::from_html_with(&a, html))
        .filter(|a| !a.is_empty());
    if let Some(keywords) = text("keywords") {
        reference.fields_of_study = keywords
            .split([',', ';'])
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(str::to_owned)
            .collect();
    }
    if let Some(note) = text("note") {
        reference.source_fields.insert("note".to_owned(), note);
    }
    warnings.extend(over_limit.into_inner());
    reference
}

fn type_warning(field: &str, error: &biblatex::RetrievalError) -> Warning {
    Warning {
        field: field.to_owned(),
        message: format!("{error}; ignored"),
    }
}

/// `and others` ends a truncated name list.
fn is_others(person: &Person) -> bool {
    person.name == "others" && person.given_name.is_empty() && person.prefix.is_empty()
}

/// A BibTeX person; a name in braces with no given name is an
/// organisation (`{{World Health Organization}}`).
fn name(person: &Person) -> Name {
    let text = |s: &str| Some(clean_latex(s).trim().to_owned()).filter(|s| !s.is_empty());
    if person.given_name.trim().is_empty() && person.prefix.is_empty() && person.name.contains(' ')
    {
        return Name {
            literal: text(&person.name),
            ..Name::default()
        };
    }
    // BibTeX's "von" part is the words that begin with a lower-case letter
    // (Patashnik, "Designing BibTeX Styles", names); the biblatex crate also
    // files caseless words there, so `张 三` came out as particle 张, family
    // 三. A caseless Chinese, Japanese or Korean word is no particle: it is
    // the given name written first.
    let (given, particle) = match text(&person.prefix) {
        Some(prefix)
            if person.given_name.trim().is_empty() && prefix.chars().any(crate::names::is_cjk) =>
        {
            (Some(prefix), None)
        }
        prefix => (text(&person.given_name), prefix),
    };
    Name {
        family: text(&person.name),
        given,
        particle,
        suffix: text(&person.suffix),
        ..Name::default()
    }
}

/// biblatex counts months and days from zero.
fn date_of(value: &DateValue) -> Option<Date> {
    let at = match value {
        DateValue::At(at) | DateValue::After(at) | DateValue::Between(at, _) => at,
        DateValue::Before(at) => at,
    };
    datetime(at)
}

/// One of biblatex's dates (months and days counted from 0) as a `Date`.
fn datetime(at: &biblatex::Datetime) -> Option<Date> {
    let month = at.month.map(|m| m + 1).filter(|m| (1..=12).contains(m));
    let day = at
        .day
        .map(|d| d + 1)
        .filter(|d| (1..=31).contains(d) && month.is_some());
    Some(Date {
        year: at.year,
        month,
        day: if month.is_some() { day } else { None },
    })
}

fn item_type(entry: &biblatex::Entry) -> ItemType {
    match &entry.entry_type {
        EntryType::Article => ItemType::ArticleJournal,
        EntryType::Periodical | EntryType::SuppPeriodical => ItemType::ArticleJournal,
        EntryType::Book
        | EntryType::MvBook
        | EntryType::Booklet
        | EntryType::Collection
        | EntryType::MvCollection
        | EntryType::Proceedings
        | EntryType::MvProceedings
        | EntryType::Reference
        | EntryType::MvReference
        | EntryType::Manual => ItemType::Book,
        EntryType::InBook
        | EntryType::BookInBook
        | EntryType::SuppBook
        | EntryType::InCollection
        | EntryType::SuppCollection => ItemType::Chapter,
        // "An article in a work of reference" (biblatex manual, 2.1.1).
        EntryType::InReference => ItemType::Entry,
        EntryType::InProceedings => ItemType::PaperConference,
        EntryType::MastersThesis | EntryType::PhdThesis | EntryType::Thesis => ItemType::Thesis,
        EntryType::TechReport | EntryType::Report => ItemType::Report,
        EntryType::Online => ItemType::Webpage,
        EntryType::Dataset => ItemType::Dataset,
        EntryType::Software => ItemType::Software,
        EntryType::Patent => ItemType::Patent,
        EntryType::Unpublished => ItemType::Manuscript,
        EntryType::Unknown(name) => match name.to_ascii_lowercase().as_str() {
            "conference" => ItemType::PaperConference,
            "electronic" | "www" | "webpage" => ItemType::Webpage,
            "preprint" => ItemType::Preprint,
            "data" => ItemType::Dataset,
            // biblatex's non-standard types (manual, 2.1.3), as CSL names
            // the same works.
            "artwork" | "image" => ItemType::Graphic,
            "video" | "movie" => ItemType::MotionPicture,
            "audio" | "music" => ItemType::Song,
            "letter" => ItemType::PersonalCommunication,
            "review" => ItemType::Review,
            "standard" => ItemType::Standard,
            "performance" => ItemType::Performance,
            "jurisdiction" => ItemType::LegalCase,
            "legislation" => ItemType::Legislation,
            "interview" => ItemType::Interview,
            _ => ItemType::Document,
        },
        _ => ItemType::Document,
    }
}
