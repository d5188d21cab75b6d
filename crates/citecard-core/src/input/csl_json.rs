//! CSL-JSON: one item object, or an array of them.

use std::ops::Range;

use serde_json::{Map, Value};

use crate::detect::Format;
use crate::input::json::{read_records, records, Fields};
use crate::input::window::Slots;
use crate::input::Records;
use crate::link::Doi;
use crate::model::{ItemType, Metrics, Name, Quartile, Reference, Relations};
use crate::rich_text::{HtmlTokenizer, RichText};

/// The variables read into the model; any other is kept in
/// `Reference::csl_variables`.
const MODELLED: &[&str] = &[
    "id",
    "type",
    "title",
    "author",
    "editor",
    "container-title",
    "collection-title",
    "collection-number",
    "event",
    "event-title",
    "publisher",
    "publisher-place",
    "edition",
    "genre",
    "volume",
    "issue",
    "page",
    "number",
    "issued",
    "accessed",
    "DOI",
    "URL",
    "ISSN",
    "ISBN",
    "abstract",
    "language",
    "custom",
];

/// Read a CSL-JSON item or array of items.
///
/// ```
/// use citecard_core::{input::csl_json, rich_text::Html5gum};
/// let input = r#"[{"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [[2001]]}}, 3]"#;
/// let records = csl_json::parse(input, &Html5gum).unwrap();
/// assert_eq!(records[0].as_ref().unwrap().reference.issued.unwrap().year, 2001);
/// assert_eq!(records[1].as_ref().unwrap_err().span.column, 81);
/// ```
pub fn parse(input: &str, html: &dyn HtmlTokenizer) -> Records {
    crate::input::window::all_read(read(input, html, &crate::input::window::EVERY_RECORD))
}

/// [`parse`], reading only the records in `window`.
pub(crate) fn read(input: &str, html: &dyn HtmlTokenizer, window: &Range<usize>) -> Slots {
    Ok(read_records(
        records(input, &[])?,
        html,
        "a CSL-JSON item object",
        convert,
        window,
    ))
}

/// Read one CSL-JSON item that is already a JSON object (such as one handed
/// over from JavaScript), with what was repaired on the way.
///
/// ```
/// use citecard_core::{input::csl_json, rich_text::CanonicalHtml};
/// let item = serde_json::json!({"type": "book", "title": "Notes", "issued": {"date-parts": [[1843]]}});
/// let (reference, warnings) = csl_json::read_item(item.as_object().unwrap(), &CanonicalHtml);
/// assert_eq!(reference.title.as_deref(), Some("Notes"));
/// assert_eq!(reference.issued.unwrap().year, 1843);
/// assert!(warnings.is_empty());
/// ```
pub fn read_item(
    item: &Map<String, Value>,
    html: &dyn HtmlTokenizer,
) -> (Reference, Vec<crate::error::Warning>) {
    let mut fields = Fields::new(item, html);
    let reference = convert(&mut fields);
    (reference, fields.warnings)
}

pub(crate) fn convert(fields: &mut Fields<'_>) -> Reference {
    let item_type = match fields.str("type") {
        Some(name) => ItemType::from_csl(name).unwrap_or_else(|| {
            fields.warn(
                "type",
                &format!("`{name}` is not a type citecard knows; read as a document"),
            );
            ItemType::Document
        }),
        None => {
            fields.warn("type", "missing; read as a document");
            ItemType::Document
        }
    };
    let mut reference = Reference {
        item_type,
        ..Reference::read_as(Format::CslJson)
    };
    if let Some(id) = fields.string_like("id") {
        reference.source_key = Some(id);
    }
    (reference.title, reference.title_rich) = fields.formatted("title");
    reference.authors = fields.names("author", csl_name);
    reference.editors = fields.names("editor", csl_name);
    reference.container_title = fields.text("container-title");
    reference.collection_title = fields.text("collection-title");
    reference.collection_number = fields.string_like("collection-number");
    reference.event_title = fields.text("event-title").or_else(|| fields.text("event"));
    reference.publisher = fields.text("publisher");
    reference.publisher_place = fields.text("publisher-place");
    reference.edition = fields.string_like("edition");
    reference.genre = fields.text("genre");
    reference.volume = fields.string_like("volume");
    reference.issue = fields.string_like("issue");
    reference.page = fields.string_like("page");
    let number = fields.string_like("number");
    if item_type.is_article() {
        reference.article_number = number;
    } else {
        reference.number = number;
    }
    reference.issued = fields.csl_date("issued");
    reference.issued_end = reference
        .issued
        .and_then(|_| fields.csl_date_end("issued"))
        .filter(|end| reference.issued != Some(*end));
    reference.accessed = fields.csl_date("accessed");
    reference.doi = fields.doi("DOI");
    reference.url = fields.url("URL");
    reference.issn = split_list(fields.string_like("ISSN"));
    reference.isbn = split_list(fields.string_like("ISBN"));
    let html = fields.html;
    reference.abstract_text = fields
        .str("abstract")
        .map(|text| RichText::from_html_with(text, html))
        .filter(|text| !text.is_empty());
    reference.language = fields.text("language");
    if let Some(custom) = fields.object("custom") {
        let mut custom_fields = fields.child(custom, "custom");
        read_custom(&mut custom_fields, &mut reference);
        fields.absorb(custom_fields);
    }
    keep_unmodelled(fields.map, &mut reference);
    reference
}

