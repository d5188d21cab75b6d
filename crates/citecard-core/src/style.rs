//! Citation styles: the official CSL files, run by citecard's own CSL
//! processor, with output checked character by character against
//! citeproc-js.
//!
//! Each style is its CSL file (vendored in `crates/citecard-core/csl/`,
//! listed in `csl/styles.tsv`, minified at build time and embedded); the
//! en-US locale supplies terms and date formats. A style is parsed on first
//! use and kept.

#[cfg(feature = "csl-compiler")]
mod compile;
mod condition;
#[cfg(feature = "csl-compiler")]
mod csl_xml;
mod date;
mod engine;
mod formatting;
#[cfg(test)]
mod fragments;
mod locale;
mod names;
mod number;
mod output;
mod page_range;
mod quotes;
mod rendering;
mod text_case;
mod tree;
mod variables;

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

#[cfg(feature = "csl-compiler")]
pub use compile::{CslError, CslStyle, LocaleFile, StyleFile};
use engine::Engine;

use crate::model::Reference;

include!(concat!(env!("OUT_DIR"), "/styles.rs"));

impl Style {
    /// The parsed style, made on first use.
    fn engine(self) -> Option<&'static Engine> {
        static ENGINES: [OnceLock<Option<Engine>>; Style::ALL.len()] =
            [const { OnceLock::new() }; Style::ALL.len()];
        // Styles are compiled in `Style::ALL` order (see build.rs).
        let index = Style::ALL.iter().position(|s| *s == self)?;
        ENGINES[index]
            .get_or_init(|| {
                let root = tree::document(index)?;
                // A style formats in its own `default-locale` (GB/T 7714 in
                // zh-CN), as citeproc-js does when none is chosen.
                let lang = root.attr("default-locale").unwrap_or("en-US");
                Engine::new(root, locale::built_in_files(lang), lang)
            })
            .as_ref()
    }
}

impl fmt::Display for Style {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl FromStr for Style {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Style::ALL
            .into_iter()
            .find(|s| s.id().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| {
                let ids: Vec<&str> = Style::ALL.iter().map(|s| s.id()).collect();
                format!("unknown style `{name}`: expected one of {}", ids.join(", "))
            })
    }
}

/// A formatted bibliography entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// Plain text.
    pub text: String,
    /// HTML, as citeproc-js writes a one-entry bibliography.
    pub html: String,
    /// The same entry as rich inline content (italics as
    /// [`Inline::Emphasis`](crate::rich_text::Inline::Emphasis)), for
    /// showing it without parsing HTML; its text equals [`Citation::text`].
    pub inlines: Vec<crate::rich_text::Inline>,
}

/// Format `reference` as a bibliography entry in `style`; `None` only if
/// the embedded style could not be read, which the tests rule out.
///
/// ```
/// use citecard_core::{parse, style::{cite, Style}};
/// // A BookSci record (the reference record, less its abstract and metrics).
/// let record = r#"{"title":"Embedding coproduction in organisational culture and practice: a case study.","authors":"Julie Repper, Julian Eve","doi":"10.1108/LHS-04-2022-0039","journal":{"name":"Leadership in Health Services"},"publicationDate":"2022-07-26","publicationTypes":"Journal Article"}"#;
/// let doc = parse(record, None).unwrap();
/// let reference = &doc.records[0].as_ref().unwrap().reference;
/// let citation = cite(reference, Style::Ieee).unwrap();
/// assert_eq!(
///     citation.text,
///     "[1] J. Repper and J. Eve, “Embedding coproduction in organisational culture and practice: \
///      a case study,” Leadership in Health Services, Jul. 2022, doi: 10.1108/LHS-04-2022-0039."
/// );
/// ```
pub fn cite(reference: &Reference, style: Style) -> Option<Citation> {
    let entry = style.engine()?.entry(reference);
    Some(Citation {
        text: entry.text,
        html: entry.html,
        inlines: entry.inlines,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_rs_knows_every_item_type() {
        let compiled: [&str; 45] = include!(concat!(env!("OUT_DIR"), "/item_types.rs"));
        let known: Vec<&str> = crate::model::ItemType::ALL
            .iter()
            .map(|t| t.csl_name())
            .collect();
        assert_eq!(compiled.to_vec(), known);
    }

    #[test]
    fn every_style_reads() {
        for style in Style::ALL {
            assert!(style.engine().is_some(), "{style}");
        }
    }
}
