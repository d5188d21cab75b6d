//! Highwire Press `citation_*` meta tags, as Google Scholar's inclusion
//! guidelines ask for them: one article per page, one `citation_author` per
//! author, dates as `YYYY/MM/DD`, and the tags of a book, chapter,
//! conference paper, thesis or report where the work is one.

use crate::model::{ItemType, Name, Reference};
use crate::rich_text::escape_into;

/// One `<meta name="…" content="…">` tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaTag {
    /// The tag's name (`citation_title`, …).
    pub name: &'static str,
    /// Its content, unescaped.
    pub content: String,
}

/// The `citation_*` tags for `reference`, in the order of Google Scholar's
/// guidelines: title, authors, date, then where it was published.
///
/// ```
/// use citecard_core::metadata::highwire::tags;
/// let input = r#"[{"type":"article-journal","title":"A study","author":[{"family":"Doe","given":"Jane"}],
///   "container-title":"J. Stud.","volume":"3","page":"10-20","issued":{"date-parts":[[2021,3,5]]},"DOI":"10.1/x"}]"#;
/// let reference = &citecard_core::parse(input, None).unwrap().references()[0];
/// let tags: Vec<_> = tags(reference).into_iter().map(|t| (t.name, t.content)).collect();
/// assert!(tags.contains(&("citation_author", "Doe, Jane".to_owned())));
/// assert!(tags.contains(&("citation_publication_date", "2021/03/05".to_owned())));
/// assert!(tags.contains(&("citation_firstpage", "10".to_owned())));
/// ```
pub fn tags(reference: &Reference) -> Vec<MetaTag> {
    let mut tags = Vec::new();
    let mut put = |name: &'static str, content: Option<&str>| {
        if let Some(content) = content.map(str::trim).filter(|c| !c.is_empty()) {
            tags.push(MetaTag {
                name,
                content: content.to_owned(),
            });
        }
    };
    put("citation_title", reference.title.as_deref());
    for author in &reference.authors {
        put("citation_author", Some(&author_name(author)));
    }
    let date = reference.issued.or(reference.epub).map(|date| {
        let mut text = format!("{:04}", date.year);
        if let Some(month) = date.month {
            text.push_str(&format!("/{month:02}"));
            if let Some(day) = date.day {
                text.push_str(&format!("/{day:02}"));
            }
        }
        text
    });
    put("citation_publication_date", date.as_deref());
    let container = reference.container_title.as_deref();
    match reference.item_type {
        item_type if item_type.is_article() => {
            put("citation_journal_title", container);
        }
        ItemType::PaperConference => put("citation_conference_title", container),
        ItemType::Chapter
        | ItemType::EntryEncyclopedia
        | ItemType::EntryDictionary
        | ItemType::Entry => {
            put("citation_inbook_title", container);
        }
        ItemType::Thesis => put(
            "citation_dissertation_institution",
            reference.publisher.as_deref(),
        ),
        ItemType::Report => {
            put(
                "citation_technical_report_institution",
                reference.publisher.as_deref(),
            );
            put(
                "citation_technical_report_number",
                reference.number.as_deref(),
            );
        }
        _ => {}
    }
    put("citation_volume", reference.volume.as_deref());
    put("citation_issue", reference.issue.as_deref());
    if let Some((first, last)) = reference.page_range() {
        put("citation_firstpage", Some(first));
        put("citation_lastpage", last);
    } else {
        put("citation_firstpage", reference.article_number.as_deref());
    }
    put("citation_doi", reference.doi.as_ref().map(|d| d.as_str()));
    for issn in &reference.issn {
        put("citation_issn", Some(issn));
    }
    for isbn in &reference.isbn {
        put("citation_isbn", Some(isbn));
    }
    if !matches!(reference.item_type, ItemType::Thesis | ItemType::Report) {
        put("citation_publisher", reference.publisher.as_deref());
    }
    // An open-access PDF only, and never one over plain http.
    let pdf = reference.pdf_url.as_ref().filter(|url| !url.is_insecure());
    put("citation_pdf_url", pdf.map(|url| url.as_str()));
    put("citation_language", reference.language.as_deref());
    let abstract_text = reference.abstract_text.as_ref().map(|a| a.to_plain_text());
    put("citation_abstract", abstract_text.as_deref());
    tags
}