/// A CSL name object: `{"family", "given", "non-dropping-particle", …}` or `{"literal"}`.
fn csl_name(fields: &mut Fields<'_>) -> Name {
    Name {
        family: fields.text("family"),
        given: fields.text("given"),
        particle: fields.text("non-dropping-particle"),
        dropping_particle: fields.text("dropping-particle"),
        suffix: fields.text("suffix"),
        literal: fields.text("literal"),
    }
}

/// citecard's own `custom` keys (see `export::csl_json`); others are kept.
fn read_custom(fields: &mut Fields<'_>, reference: &mut Reference) {
    let html = fields.html;
    reference.title_zh = fields.text("title-zh");
    reference.abstract_zh = fields
        .str("abstract-zh")
        .map(|text| RichText::from_html_with(text, html))
        .filter(|text| !text.is_empty());
    reference.pdf_url = fields.url("pdf-url");
    reference.open_access =
        reference.pdf_url.is_some() || fields.bool("open-access").unwrap_or(false);
    reference.epub = fields.csl_date("epub-date");
    reference.fields_of_study = fields.strings("fields-of-study");
    reference.metrics = Metrics {
        jcr_quartile: fields.str("jcr-quartile").and_then(Quartile::parse),
        jcr_category: fields.text("jcr-category"),
        impact_factor: fields.number("impact-factor").filter(|f| *f > 0.0),
        cas_zone: fields
            .number("cas-zone")
            .filter(|z| (1.0..=4.0).contains(z) && z.fract() == 0.0)
            .map(|z| z as u8),
        cas_category: fields.text("cas-category"),
        citation_count: fields.count("citation-count"),
    };
    if let Some(format) = fields.str("source-format").and_then(|f| f.parse().ok()) {
        reference.provenance.format = Some(format);
    }
    reference.provenance.inferred = fields.strings("inferred");
    let dois = |dois: Vec<String>| dois.iter().filter_map(|d| Doi::parse(d)).collect();
    reference.relations = Relations {
        preprint_of: dois(fields.strings("is-preprint-of")),
        preprints: dois(fields.strings("has-preprint")),
    };
    const OWN: &[&str] = &[
        "title-zh",
        "abstract-zh",
        "pdf-url",
        "open-access",
        "epub-date",
        "fields-of-study",
        "jcr-quartile",
        "jcr-category",
        "impact-factor",
        "cas-zone",
        "cas-category",
        "citation-count",
        "source-format",
        "inferred",
        "is-preprint-of",
        "has-preprint",
    ];
    for (key, value) in fields.map {
        if !OWN.contains(&key.as_str()) {
            let text = fields.as_written(key, value);
            reference.source_fields.insert(key.clone(), text);
        }
    }
}

/// Keep every CSL variable the model has no field for, so nothing is lost.
fn keep_unmodelled(map: &Map<String, Value>, reference: &mut Reference) {
    for (key, value) in map {
        if !MODELLED.contains(&key.as_str()) && !value.is_null() {
            reference.csl_variables.insert(key.clone(), value.clone());
        }
    }
}

/// `"1234-5678, 8765-4321"` → two ISSNs.
fn split_list(text: Option<String>) -> Vec<String> {
    text.map(|text| {
        text.split([',', ';'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    })
    .unwrap_or_default()
}
