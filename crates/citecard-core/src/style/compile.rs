//! Styles and locales given at run time (feature `csl-compiler`): the CSL
//! file read by the same code `build.rs` compiles the built-in styles with
//! ([`csl_xml`](super::csl_xml)), then run by the same engine.
//!
//! The strings of a file read at run time live as long as the program,
//! each kept once as the file is read: the engine's tree is plain
//! `&'static str` data, so that built-in and run-time styles are one type.
//! Callers read and compile a style once and keep it (the citation module
//! caches each style per page, the CLI compiles one per run), so what is
//! kept is bounded by the styles a page or a run uses.

use std::collections::HashSet;
use std::fmt;

use crate::model::{ItemType, Reference};
use crate::style::csl_xml::{self, Expect, Info, Node, XmlError};
use crate::style::engine::Engine;
use crate::style::locale;
use crate::style::tree::Element;
use crate::style::Citation;

/// Why a CSL file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CslError {
    /// Not well-formed XML, or not a CSL style or locale, at a line and
    /// column of the file.
    Xml {
        /// 1-based line.
        line: u32,
        /// 1-based column.
        column: u32,
        /// What is wrong.
        message: String,
    },
    /// A dependent style, whose rules are its parent's: the parent must be
    /// given too.
    Dependent {
        /// The parent's URI (`<link rel="independent-parent">`).
        parent: String,
    },
    /// A style without a `<bibliography>`: it cannot format a reference
    /// list entry.
    NoBibliography,
}

impl fmt::Display for CslError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CslError::Xml {
                line,
                column,
                message,
            } => write!(f, "line {line}, column {column}: {message}"),
            CslError::Dependent { parent } => write!(
                f,
                "a dependent style: it formats with its parent's rules, {parent}, which must be given too"
            ),
            CslError::NoBibliography => {
                f.write_str("the style has no <bibliography>, so it cannot format a reference list entry")
            }
        }
    }
}

impl std::error::Error for CslError {}

impl From<XmlError> for CslError {
    fn from(e: XmlError) -> Self {
        CslError::Xml {
            line: e.line,
            column: e.column,
            message: e.message,
        }
    }
}

/// The CSL names of the item types citecard produces.
fn item_types() -> Vec<&'static str> {
    ItemType::ALL.iter().map(|t| t.csl_name()).collect()
}

/// A CSL style file, read and checked but not yet compiled.
#[derive(Debug, Clone)]
pub struct StyleFile {
    root: Node<&'static str>,
    info: Info,
}

impl StyleFile {
    /// Read a CSL 1.0.2 style (an independent or a dependent one).
    ///
    /// ```
    /// use citecard_core::style::{CslError, StyleFile};
    /// let error = StyleFile::parse("<style>\n  <oops></style>").unwrap_err();
    /// assert!(matches!(error, CslError::Xml { line: 2, .. }));
    /// ```
    pub fn parse(xml: &str) -> Result<StyleFile, CslError> {
        let (root, info) = read(xml, Expect::Style, &item_types())?;
        Ok(StyleFile { root, info })
    }

    /// The style's title (`<info><title>`).
    pub fn title(&self) -> Option<&str> {
        self.info.title.as_deref()
    }

    /// The style's URI (`<info><id>`).
    pub fn id(&self) -> Option<&str> {
        self.info.id.as_deref()
    }

    /// The root's `default-locale`.
    pub fn default_locale(&self) -> Option<&str> {
        self.info.default_locale.as_deref()
    }

    /// The URI of the style a dependent style takes its rules from.
    pub fn parent(&self) -> Option<&str> {
        self.info.parent.as_deref()
    }

    /// Whether this is a dependent style: a parent link and no
    /// bibliography of its own.
    pub fn is_dependent(&self) -> bool {
        self.parent().is_some() && !self.root.children.iter().any(|c| c.name == "bibliography")
    }

    /// The short name of a style URI: its last path segment
    /// (`http://www.zotero.org/styles/nature` → `nature`), which is also
    /// its file name in the CSL styles repository.
    pub fn short_name(uri: &str) -> &str {
        uri.trim_end_matches('/').rsplit('/').next().unwrap_or(uri)
    }
}

/// A CSL locale file.
#[derive(Debug, Clone)]
pub struct LocaleFile {
    root: Node<&'static str>,
}

impl LocaleFile {
    /// Read a CSL locale file (`locales-xx-XX.xml`).
    pub fn parse(xml: &str) -> Result<LocaleFile, CslError> {
        let (root, _) = read(xml, Expect::Locale, &[])?;
        Ok(LocaleFile { root })
    }

    /// The locale's language tag (`xml:lang`), if it has one.
    pub fn lang(&self) -> Option<&str> {
        self.root
            .attrs
            .iter()
            .find(|(name, _)| *name == "lang")
            .map(|(_, value)| *value)
    }
}

/// A style compiled at run time, ready to format entries.
#[derive(Debug)]
pub struct CslStyle {
    engine: Engine,
    title: Option<String>,
    lang: String,
    warnings: Vec<String>,
}

