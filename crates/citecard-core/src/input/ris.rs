//! RIS, the tagged format of reference managers: `TY  - JOUR` … `ER  - `.

use std::ops::Range;

use crate::detect::Format;
use crate::error::{Locator, ParseError, ParseErrorKind, Span, Warning};
use crate::input::window::{Slot, Slots};
use crate::input::{Record, Records};
use crate::link::{Doi, HttpUrl};
use crate::model::{Date, ItemType, Name, Reference};
use crate::names::{looks_like_organisation, parse_display_name, parse_inverted_name};
use crate::rich_text::{html_to_formatted, html_to_text, HtmlTokenizer, RichText};

/// One tagged line (with its continuation lines) of a record.
struct Field<'a> {
    tag: &'a str,
    /// Borrowed from the input unless continuation lines were added.
    value: std::borrow::Cow<'a, str>,
    line: usize,
}

/// Read RIS records. A record starts at `TY` and ends at `ER`; a missing
/// final `ER` is tolerated with a warning, and lines without a tag continue
/// the field above them.
///
/// ```
/// use citecard_core::{input::ris, rich_text::Html5gum};
/// let input = "TY  - JOUR\nAU  - Lovelace, Ada\nTI  - Notes\nPY  - 1843\nDO  - doi:10.1/x\nER  - \n";
/// let records = ris::parse(input, &Html5gum).unwrap();
/// let reference = &records[0].as_ref().unwrap().reference;
/// assert_eq!(reference.authors[0].given.as_deref(), Some("Ada"));
/// assert_eq!(reference.doi.as_ref().unwrap().as_str(), "10.1/x");
/// ```
pub fn parse(input: &str, html: &dyn HtmlTokenizer) -> Records {
    crate::input::window::all_read(read(input, html, &crate::input::window::EVERY_RECORD))
}

/// Whether `line` is only a record number, such as `1.` or `12`.
fn is_record_number(line: &str) -> bool {
    let digits = line.trim().trim_end_matches('.');
    !digits.is_empty() && digits.len() <= 7 && digits.bytes().all(|b| b.is_ascii_digit())
}

