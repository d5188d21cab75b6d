//! Crossref REST API works: the `{"status", "message-type", "message"}`
//! envelope, the bare message, or a `work-list` of items.

use std::ops::Range;

use serde_json::Value;

use crate::detect::Format;
use crate::error::{Locator, ParseError, Span};
use crate::input::json::{
    date_from_parts, json_error, last_member, parse_document, read_records, span_of, Fields, Raw,
    SyntaxError,
};
use crate::input::window::Slots;
use crate::input::Records;
use crate::link::Doi;
use crate::model::{Date, ItemType, Metrics, Name, Reference, Relations};
use crate::rich_text::Inline;
use crate::rich_text::{html_to_text, HtmlTokenizer, RichText};

/// Read Crossref work JSON.
///
/// ```
/// use citecard_core::{input::crossref, rich_text::Html5gum};
/// let input = r#"{"status": "ok", "message-type": "work", "message": {
///   "type": "journal-article", "title": ["A <i>Title</i>"], "container-title": ["J"],
///   "author": [{"given": "Ada", "family": "Lovelace", "sequence": "first"}],
///   "issued": {"date-parts": [[2021]]}, "DOI": "10.1/X",
///   "abstract": "<jats:p>Text with <jats:italic>style</jats:italic>.</jats:p>"}}"#;
/// let records = crossref::parse(input, &Html5gum).unwrap();
/// let reference = &records[0].as_ref().unwrap().reference;
/// assert_eq!(reference.title.as_deref(), Some("A Title"));
/// assert_eq!(reference.abstract_text.as_ref().unwrap().to_html(), "<p>Text with <em>style</em>.</p>");
/// ```
pub fn parse(input: &str, html: &dyn HtmlTokenizer) -> Records {
    crate::input::window::all_read(read(input, html, &crate::input::window::EVERY_RECORD))
}

/// [`parse`], reading only the records in `window`.
pub(crate) fn read(input: &str, html: &dyn HtmlTokenizer, window: &Range<usize>) -> Slots {
    Ok(read_records(
        works(input)?,
        html,
        "a Crossref work object",
        convert,
        window,
    ))
}

/// The work objects: `message`, `message.items[]`, a bare work, or an array.
fn works<'a>(input: &'a str) -> Result<Vec<(Span, Raw<'a>)>, ParseError> {
    let document = parse_document(input)?;
    let error = |e: SyntaxError| json_error(input, &e);
    let mut locator = Locator::new(input);
    let mut located = |raw: Raw<'a>| (span_of(&mut locator, &raw), raw);
    if document.get().starts_with('[') {
        let items = document.elements().map_err(error)?;
        return Ok(items.into_iter().map(&mut located).collect());
    }
    let mut current = document;
    for key in ["message", "items"] {
        if !current.get().starts_with('{') {
            break;
        }
        let members = current.members().map_err(error)?;
        match last_member(&members, key) {
            Some(inner) if key == "items" && inner.get().starts_with('[') => {
                let items = inner.elements().map_err(error)?;
                return Ok(items.into_iter().map(&mut located).collect());
            }
            Some(inner) if key == "message" => current = inner,
            _ => {}
        }
    }
    Ok(vec![located(current)])
}

