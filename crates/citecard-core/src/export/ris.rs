//! RIS, the tagged format reference managers import.

use std::fmt::Write as _;

use crate::model::{Date, ItemType, Name, Reference};

/// Write `references` as RIS records, each from `TY` to `ER`.
///
/// ```
/// use citecard_core::{export::ris, parse};
/// // A BookSci record (the reference record, less its abstract and metrics).
/// let record = r#"{"title":"Embedding coproduction in organisational culture and practice: a case study.","authors":"Julie Repper, Julian Eve","doi":"10.1108/LHS-04-2022-0039","journal":{"name":"Leadership in Health Services"},"publicationDate":"2022-07-26","publicationTypes":"Journal Article"}"#;
/// let doc = parse(record, None).unwrap();
/// let references = doc.references();
/// let text = ris::write(&references);
/// assert!(text.starts_with("TY  - JOUR\nAU  - Repper, Julie\nAU  - Eve, Julian\n"));
/// assert!(text.ends_with("ER  - \n"));
/// ```
pub fn write(references: &[Reference]) -> String {
    let mut out = String::new();
    for reference in references {
        write_record(reference, &mut out);
    }
    out
}

fn write_record(reference: &Reference, out: &mut String) {
    let mut tag = |tag: &str, value: Option<&str>| {
        if let Some(value) = value.map(one_line).filter(|v| !v.is_empty()) {
            let _ = writeln!(out, "{tag}  - {value}");
        }
    };
    tag("TY", Some(record_type(reference.item_type)));
    for author in &reference.authors {
        tag("AU", Some(&name(author)));
    }
    for editor in &reference.editors {
        tag("A2", Some(&name(editor)));
    }
    tag("TI", reference.title.as_deref());
    let container = reference.container_title.as_deref();
    match reference.item_type {
        ItemType::ArticleJournal | ItemType::ArticleMagazine | ItemType::ArticleNewspaper => {
            tag("JO", container)
        }
        ItemType::Book | ItemType::Report | ItemType::Thesis => tag("BT", container),
        _ => tag("T2", container),
    }
    // The journal's abbreviation, where the RIS specification has it.
    let short = reference.csl_variables.get("container-title-short");
    tag("J2", short.and_then(|v| v.as_str()));
    tag("T3", reference.collection_title.as_deref());
    tag("VL", reference.volume.as_deref());
    tag("IS", reference.issue.as_deref());
    if let Some(page) = &reference.page {
        let (start, end) = page.split_once(['-', '–']).unwrap_or((page, ""));
        tag("SP", Some(start.trim()));
        tag("EP", Some(end.trim()));
    }
    // An article number in `C7`, as the RIS specification has it; another
    // number (a report's, a patent's) in `M1`.
    tag("C7", reference.article_number.as_deref());
    tag("M1", reference.number.as_deref());
    if let Some(date) = reference.issued {
        tag("PY", Some(&date.year.to_string()));
        tag("DA", Some(&ris_date(date)));
    }
    if let Some(date) = reference.accessed {
        tag("Y2", Some(&ris_date(date)));
    }
    tag("DO", reference.doi.as_ref().map(|d| d.as_str()));
    tag("UR", reference.url.as_ref().map(|u| u.as_str()));
    tag("L1", reference.pdf_url.as_ref().map(|u| u.as_str()));
    let abstract_text = reference.abstract_text.as_ref().map(|a| a.to_plain_text());
    tag("AB", abstract_text.as_deref());
    tag("PB", reference.publisher.as_deref());
    tag("CY", reference.publisher_place.as_deref());
    tag("ET", reference.edition.as_deref());
    tag("M3", reference.genre.as_deref());
    tag("LA", reference.language.as_deref());
    for number in reference.issn.iter().chain(&reference.isbn) {
        tag("SN", Some(number));
    }
    for keyword in &reference.fields_of_study {
        tag("KW", Some(keyword));
    }
    out.push_str("ER  - \n");
}

/// RIS values are one line; paragraphs are joined with spaces.
fn one_line(value: &str) -> String {
    crate::text::collapse_whitespace(value)
}

/// `Family, Given, Suffix` (particles before the family name); an
/// organisation as it is written.
fn name(name: &Name) -> String {
    if let Some(literal) = &name.literal {
        return literal.clone();
    }
    let mut text = [&name.dropping_particle, &name.particle, &name.family]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(given) = &name.given {
        text.push_str(", ");
        text.push_str(given);
    }
    if let Some(suffix) = &name.suffix {
        if name.given.is_none() {
            text.push(',');
        }
        text.push_str(", ");
        text.push_str(suffix);
    }
    text
}

/// `2019/03/05/`, `2019/03//` or `2019///`.
fn ris_date(date: Date) -> String {
    let two = |n: Option<u8>| n.map_or(String::new(), |n| format!("{n:02}"));
    format!("{:04}/{}/{}/", date.year, two(date.month), two(date.day))
}

fn record_type(item_type: ItemType) -> &'static str {
    match item_type {
        ItemType::ArticleJournal => "JOUR",
        ItemType::ArticleMagazine => "MGZN",
        ItemType::ArticleNewspaper => "NEWS",
        ItemType::Preprint => "UNPB",
        ItemType::Book => "BOOK",
        ItemType::Chapter => "CHAP",
        ItemType::PaperConference => "CPAPER",
        ItemType::Thesis => "THES",
        ItemType::Report => "RPRT",
        ItemType::Webpage => "ELEC",
        ItemType::Dataset => "DATA",
        ItemType::Software => "COMP",
        ItemType::Patent => "PAT",
        ItemType::Manuscript => "MANSCPT",
        ItemType::PostWeblog => "BLOG",
        ItemType::EntryDictionary => "DICT",
        ItemType::EntryEncyclopedia => "ENCYC",
        ItemType::LegalCase => "CASE",
        ItemType::Bill => "BILL",
        ItemType::Hearing => "HEAR",
        ItemType::Map => "MAP",
        ItemType::MotionPicture => "MPCT",
        ItemType::MusicalScore => "MUSIC",
        ItemType::Pamphlet => "PAMP",
        ItemType::PersonalCommunication => "PCOMM",
        ItemType::Legislation => "STAT",
        ItemType::Standard => "STAND",
        ItemType::Graphic => "ART",
        ItemType::Figure => "FIGURE",
        ItemType::Song => "SOUND",
        ItemType::Classic => "CLSWK",
        ItemType::Speech => "SLIDE",
        // RIS has no type of its own for the rest.
        _ => "GEN",
    }
}