impl CslStyle {
    /// Compile `style` in a language: `lang` if given, else `locale`'s, else
    /// the dependent style's `default-locale`, else the style's, else en-US.
    /// A dependent style is given as `dependent`, with its parent as
    /// `style`: the parent's rules, the dependent's title and locale.
    /// `locale` is a locale file read at run time; without one, the
    /// built-in locale files for the language apply (en-US and zh-CN, or
    /// every official locale with the `all-locales` feature), with en-US
    /// under them as CSL's locale fallback prescribes.
    pub fn new(
        style: &StyleFile,
        dependent: Option<&StyleFile>,
        lang: Option<&str>,
        locale: Option<&LocaleFile>,
    ) -> Result<CslStyle, CslError> {
        if style.is_dependent() {
            return Err(CslError::Dependent {
                parent: style.parent().unwrap_or_default().to_owned(),
            });
        }
        let lang = lang
            .or_else(|| locale.and_then(LocaleFile::lang))
            .or_else(|| dependent.and_then(StyleFile::default_locale))
            .or_else(|| style.default_locale())
            .unwrap_or("en-US")
            .to_owned();
        let mut files = locale::built_in_files(&lang);
        if let Some(locale) = locale {
            files.push(element(&locale.root));
        }
        let mut warnings = Vec::new();
        unimplemented(&style.root, &mut warnings);
        let root = element(&style.root);
        let engine = Engine::new(root, files, &lang).ok_or(CslError::NoBibliography)?;
        let title = dependent
            .and_then(StyleFile::title)
            .or_else(|| style.title())
            .map(str::to_owned);
        Ok(CslStyle {
            engine,
            title,
            lang,
            warnings,
        })
    }

    /// Compile an independent style's XML in its default locale.
    ///
    /// ```
    /// use citecard_core::style::CslStyle;
    /// let style = CslStyle::compile(r#"<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">
    ///   <info><title>Titles only</title></info>
    ///   <citation><layout><text variable="title"/></layout></citation>
    ///   <bibliography><layout><text variable="title" font-style="italic"/></layout></bibliography>
    /// </style>"#).unwrap();
    /// let reference = citecard_core::Reference { title: Some("On CSL".into()), ..Default::default() };
    /// assert_eq!(style.title(), Some("Titles only"));
    /// assert_eq!(style.cite(&reference).html, r#"<div class="csl-entry"><i>On CSL</i></div>"#);
    /// ```
    pub fn compile(xml: &str) -> Result<CslStyle, CslError> {
        CslStyle::new(&StyleFile::parse(xml)?, None, None, None)
    }

    /// The title of the style (a dependent style's own title).
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The language the style formats in.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// The CSL features this style uses that citecard does not implement,
    /// each named: its output may differ from citeproc-js where they apply.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Format `reference` as a bibliography entry.
    pub fn cite(&self, reference: &Reference) -> Citation {
        let entry = self.engine.entry(reference);
        Citation {
            text: entry.text,
            html: entry.html,
            inlines: entry.inlines,
        }
    }
}

/// Read a CSL file ([`csl_xml::read`]), its strings interned as they are
/// read.
fn read(
    xml: &str,
    expect: Expect,
    item_types: &[&str],
) -> Result<(Node<&'static str>, Info), XmlError> {
    let mut interner = Interner::default();
    csl_xml::read(xml, expect, item_types, &mut |s| interner.string(s))
}

/// A file's strings, given the program's lifetime once each as the file is
/// read (see the module documentation).
#[derive(Default)]
struct Interner(HashSet<&'static str>);

impl Interner {
    fn string(&mut self, s: &str) -> &'static str {
        if let Some(kept) = self.0.get(s) {
            return kept;
        }
        let kept: &'static str = Box::leak(s.to_owned().into_boxed_str());
        self.0.insert(kept);
        kept
    }
}

/// The engine's element for a file's element: the same strings, already
/// interned when the file was read.
fn element(node: &Node<&'static str>) -> Element {
    Element {
        name: node.name,
        attrs: node.attrs.clone(),
        children: node.children.iter().map(element).collect(),
        text: node.text,
        id: 0,
    }
}

/// The elements of CSL 1.0.2 that a bibliography entry can hold, which the
/// engine reads.
const ELEMENTS: [&str; 29] = [
    "style",
    "locale",
    "citation",
    "bibliography",
    "macro",
    "layout",
    "text",
    "date",
    "date-part",
    "number",
    "names",
    "name",
    "name-part",
    "et-al",
    "substitute",
    "label",
    "group",
    "choose",
    "if",
    "else-if",
    "else",
    "terms",
    "term",
    "single",
    "multiple",
    "style-options",
    "institution",
    "date-parts",
    "key",
];