/// [`parse`], reading only the records in `window`.
pub(crate) fn read(input: &str, html: &dyn HtmlTokenizer, window: &Range<usize>) -> Slots {
    let mut records = Vec::new();
    let mut locator = Locator::new(input);
    let mut current: Option<(usize, Vec<Field<'_>>)> = None;
    // Tagged lines of the current record past the limit, not kept; and
    // whether the line above was one of them (its continuation lines go too).
    let (mut dropped, mut dropping) = (0usize, false);
    let mut stray: Option<usize> = None;
    // Whether the last record ended with its `ER`. Lines after it that no
    // `ER` closes are that record's trailer (Ovid writes `NL  - ` and a
    // link there), not a record without a `TY`.
    let mut after_er = false;
    let mut offset = 0;
    for (index, raw_line) in input.split_inclusive('\n').enumerate() {
        let line_start = offset;
        offset += raw_line.len();
        let ends = raw_line
            .bytes()
            .rev()
            .take_while(|&b| b == b'\n' || b == b'\r');
        let line = &raw_line[..raw_line.len() - ends.count()];
        let line = if index == 0 {
            line.trim_start_matches('\u{feff}')
        } else {
            line
        };
        match tagged(line) {
            Some(("TY", value)) => {
                if let Some((start, fields)) = current.take() {
                    records.push(crate::input::window::read_within(
                        records.len(),
                        locator.locate(start, line_start),
                        window,
                        |span| Ok(finish(span, fields, false, dropped, html)),
                    ));
                }
                (dropped, dropping) = (0, false);
                if let Some(start) = stray.take().filter(|_| !after_er) {
                    records.push(Slot::Failed(no_type_error(&mut locator, input, start)));
                }
                after_er = false;
                current = Some((
                    line_start,
                    vec![Field {
                        tag: "TY",
                        value: value.into(),
                        line: index + 1,
                    }],
                ));
            }
            Some(("ER", _)) => match current.take() {
                Some((start, fields)) => {
                    records.push(crate::input::window::read_within(
                        records.len(),
                        locator.locate(start, offset),
                        window,
                        |span| Ok(finish(span, fields, true, dropped, html)),
                    ));
                    after_er = true;
                }
                None => {
                    // Tags closed by an `ER` are a record that lacks its `TY`.
                    if let Some(start) = stray.take() {
                        records.push(Slot::Failed(no_type_error(&mut locator, input, start)));
                    }
                    after_er = false;
                }
            },
            Some((tag, value)) => match &mut current {
                Some((_, fields)) if fields.len() >= crate::limits::MAX_RIS_LINES => {
                    (dropped, dropping) = (dropped + 1, true);
                }
                Some((_, fields)) => {
                    dropping = false;
                    fields.push(Field {
                        tag,
                        value: value.into(),
                        line: index + 1,
                    });
                }
                None => {
                    stray.get_or_insert(line_start);
                }
            },
            None if line.trim().is_empty() => {}
            None => match &mut current {
                Some(_) if dropping => {}
                Some((_, fields)) => {
                    if let Some(last) = fields.last_mut() {
                        let value = last.value.to_mut();
                        value.push('\n');
                        value.push_str(line.trim());
                    }
                }
                // Exports that number their records (Ovid writes `1.` on a
                // line of its own before each `TY`) carry nothing to read.
                None if is_record_number(line) => {}
                None => {
                    stray.get_or_insert(line_start);
                }
            },
        }
    }
    if let Some((start, fields)) = current.take() {
        records.push(crate::input::window::read_within(
            records.len(),
            locator.locate(start, input.len()),
            window,
            |span| Ok(finish(span, fields, false, dropped, html)),
        ));
    }
    if let Some(start) = stray.take().filter(|_| !after_er) {
        records.push(Slot::Failed(no_type_error(&mut locator, input, start)));
    }
    if records.is_empty() {
        return Err(ParseError::no_record(
            input,
            "a RIS record starting with `TY  - ` (such as TY  - JOUR)",
        ));
    }
    Ok(records)
}

fn no_type_error(locator: &mut Locator<'_>, input: &str, start: usize) -> ParseError {
    let end = input[start..].find('\n').map_or(input.len(), |i| start + i);
    ParseError::new(
        locator.locate(start, end),
        ParseErrorKind::NoRecord {
            expected: "`TY  - ` to start a RIS record before its other tags",
        },
    )
}

/// `"AU  - Smith, J"` → `("AU", "Smith, J")`; tolerant of the number of
/// spaces around the hyphen.
fn tagged(line: &str) -> Option<(&str, &str)> {
    let tag = line.get(..2)?;
    let mut chars = tag.chars();
    let (first, second) = (chars.next()?, chars.next()?);
    if !first.is_ascii_uppercase() || !(second.is_ascii_uppercase() || second.is_ascii_digit()) {
        return None;
    }
    let rest = line[2..].trim_start_matches(' ');
    let value = rest.strip_prefix('-')?;
    if !(value.is_empty() || value.starts_with(' ') || line[2..].starts_with(' ')) {
        return None;
    }
    Some((tag, trim(value)))
}

/// `text.trim()`, without its search when both ends are plainly not white
/// space (most RIS values): a record may have a million lines.
fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

fn finish(
    span: Span,
    fields: Vec<Field<'_>>,
    closed: bool,
    dropped: usize,
    html: &dyn HtmlTokenizer,
) -> Record {
    let mut warnings = Vec::new();
    if dropped > 0 {
        warnings.push(Warning {
            field: "record".to_owned(),
            message: format!(
                "{dropped} tagged lines past the first {} of this record are not read",
                crate::limits::MAX_RIS_LINES
            ),
        });
    }
    if !closed {
        warnings.push(Warning {
            field: "ER".to_owned(),
            message:
                "the record has no `ER  - ` line; it ends at the next TY or the end of the input"
                    .to_owned(),
        });
    }
    let mut reference = Reference::read_as(Format::Ris);
    let mut start_page = None;
    let mut end_page = None;
    let mut journal_candidates: Vec<(&str, String)> = Vec::new();
    let mut secondary_title = None;
    let mut month_day = None;
    for field in &fields {
        let value = trim(&field.value);
        let value =
            crate::limits::within_field_limit(|| field.tag.to_owned(), value, &mut warnings);
        if value.is_empty() {
            continue;
        }
        let one_line = || html_to_text(&value.replace('\n', " "), html);
        match field.tag.as_bytes() {
            b"TY" => reference.item_type = item_type(value),
            b"AU" | b"A1" => reference.authors.push(name(value)),
            b"A2" | b"ED" => reference.editors.push(name(value)),
            b"TI" | b"T1" => {
                let (title, rich) = html_to_formatted(&value.replace('\n', " "), html);
                (reference.title, reference.title_rich) = (Some(title), rich);
            }
            b"T2" => secondary_title = Some(one_line()),
            b"JO" | b"JF" | b"JA" | b"J1" | b"J2" | b"BT" => {
                journal_candidates.push((field.tag, one_line()))
            }
            b"T3" => reference.collection_title = Some(one_line()),
            b"VL" => reference.volume = Some(one_line()),
            b"IS" => reference.issue = Some(one_line()),
            b"SP" => start_page = Some(one_line()),
            b"EP" => end_page = Some(one_line()),
            // Web of Science writes the month (and day) alone in DA
            // ("SEP", "JUN 19") beside the year in PY.
            b"DA" if month_and_day(value).is_some() => month_day = month_and_day(value),
            b"PY" | b"Y1" | b"DA" => match ris_date(value) {
                Some(date) => {
                    // DA (full date) refines PY (year) when both are given.
                    let better = reference.issued.is_none_or(|old| {
                        old.year == date.year && old.month.is_none() && date.month.is_some()
                    });
                    if better {
                        reference.issued = Some(date);
                    }
                }
                None => warnings.push(Warning {
                    field: field.tag.to_owned(),
                    message: format!(
                        "line {}: `{value}` is not a date (expected YYYY/MM/DD); ignored",
                        field.line
                    ),
                }),
            },
            b"Y2" => reference.accessed = ris_date(value),
            b"DO" => match Doi::parse(value) {
                Some(doi) => reference.doi = Some(doi),
                None => warnings.push(Warning {
                    field: "DO".to_owned(),
                    message: format!("line {}: `{value}` is not a DOI; ignored", field.line),
                }),
            },
            b"UR" | b"L2" if reference.url.is_none() => {
                reference.url = url(value, field, &mut warnings);
            }
            b"L1" => {
                reference.pdf_url = url(value, field, &mut warnings);
            }
            b"AB" | b"N2" if reference.abstract_text.is_none() => {
                // Continuation lines wrap one paragraph.
                let text = RichText::from_plain(&value.replace('\n', " "));
                reference.abstract_text = (!text.is_empty()).then_some(text);
            }
            b"PB" => reference.publisher = Some(one_line()),
            b"CY" | b"PP" => reference.publisher_place = Some(one_line()),
            b"ET" => reference.edition = Some(one_line()),
            b"M3" => reference.genre = Some(one_line()),
            b"LA" => reference.language = Some(one_line()),
            b"KW" => reference.fields_of_study.push(one_line()),
            b"SN" => {
                for number in value
                    .split([';', ',', '\n'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                {
                    let serial = matches!(
                        reference.item_type,
                        ItemType::ArticleJournal
                            | ItemType::ArticleMagazine
                            | ItemType::ArticleNewspaper
                            | ItemType::Periodical
                    );
                    match standard_number(number, serial) {
                        StandardNumber::Issn(issn) if !reference.issn.contains(&issn) => {
                            reference.issn.push(issn);
                        }
                        StandardNumber::Isbn(isbn) if !reference.isbn.contains(&isbn) => {
                            reference.isbn.push(isbn);
                        }
                        _ => {}
                    }
                }
            }
            // `M1` is "miscellaneous": a number only for the types whose
            // number goes there (a patent's application number, a report's
            // number); Embase writes author addresses in it, so elsewhere it
            // is kept aside, as Zotero's RIS translator keeps it in `extra`.
            b"M1" if matches!(reference.item_type, ItemType::Patent | ItemType::Report) => {
                reference.number = Some(one_line());
            }
            // `C7` is the article number of a journal article (RIS
            // specification; Scopus writes it so).
            b"C7" if reference.item_type.is_article() => {
                reference.article_number = Some(one_line());
            }
            b"AN" | b"ID" | b"N1" | b"ST" | b"C1" | b"C2" | b"DB" | b"DP" | b"CN" | b"LB"
            | b"M1" | b"M2" | b"C7" => {
                let key = format!("RIS:{}", field.tag);
                let entry = reference.source_fields.entry(key).or_default();
                if !entry.is_empty() {
                    entry.push('\n');
                }
                entry.push_str(value);
            }
            _ => {}
        }
    }
    if let (Some(date), Some((month, day))) = (reference.issued.as_mut(), month_day) {
        if date.month.is_none() {
            date.month = Some(month);
            date.day = day;
        }
    }
    if let Some(doi) = reference.doi.as_ref() {
        // A DOI resolver URL repeated in UR adds nothing.
        if reference
            .url
            .as_ref()
            .is_some_and(|u| Doi::parse(u.as_str()).as_ref() == Some(doi))
        {
            reference.url = None;
        }
    }
    // T2 is the journal of an article and the book of a chapter.
    let journal = ["JF", "JO", "T2", "JA", "J2", "BT"].iter().find_map(|tag| {
        if *tag == "T2" {
            return secondary_title.clone();
        }
        journal_candidates
            .iter()
            .find(|(t, _)| t == tag)
            .map(|(_, v)| v.clone())
    });
    // The journal's abbreviation (JA, J2, J1, or a JO beside a JF, as
    // Embase writes it) is CSL's `container-title-short`.
    let full = journal_candidates.iter().any(|(tag, _)| *tag == "JF");
    let abbreviation = journal_candidates
        .iter()
        .find(|(tag, _)| matches!(*tag, "JA" | "J2" | "J1") || (full && *tag == "JO"))
        .map(|(_, v)| v.clone())
        .filter(|short| journal.as_ref() != Some(short));
    if let Some(short) = abbreviation {
        reference.csl_variables.insert(
            "container-title-short".to_owned(),
            serde_json::Value::String(short),
        );
    }
    match reference.item_type {
        ItemType::PaperConference if secondary_title.is_some() && journal_candidates.is_empty() => {
            reference.container_title = secondary_title;
        }
        ItemType::Book | ItemType::Report | ItemType::Thesis => {
            if reference.collection_title.is_none() {
                reference.collection_title = secondary_title;
            }
            reference.container_title = journal_candidates
                .iter()
                .find(|(tag, _)| *tag == "BT")
                .map(|(_, v)| v.clone());
        }
        _ => reference.container_title = journal,
    }
    reference.page = match (start_page, end_page) {
        (Some(start), Some(end)) if start != end => Some(format!("{start}-{end}")),
        (Some(start), _) => Some(start),
        (None, Some(end)) => Some(end),
        (None, None) => None,
    };
    if reference.pdf_url.is_some() {
        reference.open_access = true;
    }
    Record {
        reference,
        warnings,
        span,
    }
}

fn url(value: &str, field: &Field<'_>, warnings: &mut Vec<Warning>) -> Option<HttpUrl> {
    let first = value.lines().next().unwrap_or_default();
    let url = HttpUrl::parse(first);
    if url.is_none() {
        warnings.push(Warning {
            field: field.tag.to_owned(),
            message: format!("line {}: not an http(s) URL; dropped", field.line),
        });
    }
    url
}

/// RIS names are "Family, Given[, Suffix]"; a name without a comma is a
/// single family name ("Homerus") or, with several words, an organisation.
fn name(value: &str) -> Name {
    let value = value.replace('\n', " ");
    if value.contains(',') && !looks_like_organisation(&value) {
        parse_inverted_name(&value)
    } else if value.split_whitespace().count() > 1 || value.contains(',') {
        Name {
            literal: Some(crate::text::collapse_whitespace(&value)),
            ..Name::default()
        }
    } else {
        parse_display_name(&value)
    }
}

/// `2019/03/05/`, `2019/03//`, `2019///`, `2019`, or `2019-03-05`.
fn ris_date(value: &str) -> Option<Date> {
    let mut parts = value.trim().splitn(4, ['/', '-']);
    let year_text = parts.next()?.trim();
    if year_text.len() != 4 {
        return None;
    }
    let year: i32 = year_text.parse().ok()?;
    let month = parts.next().map(str::trim).filter(|m| !m.is_empty());
    let day = parts.next().map(str::trim).filter(|d| !d.is_empty());
    let month = match month {
        Some(m) => Some(m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?),
        None => None,
    };
    let day = match (month, day) {
        (Some(_), Some(d)) => Some(d.parse::<u8>().ok().filter(|d| (1..=31).contains(d))?),
        _ => None,
    };
    Some(Date { year, month, day })
}

/// A month alone, or a month and a day: `SEP`, `Sept.`, `June 19`.
fn month_and_day(value: &str) -> Option<(u8, Option<u8>)> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let mut words = value.split_whitespace();
    let name = words.next()?.trim_end_matches('.').to_ascii_lowercase();
    let month = MONTHS.iter().position(|full| {
        name.len() >= 3
            && full.starts_with(name.as_str())
            && (name.len() == 3 || name == "sept" || name == *full)
    })?;
    let day = match words.next() {
        Some(d) => Some(d.parse::<u8>().ok().filter(|d| (1..=31).contains(d))?),
        None => None,
    };
    if words.next().is_some() {
        return None;
    }
    Some((month as u8 + 1, day))
}

/// An ISSN or an ISBN from `SN`.
enum StandardNumber {
    Issn(String),
    Isbn(String),
}

/// What an `SN` number is. Scopus notes the kind after it ("03064530
/// (ISSN)"); without a note, a serial's number is an ISSN unless it is as
/// long as an ISBN, and anything else is an ISBN, as Zotero's RIS
/// translator reads SN. An ISSN written without its hyphen gets it.
fn standard_number(number: &str, serial: bool) -> StandardNumber {
    let (number, note) = match number.split_once('(') {
        Some((n, note)) => (
            n.trim(),
            note.trim_end_matches(')').trim().to_ascii_uppercase(),
        ),
        None => (number, String::new()),
    };
    let digits = number.chars().filter(|c| c.is_ascii_alphanumeric()).count();
    let issn = match note.as_str() {
        "ISSN" => true,
        "ISBN" => false,
        _ => is_issn(number) || (serial && digits <= 8),
    };
    if !issn {
        return StandardNumber::Isbn(number.to_owned());
    }
    let bare = number.len() == 8
        && number[..7].bytes().all(|b| b.is_ascii_digit())
        && matches!(number.as_bytes()[7], b'0'..=b'9' | b'X' | b'x');
    if bare {
        StandardNumber::Issn(format!("{}-{}", &number[..4], &number[4..]))
    } else {
        StandardNumber::Issn(number.to_owned())
    }
}

fn is_issn(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 9
        && bytes[4] == b'-'
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && bytes[5..8].iter().all(u8::is_ascii_digit)
        && (bytes[8].is_ascii_digit() || bytes[8] == b'X' || bytes[8] == b'x')
}

fn item_type(ty: &str) -> ItemType {
    match ty.trim().to_ascii_uppercase().as_str() {
        "JOUR" | "EJOUR" | "JFULL" | "ABST" | "INPR" => ItemType::ArticleJournal,
        "MGZN" => ItemType::ArticleMagazine,
        "NEWS" => ItemType::ArticleNewspaper,
        "BOOK" | "EBOOK" | "EDBOOK" => ItemType::Book,
        "CHAP" | "ECHAP" => ItemType::Chapter,
        "CONF" | "CPAPER" => ItemType::PaperConference,
        "THES" => ItemType::Thesis,
        "RPRT" => ItemType::Report,
        "ELEC" | "WEB" => ItemType::Webpage,
        "BLOG" => ItemType::PostWeblog,
        "DICT" => ItemType::EntryDictionary,
        "ENCYC" => ItemType::EntryEncyclopedia,
        "CASE" => ItemType::LegalCase,
        "BILL" | "UNBILL" => ItemType::Bill,
        "HEAR" => ItemType::Hearing,
        "MAP" => ItemType::Map,
        "MPCT" | "VIDEO" | "ADVS" => ItemType::MotionPicture,
        "MUSIC" => ItemType::MusicalScore,
        "PAMP" => ItemType::Pamphlet,
        "PCOMM" | "ICOMM" => ItemType::PersonalCommunication,
        "STAT" | "LEGAL" => ItemType::Legislation,
        "STAND" => ItemType::Standard,
        "ART" => ItemType::Graphic,
        "FIGURE" => ItemType::Figure,
        "SOUND" => ItemType::Song,
        "CLSWK" | "ANCIENT" => ItemType::Classic,
        "SLIDE" => ItemType::Speech,
        "DATA" | "DBASE" | "AGGR" => ItemType::Dataset,
        "COMP" => ItemType::Software,
        "PAT" => ItemType::Patent,
        "UNPB" => ItemType::Preprint,
        "MANSCPT" => ItemType::Manuscript,
        _ => ItemType::Document,
    }
}