/// "Family, Given", as Google Scholar reads author names; an organisation
/// or a one-part name as it is written.
fn author_name(name: &Name) -> String {
    if let Some(literal) = &name.literal {
        return literal.clone();
    }
    let family = [name.particle.as_deref(), name.family.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    match name.given.as_deref().filter(|g| !g.is_empty()) {
        Some(given) if !family.is_empty() => format!("{family}, {given}"),
        Some(given) => given.to_owned(),
        None => family,
    }
}

/// The tags as HTML, one `<meta>` a line, every value escaped for its
/// attribute (a record's `"` or `<` cannot leave it).
pub fn to_html(tags: &[MetaTag]) -> String {
    let mut out = String::new();
    for tag in tags {
        out.push_str("<meta name=\"");
        out.push_str(tag.name);
        out.push_str("\" content=\"");
        escape_into(&tag.content, &mut out);
        out.push_str("\">\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::read;

    /// Google Scholar's inclusion guidelines, "Indexing guidelines":
    /// required title, authors and date; journal, volume, issue and pages
    /// for an article; the book and conference tags for the others.
    #[test]
    fn an_article_carries_the_tags_scholar_requires() {
        let reference = read(
            r#"[{"type":"article-journal","title":"Embedding coproduction","author":[{"family":"Repper","given":"Julie"},{"literal":"WHO"}],
            "container-title":"Leadership in Health Services","volume":"35","issue":"4","page":"580-592",
            "issued":{"date-parts":[[2022]]},"DOI":"10.1108/LHS-04-2022-0039","ISSN":"1751-1879","publisher":"Emerald"}]"#,
        );
        let tags = tags(&reference);
        let get = |name: &str| -> Vec<&str> {
            tags.iter()
                .filter(|t| t.name == name)
                .map(|t| t.content.as_str())
                .collect()
        };
        assert_eq!(get("citation_title"), ["Embedding coproduction"]);
        assert_eq!(get("citation_author"), ["Repper, Julie", "WHO"]);
        assert_eq!(get("citation_publication_date"), ["2022"]);
        assert_eq!(
            get("citation_journal_title"),
            ["Leadership in Health Services"]
        );
        assert_eq!(
            (get("citation_firstpage"), get("citation_lastpage")),
            (vec!["580"], vec!["592"])
        );
        assert_eq!(get("citation_doi"), ["10.1108/LHS-04-2022-0039"]);
        assert_eq!(get("citation_issn"), ["1751-1879"]);
        assert_eq!(tags[0].name, "citation_title", "the title comes first");
    }

    #[test]
    fn books_chapters_theses_and_reports_use_their_own_tags() {
        let chapter = read(
            r#"[{"type":"chapter","title":"C","container-title":"The Book","ISBN":"978-3-16-148410-0"}]"#,
        );
        let names: Vec<_> = tags(&chapter)
            .into_iter()
            .map(|t| (t.name, t.content))
            .collect();
        assert!(names.contains(&("citation_inbook_title", "The Book".to_owned())));
        assert!(names.contains(&("citation_isbn", "978-3-16-148410-0".to_owned())));
        let thesis = read(r#"[{"type":"thesis","title":"T","publisher":"MIT"}]"#);
        assert!(tags(&thesis)
            .iter()
            .any(|t| t.name == "citation_dissertation_institution" && t.content == "MIT"));
        let report =
            read(r#"[{"type":"report","title":"R","publisher":"OSTI","number":"SAND-1"}]"#);
        let report = tags(&report);
        assert!(report
            .iter()
            .any(|t| t.name == "citation_technical_report_institution"));
        assert!(report
            .iter()
            .any(|t| t.name == "citation_technical_report_number" && t.content == "SAND-1"));
    }

    #[test]
    fn values_are_escaped_and_unsafe_pdfs_left_out() {
        let input = r#"{"title":"\"><script>alert(1)</script>","authors":"A B","isOpenAccess":true,"openAccessPdf":"http://example.org/p.pdf"}"#;
        let reference = read(input);
        let html = to_html(&tags(&reference));
        assert!(!html.contains("<script"), "{html}");
        // The reader drops the script element; what is left is escaped.
        assert!(html.contains(r#"content="&quot;&gt;""#), "{html}");
        assert!(
            !html.contains("citation_pdf_url"),
            "an http PDF is no open-access link: {html}"
        );
    }
}
