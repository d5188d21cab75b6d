//! A reference as labelled lines of text, for people and for fixtures.

use crate::model::{Name, Reference};
use crate::rich_text::RichText;

/// A name as `[dropping particle] [particle] Family, Given, Suffix`, or
/// `{Literal}`: every part is visible.
///
/// ```
/// use citecard_core::{describe::name_text, names::parse_display_name};
/// assert_eq!(name_text(&parse_display_name("Ludwig van Beethoven")), "[van] Beethoven, Ludwig");
/// ```
pub fn name_text(name: &Name) -> String {
    if let Some(literal) = &name.literal {
        return format!("{{{literal}}}");
    }
    let mut text = String::new();
    for particle in [&name.dropping_particle, &name.particle]
        .into_iter()
        .flatten()
    {
        text.push('[');
        text.push_str(particle);
        text.push_str("] ");
    }
    text.push_str(name.family.as_deref().unwrap_or_default());
    for part in [&name.given, &name.suffix].into_iter().flatten() {
        text.push_str(", ");
        text.push_str(part);
    }
    text
}

/// Every field the reference has, as `(label, value)` in a fixed order; an
/// absent field gives no line.
///
/// ```
/// use citecard_core::{describe::fields, parse};
/// let doc = parse("{\"title\":\"A\",\"JCR\":\"Q2\",\"authors\":\"Ada Lovelace\"}", None).unwrap();
/// let lines = fields(&doc.records[0].as_ref().unwrap().reference);
/// assert_eq!(lines[1], ("title", "A".to_owned()));
/// assert_eq!(lines[2], ("authors", "Lovelace, Ada".to_owned()));
/// ```
pub fn fields(reference: &Reference) -> Vec<(&'static str, String)> {
    let mut lines = Vec::new();
    let mut put = |label: &'static str, value: Option<String>| {
        if let Some(value) = value {
            lines.push((label, value));
        }
    };
    let names = |names: &[Name]| {
        (!names.is_empty()).then(|| names.iter().map(name_text).collect::<Vec<_>>().join("; "))
    };
    let list = |items: &[String]| (!items.is_empty()).then(|| items.join("; "));
    let metrics = &reference.metrics;
    put("type", Some(reference.item_type.csl_name().to_owned()));
    put("title", reference.title.clone());
    put("title (zh)", reference.title_zh.clone());
    put("authors", names(&reference.authors));
    put("editors", names(&reference.editors));
    put("container", reference.container_title.clone());
    put("series", reference.collection_title.clone());
    put("series number", reference.collection_number.clone());
    put("event", reference.event_title.clone());
    put("publisher", reference.publisher.clone());
    put("place", reference.publisher_place.clone());
    put("edition", reference.edition.clone());
    put("volume", reference.volume.clone());
    put("issue", reference.issue.clone());
    put("pages", reference.page.clone());
    put("article number", reference.article_number.clone());
    put("number", reference.number.clone());
    put("genre", reference.genre.clone());
    put(
        "issued",
        reference.issued.map(|d| match reference.issued_end {
            Some(end) => format!("{d}/{end}"),
            None => d.to_string(),
        }),
    );
    put("published online", reference.epub.map(|d| d.to_string()));
    put("accessed", reference.accessed.map(|d| d.to_string()));
    put("doi", reference.doi.as_ref().map(ToString::to_string));
    put("link", reference.link().map(|u| u.to_string()));
    put("url", reference.url.as_ref().map(ToString::to_string));
    put("pdf", reference.pdf_url.as_ref().map(ToString::to_string));
    put(
        "open access",
        reference.open_access.then(|| "yes".to_owned()),
    );
    put("language", reference.language.clone());
    put("issn", list(&reference.issn));
    put("isbn", list(&reference.isbn));
    put(
        "jcr quartile",
        metrics.jcr_quartile.map(|q| match &metrics.jcr_category {
            Some(category) => format!("{q} ({category})"),
            None => q.to_string(),
        }),
    );
    put(
        "impact factor",
        metrics.impact_factor.map(|f| f.to_string()),
    );
    put(
        "cas zone",
        metrics.cas_zone.map(|z| match &metrics.cas_category {
            Some(category) => format!("{z} ({category})"),
            None => z.to_string(),
        }),
    );
    put("citations", metrics.citation_count.map(|c| c.to_string()));
    put("fields of study", list(&reference.fields_of_study));
    // One line: paragraphs joined by ¶, line breaks by /.
    let one_line = |text: &RichText| {
        text.to_plain_text()
            .replace("\n\n", " ¶ ")
            .replace('\n', " / ")
    };
    put("abstract", reference.abstract_text.as_ref().map(one_line));
    put(
        "abstract (zh)",
        reference.abstract_zh.as_ref().map(one_line),
    );
    put("inferred", list(&reference.provenance.inferred));
    lines
}
