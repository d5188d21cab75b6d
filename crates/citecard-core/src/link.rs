//! Links that are safe to put in an `href`: http(s) URLs and DOIs.

use std::fmt;

use serde::{Deserialize, Serialize};

/// An absolute `http:` or `https:` URL.
///
/// This is the only type the card turns into an `href`, so a hostile record
/// can never produce a `javascript:`, `data:` or relative link. It is
/// (de)serialized as its text, and a deserialized one is checked again.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String")]
pub struct HttpUrl(String);

impl HttpUrl {
    /// Accept `text` if it is an absolute http(s) URL with a host.
    ///
    /// Surrounding white space is trimmed; control characters, spaces, quotes
    /// and angle brackets inside the URL make it invalid.
    ///
    /// ```
    /// use citecard_core::HttpUrl;
    /// assert!(HttpUrl::parse(" https://doi.org/10.1108/x ").is_some());
    /// assert!(HttpUrl::parse("javascript:alert(1)").is_none());
    /// assert!(HttpUrl::parse("//evil.example/x").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let (scheme, rest) = text.split_once("://")?;
        if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) {
            return None;
        }
        let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let authority = &rest[..host_end];
        let host = authority.rsplit('@').next().unwrap_or_default();
        if host.is_empty() || host.starts_with(':') {
            return None;
        }
        if text
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || matches!(c, '"' | '<' | '>' | '`'))
        {
            return None;
        }
        let mut url = String::with_capacity(text.len());
        url.push_str(&scheme.to_ascii_lowercase());
        url.push_str("://");
        url.push_str(rest);
        Some(HttpUrl(url))
    }

    /// The URL as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the URL uses plain `http:`, which a secure page should flag.
    pub fn is_insecure(&self) -> bool {
        self.0.starts_with("http:")
    }
}

impl fmt::Display for HttpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A Digital Object Identifier such as `10.1108/LHS-04-2022-0039`.
///
/// DOIs compare case-insensitively; the original spelling is kept for display.
/// It is (de)serialized as its text, and a deserialized one is checked again.
#[derive(Debug, Clone, Eq, Serialize, Deserialize)]
#[serde(try_from = "String")]
pub struct Doi(String);

impl Doi {
    /// Read a DOI from a bare DOI, a `doi:` name or a resolver URL; a
    /// shortDOI (`10/fqd6hj`) is kept as it is written.
    ///
    /// ```
    /// use citecard_core::Doi;
    /// let doi = Doi::parse("https://doi.org/10.1016/j.infsof.2025.107901").unwrap();
    /// assert_eq!(doi.as_str(), "10.1016/j.infsof.2025.107901");
    /// assert_eq!(Doi::parse("10/fqd6hj").unwrap().url().as_str(), "https://doi.org/10/fqd6hj");
    /// assert!(Doi::parse("10/").is_none());
    /// assert_eq!(Doi::parse("doi:10.1108/X"), Doi::parse("10.1108/x"));
    /// assert!(Doi::parse("11.1/x").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<Self> {
        let mut doi = text.trim();
        for prefix in [
            "https://doi.org/",
            "http://doi.org/",
            "https://dx.doi.org/",
            "http://dx.doi.org/",
            "doi.org/",
            "doi:",
        ] {
            // `get`, not indexing: the prefix's length may fall inside a
            // multi-byte character (found by fuzzing: "10.1007/s10203-方…").
            if doi
                .get(..prefix.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
            {
                doi = doi[prefix.len()..].trim_start();
                break;
            }
        }
        // A shortDOI (`10/fqd6hj`, as Better BibTeX writes them) is an alias
        // the resolver answers like the DOI it stands for.
        if let Some(code) = doi.strip_prefix("10/") {
            let short = !code.is_empty() && code.bytes().all(|b| b.is_ascii_alphanumeric());
            return short.then(|| Doi(doi.to_owned()));
        }
        let (registrant, suffix) = doi.strip_prefix("10.")?.split_once('/')?;
        let registrant_ok = !registrant.is_empty()
            && registrant
                .split('.')
                .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()));
        let suffix_ok = !suffix.is_empty()
            && !suffix
                .chars()
                .any(|c| c.is_control() || c.is_whitespace() || matches!(c, '"' | '<' | '>'));
        (registrant_ok && suffix_ok).then(|| Doi(doi.to_owned()))
    }

    /// The DOI itself, without any prefix.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The resolver link `https://doi.org/<doi>`, with the characters a URL
    /// path cannot hold percent-encoded.
    ///
    /// ```
    /// use citecard_core::Doi;
    /// let doi = Doi::parse("10.1002/(SICI)1097#x").unwrap();
    /// assert_eq!(doi.url().as_str(), "https://doi.org/10.1002/(SICI)1097%23x");
    /// ```
    pub fn url(&self) -> HttpUrl {
        let mut url = String::from("https://doi.org/");
        for c in self.0.chars() {
            match c {
                '#' | '?' | '%' | '\\' | '^' | '{' | '}' | '|' | '[' | ']' => {
                    url.push_str(&format!("%{:02X}", c as u32));
                }
                _ => url.push(c),
            }
        }
        HttpUrl(url)
    }
}

impl TryFrom<String> for HttpUrl {
    type Error = &'static str;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        HttpUrl::parse(&text).ok_or("not an http(s) URL")
    }
}

impl TryFrom<String> for Doi {
    type Error = &'static str;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Doi::parse(&text).ok_or("not a DOI")
    }
}

impl PartialEq for Doi {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(&other.0)
    }
}

impl fmt::Display for Doi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_every_non_http_scheme() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt://x.example/",
            "data:text/html,<script>",
            "vbscript:msgbox",
            "ftp://example.org/x",
            "https://",
            "https:///path",
            "https://exa mple.org",
            "https://example.org/\u{0}",
            "/relative/path",
            "",
        ] {
            assert_eq!(HttpUrl::parse(bad), None, "{bad:?} must be rejected");
        }
    }

    #[test]
    fn keeps_http_and_https_and_marks_http_insecure() {
        let https = HttpUrl::parse("HTTPS://Example.org/a?b#c").unwrap();
        assert_eq!(https.as_str(), "https://Example.org/a?b#c");
        assert!(!https.is_insecure());
        assert!(HttpUrl::parse("http://example.org").unwrap().is_insecure());
    }

    #[test]
    fn doi_prefixes_and_validation() {
        assert_eq!(
            Doi::parse(" DOI: 10.1109/TBCAS.2025.3585089")
                .unwrap()
                .as_str(),
            "10.1109/TBCAS.2025.3585089"
        );
        assert_eq!(
            Doi::parse("http://dx.doi.org/10.1007/s10203-024-00450-4")
                .unwrap()
                .as_str(),
            "10.1007/s10203-024-00450-4"
        );
        for bad in [
            "10./x",
            "10.12a/x",
            "10.1234/",
            "10.1234",
            "doi",
            "10.1234/a b",
        ] {
            assert_eq!(Doi::parse(bad), None, "{bad:?} must be rejected");
        }
        // Regression (cargo fuzz, booksci target): a multi-byte character
        // where a prefix would end must not panic.
        for text in ["0123456789abcde方法", "https://doi.or方/10.1/x", "doi方"] {
            assert_eq!(Doi::parse(text), None, "{text:?}");
        }
    }
}
