//! Abstracts as a small, sanitised tree: labelled sections of paragraphs and
//! lists, with emphasis, strong, superscript, subscript and line breaks.
//!
//! Untrusted HTML (or JATS) is read by a spec-compliant HTML tokenizer behind
//! the [`HtmlTokenizer`] trait: natively [`Html5gum`] (the `html5gum`
//! feature, on by default), in the browser the widget's own `DOMParser`
//! adapter, which costs no bundle size. Only the structure above survives: no
//! tag outside it and no attribute of the input ever reaches the output, and
//! anything else becomes text or is dropped.
//!
//! The model is here; `rich_text/builder.rs` reads HTML and plain text into
//! it, `write.rs` writes it out (HTML, plain text, a shortened copy), and
//! `tokenizer.rs` holds the tokenizer trait with its two implementations.

mod builder;
mod elements;
mod inlines;
mod tokenizer;
mod write;

pub use builder::html_to_text;
#[cfg(feature = "bibtex")]
pub(crate) use inlines::tidy_inlines;
pub use inlines::{html_to_formatted, html_to_inlines};
#[cfg(feature = "html5gum")]
pub use tokenizer::Html5gum;
pub use tokenizer::{CanonicalHtml, HtmlEvent, HtmlTokenizer};
pub(crate) use write::InlineMarkup;
pub use write::{csl_markup, escape_into, has_formatting, inline_text, is_cjk_label, labelled};

/// Sanitised rich text: sections, each with an optional label.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct RichText {
    /// The sections in order; unstructured text is one unlabelled section.
    pub sections: Vec<Section>,
}

/// A section of a structured abstract ("Purpose", "Findings", …).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Section {
    /// The label, without its colon.
    pub label: Option<String>,
    /// The paragraphs and lists of the section.
    pub blocks: Vec<Block>,
}

/// A paragraph or a list.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A list of items.
    List {
        /// Whether the items are numbered.
        ordered: bool,
        /// The items' content.
        items: Vec<Vec<Inline>>,
    },
}

/// Inline content.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Inline {
    /// Text, with white space collapsed.
    Text(String),
    /// Emphasised (italic) content.
    Emphasis(Vec<Inline>),
    /// Strong (bold) content.
    Strong(Vec<Inline>),
    /// Superscript.
    Superscript(Vec<Inline>),
    /// Subscript.
    Subscript(Vec<Inline>),
    /// A line break.
    LineBreak,
}

impl RichText {
    /// Whether there is no text at all.
    pub fn is_empty(&self) -> bool {
        self.sections
            .iter()
            .all(|s| s.label.is_none() && s.blocks.is_empty())
    }
}

#[cfg(all(test, feature = "html5gum"))]
mod tests;
