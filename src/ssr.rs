//! Cards rendered to HTML outside the browser, by Yew's server renderer
//! from the same components the browser runs, for pages that must work
//! without JavaScript and that `citecard.js` brings to life in place.
//!
//! [`citation_card`] writes a whole `<citation-card>` element: a
//! declarative shadow root (`<template shadowrootmode="open">`) with the
//! stylesheet linked and the cards' markup, the schema.org JSON-LD and the
//! COinS span in the light DOM for machines, and the record itself for the
//! script to read.

use citecard_core::rich_text::escape_into;
use citecard_core::style;
use citecard_core::{metadata, Reference};
use yew::LocalServerRenderer;

use crate::ui::i18n::Lang;
use crate::ui::list::{ListOptions, PublicationList, PublicationListProps};
use crate::ui::options::{record_needs_attribute, CardOptions};
use crate::ui::prerender::{
    fingerprint, Prerender, StaticCitation, StaticCite, StaticFile, FINGERPRINT_ATTRIBUTE,
};
use crate::ui::records::{RecordCards, RecordCardsProps};

/// The server has no page to take a language from: English unless the
/// options name one. The element says which, so that the script renders
/// (and hydrates) in the same language.
fn server_options(options: CardOptions) -> CardOptions {
    CardOptions {
        lang: Some(options.lang.unwrap_or(Lang::En)),
        ..options
    }
}

/// The markup of the cards for `input` (record text in any format the
/// first card reads at once, so not BibTeX, which the browser reads in a
/// module of its own), hydratable: what the script's `mount` would draw
/// into the shadow root's container.
pub fn render(input: &str, options: CardOptions, prerender: Option<Prerender>) -> String {
    let props = yew::props!(RecordCardsProps {
        input: yew::AttrValue::from(input.to_owned()),
        options: server_options(options),
        prerender,
    });
    futures::executor::block_on(LocalServerRenderer::<RecordCards>::with_props(props).render())
}

/// The Cite panel rendered ahead of time: `reference` in every built-in
/// style, in the panel's order for `lang`, and links to `files`.
pub fn static_cite(reference: &Reference, files: Vec<StaticFile>, lang: Lang) -> StaticCite {
    StaticCite {
        citations: crate::ui::cite::styles_for(lang)
            .into_iter()
            .filter_map(|style| {
                Some(StaticCitation {
                    label: lang.style(style),
                    inlines: style::cite(reference, style)?.inlines,
                })
            })
            .collect(),
        files,
    }
}

/// The card stylesheet, `static/citecard.css`: what a card's shadow root
/// links or holds.
pub const STYLESHEET: &str = include_str!("../static/citecard.css");

/// The list stylesheet, `static/citecard-list.css`, which a list's shadow
/// root links (or holds) after the card's.
pub const LIST_STYLESHEET: &str = include_str!("../static/citecard-list.css");

/// How a card rendered ahead of time gets its stylesheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stylesheet {
    /// Linked at this URL (as the page refers to it): cached across pages,
    /// and no `'unsafe-inline'` needed under a Content-Security-Policy; one
    /// request more on a first visit. A list links `citecard-list.css`
    /// beside it too.
    Link(String),
    /// Written into each card's shadow root ([`STYLESHEET`]): painted with
    /// the page's HTML, no request at all; bigger pages, and a CSP must
    /// allow the `<style>` (by its hash, or `'unsafe-inline'`).
    Inline,
}

/// Where a `<citation-card>` rendered ahead of time finds what it links to.
#[derive(Debug, Clone)]
pub struct Links {
    /// The card stylesheet.
    pub stylesheet: Stylesheet,
    /// Each record's exported files beside the page, if they are written:
    /// the paths of its `.bib` and `.ris` given its citation key.
    pub files: Option<fn(&str) -> Vec<StaticFile>>,
}

