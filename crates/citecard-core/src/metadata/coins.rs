//! COinS: an OpenURL ContextObject (ANSI/NISO Z39.88-2004, in its
//! key/encoded-value form) in the `title` of an empty
//! `<span class="Z3988">`, one per item, which Zotero's connector and other
//! reference managers find on a page.

use crate::model::{ItemType, Reference};
use crate::rich_text::escape_into;

/// The ContextObject's keys and values (unencoded), in order.
///
/// ```
/// use citecard_core::metadata::coins::context_object;
/// let input = r#"[{"type":"article-journal","title":"A study","container-title":"J","DOI":"10.1/x"}]"#;
/// let reference = &citecard_core::parse(input, None).unwrap().references()[0];
/// let pairs = context_object(reference);
/// assert!(pairs.contains(&("rft_val_fmt", "info:ofi/fmt:kev:mtx:journal".to_owned())));
/// assert!(pairs.contains(&("rft_id", "info:doi/10.1/x".to_owned())));
/// ```
pub fn context_object(reference: &Reference) -> Vec<(&'static str, String)> {
    let mut pairs = vec![("ctx_ver", "Z39.88-2004".to_owned())];
    let mut put = |key: &'static str, value: Option<&str>| {
        if let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) {
            pairs.push((key, value.to_owned()));
        }
    };
    let title = reference.title.as_deref();
    let container = reference.container_title.as_deref();
    // The Z39.88 format, its genre, and which key holds which title.
    match reference.item_type {
        item_type if item_type.is_article() => {
            put("rft_val_fmt", Some("info:ofi/fmt:kev:mtx:journal"));
            put(
                "rft.genre",
                Some(if reference.item_type == ItemType::Preprint {
                    "preprint"
                } else {
                    "article"
                }),
            );
            put("rft.atitle", title);
            put("rft.jtitle", container);
        }
        ItemType::Thesis => {
            put("rft_val_fmt", Some("info:ofi/fmt:kev:mtx:dissertation"));
            put("rft.title", title);
            put("rft.inst", reference.publisher.as_deref());
        }
        kind => {
            put("rft_val_fmt", Some("info:ofi/fmt:kev:mtx:book"));
            let (genre, part) = match kind {
                ItemType::Chapter
                | ItemType::Entry
                | ItemType::EntryDictionary
                | ItemType::EntryEncyclopedia => ("bookitem", true),
                ItemType::PaperConference => ("proceeding", true),
                ItemType::Report => ("report", false),
                ItemType::Book => ("book", false),
                _ => ("document", false),
            };
            put("rft.genre", Some(genre));
            if part {
                put("rft.atitle", title);
                put("rft.btitle", container);
            } else {
                put("rft.btitle", title);
            }
            put("rft.pub", reference.publisher.as_deref());
            put("rft.place", reference.publisher_place.as_deref());
            put("rft.edition", reference.edition.as_deref());
        }
    }
    if let Some(date) = reference.issued.or(reference.epub) {
        put("rft.date", Some(&date.to_string()));
    }
    put("rft.volume", reference.volume.as_deref());
    put("rft.issue", reference.issue.as_deref());
    if let (Some(page), Some((first, last))) = (&reference.page, reference.page_range()) {
        put("rft.spage", Some(first));
        put("rft.epage", last);
        put("rft.pages", Some(&page.replace('–', "-")));
    }
    if let Some(first) = reference.authors.first() {
        put(
            "rft.aulast",
            first.family.as_deref().or(first.literal.as_deref()),
        );
        put("rft.aufirst", first.given.as_deref());
    }
    for author in &reference.authors {
        put("rft.au", Some(&author.display()));
    }
    for issn in &reference.issn {
        put("rft.issn", Some(issn));
    }
    for isbn in &reference.isbn {
        put("rft.isbn", Some(isbn));
    }
    put("rft.language", reference.language.as_deref());
    if let Some(doi) = &reference.doi {
        put("rft_id", Some(&format!("info:doi/{}", doi.as_str())));
    }
    if let Some(url) = reference.url.as_ref().filter(|u| !u.is_insecure()) {
        put("rft_id", Some(url.as_str()));
    }
    pairs
}

