//! CSL-JSON, the interchange format of citation processors (citeproc-js,
//! Zotero, Pandoc), valid against the CSL data schema.

use serde_json::{json, Map, Value};

use crate::export::citation_keys;
use crate::model::{Date, Name, Reference};

/// Write `references` as a CSL-JSON array, pretty-printed.
///
/// Each item's `id` is unique: the id or key it was read with, or else its
/// citation key (see [`citation_keys`]).
///
/// ```
/// use citecard_core::{export::csl_json, parse};
/// // A BookSci record (the reference record, less its abstract and metrics).
/// let record = r#"{"title":"Embedding coproduction in organisational culture and practice: a case study.","authors":"Julie Repper, Julian Eve","doi":"10.1108/LHS-04-2022-0039","journal":{"name":"Leadership in Health Services"},"publicationDate":"2022-07-26","publicationTypes":"Journal Article"}"#;
/// let doc = parse(record, None).unwrap();
/// let reference = doc.records[0].as_ref().unwrap().reference.clone();
/// let json = csl_json::write(&[reference]);
/// assert!(json.contains("\"id\": \"repper2022embedding\""));
/// assert!(json.contains("\"DOI\": \"10.1108/LHS-04-2022-0039\""));
/// ```
pub fn write(references: &[Reference]) -> String {
    serde_json::to_string_pretty(&items(references)).expect("a JSON value always serialises")
}

/// `references` as CSL-JSON items, each with its unique citation key as its
/// `id` (see [`citation_keys`]).
///
/// ```
/// use citecard_core::{export::csl_json, Reference};
/// let mut reference = Reference::default();
/// reference.title = Some("Notes".into());
/// let items = csl_json::items(&[reference.clone(), reference]);
/// assert_eq!(items[0]["id"], "anonndnotes");
/// assert_eq!(items[1]["id"], "anonndnotesa");
/// ```
pub fn items(references: &[Reference]) -> Vec<Value> {
    references
        .iter()
        .zip(citation_keys(references))
        .map(|(reference, id)| to_value(reference, &id))
        .collect()
}

/// One reference as a CSL-JSON item with the given `id`.
pub fn to_value(reference: &Reference, id: &str) -> Value {
    let mut item = Map::new();
    let mut put = |key: &str, value: Option<Value>| {
        if let Some(value) = value {
            item.insert(key.to_owned(), value);
        }
    };
    let text = |value: &Option<String>| value.as_ref().map(|s| Value::String(s.clone()));
    put("id", Some(id.into()));
    put("type", Some(reference.item_type.csl_name().into()));
    // A formatted title in CSL's markup within fields (`H<sub>2</sub>O`).
    let title = match reference.title_rich.is_empty() {
        true => text(&reference.title),
        false => Some(Value::String(crate::rich_text::csl_markup(
            &reference.title_rich,
        ))),
    };
    put("title", title);
    put("author", names(&reference.authors));
    put("editor", names(&reference.editors));
    put("container-title", text(&reference.container_title));
    put("collection-title", text(&reference.collection_title));
    put("collection-number", text(&reference.collection_number));
    put("event", text(&reference.event_title));
    put("publisher", text(&reference.publisher));
    put("publisher-place", text(&reference.publisher_place));
    put("edition", text(&reference.edition));
    put("genre", text(&reference.genre));
    put("volume", text(&reference.volume));
    put("issue", text(&reference.issue));
    put("page", text(&reference.page));
    put("number", reference.csl_number().map(Value::from));
    put(
        "issued",
        reference.issued.map(|start| match reference.issued_end {
            Some(end) => date_range(start, end),
            None => date(start),
        }),
    );
    put("accessed", reference.accessed.map(date));
    put("DOI", reference.doi.as_ref().map(|d| d.as_str().into()));
    put("URL", reference.url.as_ref().map(|u| u.as_str().into()));
    put("ISSN", list(&reference.issn));
    put("ISBN", list(&reference.isbn));
    put(
        "abstract",
        reference
            .abstract_text
            .as_ref()
            .filter(|a| !a.is_empty())
            .map(|a| a.to_html().into()),
    );
    put("language", text(&reference.language));
    for (variable, value) in &reference.csl_variables {
        if variable != "id" && !item.contains_key(variable) {
            item.insert(variable.clone(), value.clone());
        }
    }
    let custom = custom(reference, id);
    if !custom.is_empty() {
        item.insert("custom".to_owned(), Value::Object(custom));
    }
    Value::Object(item)
}

