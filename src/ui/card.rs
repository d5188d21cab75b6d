//! The citation card for one reference.

use std::rc::Rc;

use citecard_core::{ItemType, Name, Quartile, Reference, RichText};
use yew::prelude::*;

use crate::ui::cite::CiteControl;
use crate::ui::i18n::{Lang, Strings};
use crate::ui::next_id;

/// The card's colour scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the reader's system setting (`prefers-color-scheme`).
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The value of the card's `data-theme` attribute and of the embed's
    /// `theme` attribute: `auto`, `light` or `dark`.
    pub fn id(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The theme named `id`, or `Auto`.
    pub fn from_id(id: &str) -> Theme {
        match id.trim() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        }
    }
}

/// How much the card shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Variant {
    /// Everything: metrics, DOI and abstract too.
    #[default]
    Full,
    /// Title, authors, venue and the cite button.
    Compact,
}

impl Variant {
    /// `full` or `compact`.
    pub fn id(self) -> &'static str {
        match self {
            Variant::Full => "full",
            Variant::Compact => "compact",
        }
    }

    /// The variant named `id`, or `Full`.
    pub fn from_id(id: &str) -> Variant {
        match id.trim() {
            "compact" => Variant::Compact,
            _ => Variant::Full,
        }
    }
}

/// Properties of [`CitationCard`].
#[derive(Properties, PartialEq)]
pub struct CitationCardProps {
    /// The reference to show.
    pub reference: Rc<Reference>,
    /// Light, dark, or the reader's setting (the default).
    #[prop_or_default]
    pub theme: Theme,
    /// Full (the default) or compact.
    #[prop_or_default]
    pub variant: Variant,
    /// The interface language; the browser's language when `None`.
    #[prop_or_default]
    pub lang: Option<Lang>,
    /// The citation style the cite panel opens on (unless the reader chose
    /// one before); APA when `None`.
    #[prop_or_default]
    pub style: Option<citecard_core::style::Style>,
}

/// How many authors show before "+ N more".
const AUTHORS_SHOWN: usize = 3;
/// The most names a card lists when its author list is expanded (the
/// exports have them all).
const MAX_NAMES_SHOWN: usize = 100;
/// About how many characters of an abstract a card shows (the record keeps
/// up to the 64 KB field limit, and the exports have it all).
const MAX_ABSTRACT_CHARS: usize = 20_000;

/// A card showing one reference: title (linked to its DOI), authors, venue,
/// journal metrics with their explanations, DOI, abstract and the cite
/// panel. Absent fields leave no empty label.
#[component]
pub fn CitationCard(props: &CitationCardProps) -> Html {
    let reference = &*props.reference;
    let ui = props.lang.unwrap_or_else(Lang::from_browser);
    let t = ui.strings();
    let bilingual = reference.title_zh.is_some() || reference.abstract_zh.is_some();
    let content = use_state(|| if ui == Lang::Zh { Lang::Zh } else { Lang::En });
    let ids = use_state(|| Ids {
        title: next_id("citecard-title"),
        authors: next_id("citecard-authors"),
        abstract_body: next_id("citecard-abstract"),
        abstract_heading: next_id("citecard-abstract-heading"),
    });
    let authors_open = use_state(|| false);
    let abstract_open = use_state(|| false);
    let doi_copied = use_state(|| false);
    let title_id = ids.title.clone();
    let chinese = bilingual && *content == Lang::Zh;
    let title = match (&reference.title_zh, &reference.title) {
        (Some(zh), _) if chinese => zh.clone(),
        (_, Some(title)) => title.clone(),
        (Some(zh), None) => zh.clone(),
        (None, None) => t.untitled.to_owned(),
    };
    let title_lang = if chinese { "zh-CN" } else { "" };
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
    let full = props.variant == Variant::Full;
    html! {
        <article class="citecard" part="card" lang={ui.tag()} data-theme={props.theme.id()}
            data-variant={props.variant.id()} aria-labelledby={title_id.clone()} data-testid="citation-card">
            <div class="citecard-head">
                <p class="citecard-type" part="type">{ item_type(reference.item_type, ui) }</p>
                if bilingual {
                    { language_switch(&content, t.content_language) }
                }
            </div>
            <h2 id={title_id} class="citecard-title" part="title" lang={title_lang} data-testid="title">{ title }</h2>
            { authors(reference, &authors_open, &ids.authors, t) }
            { venue(reference, t) }
            if full {
                { badges(reference, t) }
                { identifiers(reference, t, &doi_copied) }
                if let Some(text) = abstract_text {
                    { abstract_section(text, &abstract_open, &ids, chinese, t) }
                }
            }
            <CiteControl reference={props.reference.clone()} lang={ui} style={props.style} />
        </article>
    }
}

