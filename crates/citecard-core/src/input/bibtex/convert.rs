//! What a BibTeX entry becomes: its type, fields, people and dates as a
//! `Reference` (the biblatex manual's entry types and fields, mapped to
//! CSL's).

use biblatex::{ChunksExt, DateValue, EntryType, PermissiveType, Person};

use crate::detect::Format;
use crate::error::Warning;
use crate::link::{Doi, HttpUrl};
use crate::model::{Date, ItemType, Name, Reference};
use crate::rich_text::{has_formatting, inline_text, HtmlTokenizer, Inline, RichText};

use super::latex::{chunks_inlines, chunks_text, clean_latex};

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

pub(super) fn convert(
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
