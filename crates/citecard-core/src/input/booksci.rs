//! BookSci records: a JSON object a line, with optional plain text around it.
//!
//! BookSci (Book学术) merges Semantic Scholar, PubMed and Chinese journal
//! metrics into one undocumented JSON object, so every field is read
//! defensively: a field of the wrong type is dropped with a warning naming
//! it, never an error for the whole record.

use std::ops::Range;

use serde_json::{Map, Value};

use crate::detect::Format;
use crate::error::{Locator, ParseError, Span};
use crate::input::json::{first_value, json_error, json_error_at, Fields, Raw};
use crate::input::window::{Slot, Slots};
use crate::input::{Record, Records};
use crate::link::{Doi, HttpUrl};
use crate::model::{Date, ItemType, Metrics, Name, Quartile, Reference};
use crate::names::{is_suffix, parse_display_name};
use crate::rich_text::{html_to_text, HtmlTokenizer, RichText};

/// Read every BookSci record in `input`.
///
/// Each line that starts with `{` begins a record (a pretty-printed object
/// may continue over several lines). Text lines before the first record
/// (a listing page's header) and after each record (`引用次数: N`,
/// `Abstract` and a plain abstract) fill fields the JSON lacks.
///
/// HTML in the record (abstracts, entities in names) is read with `html`.
///
/// ```
/// use citecard_core::rich_text::Html5gum;
/// let input = "{\"title\":\"X\"}\n引用次数: 3\n";
/// let records = citecard_core::input::booksci::parse(input, &Html5gum).unwrap();
/// let record = records[0].as_ref().unwrap();
/// assert_eq!(record.reference.metrics.citation_count, Some(3));
/// ```
pub fn parse(input: &str, html: &dyn HtmlTokenizer) -> Records {
    crate::input::window::all_read(read(input, html, &crate::input::window::EVERY_RECORD))
}

/// [`parse`], reading only the records in `window`.
pub(crate) fn read(input: &str, html: &dyn HtmlTokenizer, window: &Range<usize>) -> Slots {
    let mut records = Vec::new();
    let mut header: Vec<&str> = Vec::new();
    let mut current: Option<Pending<'_>> = None;
    let mut locator = Locator::new(input);
    let mut pos = 0;
    while pos < input.len() {
        let line_end = input[pos..].find('\n').map_or(input.len(), |i| pos + i);
        let line = &input[pos..line_end];
        let content = line.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if !content.starts_with('{') {
            match &mut current {
                Some(pending) => pending.trailer.push(line),
                None => header.push(line),
            }
            pos = line_end + 1;
            continue;
        }
        if let Some(pending) = current.take() {
            records.push(crate::input::window::read_within(
                records.len(),
                pending.span,
                window,
                |_| pending.finish(input, html),
            ));
        }
        let json_start = line_end - content.len();
        // Only the object's extent here: its fields are read in `finish`,
        // for the records asked for.
        match first_value(input, json_start) {
            Ok(raw) => {
                let (_, json_end) = raw.range();
                let header = if records.is_empty() {
                    std::mem::take(&mut header)
                } else {
                    Vec::new()
                };
                current = Some(Pending {
                    raw,
                    span: locator.locate(json_start, json_end),
                    header,
                    trailer: Vec::new(),
                });
                // Whatever follows the object on its line is read as trailing text.
                pos = json_end;
            }
            Err(error) => {
                records.push(Slot::Failed(json_error_at(&mut locator, input, &error)));
                pos = line_end + 1;
            }
        }
    }
    if let Some(pending) = current.take() {
        records.push(crate::input::window::read_within(
            records.len(),
            pending.span,
            window,
            |_| pending.finish(input, html),
        ));
    }
    if records.is_empty() {
        return Err(ParseError::no_record(
            input,
            "a line holding a JSON object, such as {\"title\": …}",
        ));
    }
    Ok(records)
}

/// A record whose JSON object has been found, waiting for its trailing text
/// lines.
struct Pending<'a> {
    /// The object, found in the input.
    raw: Raw<'a>,
    span: Span,
    header: Vec<&'a str>,
    trailer: Vec<&'a str>,
}