/// The item type in the interface language.
fn item_type(item_type: ItemType, lang: Lang) -> &'static str {
    if lang == Lang::En {
        return item_type.label();
    }
    match item_type {
        ItemType::ArticleJournal => "期刊论文",
        ItemType::ArticleMagazine => "杂志文章",
        ItemType::ArticleNewspaper => "报纸文章",
        ItemType::Preprint => "预印本",
        ItemType::Book => "图书",
        ItemType::Chapter => "图书章节",
        ItemType::PaperConference => "会议论文",
        ItemType::Thesis => "学位论文",
        ItemType::Report => "报告",
        ItemType::Webpage => "网页",
        ItemType::Dataset => "数据集",
        ItemType::Software => "软件",
        ItemType::Patent => "专利",
        _ => "文献",
    }
}

/// Element ids that link parts of one card for assistive technology.
struct Ids {
    title: AttrValue,
    authors: AttrValue,
    abstract_body: AttrValue,
    abstract_heading: AttrValue,
}

fn expanded(open: bool) -> &'static str {
    if open {
        "true"
    } else {
        "false"
    }
}

fn toggle(state: &UseStateHandle<bool>) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_: MouseEvent| state.set(!*state))
}

/// EN / 中文 for the title and abstract of a record that has both.
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
        <div class="citecard-lang" role="group" aria-label={label} part="language">
            { button(Lang::En, "EN") }
            { button(Lang::Zh, "中文") }
        </div>
    }
}

/// The first few names, then "+ N more" to show the rest.
fn authors(
    reference: &Reference,
    open: &UseStateHandle<bool>,
    id: &AttrValue,
    t: &Strings,
) -> Html {
    let editors = reference.authors.is_empty();
    let names: &[Name] = if editors {
        &reference.editors
    } else {
        &reference.authors
    };
    if names.is_empty() {
        return Html::default();
    }
    // Never hide a single name behind "+ 1 more".
    let collapsible = names.len() > AUTHORS_SHOWN + 1;
    let shown = if collapsible && !**open {
        &names[..AUTHORS_SHOWN]
    } else {
        names
    };
    // Expanded, at most MAX_NAMES_SHOWN: a list of thousands helps nobody
    // and would cost a long frame.
    let not_shown = shown.len().saturating_sub(MAX_NAMES_SHOWN);
    let mut text = shown[..shown.len() - not_shown]
        .iter()
        .map(Name::display)
        .collect::<Vec<_>>()
        .join(", ");
    if not_shown > 0 {
        text.push_str(", … ");
        text.push_str(&(t.names_not_shown)(not_shown));
    }
    if editors {
        text.push(' ');
        text.push_str(t.editors);
    }
    let more = names.len().saturating_sub(AUTHORS_SHOWN);
    html! {
        <p class="citecard-authors" part="authors">
            <span id={id.clone()} data-testid={if editors { "editors" } else { "authors" }}>{ text }</span>
            if collapsible {
                { " " }
                <button type="button" class="citecard-link-button" aria-expanded={expanded(**open)}
                    aria-controls={id.clone()} onclick={toggle(open)} data-testid="authors-toggle">
                    { if **open { t.fewer_authors.to_owned() } else { format!("+ {more} {}", t.more_authors) } }
                </button>
            }
        </p>
    }
}

