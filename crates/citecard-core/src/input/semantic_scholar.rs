//! Semantic Scholar Graph API papers: a single paper, or the `data` array of
//! a search or batch answer.

use std::ops::Range;

use serde_json::Value;

use crate::detect::Format;
use crate::input::json::{read_records, records, Fields};
use crate::input::window::Slots;
use crate::input::Records;
use crate::link::{Doi, HttpUrl};
use crate::model::{Date, ItemType, Metrics, Reference};
use crate::names::parse_display_name;
use crate::rich_text::{HtmlTokenizer, RichText};

/// Read Semantic Scholar paper JSON.
///
/// ```
/// use citecard_core::{input::semantic_scholar, rich_text::Html5gum};
/// let input = r#"{"data": [{"paperId": "p1", "title": "T", "year": 2020,
///   "externalIds": {"DOI": "10.1/x"}, "authors": [{"authorId": "1", "name": "Ada Lovelace"}]}]}"#;
/// let records = semantic_scholar::parse(input, &Html5gum).unwrap();
/// let reference = &records[0].as_ref().unwrap().reference;
/// assert_eq!(reference.doi.as_ref().unwrap().as_str(), "10.1/x");
/// assert_eq!(reference.authors[0].family.as_deref(), Some("Lovelace"));
/// ```
pub fn parse(input: &str, html: &dyn HtmlTokenizer) -> Records {
    crate::input::window::all_read(read(input, html, &crate::input::window::EVERY_RECORD))
}

/// [`parse`], reading only the records in `window`.
pub(crate) fn read(input: &str, html: &dyn HtmlTokenizer, window: &Range<usize>) -> Slots {
    Ok(read_records(
        records(input, &["data"])?,
        html,
        "a Semantic Scholar paper object",
        convert,
        window,
    ))
}

fn convert(fields: &mut Fields<'_>) -> Reference {
    let html = fields.html;
    let mut reference = Reference::read_as(Format::SemanticScholar);
    reference.title = fields.text("title");
    if let Some(Value::Array(authors)) = fields.get("authors") {
        for (i, author) in authors.iter().enumerate() {
            match author.get("name") {
                Some(Value::String(name)) if !name.trim().is_empty() => {
                    reference.authors.push(parse_display_name(name))
                }
                Some(Value::String(_)) | Some(Value::Null) | None => {}
                Some(other) => fields.wrong_type(&format!("authors[{i}].name"), "a string", other),
            }
        }
    } else if let Some(other) = fields.get("authors") {
        fields.wrong_type("authors", "a list of authors", other);
    }

    let venue = fields.text("venue");
    let publication_venue = fields.object("publicationVenue");
    // S2 files arXiv preprints under a "journal" named ArXiv, with the arXiv
    // id as the volume; that is not a journal.
    let journal = fields.object("journal").filter(|j| {
        !j.get("name")
            .and_then(Value::as_str)
            .is_some_and(|n| n.eq_ignore_ascii_case("arxiv"))
    });
    if let Some(journal) = journal {
        let mut journal = fields.child(journal, "journal");
        reference.container_title = journal.text("name");
        reference.volume = journal.string_like("volume");
        reference.page = journal
            .string_like("pages")
            .map(|p| p.split_whitespace().collect::<String>())
            .filter(|p| !p.is_empty());
        fields.absorb(journal);
    }
    if let Some(venue_map) = publication_venue {
        let mut venue_fields = fields.child(venue_map, "publicationVenue");
        if reference.container_title.is_none() {
            reference.container_title = venue_fields.text("name");
        }
        if let Some(issn) = venue_fields.text("issn") {
            reference.issn.push(issn);
        }
        fields.absorb(venue_fields);
    }
    if reference.container_title.is_none() {
        reference.container_title = venue.clone();
    }

    reference.issued = fields.date("publicationDate").or_else(|| {
        fields.count("year").and_then(|year| {
            i32::try_from(year).ok().map(|year| Date {
                year,
                month: None,
                day: None,
            })
        })
    });

    if let Some(ids) = fields.object("externalIds") {
        let mut ids = fields.child(ids, "externalIds");
        reference.doi = ids.doi("DOI");
        for (key, value) in ids.map {
            if key != "DOI" && !value.is_null() {
                let text = ids.as_written(key, value);
                reference.source_fields.insert(key.clone(), text);
            }
        }
        fields.absorb(ids);
    }
    if let Some(id) = fields.str("paperId") {
        reference
            .source_fields
            .insert("paperId".to_owned(), id.to_owned());
    }
    reference.url = fields.url("url");
    reference.abstract_text = fields
        .str("abstract")
        .map(|text| RichText::from_html_with(text, html))
        .filter(|text| !text.is_empty());
    if let Some(tldr) = fields.object("tldr") {
        if let Some(Value::String(text)) = tldr.get("text") {
            reference
                .source_fields
                .insert("tldr".to_owned(), text.clone());
        }
    }

    // The flag and the PDF disagree in the wild; a CLOSED status can still
    // carry a URL, which is then not an open-access PDF.
    let flag = fields.bool("isOpenAccess").unwrap_or(false);
    if let Some(pdf) = fields.object("openAccessPdf") {
        let status = pdf
            .get("status")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let url = pdf
            .get("url")
            .and_then(Value::as_str)
            .and_then(HttpUrl::parse);
        if status.eq_ignore_ascii_case("closed") {
            if let Some(url) = url {
                reference
                    .source_fields
                    .insert("closedPdfUrl".to_owned(), url.to_string());
            }
        } else {
            reference.pdf_url = url;
        }
    }
    reference.open_access = flag || reference.pdf_url.is_some();

    let mut fields_of_study = fields.strings("fieldsOfStudy");
    if fields_of_study.is_empty() {
        if let Some(Value::Array(items)) = fields.get("s2FieldsOfStudy") {
            for item in items {
                if let Some(Value::String(category)) = item.get("category") {
                    if !fields_of_study.contains(category) {
                        fields_of_study.push(category.clone());
                    }
                }
            }
        }
    }
    reference.fields_of_study = fields_of_study;
    reference.metrics = Metrics {
        citation_count: fields.count("citationCount"),
        ..Metrics::default()
    };

    let types = fields.strings("publicationTypes");
    reference.item_type = item_type(&types, &reference, venue.as_deref());
    if reference.doi.is_none() {
        if let Some(arxiv) = reference.source_fields.get("ArXiv") {
            reference.doi = Doi::parse(&format!("10.48550/arXiv.{arxiv}"));
            if reference.doi.is_some() {
                reference.provenance.inferred.push("DOI".to_owned());
            }
        }
    }
    reference
}

fn item_type(types: &[String], reference: &Reference, venue: Option<&str>) -> ItemType {
    let has = |name: &str| types.iter().any(|t| t.eq_ignore_ascii_case(name));
    if has("Conference") {
        ItemType::PaperConference
    } else if has("BookSection") {
        ItemType::Chapter
    } else if has("Book") {
        ItemType::Book
    } else if has("Dataset") {
        ItemType::Dataset
    } else if has("JournalArticle") || has("Review") || reference.volume.is_some() {
        ItemType::ArticleJournal
    } else if venue.is_some_and(|v| v.to_ascii_lowercase().contains("arxiv"))
        || reference.source_fields.contains_key("ArXiv")
    {
        ItemType::Preprint
    } else {
        ItemType::ArticleJournal
    }
}