/// Name each feature of `root` the engine does not implement, once.
fn unimplemented(root: &Node<&str>, warnings: &mut Vec<String>) {
    fn walk(node: &Node<&str>, warnings: &mut Vec<String>) {
        let mut note = |warning: String| {
            if !warnings.contains(&warning) {
                warnings.push(warning);
            }
        };
        if !ELEMENTS.contains(&node.name) {
            note(format!(
                "<{}> is not a CSL 1.0.2 element citecard implements",
                node.name
            ));
        }
        // `display` (block, left-margin, …) is the one CSL 1.0.2 attribute
        // the engine does not implement.
        for (name, value) in &node.attrs {
            if *name == "display" && !value.is_empty() {
                note(format!("{name}=\"{value}\" is not implemented"));
            }
        }
        node.children.iter().for_each(|c| walk(c, warnings));
    }
    walk(root, warnings);
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="de-DE">
  <info><title>Minimal</title></info>
  <bibliography><layout><group delimiter=" "><text term="edition"/><text variable="title" quotes="true" suffix="."/></group></layout></bibliography>
</style>"#;

    fn reference() -> Reference {
        Reference {
            title: Some("Titel".into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_malformed_file_is_located() {
        let error = StyleFile::parse(
            "<style xmlns=\"http://purl.org/net/xbiblio/csl\">\n  <bibliography>\n</style>",
        )
        .unwrap_err();
        let CslError::Xml { line, column, .. } = error else {
            panic!("{error:?}");
        };
        assert_eq!((line, column), (3, 1));
    }

    #[test]
    fn a_file_that_is_not_csl_says_so_where() {
        let error = StyleFile::parse("<?xml version=\"1.0\"?>\n<html><body/></html>").unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("line 2, column 1: not a CSL style"),
            "{error}"
        );
        let locale = StyleFile::parse(
            "<locale xmlns=\"http://purl.org/net/xbiblio/csl\" xml:lang=\"de-DE\"/>",
        )
        .unwrap_err();
        assert!(locale.to_string().contains("found <locale>"), "{locale}");
    }

    #[test]
    fn the_default_locale_applies_unless_one_is_chosen() {
        let file = StyleFile::parse(MINIMAL).unwrap();
        let style = CslStyle::new(&file, None, None, None).unwrap();
        assert_eq!(style.lang(), "de-DE");
        let english = CslStyle::new(&file, None, Some("en-US"), None).unwrap();
        // en-US moves the period inside the closing quote.
        assert_eq!(english.cite(&reference()).text, "Edition “Titel.”");
    }

    #[test]
    fn a_locale_given_at_run_time_supplies_terms_and_quotes() {
        let locale = LocaleFile::parse(
            r#"<locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="de-DE">
  <style-options punctuation-in-quote="false"/>
  <terms><term name="edition">Auflage</term><term name="open-quote">„</term><term name="close-quote">“</term></terms>
</locale>"#,
        )
        .unwrap();
        assert_eq!(locale.lang(), Some("de-DE"));
        let file = StyleFile::parse(MINIMAL).unwrap();
        let style = CslStyle::new(&file, None, None, Some(&locale)).unwrap();
        assert_eq!(style.cite(&reference()).text, "Auflage „Titel“.");
    }

    #[test]
    fn a_dependent_style_needs_its_parent_and_lends_its_title_and_locale() {
        let dependent = StyleFile::parse(
            r#"<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="en-GB">
  <info><title>A Journal</title><link href="http://www.zotero.org/styles/minimal" rel="independent-parent"/></info>
</style>"#,
        )
        .unwrap();
        assert!(dependent.is_dependent());
        assert_eq!(
            StyleFile::short_name(dependent.parent().unwrap()),
            "minimal"
        );
        let error = CslStyle::new(&dependent, None, None, None).unwrap_err();
        assert!(matches!(error, CslError::Dependent { .. }));
        let parent = StyleFile::parse(MINIMAL).unwrap();
        let style = CslStyle::new(&parent, Some(&dependent), None, None).unwrap();
        assert_eq!(style.title(), Some("A Journal"));
        assert_eq!(style.lang(), "en-GB");
    }

    #[test]
    fn unimplemented_features_are_named() {
        let style = CslStyle::compile(
            r#"<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">
  <bibliography><layout><names variable="author"><name><name-part name="family" font-variant="small-caps"/></name></names>
  <text variable="title" display="block"/><text variable="title" display="block"/></layout></bibliography>
</style>"#,
        )
        .unwrap();
        assert_eq!(style.warnings(), ["display=\"block\" is not implemented",]);
    }

    #[test]
    fn markup_in_a_hostile_style_is_text_never_html() {
        let style = CslStyle::compile(
            r#"<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">
  <bibliography><layout prefix="&lt;img src=x onerror=alert(1)&gt;"><text value="&lt;script&gt;alert(1)&lt;/script&gt;" suffix="&amp;"/></layout></bibliography>
</style>"#,
        )
        .unwrap();
        let citation = style.cite(&reference());
        assert!(
            !citation.html.contains("<img") && !citation.html.contains("<script"),
            "{}",
            citation.html
        );
        assert!(
            citation.html.contains("&#60;script&#62;"),
            "{}",
            citation.html
        );
        // The text is the text, as written.
        assert!(citation
            .text
            .starts_with("<img src=x onerror=alert(1)><script>"));
    }

    #[test]
    fn a_style_without_a_bibliography_is_an_error() {
        let error = CslStyle::compile(
            r#"<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><citation><layout/></citation></style>"#,
        )
        .unwrap_err();
        assert_eq!(error, CslError::NoBibliography);
    }
}