/// The ContextObject as key/encoded-value text: each value percent-encoded
/// as UTF-8, RFC 3986's unreserved characters as they are.
pub fn kev(pairs: &[(&'static str, String)]) -> String {
    let mut out = String::new();
    for (key, value) in pairs {
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(key);
        out.push('=');
        for byte in value.bytes() {
            if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
                out.push(byte as char);
            } else {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

/// The COinS span for `reference`: empty, its ContextObject in `title`.
pub fn span(reference: &Reference) -> String {
    let mut out = String::from("<span class=\"Z3988\" title=\"");
    escape_into(&kev(&context_object(reference)), &mut out);
    out.push_str("\"></span>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::read;

    /// The span's `title`, HTML-unescaped and split into decoded pairs, as a
    /// reference manager reads it.
    fn decoded(span: &str) -> Vec<(String, String)> {
        let title = span
            .split("title=\"")
            .nth(1)
            .and_then(|t| t.split('"').next())
            .expect("a title")
            .replace("&amp;", "&");
        title
            .split('&')
            .map(|pair| {
                let (key, value) = pair.split_once('=').expect("key=value");
                let mut bytes = Vec::new();
                let raw = value.as_bytes();
                let mut i = 0;
                while i < raw.len() {
                    if raw[i] == b'%' {
                        let hex = std::str::from_utf8(&raw[i + 1..i + 3]).expect("hex");
                        bytes.push(u8::from_str_radix(hex, 16).expect("a byte"));
                        i += 3;
                    } else {
                        bytes.push(raw[i]);
                        i += 1;
                    }
                }
                (key.to_owned(), String::from_utf8(bytes).expect("UTF-8"))
            })
            .collect()
    }

    /// Z39.88-2004 KEV for a journal article (the "journal" Matrix format):
    /// the version, the format, the genre, article and journal titles, the
    /// date, volume, issue, pages, the first author, and the DOI as an
    /// `info:doi/` identifier.
    #[test]
    fn a_journal_article_decodes_to_its_record() {
        let reference = read(
            r#"[{"type":"article-journal","title":"Ünïcode & co: a study","author":[{"family":"Repper","given":"Julie"},{"family":"Eve","given":"Julian"}],
            "container-title":"Leadership in Health Services","volume":"35","issue":"4","page":"580-592",
            "issued":{"date-parts":[[2022,7,26]]},"DOI":"10.1108/LHS-04-2022-0039","ISSN":"1751-1879"}]"#,
        );
        let pairs = decoded(&span(&reference));
        let get = |key: &str| -> Vec<&str> {
            pairs
                .iter()
                .filter(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
                .collect()
        };
        assert_eq!(get("ctx_ver"), ["Z39.88-2004"]);
        assert_eq!(get("rft_val_fmt"), ["info:ofi/fmt:kev:mtx:journal"]);
        assert_eq!(get("rft.genre"), ["article"]);
        assert_eq!(get("rft.atitle"), ["Ünïcode & co: a study"]);
        assert_eq!(get("rft.jtitle"), ["Leadership in Health Services"]);
        assert_eq!(get("rft.date"), ["2022-07-26"]);
        assert_eq!(
            (get("rft.spage"), get("rft.epage")),
            (vec!["580"], vec!["592"])
        );
        assert_eq!(
            (get("rft.aulast"), get("rft.aufirst")),
            (vec!["Repper"], vec!["Julie"])
        );
        assert_eq!(get("rft.au").len(), 2);
        assert_eq!(get("rft_id"), ["info:doi/10.1108/LHS-04-2022-0039"]);
        assert_eq!(get("rft.issn"), ["1751-1879"]);
    }

    #[test]
    fn books_chapters_and_theses_use_their_formats() {
        let chapter = read(
            r#"[{"type":"chapter","title":"C","container-title":"The Book","publisher":"P"}]"#,
        );
        let pairs = decoded(&span(&chapter));
        assert!(pairs.contains(&("rft_val_fmt".into(), "info:ofi/fmt:kev:mtx:book".into())));
        assert!(pairs.contains(&("rft.genre".into(), "bookitem".into())));
        assert!(pairs.contains(&("rft.btitle".into(), "The Book".into())));
        assert!(pairs.contains(&("rft.atitle".into(), "C".into())));
        let thesis = read(r#"[{"type":"thesis","title":"T","publisher":"MIT"}]"#);
        let pairs = decoded(&span(&thesis));
        assert!(pairs.contains(&(
            "rft_val_fmt".into(),
            "info:ofi/fmt:kev:mtx:dissertation".into()
        )));
        assert!(pairs.contains(&("rft.inst".into(), "MIT".into())));
    }

    #[test]
    fn a_hostile_title_stays_inside_the_attribute() {
        let input = r#"{"title":"\"><script>alert(1)</script>","authors":"A B","url":"javascript:alert(1)"}"#;
        let reference = read(input);
        let html = span(&reference);
        assert!(
            !html.contains('<') || html.starts_with("<span") && html.matches('<').count() == 2,
            "{html}"
        );
        assert!(!html.contains("javascript"), "{html}");
    }
}
