//! BibTeX, readable by BibTeX, biber and the `biblatex` crate.

use std::fmt::Write as _;

use crate::export::citation_keys;
use crate::model::{ItemType, Name, Reference};
use crate::rich_text::{Inline, InlineMarkup};

/// Write `references` as BibTeX entries, with stable citation keys such as
/// `repper2022embedding` (a key the record was read with is kept).
///
/// Special characters are escaped (`\&`, `\%`, `\{` …); URLs and DOIs are
/// written verbatim, as BibTeX reads them.
///
/// ```
/// use citecard_core::{export::bibtex, parse};
/// // A BookSci record (the reference record, less its abstract and metrics).
/// let record = r#"{"title":"Embedding coproduction in organisational culture and practice: a case study.","authors":"Julie Repper, Julian Eve","doi":"10.1108/LHS-04-2022-0039","journal":{"name":"Leadership in Health Services"},"publicationDate":"2022-07-26","publicationTypes":"Journal Article"}"#;
/// let doc = parse(record, None).unwrap();
/// let references = doc.references();
/// let bib = bibtex::write(&references);
/// assert!(bib.starts_with("@article{repper2022embedding,\n"));
/// assert!(bib.contains("  author = {Repper, Julie and Eve, Julian},\n"));
/// assert!(bib.contains("  journal = {Leadership in Health Services},\n"));
/// ```
pub fn write(references: &[Reference]) -> String {
    let keys = citation_keys(references);
    let mut out = String::new();
    for (reference, key) in references.iter().zip(keys) {
        if !out.is_empty() {
            out.push('\n');
        }
        write_entry(reference, &key, &mut out);
    }
    out
}

fn write_entry(reference: &Reference, key: &str, out: &mut String) {
    let entry_type = entry_type(reference);
    let _ = writeln!(out, "@{entry_type}{{{key},");
    // (field, value as written, with its braces)
    let mut fields: Vec<(&str, String)> = Vec::new();
    let mut field = |name: &'static str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            fields.push((name, format!("{{{value}}}")));
        }
    };
    let text = |value: &Option<String>| value.as_deref().map(escape);
    let names = |names: &[Name]| {
        (!names.is_empty()).then(|| names.iter().map(name).collect::<Vec<_>>().join(" and "))
    };
    field("author", names(&reference.authors));
    field("editor", names(&reference.editors));
    let title = match reference.title_rich.is_empty() {
        true => text(&reference.title),
        false => Some(latex(&reference.title_rich)),
    };
    field("title", title);
    let container = text(&reference.container_title);
    match reference.item_type {
        ItemType::ArticleJournal
        | ItemType::ArticleMagazine
        | ItemType::ArticleNewspaper
        | ItemType::Preprint
        | ItemType::Webpage
        | ItemType::Dataset
        | ItemType::Software
        | ItemType::Patent
        | ItemType::Document => field("journal", container),
        _ => field("booktitle", container),
    }
    field("series", text(&reference.collection_title));
    // BibLaTeX's `number` is the number in the series when there is one.
    field("number", text(&reference.collection_number));
    field("eventtitle", text(&reference.event_title));
    if let Some(date) = reference.issued {
        field("year", Some(date.year.to_string()));
        if let Some(month) = date.month {
            // The month macro, unbraced, so that styles print the month's name.
            field("month", Some(MONTHS[usize::from(month) - 1].to_owned()));
        }
        // BibTeX has no day; BibLaTeX reads the full date from `date`.
        if date.day.is_some() {
            field("date", Some(date.to_string()));
        }
    }
    field("volume", text(&reference.volume));
    let number = if reference.issue.is_some() {
        &reference.issue
    } else {
        &reference.number
    };
    field("number", text(number));
    field(
        "pages",
        reference
            .page
            .as_deref()
            .map(|p| escape(&p.replace('-', "--"))),
    );
    field("eid", text(&reference.article_number));
    let publisher_field = match reference.item_type {
        ItemType::Thesis => "school",
        ItemType::Report => "institution",
        _ => "publisher",
    };
    field(publisher_field, text(&reference.publisher));
    field("address", text(&reference.publisher_place));
    field("edition", text(&reference.edition));
    field("type", text(&reference.genre));
    field("doi", reference.doi.as_ref().map(|d| verbatim(d.as_str())));
    field("url", reference.url.as_ref().map(|u| verbatim(u.as_str())));
    field(
        "issn",
        (!reference.issn.is_empty()).then(|| escape(&reference.issn.join(", "))),
    );
    field(
        "isbn",
        (!reference.isbn.is_empty()).then(|| escape(&reference.isbn.join(", "))),
    );
    field("language", text(&reference.language));
    field(
        "keywords",
        (!reference.fields_of_study.is_empty())
            .then(|| escape(&reference.fields_of_study.join(", "))),
    );
    field(
        "abstract",
        reference
            .abstract_text
            .as_ref()
            .map(|a| escape(&a.to_plain_text().replace("\n\n", " "))),
    );
    let last = fields.len().saturating_sub(1);
    for (i, (name, value)) in fields.iter().enumerate() {
        let value = match *name {
            "month" => value.trim_matches(['{', '}']),
            _ => value.as_str(),
        };
        let comma = if i == last { "" } else { "," };
        let _ = writeln!(out, "  {name} = {value}{comma}");
    }
    out.push_str("}\n");
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn entry_type(reference: &Reference) -> &'static str {
    match reference.item_type {
        ItemType::ArticleJournal | ItemType::ArticleMagazine | ItemType::ArticleNewspaper => {
            "article"
        }
        ItemType::Book => "book",
        ItemType::Chapter => "incollection",
        ItemType::PaperConference => "inproceedings",
        ItemType::Thesis => match reference.genre.as_deref() {
            Some(genre) if genre.to_ascii_lowercase().contains("master") => "mastersthesis",
            _ => "phdthesis",
        },
        ItemType::Report => "techreport",
        ItemType::Manuscript => "unpublished",
        _ => "misc",
    }
}

