//! Input formats and their detection.

use std::fmt;
use std::str::FromStr;

/// A supported input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub enum Format {
    /// A BookSci record: one JSON object a line, with optional plain-text
    /// lines before and after it.
    BookSci,
    /// A Crossref REST API work (the envelope or the bare message), or a
    /// list of works.
    Crossref,
    /// A Semantic Scholar Graph API paper, or the `data` array of a search
    /// or batch answer.
    SemanticScholar,
    /// CSL-JSON: one item or an array of items.
    CslJson,
    /// BibTeX or BibLaTeX.
    BibTeX,
    /// RIS, the tagged format of reference managers.
    Ris,
}

impl Format {
    /// Every supported format, in detection order.
    pub const ALL: &'static [Format] = &[
        Format::BookSci,
        Format::Crossref,
        Format::SemanticScholar,
        Format::CslJson,
        Format::BibTeX,
        Format::Ris,
    ];

    /// The name used on the command line and in the `format` option.
    pub fn id(self) -> &'static str {
        match self {
            Format::BookSci => "booksci",
            Format::Crossref => "crossref",
            Format::SemanticScholar => "semantic-scholar",
            Format::CslJson => "csl-json",
            Format::BibTeX => "bibtex",
            Format::Ris => "ris",
        }
    }

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Format::BookSci => "BookSci",
            Format::Crossref => "Crossref",
            Format::SemanticScholar => "Semantic Scholar",
            Format::CslJson => "CSL-JSON",
            Format::BibTeX => "BibTeX",
            Format::Ris => "RIS",
        }
    }

    /// Other names accepted for the format.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Format::BookSci => &[],
            Format::Crossref => &[],
            Format::SemanticScholar => &["s2", "semanticscholar"],
            Format::CslJson => &["csl", "csljson", "json"],
            Format::BibTeX => &["biblatex", "bib"],
            Format::Ris => &[],
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The error for a format name that is not supported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormatName(pub String);

impl fmt::Display for UnknownFormatName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<_> = Format::ALL.iter().map(|f| f.id()).collect();
        write!(
            f,
            "unknown format `{}`: expected one of {}",
            self.0,
            names.join(", ")
        )
    }
}

impl std::error::Error for UnknownFormatName {}

impl FromStr for Format {
    type Err = UnknownFormatName;

    /// ```
    /// use citecard_core::Format;
    /// assert_eq!("BibLaTeX".parse(), Ok(Format::BibTeX));
    /// assert_eq!("semantic-scholar".parse(), Ok(Format::SemanticScholar));
    /// assert!("endnote".parse::<Format>().is_err());
    /// ```
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        let name = name.trim();
        Format::ALL
            .iter()
            .copied()
            .find(|f| {
                f.id().eq_ignore_ascii_case(name)
                    || f.label().eq_ignore_ascii_case(name)
                    || f.aliases().iter().any(|a| a.eq_ignore_ascii_case(name))
            })
            .ok_or_else(|| UnknownFormatName(name.to_owned()))
    }
}

/// Keys only a BookSci record has (its Chinese-metrics and site fields).
const BOOKSCI_KEYS: &[&str] = &[
    "\"PeriodicalIF\"",
    "\"JCR\"",
    "\"RegionNum\"",
    "\"ListUrlMain\"",
    "\"DOIUrl\"",
];

/// Keys of a Crossref work or its envelope.
const CROSSREF_KEYS: &[&str] = &[
    "\"message-type\"",
    "\"is-referenced-by-count\"",
    "\"reference-count\"",
    "\"content-domain\"",
    "\"short-container-title\"",
];

/// Keys of a Semantic Scholar paper.
const SEMANTIC_SCHOLAR_KEYS: &[&str] = &["\"paperId\"", "\"externalIds\"", "\"corpusId\""];

/// Keys that mark a CSL-JSON item.
const CSL_KEYS: &[&str] = &[
    "\"type\"",
    "\"issued\"",
    "\"author\"",
    "\"container-title\"",
];