/// What CSL has no variable for: the metrics, the translations and the
/// open-access link, under citecard's own keys.
fn custom(reference: &Reference, id: &str) -> Map<String, Value> {
    let mut custom = Map::new();
    let mut put = |key: &str, value: Option<Value>| {
        if let Some(value) = value {
            custom.insert(key.to_owned(), value);
        }
    };
    let metrics = &reference.metrics;
    put("title-zh", reference.title_zh.clone().map(Value::String));
    put(
        "abstract-zh",
        reference.abstract_zh.as_ref().map(|a| a.to_html().into()),
    );
    put(
        "pdf-url",
        reference.pdf_url.as_ref().map(|u| u.as_str().into()),
    );
    put(
        "open-access",
        reference.open_access.then_some(Value::Bool(true)),
    );
    put("epub-date", reference.epub.map(date));
    put(
        "fields-of-study",
        (!reference.fields_of_study.is_empty()).then(|| json!(reference.fields_of_study)),
    );
    put(
        "jcr-quartile",
        metrics.jcr_quartile.map(|q| q.as_str().into()),
    );
    put(
        "jcr-category",
        metrics.jcr_category.clone().map(Value::String),
    );
    put("impact-factor", metrics.impact_factor.map(|f| json!(f)));
    put("cas-zone", metrics.cas_zone.map(|z| json!(z)));
    put(
        "cas-category",
        metrics.cas_category.clone().map(Value::String),
    );
    put("citation-count", metrics.citation_count.map(|c| json!(c)));
    let dois = |dois: &[crate::link::Doi]| {
        (!dois.is_empty()).then(|| json!(dois.iter().map(|d| d.as_str()).collect::<Vec<_>>()))
    };
    put("is-preprint-of", dois(&reference.relations.preprint_of));
    put("has-preprint", dois(&reference.relations.preprints));
    put(
        "source-format",
        reference.provenance.format.map(|f| f.id().into()),
    );
    put(
        "inferred",
        (!reference.provenance.inferred.is_empty()).then(|| json!(reference.provenance.inferred)),
    );
    // The key the record was read with, where the item's id is not it.
    put(
        "source-key",
        reference
            .source_key
            .as_deref()
            .filter(|key| *key != id)
            .map(Value::from),
    );
    for (key, value) in &reference.source_fields {
        put(key, Some(Value::String(value.clone())));
    }
    custom
}

fn names(names: &[Name]) -> Option<Value> {
    (!names.is_empty()).then(|| Name::csl_list(names))
}

/// `{"date-parts": [[2022, 7, 26]]}`
pub(crate) fn date(date: Date) -> Value {
    json!({ "date-parts": [date_parts(date)] })
}

/// `{"date-parts": [[2014], [2015]]}`: a date range.
fn date_range(start: Date, end: Date) -> Value {
    json!({ "date-parts": [date_parts(start), date_parts(end)] })
}

/// `[2022, 7, 26]`, as far as the date is known.
fn date_parts(date: Date) -> Value {
    let mut parts = vec![json!(date.year)];
    if let Some(month) = date.month {
        parts.push(json!(month));
        if let Some(day) = date.day {
            parts.push(json!(day));
        }
    }
    Value::Array(parts)
}

fn list(values: &[String]) -> Option<Value> {
    (!values.is_empty()).then(|| Value::String(values.join(", ")))
}
