//! schema.org JSON-LD for a reference: a `ScholarlyArticle` (or a `Book`,
//! `Chapter`, `Thesis` or `Report`), with its authors as `Person`s, the
//! journal, volume and issue as nested `isPartOf`, pages, the DOI as a
//! `PropertyValue` and as `sameAs`, the abstract as plain text, and its
//! language and link; written for a `<script type="application/ld+json">`
//! that no record text can end.

use serde_json::{json, Map, Value};

use crate::model::{ItemType, Name, Reference};

/// The schema.org type of a reference's kind of work.
fn schema_type(item_type: ItemType) -> &'static str {
    match item_type {
        ItemType::Book => "Book",
        ItemType::Chapter => "Chapter",
        ItemType::Thesis => "Thesis",
        ItemType::Report => "Report",
        ItemType::Dataset => "Dataset",
        ItemType::Software => "SoftwareSourceCode",
        ItemType::Webpage | ItemType::PostWeblog | ItemType::Post => "WebPage",
        _ => "ScholarlyArticle",
    }
}

/// A person (or an organisation, for a name that is one whole).
fn person(name: &Name) -> Value {
    if let Some(literal) = &name.literal {
        return json!({ "@type": "Organization", "name": literal });
    }
    let mut person = Map::new();
    person.insert("@type".into(), "Person".into());
    person.insert("name".into(), name.display().into());
    if let Some(given) = &name.given {
        person.insert("givenName".into(), given.as_str().into());
    }
    let family = [name.particle.as_deref(), name.family.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    if !family.is_empty() {
        person.insert("familyName".into(), family.into());
    }
    Value::Object(person)
}

/// The JSON-LD object for `reference`.
///
/// ```
/// use citecard_core::metadata::jsonld::json_ld;
/// let input = r#"[{"type":"article-journal","title":"A study","container-title":"J","volume":"3","DOI":"10.1/x"}]"#;
/// let reference = &citecard_core::parse(input, None).unwrap().references()[0];
/// let ld = json_ld(reference);
/// assert_eq!(ld["@type"], "ScholarlyArticle");
/// assert_eq!(ld["sameAs"], "https://doi.org/10.1/x");
/// assert_eq!(ld["isPartOf"]["@type"], "PublicationVolume");
/// ```
pub fn json_ld(reference: &Reference) -> Value {
    let mut ld = Map::new();
    let mut put = |key: &str, value: Option<Value>| {
        if let Some(value) = value {
            ld.insert(key.to_owned(), value);
        }
    };
    let text = |value: &Option<String>| value.as_deref().map(|v| Value::from(v.trim()));
    put("@context", Some("https://schema.org".into()));
    put("@type", Some(schema_type(reference.item_type).into()));
    put("name", text(&reference.title));
    if !reference.authors.is_empty() {
        put(
            "author",
            Some(reference.authors.iter().map(person).collect()),
        );
    }
    if !reference.editors.is_empty() {
        put(
            "editor",
            Some(reference.editors.iter().map(person).collect()),
        );
    }
    put(
        "datePublished",
        reference
            .issued
            .or(reference.epub)
            .map(|d| d.to_string().into()),
    );
    put("isPartOf", container(reference));
    if let (Some(page), Some((start, end))) = (&reference.page, reference.page_range()) {
        if let Some(end) = end {
            put("pageStart", Some(start.into()));
            put("pageEnd", Some(end.into()));
        }
        put("pagination", Some(page.replace('–', "-").into()));
    }
    if let Some(doi) = &reference.doi {
        put(
            "identifier",
            Some(json!({ "@type": "PropertyValue", "propertyID": "DOI", "value": doi.as_str() })),
        );
        put("sameAs", Some(doi.url().as_str().into()));
    }
    if !reference.isbn.is_empty() && reference.item_type == ItemType::Book {
        put("isbn", Some(reference.isbn.clone().into()));
    }
    put(
        "publisher",
        reference
            .publisher
            .as_deref()
            .map(|p| json!({ "@type": "Organization", "name": p })),
    );
    put(
        "abstract",
        reference
            .abstract_text
            .as_ref()
            .map(|a| a.to_plain_text().into()),
    );
    put("inLanguage", text(&reference.language));
    put("url", reference.link().map(|url| url.as_str().into()));
    Value::Object(ld)
}

/// What the work is part of: a chapter's book; an article's issue, volume
/// and periodical, nested as schema.org nests them (as far as they are
/// known).
fn container(reference: &Reference) -> Option<Value> {
    let name = reference.container_title.as_deref()?;
    if reference.item_type == ItemType::Chapter {
        return Some(json!({ "@type": "Book", "name": name }));
    }
    let mut part = json!({ "@type": "Periodical", "name": name });
    if !reference.issn.is_empty() {
        part["issn"] = reference.issn.clone().into();
    }
    if let Some(volume) = &reference.volume {
        part = json!({ "@type": "PublicationVolume", "volumeNumber": volume, "isPartOf": part });
    }
    if let Some(issue) = &reference.issue {
        part = json!({ "@type": "PublicationIssue", "issueNumber": issue, "isPartOf": part });
    }
    Some(part)
}

/// The JSON-LD as a `<script type="application/ld+json">` element. `<`,
/// `>` and `&` are written as JSON escapes, so that a `</script>` in a title
/// cannot end the block.
pub fn script(reference: &Reference) -> String {
    let json = json_ld(reference).to_string();
    let mut out = String::from("<script type=\"application/ld+json\">");
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out.push_str("</script>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::read;

    /// schema.org's ScholarlyArticle, with the properties Google's article
    /// guidelines and schema.org's periodical model name, each checked
    /// against the record.
    #[test]
    fn an_article_carries_its_record() {
        let reference = read(
            r#"[{"type":"article-journal","title":"Embedding coproduction","author":[{"family":"Repper","given":"Julie"},{"literal":"WHO"}],
            "container-title":"Leadership in Health Services","volume":"35","issue":"4","page":"580-592","ISSN":"1751-1879",
            "issued":{"date-parts":[[2022,7,26]]},"DOI":"10.1108/LHS-04-2022-0039","language":"en","abstract":"<p>Purpose: to see.</p>"}]"#,
        );
        let html = script(&reference);
        let json = html
            .strip_prefix("<script type=\"application/ld+json\">")
            .and_then(|s| s.strip_suffix("</script>"))
            .expect("a script element");
        let ld: Value = serde_json::from_str(json).expect("valid JSON");
        assert_eq!(ld["@context"], "https://schema.org");
        assert_eq!(ld["@type"], "ScholarlyArticle");
        assert_eq!(ld["name"], "Embedding coproduction");
        assert_eq!(
            ld["author"][0],
            json!({"@type": "Person", "name": "Julie Repper", "givenName": "Julie", "familyName": "Repper"})
        );
        assert_eq!(
            ld["author"][1],
            json!({"@type": "Organization", "name": "WHO"})
        );
        assert_eq!(ld["datePublished"], "2022-07-26");
        let issue = &ld["isPartOf"];
        assert_eq!(
            (issue["@type"].as_str(), issue["issueNumber"].as_str()),
            (Some("PublicationIssue"), Some("4"))
        );
        let volume = &issue["isPartOf"];
        assert_eq!(
            (volume["@type"].as_str(), volume["volumeNumber"].as_str()),
            (Some("PublicationVolume"), Some("35"))
        );
        assert_eq!(
            volume["isPartOf"],
            json!({"@type": "Periodical", "name": "Leadership in Health Services", "issn": ["1751-1879"]})
        );
        assert_eq!(
            (ld["pageStart"].as_str(), ld["pageEnd"].as_str()),
            (Some("580"), Some("592"))
        );
        assert_eq!(ld["identifier"]["value"], "10.1108/LHS-04-2022-0039");
        assert_eq!(ld["sameAs"], "https://doi.org/10.1108/LHS-04-2022-0039");
        assert_eq!(ld["abstract"], "Purpose: to see.");
        assert_eq!(ld["inLanguage"], "en");
    }

    #[test]
    fn a_title_cannot_end_the_script() {
        // BibTeX keeps markup-like text as text.
        let reference = read(
            r"@book{k, title = {A </script><script>alert(1)</script> B}, isbn = {978-3-16-148410-0}}",
        );
        let html = script(&reference);
        assert_eq!(html.matches("</script>").count(), 1, "{html}");
        let json =
            &html["<script type=\"application/ld+json\">".len()..html.len() - "</script>".len()];
        let ld: Value = serde_json::from_str(json).expect("valid JSON");
        assert_eq!(ld["@type"], "Book");
        assert_eq!(ld["name"], "A </script><script>alert(1)</script> B");
        assert_eq!(ld["isbn"], json!(["978-3-16-148410-0"]));
    }
}