/// Guess the format of `input`, or `None` when nothing matches.
///
/// The order follows how specific each format's marks are: BookSci, Crossref,
/// Semantic Scholar, CSL-JSON, BibTeX, RIS.
///
/// ```
/// use citecard_core::{detect, Format};
/// assert_eq!(detect("{\"title\":\"T\",\"JCR\":\"Q1\"}"), Some(Format::BookSci));
/// assert_eq!(detect("{\"title\":\"T\",\"authors\":\"A B\"}"), Some(Format::BookSci));
/// assert_eq!(detect("{\"paperId\":\"x\",\"title\":\"T\"}"), Some(Format::SemanticScholar));
/// assert_eq!(detect("[{\"type\":\"book\",\"title\":\"T\"}]"), Some(Format::CslJson));
/// assert_eq!(detect("% refs\n@article{key,\n title={T}}"), Some(Format::BibTeX));
/// assert_eq!(detect("TY  - JOUR\nTI  - T\nER  - "), Some(Format::Ris));
/// assert_eq!(detect("hello"), None);
/// ```
pub fn detect(input: &str) -> Option<Format> {
    let is_space = |c: char| c.is_whitespace() || c == '\u{feff}';
    let json = input.trim_start_matches(is_space).starts_with(['{', '[']);
    // One pass over the bytes, looking at each line's first visible
    // character: inputs run to 10 MB, and a card detects before it reads.
    let (mut bibtex, mut ris_ty, mut ris_lines) = (false, false, 0usize);
    let bytes = input.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Skip the line's leading white space (and byte-order marks).
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if !b.is_ascii() {
            let c = input[i..].chars().next().unwrap_or_default();
            if is_space(c) {
                i += c.len_utf8();
                continue;
            }
        }
        let end = line_end(bytes, i);
        let line = &input[i..end];
        match b {
            b'{' if BOOKSCI_KEYS.iter().any(|key| line.contains(key)) => {
                return Some(Format::BookSci);
            }
            b'@' if !json && !bibtex => bibtex = is_bibtex_entry_start(line),
            b'A'..=b'Z' if !json && !bibtex && is_ris_tag_line(line) => {
                ris_lines += 1;
                ris_ty |= line.starts_with("TY");
            }
            _ => {}
        }
        i = end + 1;
    }
    if json {
        let body = input.trim_start_matches(is_space);
        let has = |keys: &[&str]| keys.iter().any(|key| body.contains(key));
        return if has(CROSSREF_KEYS) && !crossref_csl(body) {
            Some(Format::Crossref)
        } else if has(SEMANTIC_SCHOLAR_KEYS) {
            Some(Format::SemanticScholar)
        } else if has(CSL_KEYS) {
            Some(Format::CslJson)
        } else if body.starts_with('{') && has(&["\"title\""]) {
            // A JSON object with a title and none of the other formats'
            // marks is the BookSci record at its plainest: `{"title": …,
            // "authors": "A, B", "journal": {…}}`.
            Some(Format::BookSci)
        } else {
            None
        };
    }
    if bibtex {
        return Some(Format::BibTeX);
    }
    // A TY line, or (for a record missing its TY) several tagged lines.
    (ris_ty || ris_lines >= 2).then_some(Format::Ris)
}

/// Whether a JSON input with Crossref's keys is the CSL-JSON Crossref
/// answers content negotiation with (`application/vnd.citationstyles.csl+json`):
/// no `message-type` envelope, and titles as strings where a REST API work
/// has arrays.
fn crossref_csl(body: &str) -> bool {
    if body.contains("\"message-type\"") {
        return false;
    }
    let Some(at) = body.find("\"title\"") else {
        return false;
    };
    let value = body[at + "\"title\"".len()..].trim_start();
    value
        .strip_prefix(':')
        .is_some_and(|v| v.trim_start().starts_with('"'))
}

/// The index of the first `\n` at or after `from`, or the input's length.
/// (A plain loop: lines are short, and `str::find` costs more to start.)
fn line_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| from + i)
}