/// An element's declarative shadow root, from a new line: its stylesheets
/// (the card's, then for a `list` the list's), linked or inline as `links`
/// says, and the container the script mounts into, marked with the
/// `fingerprint` of what `markup` was drawn from.
fn shadow_root(out: &mut String, links: &Links, list: bool, fingerprint: &str, markup: &str) {
    out.push_str("\n<template shadowrootmode=\"open\">");
    match &links.stylesheet {
        Stylesheet::Link(href) => {
            let list_href = list.then(|| list_stylesheet_href(href));
            for href in std::iter::once(href.as_str()).chain(list_href.as_deref()) {
                out.push_str("<link rel=\"stylesheet\" href=\"");
                escape_into(href, out);
                out.push_str("\">");
            }
        }
        Stylesheet::Inline => {
            out.push_str("<style>");
            out.push_str(STYLESHEET);
            if list {
                out.push_str(LIST_STYLESHEET);
            }
            out.push_str("</style>");
        }
    }
    out.push_str(&format!(
        "<div data-citecard-root=\"\" {FINGERPRINT_ATTRIBUTE}=\"{fingerprint}\">"
    ));
    out.push_str(markup);
    out.push_str("</div></template>\n");
}

/// A `<citation-card>` element for one record: `record` is its text (one
/// record, in any format but BibTeX) and `reference` what it reads as;
/// `key` its citation key.
pub fn citation_card(
    record: &str,
    reference: &Reference,
    key: &str,
    options: CardOptions,
    links: &Links,
) -> String {
    let options = server_options(options);
    let files = links.files.map(|files| files(key)).unwrap_or_default();
    let lang = options.lang.unwrap_or_default();
    let prerender = Prerender::new(move |reference| static_cite(reference, files.clone(), lang));
    // The cards are drawn from the record text, read again here rather than
    // from `reference`, exactly as the script in the browser will read it:
    // hydration needs the same markup node for node. `reference` (what the
    // caller read) gives only the metadata beside the cards.
    let cards = render(record, options, Some(prerender));
    let mut out = String::from("<citation-card");
    for (name, value) in options.attributes() {
        out.push_str(&format!(" {name}=\"{value}\""));
    }
    // The embed reads the `record` attribute first.
    let in_attribute = record_needs_attribute(record);
    if in_attribute {
        out.push_str(" record=\"");
        escape_into(record, &mut out);
        out.push('"');
    }
    out.push('>');
    shadow_root(
        &mut out,
        links,
        false,
        &fingerprint(record, &options),
        &cards,
    );
    out.push_str(&metadata::jsonld::script(reference));
    out.push('\n');
    out.push_str(&metadata::coins::span(reference));
    out.push('\n');
    if !in_attribute {
        out.push_str("<script type=\"text/plain\">");
        out.push_str(record);
        out.push_str("</script>\n");
    }
    out.push_str("</citation-card>");
    out
}

/// The list stylesheet's URL, beside the card stylesheet at `href`.
pub fn list_stylesheet_href(href: &str) -> String {
    match href.rsplit_once('/') {
        Some((dir, _)) => format!("{dir}/citecard-list.css"),
        None => "citecard-list.css".to_owned(),
    }
}

/// The markup of a publication list of the records in `input`, every entry
/// drawn: what the script's `mount_list` draws into the shadow root's
/// container (and puts in place of this once it has read the records).
pub fn render_list(input: &str, options: CardOptions, list: ListOptions) -> String {
    let props = yew::props!(PublicationListProps {
        input: yew::AttrValue::from(input.to_owned()),
        options: server_options(options),
        list,
    });
    futures::executor::block_on(LocalServerRenderer::<PublicationList>::with_props(props).render())
}