/// Journal · year · volume(issue) · pages or article number, as a `<dl>`
/// whose terms are read by screen readers only.
fn venue(reference: &Reference, t: &Strings) -> Html {
    let mut items: Vec<Html> = Vec::new();
    let mut item = |term: &'static str, value: Html| {
        items.push(html! { <div><dt class="citecard-sr">{ term }</dt><dd>{ value }</dd></div> });
    };
    if let Some(journal) = reference
        .container_title
        .as_ref()
        .or(reference.event_title.as_ref())
    {
        item(
            t.journal,
            html! { <cite class="citecard-journal" data-testid="journal">{ journal }</cite> },
        );
    }
    if let Some(genre) = &reference.genre {
        item(t.journal, html! { genre });
    }
    if !matches!(
        reference.item_type,
        ItemType::ArticleJournal | ItemType::ArticleMagazine | ItemType::ArticleNewspaper
    ) {
        if let Some(publisher) = &reference.publisher {
            item(
                t.publisher,
                html! { <span data-testid="publisher">{ publisher }</span> },
            );
        }
    }
    if let Some(date) = reference.issued.or(reference.epub) {
        item(
            t.published,
            html! { <time datetime={date.to_string()}>{ date.year }</time> },
        );
    }
    let volume = match (&reference.volume, &reference.issue) {
        (Some(volume), Some(issue)) => Some(format!("{volume}({issue})")),
        (Some(volume), None) => Some(volume.clone()),
        (None, Some(issue)) => Some(format!("({issue})")),
        (None, None) => None,
    };
    if let Some(volume) = volume {
        item(t.volume, html! { volume });
    }
    if let Some(page) = &reference.page {
        item(t.pages, html! { page.replace('-', "–") });
    } else if let Some(number) = &reference.article_number {
        item(t.pages, html! { format!("{} {number}", t.article) });
    }
    if items.is_empty() {
        return Html::default();
    }
    html! { <dl class="citecard-meta" part="venue" data-testid="venue">{ for items }</dl> }
}

/// One badge: its class, test id, key and value, and its explanation.
struct Badge {
    class: &'static str,
    testid: &'static str,
    key: String,
    value: Option<String>,
    help: &'static str,
}

fn badges(reference: &Reference, t: &Strings) -> Html {
    let metrics = &reference.metrics;
    let mut list: Vec<Badge> = Vec::new();
    if let Some(quartile) = metrics.jcr_quartile {
        list.push(Badge {
            class: match quartile {
                Quartile::Q1 => "citecard-badge citecard-q1",
                Quartile::Q2 => "citecard-badge citecard-q2",
                Quartile::Q3 => "citecard-badge citecard-q3",
                Quartile::Q4 => "citecard-badge citecard-q4",
            },
            testid: "jcr",
            key: format!("{} {quartile}", t.jcr),
            value: metrics.jcr_category.clone(),
            help: t.jcr_help,
        });
    }
    if let Some(impact) = metrics.impact_factor_text() {
        list.push(Badge {
            class: "citecard-badge",
            testid: "impact-factor",
            key: "JIF".to_owned(),
            value: Some(impact),
            help: t.jif_help,
        });
    }
    if let Some(zone) = metrics.cas_zone {
        list.push(Badge {
            class: "citecard-badge",
            testid: "cas-zone",
            key: (t.cas_zone)(zone),
            value: metrics.cas_category.clone(),
            help: t.cas_help,
        });
    }
    if let Some(count) = metrics.citation_count {
        list.push(Badge {
            class: "citecard-badge",
            testid: "citations",
            key: (t.citations)(count),
            value: None,
            help: t.citations_help,
        });
    }
    let open_access = reference.open_access.then(|| {
        let link = reference.pdf_url.as_ref().map(|pdf| {
            let text = if pdf.is_insecure() {
                format!("{} ({})", t.open_access_pdf, t.insecure)
            } else {
                t.open_access_pdf.to_owned()
            };
            html! { <a href={pdf.to_string()} target="_blank" rel="noopener noreferrer">{ text }</a> }
        });
        let help = format!("{}, {}", t.open_access_help, t.as_provided);
        html! {
            <li class="citecard-badge citecard-oa" title={help} data-testid="open-access">
                { link.unwrap_or_else(|| html! { t.open_access }) }
            </li>
        }
    });
    if list.is_empty() && open_access.is_none() {
        return Html::default();
    }
    let help = |b: &str| format!("{b}, {}", t.as_provided);
    let mut legend: Vec<(String, String)> =
        list.iter().map(|b| (b.key.clone(), help(b.help))).collect();
    if open_access.is_some() {
        legend.push((t.open_access.to_owned(), help(t.open_access_help)));
    }
    html! {
        <div class="citecard-metrics" part="badges">
            <ul class="citecard-badges" aria-label={t.metrics}>
                { for list.into_iter().map(|b| html! {
                    <li class={b.class} title={help(b.help)} data-testid={b.testid}>
                        <span class="citecard-badge-key">{ b.key }</span>
                        if let Some(value) = b.value {
                            <span class="citecard-badge-value">{ value }</span>
                        }
                    </li>
                }) }
                { open_access.unwrap_or_default() }
            </ul>
            <details class="citecard-legend" data-testid="legend">
                <summary>{ t.about_metrics }</summary>
                <dl>{ for legend.into_iter().map(|(term, text)| html! { <div><dt>{ term }</dt><dd>{ text }</dd></div> }) }</dl>
            </details>
        </div>
    }
}