impl Pending<'_> {
    fn finish(self, input: &str, html: &dyn HtmlTokenizer) -> Result<Record, ParseError> {
        let map = match self.raw.value() {
            Ok(Value::Object(map)) => map,
            Ok(_) => Map::new(),
            Err(error) => return Err(json_error(input, &error)),
        };
        let mut fields = Fields::with_text(&map, self.raw, html);
        let mut reference = convert(&mut fields);
        let warnings = fields.warnings;
        apply_trailer(&mut reference, &self.trailer);
        apply_header(&mut reference, &self.header);
        Ok(Record {
            reference,
            warnings,
            span: self.span,
        })
    }
}

fn convert(fields: &mut Fields<'_>) -> Reference {
    let mut reference = Reference {
        item_type: ItemType::ArticleJournal,
        ..Reference::read_as(Format::BookSci)
    };

    let html = fields.html;
    reference.title = fields
        .text("title")
        .map(|t| strip_pubmed_period(&t).to_owned());
    if reference.title.is_none() {
        fields.warn(
            "title",
            "missing: the card shows the record without a title",
        );
    }
    reference.title_zh = fields.text("TitleCN");
    reference.authors = fields
        .str("authors")
        .map(|authors| parse_authors(authors, html))
        .unwrap_or_default();

    let journal = fields.object("journal");
    if let Some(map) = journal {
        let mut journal = fields.child(map, "journal");
        reference.container_title = journal.text("name");
        if let Some(volume) = journal.str("volume") {
            let (volume, issue) = split_volume_issue(volume);
            reference.volume = volume;
            reference.issue = issue;
        }
        if let Some(pages) = journal.str("pages") {
            let (page, number) = split_pages(pages);
            reference.page = page;
            reference.article_number = number;
        }
        fields.absorb(journal);
    }
    if reference.container_title.is_none() {
        reference.container_title = fields.text("PeriodicalName");
    }

    reference.issued = fields.date("publicationDate");
    reference.epub = fields.date("EPubDate");

    reference.doi = fields.doi("doi");
    if reference.doi.is_none() {
        reference.doi = fields.doi("DOIUrl");
    }
    let main_url = fields.str("ListUrlMain");
    if reference.doi.is_none() {
        reference.doi = main_url.and_then(Doi::parse);
    }
    reference.url = fields.url("url");
    if reference.url.is_none() {
        reference.url = main_url
            .filter(|url| Doi::parse(url).is_none())
            .and_then(HttpUrl::parse);
    }
    reference.pdf_url = fields.url("openAccessPdf");
    reference.open_access =
        reference.pdf_url.is_some() || fields.bool("isOpenAccess").unwrap_or(false);

    reference.abstract_text = fields
        .str("abstract")
        .map(|text| RichText::from_html_with(text, html))
        .filter(|text| !text.is_empty());
    reference.abstract_zh = fields
        .str("AbstractTextCN")
        .map(|text| RichText::from_html_with(text, html))
        .filter(|text| !text.is_empty());
    reference.fields_of_study = fields.strings("fieldsOfStudy");

    reference.metrics = Metrics {
        jcr_quartile: fields.str("JCR").and_then(|q| {
            let quartile = Quartile::parse(q);
            if quartile.is_none() {
                fields.warn(
                    "JCR",
                    &format!("`{q}` is not a quartile (expected Q1 to Q4); ignored"),
                );
            }
            quartile
        }),
        jcr_category: fields.text("JCRName"),
        impact_factor: fields.number("PeriodicalIF").filter(|f| *f > 0.0),
        // RegionNum 0 means "no zone".
        cas_zone: fields.number("RegionNum").and_then(|zone| {
            if (1.0..=4.0).contains(&zone) && zone.fract() == 0.0 {
                Some(zone as u8)
            } else {
                if zone != 0.0 {
                    fields.warn("RegionNum", "not a CAS zone (expected 1 to 4); ignored");
                }
                None
            }
        }),
        cas_category: fields.text("RegionCategory"),
        citation_count: fields.count("citationCount"),
    };

    for key in [
        "paperid",
        "PeriodicalId",
        "FirstCategoryId",
        "platform",
        "PMCID",
        "PubModel",
        "publicationTypes",
    ] {
        if let Some(value) = fields.get(key) {
            let text = fields.as_written(key, value);
            let text = text.trim();
            if !text.is_empty() {
                reference
                    .source_fields
                    .insert(key.to_owned(), text.to_owned());
            }
        }
    }
    reference
}