/// `von Last, Jr, First`; an organisation in double braces.
fn name(name: &Name) -> String {
    if let Some(literal) = &name.literal {
        return format!("{{{}}}", escape(literal));
    }
    let mut last = String::new();
    for part in [&name.dropping_particle, &name.particle, &name.family]
        .into_iter()
        .flatten()
    {
        if !last.is_empty() {
            last.push(' ');
        }
        last.push_str(&escape(part));
    }
    // A family name of several words must stay one name.
    if name.family.as_deref().is_some_and(|f| f.contains(' ')) && name.particle.is_none() {
        last = format!("{{{last}}}");
    }
    match (&name.suffix, &name.given) {
        (Some(suffix), Some(given)) => format!("{last}, {}, {}", escape(suffix), escape(given)),
        (Some(suffix), None) => format!("{last}, {}, ", escape(suffix)),
        (None, Some(given)) => format!("{last}, {}", escape(given)),
        (None, None) => last,
    }
}

/// Escape the characters BibTeX gives a meaning to.
///
/// ```
/// assert_eq!(citecard_core::export::bibtex::escape("A & B {50%} #1 ~x^"),
///     r"A \& B \{50\%\} \#1 \textasciitilde{}x\textasciicircum{}");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' | '%' | '$' | '#' | '_' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Formatted text as LaTeX: `\emph`, `\textbf`, `\textsuperscript` and
/// `\textsubscript` around escaped text.
fn latex(inlines: &[Inline]) -> String {
    const LATEX: InlineMarkup = InlineMarkup {
        emphasis: ["\\emph{", "}"],
        strong: ["\\textbf{", "}"],
        superscript: ["\\textsuperscript{", "}"],
        subscript: ["\\textsubscript{", "}"],
        line_break: " ",
        text: |text, out| out.push_str(&escape(text)),
    };
    let mut out = String::new();
    LATEX.write(inlines, &mut out);
    out
}

/// URLs and DOIs are verbatim fields: written as they are, with only the
/// braces that would break the field percent-encoded.
fn verbatim(text: &str) -> String {
    text.replace('{', "%7B").replace('}', "%7D")
}
