//! The citation card for one reference. Each part of the card has its own
//! file in `card/`.

mod abstract_section;
mod authors;
mod badges;
mod doi;
mod skeleton;
mod venue;

use std::rc::Rc;

use citecard_core::Reference;
use yew::prelude::*;

use crate::ui::cite::CiteControl;
use crate::ui::hooks::use_copy;
use crate::ui::i18n::Lang;
use crate::ui::next_id;
use crate::ui::options::{CardOptions, Variant};
use crate::ui::prerender::Prerender;

pub use skeleton::{CardSkeleton, CardSkeletonProps};

/// Properties of [`CitationCard`].
#[derive(Properties, PartialEq)]
pub struct CitationCardProps {
    /// The reference to show.
    pub reference: Rc<Reference>,
    /// The theme, variant, language and opening style (the format is not
    /// used: the reference is already read).
    #[prop_or_default]
    pub options: CardOptions,
    /// Rendered ahead of time (by the server renderer): what the card shows
    /// in place of the controls that need script.
    #[prop_or_default]
    pub prerender: Option<Prerender>,
    /// The level of the card's title heading: 2, or 3 for a card opened
    /// inside a list under its group headings.
    #[prop_or(2)]
    pub heading_level: u8,
}

/// A card showing one reference: title (linked to its DOI), authors, venue,
/// journal metrics with their explanations, DOI, abstract and the cite
/// panel. Absent fields leave no empty label.
#[component]
pub fn CitationCard(props: &CitationCardProps) -> Html {
    let reference = &*props.reference;
    let options = props.options;
    let ui = options.lang.unwrap_or_else(Lang::from_page);
    let t = ui.strings();
    let bilingual = reference.title_zh.is_some() || reference.abstract_zh.is_some();
    let content = use_state(|| if ui == Lang::Zh { Lang::Zh } else { Lang::En });
    let ids = use_state(|| Ids {
        title: next_id("citecard-title"),
        authors: next_id("citecard-authors"),
        abstract_body: next_id("citecard-abstract"),
        abstract_heading: next_id("citecard-abstract-heading"),
        metrics: next_id("citecard-metrics"),
    });
    let copy_doi = use_copy();
    let title_id = ids.title.clone();
    let chinese = bilingual && *content == Lang::Zh;
    let title: Html = match (&reference.title_zh, &reference.title) {
        (Some(zh), _) if chinese => html! { zh.clone() },
        // A formatted title keeps its italics, sub- and superscripts.
        (_, Some(_)) if !reference.title_rich.is_empty() => {
            crate::ui::rich_text::inlines(&reference.title_rich)
        }
        (_, Some(title)) => html! { title.clone() },
        (Some(zh), None) => html! { zh.clone() },
        (None, None) => html! { t.untitled },
    };
    // Han text gets its language (zh-Hans unless it looks traditional), so
    // that the browser does not draw it with Japanese glyph forms.
    let title_text = match (&reference.title_zh, &reference.title) {
        (Some(zh), _) if chinese => Some(zh.as_str()),
        (_, title) => title.as_deref(),
    };
    let title_lang = title_text.and_then(citecard_core::script::cjk_lang);
    let title = match reference.link() {
        Some(url) => html! {
            <a class="citecard-title-link" href={url.to_string()} target="_blank" rel="noopener noreferrer" data-testid="title-link">{ title }</a>
        },
        None => html! { title },
    };
    let abstract_text = if chinese {
        reference
            .abstract_zh
            .as_ref()
            .or(reference.abstract_text.as_ref())
    } else {
        reference
            .abstract_text
            .as_ref()
            .or(reference.abstract_zh.as_ref())
    };
    let full = options.variant == Variant::Full;
    html! {
        // The interface languages read left to right: the card keeps that
        // direction on a right-to-left page; record text finds its own.
        <article class="citecard" part="card" lang={ui.tag()} dir="ltr" data-theme={options.theme.id()}
            data-variant={options.variant.id()} aria-labelledby={title_id.clone()} data-testid="citation-card">
            <div class="citecard-head">
                <p class="citecard-type" part="type">{ ui.item_type(reference.item_type) }</p>
                if bilingual {
                    { language_switch(&content, t.content_language) }
                }
            </div>
            <@{if props.heading_level == 3 { "h3" } else { "h2" }} id={title_id} class="citecard-title" part="title" lang={title_lang} dir="auto" data-testid="title">{ title }</@>
            { authors::authors(reference, &ids.authors, t) }
            { venue::venue(reference, t) }
            if full {
                { badges::badges(reference, t, &ids.metrics) }
                if let Some(doi) = &reference.doi {
                    { doi::doi_line(doi, &copy_doi, t) }
                }
                if let Some(text) = abstract_text {
                    { abstract_section::abstract_section(text, &ids, chinese, t) }
                }
            }
            <CiteControl reference={props.reference.clone()} lang={ui} style={options.style} custom={options.csl} prerender={props.prerender.clone()} />
        </article>
    }
}

/// Element ids that link parts of one card for assistive technology.
pub(crate) struct Ids {
    title: AttrValue,
    authors: AttrValue,
    pub(crate) abstract_body: AttrValue,
    pub(crate) abstract_heading: AttrValue,
    metrics: AttrValue,
}

pub(crate) fn expanded(open: bool) -> &'static str {
    if open {
        "true"
    } else {
        "false"
    }
}

/// A fold that works with or without script: a `<details>` whose summary
/// reads `closed` (or `open` when open). It goes before what it `controls`
/// in the same container, and the stylesheet draws it after them and shows
/// or hides them by its state (`.citecard-fold:not([open]) ~ …`), so the
/// state lives in the markup and a card rendered ahead of time folds the
/// same way as a live one.
pub(crate) fn fold(
    controls: &AttrValue,
    closed: &str,
    open: &'static str,
    testid: &'static str,
) -> Html {
    html! {
        <details class="citecard-fold">
            <summary class="citecard-link-button" aria-controls={controls.clone()} data-testid={testid}>
                <span class="citecard-fold-closed">{ closed.to_owned() }</span>
                <span class="citecard-fold-open">{ open }</span>
            </summary>
        </details>
    }
}

/// EN / 中文 for the title and abstract of a record that has both.
/// It needs script: `citecard-scripted` keeps its place but hides it in a
/// card rendered ahead of time until the script takes the card over.
fn language_switch(content: &UseStateHandle<Lang>, label: &'static str) -> Html {
    let button = |lang: Lang, text: &'static str| {
        let content = content.clone();
        html! {
            <button type="button" class="citecard-lang-option" lang={lang.tag()} aria-pressed={expanded(*content == lang)}
                onclick={Callback::from(move |_: MouseEvent| content.set(lang))}
                data-testid={if lang == Lang::En { "lang-en" } else { "lang-zh" }}>{ text }</button>
        }
    };
    html! {
        <div class="citecard-lang citecard-scripted" role="group" aria-label={label} part="language">
            { button(Lang::En, "EN") }
            { button(Lang::Zh, "中文") }
        </div>
    }
}