/// A `<citation-list>` element for `references`: a declarative shadow root
/// with the stylesheets and the list drawn, every entry in it; in the light
/// DOM a COinS span per record (reference managers find them) and the
/// records as CSL-JSON for the script to read.
pub fn citation_list(
    references: &[Reference],
    options: CardOptions,
    list: &ListOptions,
    links: &Links,
) -> String {
    let options = server_options(options);
    // CSL-JSON holds every field the list shows; `<` is written as an
    // escape, which JSON reads back, so no record can end the script.
    let text = citecard_core::export::csl_json::write(references).replace('<', "\\u003c");
    let markup = render_list(&text, options, list.clone());
    let mut out = String::from("<citation-list");
    let card_attributes = options
        .attributes()
        .into_iter()
        .map(|(name, value)| (name, value.to_owned()));
    for (name, value) in card_attributes.chain(list.attributes()) {
        out.push_str(&format!(" {name}=\""));
        escape_into(&value, &mut out);
        out.push('"');
    }
    out.push('>');
    shadow_root(
        &mut out,
        links,
        true,
        &fingerprint(&text, &options),
        &markup,
    );
    for reference in references {
        out.push_str(&metadata::coins::span(reference));
        out.push('\n');
    }
    // An anchor per record in the page itself, slotted into its entry: a
    // link to `#key` scrolls to the entry without script (fragments do not
    // reach ids inside a shadow root). The keys are the list's anchors.
    for key in citecard_core::export::citation_keys(references) {
        out.push_str("<span id=\"");
        escape_into(&key, &mut out);
        out.push_str("\" slot=\"");
        escape_into(&key, &mut out);
        out.push_str("\"></span>");
    }
    out.push('\n');
    out.push_str("<script type=\"application/json\">");
    out.push_str(&text);
    out.push_str("</script>\n</citation-list>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use citecard_core::parse;
    use citecard_core::style::Style;

    const SEED: &str = include_str!("../static/records/seed-coproduction.txt");

    fn seed() -> Reference {
        parse(SEED, None).unwrap().references()[0].clone()
    }

    /// The server renders what the browser shows: title linked to its DOI,
    /// the authors, the venue, badges and abstract, all text escaped.
    #[test]
    fn the_card_renders_to_html_on_the_server() {
        let html = render(SEED, Default::default(), None);
        assert!(html.contains("Embedding coproduction in organisational culture and practice"));
        assert!(html.contains(r#"href="https://doi.org/10.1108/LHS-04-2022-0039""#));
        assert!(html.contains("Julie Repper, Julian Eve"));
        assert!(html.contains("HEALTH POLICY &amp; SERVICES"));
        assert!(html.contains("Purpose:"));
        assert!(!html.contains("<script"));
    }

    /// The element holds a declarative shadow root with the stylesheet
    /// and the fingerprinted markup, the metadata, and the record.
    #[test]
    fn the_element_carries_its_shadow_root_metadata_and_record() {
        let links = Links {
            stylesheet: Stylesheet::Link("/assets/citecard.css".to_owned()),
            files: None,
        };
        let html = citation_card(SEED, &seed(), "repper2022", CardOptions::default(), &links);
        assert!(html.starts_with("<citation-card lang=\"en\">"));
        assert!(html.contains(
            "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"/assets/citecard.css\">"
        ));
        let options = server_options(CardOptions::default());
        assert!(html.contains(&format!(
            "data-citecard-render=\"{}\"",
            fingerprint(SEED, &options)
        )));
        assert!(html.contains("<script type=\"application/ld+json\">"));
        assert!(html.contains("<span class=\"Z3988\""));
        assert!(html.contains(&format!("<script type=\"text/plain\">{SEED}</script>")));
        // Cite, as text: the six styles' citations.
        assert_eq!(
            html.matches("<dd class=\"citecard-cite-text\">").count(),
            Style::ALL.len()
        );
        assert!(html.contains("data-citecard-static"));
    }

    /// A record that could close its script element travels in the
    /// `record` attribute, escaped.
    #[test]
    fn a_record_that_could_end_its_script_goes_in_the_attribute() {
        let record = r#"{"title":"A </script><script>alert(1)</script> title"}"#;
        let reference = parse(record, None).unwrap().references()[0].clone();
        let links = Links {
            stylesheet: Stylesheet::Inline,
            files: None,
        };
        let html = citation_card(record, &reference, "k", CardOptions::default(), &links);
        assert!(!html.contains("<script>alert"));
        assert!(html.contains("record=\"{&quot;title&quot;:&quot;A &lt;/script&gt;"));
        assert!(!html.contains("<script type=\"text/plain\">"));
        // The stylesheet, inline: the card's own, nothing of the record's.
        assert_eq!(html.matches("<style>").count(), 1);
        assert!(html.contains(&format!("<style>{STYLESHEET}</style>")));
    }

    #[test]
    fn the_list_stylesheet_is_looked_for_beside_the_card_stylesheet() {
        assert_eq!(
            list_stylesheet_href("/assets/citecard.css"),
            "/assets/citecard-list.css"
        );
        assert_eq!(
            list_stylesheet_href("https://cdn.example/x/citecard.css?v=1"),
            "https://cdn.example/x/citecard-list.css"
        );
        assert_eq!(list_stylesheet_href("citecard.css"), "citecard-list.css");
    }
}