fn convert(fields: &mut Fields<'_>) -> Reference {
    let html = fields.html;
    let mut reference = Reference::read_as(Format::Crossref);
    reference.item_type = match fields.str("type").unwrap_or_default() {
        "journal-article" => ItemType::ArticleJournal,
        "proceedings-article" => ItemType::PaperConference,
        "book" | "monograph" | "edited-book" | "reference-book" | "book-set" => ItemType::Book,
        "book-chapter" | "book-section" | "book-part" | "reference-entry" => ItemType::Chapter,
        "posted-content" => ItemType::Preprint,
        "report" | "report-component" => ItemType::Report,
        "dataset" => ItemType::Dataset,
        "dissertation" => ItemType::Thesis,
        _ => ItemType::Document,
    };
    let (title, rich_title) = fields.formatted("title");
    let (subtitle, rich_subtitle) = fields.formatted("subtitle");
    (reference.title, reference.title_rich) = match (title, subtitle) {
        (Some(title), Some(subtitle)) if !title.contains(&subtitle) => {
            let text = format!("{title}: {subtitle}");
            if rich_title.is_empty() && rich_subtitle.is_empty() {
                (Some(text), Vec::new())
            } else {
                let part = |rich: Vec<Inline>, text: String| match rich.is_empty() {
                    true => vec![Inline::Text(text)],
                    false => rich,
                };
                let mut rich = part(rich_title, title);
                rich.push(Inline::Text(": ".to_owned()));
                rich.extend(part(rich_subtitle, subtitle));
                (Some(text), rich)
            }
        }
        (title, _) => (title, rich_title),
    };
    reference.authors = fields.names("author", person_name);
    reference.editors = fields.names("editor", person_name);
    reference.container_title = first_text(fields, "container-title");
    // Short forms: CSL's `container-title-short` (the journal abbreviation
    // Vancouver prints) and `title-short`.
    for (key, variable) in [
        ("short-container-title", "container-title-short"),
        ("short-title", "title-short"),
    ] {
        if let Some(short) = first_text(fields, key) {
            reference
                .csl_variables
                .insert(variable.to_owned(), Value::String(short));
        }
    }
    reference.publisher = fields.text("publisher");
    reference.publisher_place = fields.text("publisher-location");
    reference.volume = fields.string_like("volume");
    reference.issue = fields.string_like("issue");
    reference.page = fields.string_like("page");
    reference.article_number = fields.string_like("article-number");
    reference.issued = date(fields, "issued")
        .or_else(|| date(fields, "published"))
        .or_else(|| date(fields, "published-print"));
    reference.epub = date(fields, "published-online");
    reference.doi = fields.doi("DOI");
    // The versions Crossref links (its REST API's `relation`: arrays of
    // `{"id-type", "id", "asserted-by"}` under each relation type).
    if let Some(relation) = fields.object("relation") {
        let dois = |kind: &str| -> Vec<Doi> {
            relation
                .get(kind)
                .and_then(Value::as_array)
                .map(|items| {
                    items
                        .iter()
                        .filter(|item| {
                            item.get("id-type")
                                .and_then(Value::as_str)
                                .is_some_and(|t| t.eq_ignore_ascii_case("doi"))
                        })
                        .filter_map(|item| {
                            item.get("id").and_then(Value::as_str).and_then(Doi::parse)
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        reference.relations = Relations {
            preprint_of: dois("is-preprint-of"),
            preprints: dois("has-preprint"),
        };
    }
    reference.issn = unique(fields.strings("ISSN"));
    reference.isbn = unique(fields.strings("ISBN"));
    reference.language = fields.text("language");
    reference.fields_of_study = fields.strings("subject");
    reference.abstract_text = fields
        .str("abstract")
        .map(|text| RichText::from_html_with(text, html))
        .filter(|text| !text.is_empty());
    if let Some(event) = fields.object("event") {
        reference.event_title = event
            .get("name")
            .and_then(Value::as_str)
            .map(|name| html_to_text(name, html));
    }
    reference.metrics = Metrics {
        citation_count: fields.count("is-referenced-by-count"),
        ..Metrics::default()
    };
    if reference.doi.is_none() {
        reference.url = fields.url("URL");
    }
    if reference.publisher.is_none() {
        // Preprint servers name themselves in `group-title` or `institution`.
        reference.publisher = fields.text("group-title").or_else(|| {
            fields
                .get("institution")
                .and_then(Value::as_array)
                .and_then(|list| list.first())
                .and_then(|first| first.get("name"))
                .and_then(Value::as_str)
                .map(|name| html_to_text(name, html))
        });
    }
    reference
}

/// Crossref repeats an ISSN once per type (print, electronic).
fn unique(mut values: Vec<String>) -> Vec<String> {
    let mut seen = Vec::new();
    values.retain(|v| {
        let new = !seen.contains(v);
        if new {
            seen.push(v.clone());
        }
        new
    });
    values
}

/// Crossref titles are arrays; the first entry is the title.
fn first_text(fields: &mut Fields<'_>, key: &str) -> Option<String> {
    match fields.get(key)? {
        Value::Array(_) => fields.strings(key).into_iter().next(),
        Value::String(_) => fields.text(key),
        other => {
            fields.wrong_type(key, "a list of strings", other);
            None
        }
    }
}

/// `{"date-parts": [[2021, 3]]}`.
fn date(fields: &mut Fields<'_>, key: &str) -> Option<Date> {
    let parts = fields
        .object(key)?
        .get("date-parts")?
        .as_array()?
        .first()?
        .as_array()?;
    let date = date_from_parts(parts);
    if date.is_none() && parts.iter().any(|p| !p.is_null()) {
        fields.warn(
            key,
            "not a date (expected date-parts such as [[2021, 3]]); ignored",
        );
    }
    date
}

/// A Crossref contributor: `{"given", "family", "suffix", "sequence", "ORCID"}`,
/// or `{"name"}` for an organisation.
fn person_name(fields: &mut Fields<'_>) -> Name {
    if fields.map.contains_key("family") || fields.map.contains_key("given") {
        Name {
            family: fields.text("family"),
            given: fields.text("given"),
            suffix: fields.text("suffix"),
            ..Name::default()
        }
    } else {
        Name {
            literal: fields.text("name"),
            ..Name::default()
        }
    }
}