fn identifiers(reference: &Reference, t: &Strings, copied: &UseStateHandle<bool>) -> Html {
    let Some(doi) = &reference.doi else {
        return Html::default();
    };
    let onclick = {
        let copied = copied.clone();
        let text = doi.to_string();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            let text = text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(crate::browser::copy_rich(&text, "").await);
            });
        })
    };
    html! {
        <p class="citecard-doi" part="doi">
            <a href={doi.url().to_string()} target="_blank" rel="noopener noreferrer" data-testid="doi-link">
                { format!("doi:{doi}") }
            </a>
            <button type="button" class="citecard-link-button" {onclick} data-testid="copy-doi">{ t.copy_doi }</button>
            <span class="citecard-status" role="status">{ if **copied { t.copied } else { "" } }</span>
        </p>
    }
}

/// The abstract, collapsed to about four lines when long.
fn abstract_section(
    text: &RichText,
    open: &UseStateHandle<bool>,
    ids: &Ids,
    chinese: bool,
    t: &Strings,
) -> Html {
    // Very long abstracts are cut for the card; the record and its exports
    // keep all that was read (up to the 64 KB field limit).
    let shortened = text.truncated(MAX_ABSTRACT_CHARS);
    let text = shortened.as_ref().unwrap_or(text);
    // About four lines of a card 40 characters wide.
    let long = text.truncated(320).is_some() || text.sections.len() > 2;
    let collapsed = long && !**open;
    html! {
        <section class="citecard-abstract" part="abstract" aria-labelledby={ids.abstract_heading.clone()} data-testid="abstract">
            <h3 id={ids.abstract_heading.clone()} class="citecard-abstract-heading">{ t.abstract_heading }</h3>
            <div id={ids.abstract_body.clone()} class={classes!("citecard-abstract-body", collapsed.then_some("citecard-collapsed"))}
                lang={if chinese { "zh-CN" } else { "" }} data-testid="abstract-body">
                { crate::ui::rich_text::rich_text(text) }
            </div>
            if shortened.is_some() && !collapsed {
                <p class="citecard-note" data-testid="abstract-shortened">{ t.abstract_shortened }</p>
            }
            if long {
                <button type="button" class="citecard-link-button" aria-expanded={expanded(**open)}
                    aria-controls={ids.abstract_body.clone()} onclick={toggle(open)} data-testid="abstract-toggle">
                    { if **open { t.show_less } else { t.show_more } }
                </button>
            }
        </section>
    }
}

/// Properties of [`CardSkeleton`].
#[derive(Properties, PartialEq)]
pub struct CardSkeletonProps {
    /// The colour scheme.
    #[prop_or_default]
    pub theme: Theme,
    /// The interface language; the browser's language when `None`.
    #[prop_or_default]
    pub lang: Option<Lang>,
}

/// A placeholder in the card's shape while a record loads.
#[component]
pub fn CardSkeleton(props: &CardSkeletonProps) -> Html {
    let t = props.lang.unwrap_or_else(Lang::from_browser).strings();
    html! {
        <article class="citecard citecard-skeleton" part="card skeleton" data-theme={props.theme.id()}
            aria-busy="true" data-testid="card-skeleton">
            <p class="citecard-sr" role="status">{ t.loading }</p>
            <div class="citecard-bone citecard-bone-type" aria-hidden="true"></div>
            <div class="citecard-bone citecard-bone-title" aria-hidden="true"></div>
            <div class="citecard-bone citecard-bone-line" aria-hidden="true"></div>
            <div class="citecard-bone citecard-bone-short" aria-hidden="true"></div>
        </article>
    }
}