/// Fill what the JSON lacked from the text after it: `引用次数: N` (citation
/// count) and an `Abstract` heading followed by the plain abstract.
fn apply_trailer(reference: &mut Reference, trailer: &[&str]) {
    for (i, line) in trailer.iter().enumerate() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("引用次数") {
            let count = rest
                .trim_start_matches([':', '：', ' '])
                .trim()
                .parse::<u64>();
            if let (None, Ok(count)) = (reference.metrics.citation_count, count) {
                reference.metrics.citation_count = Some(count);
                reference
                    .provenance
                    .inferred
                    .push("citation count".to_owned());
            }
        } else if line.eq_ignore_ascii_case("abstract") || line == "摘要" {
            if reference.abstract_text.is_none() {
                let text = RichText::from_plain(&trailer[i + 1..].join("\n"));
                if !text.is_empty() {
                    reference.abstract_text = Some(text);
                    reference.provenance.inferred.push("abstract".to_owned());
                }
            }
            break;
        }
    }
}

/// Fill what the JSON lacked from a listing page's header lines:
/// `Pub Date : 2024-05-10DOI: 10.…`.
fn apply_header(reference: &mut Reference, header: &[&str]) {
    for line in header {
        if let Some(i) = line.find("Pub Date") {
            let rest = line[i + "Pub Date".len()..].trim_start_matches([' ', ':']);
            let date = rest.get(..10).and_then(Date::parse);
            if let (None, Some(date)) = (reference.issued, date) {
                reference.issued = Some(date);
                reference.provenance.inferred.push("issued".to_owned());
            }
        }
        if let Some(i) = line.find("DOI:") {
            let doi = Doi::parse(&line[i + 4..]);
            if let (None, Some(doi)) = (&reference.doi, doi) {
                reference.doi = Some(doi);
                reference.provenance.inferred.push("DOI".to_owned());
            }
        }
    }
}

/// PubMed ends every title with a period; styles add their own punctuation.
fn strip_pubmed_period(title: &str) -> &str {
    match title.strip_suffix('.') {
        Some(rest) if !rest.ends_with('.') => rest.trim_end(),
        _ => title,
    }
}

/// `"41 1"` → volume 41, issue 1; `"188 "` → volume 188; `"PP "` (an IEEE
/// preprint, "pre-print") and `" "` → neither.
fn split_volume_issue(text: &str) -> (Option<String>, Option<String>) {
    let mut parts = text.split_whitespace();
    let volume = parts
        .next()
        .filter(|v| !v.eq_ignore_ascii_case("PP"))
        .map(str::to_owned);
    let issue = parts.next().map(str::to_owned);
    (volume, issue)
}

/// `""` and `"0"` → none; `"Article 107901"` → article number; else a page range.
fn split_pages(text: &str) -> (Option<String>, Option<String>) {
    let text = text.trim();
    if text.is_empty() || text == "0" {
        return (None, None);
    }
    let lower = text.to_ascii_lowercase();
    for prefix in ["article number", "article no.", "article", "art. no."] {
        if lower.starts_with(prefix) && lower.is_char_boundary(prefix.len()) {
            let number = text[prefix.len()..].trim_start_matches([' ', ':']).trim();
            if !number.is_empty() {
                return (None, Some(number.to_owned()));
            }
        }
    }
    (Some(text.to_owned()), None)
}

/// Split BookSci's one-string author list: entities decoded, commas between
/// authors (sometimes `" ,&nbsp;"`), each name "Given Family".
fn parse_authors(raw: &str, html: &dyn HtmlTokenizer) -> Vec<Name> {
    let text = html_to_text(raw, html);
    let mut names: Vec<Name> = Vec::new();
    for piece in text.split([',', '，', ';']) {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        if is_suffix(piece) {
            if let Some(last) = names.last_mut() {
                if last.suffix.is_none() && last.literal.is_none() {
                    last.suffix = Some(piece.to_owned());
                    continue;
                }
            }
        }
        names.push(parse_display_name(piece));
    }
    names
}

#[cfg(all(test, feature = "html5gum"))]
mod tests {
    use super::*;
    use crate::error::ParseErrorKind;
    use crate::rich_text::Html5gum;

    fn parse(input: &str) -> Records {
        super::parse(input, &Html5gum)
    }

    fn parse_authors(raw: &str) -> Vec<Name> {
        super::parse_authors(raw, &Html5gum)
    }