/// `XX  - value`: two capitals (or a capital and a digit), spaces, a hyphen.
fn is_ris_tag_line(line: &str) -> bool {
    let bytes = line.trim_start_matches('\u{feff}').as_bytes();
    let spaces = bytes
        .get(2..)
        .map_or(0, |rest| rest.iter().take_while(|&&b| b == b' ').count());
    bytes.len() >= 4
        && bytes[0].is_ascii_uppercase()
        && (bytes[1].is_ascii_uppercase() || bytes[1].is_ascii_digit())
        && spaces > 0
        && bytes.get(2 + spaces) == Some(&b'-')
}

/// `@article{` or `@book (`: an `@`, a word, then a brace or parenthesis.
fn is_bibtex_entry_start(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('@') else {
        return false;
    };
    let word_end = rest
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '_' && c != '-')
        .unwrap_or(rest.len());
    word_end > 0 && rest[word_end..].trim_start().starts_with(['{', '('])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_booksci_line_anywhere_wins_over_every_other_mark() {
        let bibtex_then_booksci = "@article{k, title={T}}\n{\"title\":\"T\",\"JCR\":\"Q1\"}\n";
        assert_eq!(detect(bibtex_then_booksci), Some(Format::BookSci));
        let ris_then_booksci = "TY  - JOUR\nER  - \n\u{feff}  {\"RegionNum\":\"2\"}";
        assert_eq!(detect(ris_then_booksci), Some(Format::BookSci));
        let csl_then_booksci = "[{\"type\":\"book\"},\n{\"PeriodicalIF\":\"1.2\"}]";
        assert_eq!(detect(csl_then_booksci), Some(Format::BookSci));
    }

    #[test]
    fn crossref_content_negotiation_csl_json_is_csl_json() {
        // What api.crossref.org answers for a DOI asked as
        // application/vnd.citationstyles.csl+json: Crossref's own keys, but
        // CSL variables with string titles.
        let csl = r#"{"indexed":{"date-parts":[[2024,1,1]]},"reference-count":12,"publisher":"P",
            "content-domain":{"domain":[],"crossmark-restriction":false},"DOI":"10.1/x",
            "type":"article-journal","title":"A title","container-title":"J","author":[{"family":"Doe","given":"J"}]}"#;
        assert_eq!(detect(csl), Some(Format::CslJson));
        // A REST API work has arrays of titles, and its envelope a message type.
        let work = r#"{"reference-count":12,"type":"journal-article","title":["A title"]}"#;
        assert_eq!(detect(work), Some(Format::Crossref));
        let envelope = r#"{"status":"ok","message-type":"work","message":{"title":"odd"}}"#;
        assert_eq!(detect(envelope), Some(Format::Crossref));
    }

    #[test]
    fn json_is_told_apart_by_its_keys_and_never_read_as_ris_or_bibtex() {
        assert_eq!(
            detect("{\"message-type\":\"work\"}"),
            Some(Format::Crossref)
        );
        assert_eq!(
            detect("\u{feff}\n [{\"corpusId\":1}]"),
            Some(Format::SemanticScholar)
        );
        assert_eq!(
            detect("{\"title\":\"T\",\"issued\":{}}"),
            Some(Format::CslJson)
        );
        // Tagged and @-lines inside a JSON body do not make it RIS or BibTeX.
        assert_eq!(detect("{\"a\":\"x\",\nTY  - JOUR\n@article{k,\n}"), None);
    }

    #[test]
    fn bibtex_wins_over_ris_lines_and_ris_needs_a_ty_or_two_tags() {
        assert_eq!(
            detect("TY  - JOUR\n  @book (k, title={T})"),
            Some(Format::BibTeX)
        );
        assert_eq!(detect("\u{feff}TY  - JOUR\n"), Some(Format::Ris));
        assert_eq!(detect("TI  - T\nAU  - A\n"), Some(Format::Ris));
        assert_eq!(detect("TI  - T\nplain text\n"), None);
        assert_eq!(detect("@ article{k}\n"), None);
    }
}