    fn name(
        given: Option<&str>,
        particle: Option<&str>,
        family: Option<&str>,
        suffix: Option<&str>,
    ) -> Name {
        Name {
            given: given.map(str::to_owned),
            particle: particle.map(str::to_owned),
            family: family.map(str::to_owned),
            suffix: suffix.map(str::to_owned),
            ..Name::default()
        }
    }

    #[test]
    fn authors_with_entities_particles_suffixes_and_cjk() {
        let names = parse_authors(
            "Jiali Liang ,&nbsp;Ludwig van Beethoven, Martin Luther King, Jr., 张三, Plato",
        );
        assert_eq!(
            names,
            vec![
                name(Some("Jiali"), None, Some("Liang"), None),
                name(Some("Ludwig"), Some("van"), Some("Beethoven"), None),
                name(Some("Martin Luther"), None, Some("King"), Some("Jr.")),
                Name {
                    literal: Some("张三".into()),
                    ..Name::default()
                },
                name(None, None, Some("Plato"), None),
            ]
        );
        assert!(parse_authors("").is_empty());
        assert!(parse_authors(" ,&nbsp; ").is_empty());
    }

    #[test]
    fn volume_issue_and_pages_quirks() {
        let s = |v: &str| Some(v.to_owned());
        assert_eq!(split_volume_issue("41 1"), (s("41"), s("1")));
        assert_eq!(split_volume_issue("188 "), (s("188"), None));
        assert_eq!(split_volume_issue("PP "), (None, None));
        assert_eq!(split_volume_issue(" "), (None, None));
        assert_eq!(split_pages("Article 107901"), (None, s("107901")));
        assert_eq!(split_pages("0"), (None, None));
        assert_eq!(split_pages("12-34"), (s("12-34"), None));
    }

    #[test]
    fn pubmed_period_is_stripped_once() {
        assert_eq!(strip_pubmed_period("A study."), "A study");
        assert_eq!(strip_pubmed_period("Why?"), "Why?");
        assert_eq!(strip_pubmed_period("Wait..."), "Wait...");
    }

    #[test]
    fn malformed_line_is_located_and_does_not_lose_the_next_record() {
        let input = "{\"title\":\"One\"}\n{\"title\": \"Two\",, }\n{\"title\":\"Three\"}\n";
        let records = parse(input).unwrap();
        assert_eq!(records.len(), 3);
        let error = records[1].as_ref().unwrap_err();
        assert_eq!((error.span.line, error.span.column), (2, 17));
        assert!(
            matches!(&error.kind, ParseErrorKind::InvalidJson { message } if message == "expected a field name in double quotes")
        );
        assert_eq!(
            records[2].as_ref().unwrap().reference.title.as_deref(),
            Some("Three")
        );
    }

    #[test]
    fn wrong_types_become_warnings_that_name_the_field() {
        let records = parse("{\"title\": 5, \"journal\": {\"name\": [1]}, \"RegionNum\": 9, \"openAccessPdf\": \"javascript:alert(1)\"}").unwrap();
        let record = records[0].as_ref().unwrap();
        let fields: Vec<&str> = record.warnings.iter().map(|w| w.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "title",
                "title",
                "journal.name",
                "openAccessPdf",
                "RegionNum"
            ]
        );
        assert_eq!(record.reference.pdf_url, None);
        assert!(!record.reference.open_access);
    }

    #[test]
    fn a_record_of_nulls_is_read_with_a_warning() {
        let input = r#"{"title":null,"authors":null,"doi":null,"DOIUrl":null,"url":null,"abstract":null,"journal":null,"PeriodicalIF":null,"publicationDate":null,"citationCount":null,"isOpenAccess":null,"openAccessPdf":null,"RegionNum":null,"JCR":null,"JCRName":null,"TitleCN":null}"#;
        let records = parse(input).unwrap();
        let record = records[0].as_ref().unwrap();
        let mut expected = Reference {
            provenance: crate::model::Provenance {
                format: Some(Format::BookSci),
                inferred: Vec::new(),
            },
            ..Reference::default()
        };
        expected.item_type = ItemType::ArticleJournal;
        assert_eq!(record.reference, expected);
        let fields: Vec<&str> = record.warnings.iter().map(|w| w.field.as_str()).collect();
        assert_eq!(fields, ["title"]);
    }

    #[test]
    fn text_only_input_is_a_located_error() {
        let error = parse("\n  just text\n").unwrap_err();
        assert_eq!((error.span.line, error.span.column), (2, 3));
    }
}
