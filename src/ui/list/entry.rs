//! One entry of a list: a compact row (title linked to its DOI, authors
//! with the page's owner highlighted, venue and year, badges) that opens in
//! place into the full card.

use std::rc::Rc;

use citecard_core::list::annotations::author_annotations;
use citecard_core::list::highlight::Person;
use citecard_core::list::search::Query;
use citecard_core::Reference;
use yew::prelude::*;

use crate::ui::card::{expanded, CitationCard};
use crate::ui::i18n::{Lang, Strings};
use crate::ui::list::strings::{list_strings, ListStrings};
use crate::ui::list::Same;
use crate::ui::options::CardOptions;

/// The most names a row lists; the full card lists up to its own limit.
const NAMES_IN_A_ROW: usize = 20;

/// Properties of [`ListEntry`].
#[derive(Properties, PartialEq)]
pub struct ListEntryProps {
    /// The record shown (compared by address: the list's records stay).
    pub reference: Same<Reference>,
    /// Its index in the list's records (told back on toggle).
    pub record: usize,
    /// Its citation key: the permalink's fragment.
    pub anchor: AttrValue,
    /// Whether the entry carries the anchor as its id (an entry pinned
    /// under "Selected publications" is also in its group, which has it).
    #[prop_or(true)]
    pub with_id: bool,
    /// The preprint of the same work, linked beside it.
    #[prop_or_default]
    pub preprint: Option<Same<Reference>>,
    /// What the reader searches for, marked where found.
    #[prop_or_default]
    pub query: Option<Rc<Query>>,
    /// The page's owner, highlighted among the authors.
    #[prop_or_default]
    pub owners: Rc<Vec<Person>>,
    /// The card's options, for the full card.
    #[prop_or_default]
    pub options: CardOptions,
    /// Whether the full card shows.
    #[prop_or_default]
    pub open: bool,
    /// Told `record` when the reader opens or closes the card.
    pub on_toggle: Callback<usize>,
}

/// `text` with what `query` finds in it marked.
fn marked(text: &str, query: Option<&Query>) -> Html {
    let found = query.map(|q| q.find_in(text)).unwrap_or_default();
    if found.is_empty() {
        return html! { text.to_owned() };
    }
    let mut parts: Vec<Html> = Vec::with_capacity(found.len() * 2 + 1);
    let mut at = 0;
    for range in found {
        parts.push(html! { text[at..range.start].to_owned() });
        parts.push(html! { <mark part="match">{ text[range.clone()].to_owned() }</mark> });
        at = range.end;
    }
    parts.push(html! { text[at..].to_owned() });
    parts.into_iter().collect()
}

/// The authors (or editors), the owner's name (`owned`, by position) in `part="highlight"`, each
/// with the marks the record gives it.
fn authors(
    reference: &Reference,
    owned: &[bool],
    query: Option<&Query>,
    t: &ListStrings,
    c: &Strings,
) -> Html {
    let (names, editors) = reference.credited();
    if names.is_empty() {
        return Html::default();
    }
    let annotations = if editors {
        Vec::new()
    } else {
        author_annotations(reference)
    };
    let shown = names.len().min(NAMES_IN_A_ROW);
    let list = names[..shown].iter().enumerate().map(|(i, name)| {
        let annotation = annotations.get(i).copied().unwrap_or_default();
        let text = marked(&name.display(), query);
        let owner = annotation.highlight || owned.get(i).copied().unwrap_or(false);
        let marks = annotation.marks();
        let meaning: Vec<&str> = [
            annotation.equal.then_some(t.equal_contribution),
            annotation.corresponding.then_some(t.corresponding),
        ]
        .into_iter()
        .flatten()
        .collect();
        html! {
            <>
                if i > 0 { { ", " } }
                if owner {
                    <strong class="citecard-owner" part="highlight" data-testid="highlight">{ text }</strong>
                } else {
                    { text }
                }
                if !marks.is_empty() {
                    <sup class="citecard-mark" title={meaning.join("; ")} aria-label={meaning.join("; ")}>{ marks }</sup>
                }
            </>
        }
    });
    let more = names.len() - shown;
    html! {
        <p class="citecard-entry-authors" dir="auto" data-testid="entry-authors">
            { for list }
            if more > 0 {
                { format!(", … (+{more} {})", c.more_authors) }
            }
            if editors {
                { format!(" {}", (c.editors)(names.len())) }
            }
        </p>
    }
}

/// The row's badges: JCR quartile, impact factor, CAS zone, citations and
/// open access, as short labels (the full card explains them).
fn badges(reference: &Reference, c: &Strings) -> Html {
    let metrics = &reference.metrics;
    // Each with its quartile, which colours it (`data-quartile`: not a
    // class, see `card::badges`).
    let mut badges: Vec<(Option<&'static str>, String, &'static str)> = Vec::new();
    if let Some(q) = metrics.jcr_quartile {
        badges.push((Some(q.as_str()), format!("{} {q}", c.jcr), c.jcr_help));
    }
    if let Some(impact) = metrics.impact_factor_text() {
        badges.push((None, format!("JIF {impact}"), c.jif_help));
    }
    if let Some(zone) = metrics.cas_zone {
        badges.push((None, (c.cas_zone)(zone), c.cas_help));
    }
    if let Some(count) = metrics.citation_count {
        badges.push((None, (c.citations)(count), c.citations_help));
    }
    if badges.is_empty() && !reference.open_access {
        return Html::default();
    }
    html! {
        <ul class="citecard-badges citecard-entry-badges" aria-label={c.metrics} data-testid="entry-badges">
            { for badges.into_iter().map(|(quartile, text, help)| html! {
                <li class="citecard-badge" data-quartile={quartile} title={help}>{ text }</li>
            }) }
            if reference.open_access {
                <li class="citecard-badge citecard-oa" title={c.open_access_help}>{ c.open_access }</li>
            }
        </ul>
    }
}

/// One entry: a compact row, or its full card when open. The toggle is a
/// real button with `aria-expanded`, reached by Tab like any other.
#[component]
pub fn ListEntry(props: &ListEntryProps) -> Html {
    let reference = &*props.reference.0;
    let ui = props.options.lang.unwrap_or_else(Lang::from_page);
    let (t, c) = (list_strings(ui), ui.strings());
    let query = props.query.as_deref();
    // Which names are the owner's: worked out once per record, not on every
    // keystroke's render.
    let owned = use_memo(
        (props.reference.clone(), props.owners.clone()),
        |(reference, owners)| {
            let reference = &reference.0;
            let names = if reference.authors.is_empty() {
                &reference.editors
            } else {
                &reference.authors
            };
            names
                .iter()
                .take(NAMES_IN_A_ROW)
                .map(|name| owners.iter().any(|person| person.matches(name)))
                .collect::<Vec<bool>>()
        },
    );
    let card_id = format!("citecard-entry-{}", props.anchor);
    let toggle = {
        let (on_toggle, record) = (props.on_toggle.clone(), props.record);
        Callback::from(move |_: MouseEvent| on_toggle.emit(record))
    };
    let preprint = props
        .preprint
        .as_ref()
        .and_then(|p| p.0.link())
        .map(|url| html! {
            <a class="citecard-entry-preprint" href={url.to_string()} target="_blank" rel="noopener noreferrer"
                data-testid="preprint">{ t.preprint }</a>
        });
    let actions = html! {
        <div class="citecard-entry-actions">
            <button type="button" class="citecard-cite-toggle citecard-entry-toggle" aria-expanded={expanded(props.open)}
                aria-controls={props.open.then(|| card_id.clone())} onclick={toggle} data-testid="entry-toggle">
                { t.details }
            </button>
            { preprint.unwrap_or_default() }
        </div>
    };
    let card = props.open.then(|| html! {
        <div id={card_id} class="citecard-entry-card" data-testid="entry-card">
            <CitationCard reference={props.reference.0.clone()} options={props.options} heading_level={3} />
        </div>
    });
    let row = (!props.open).then(|| {
        let title = match (&reference.title_zh, &reference.title) {
            (Some(zh), _) if ui == Lang::Zh => zh.as_str(),
            (_, Some(title)) => title.as_str(),
            (Some(zh), None) => zh.as_str(),
            (None, None) => c.untitled,
        };
        let title_html = marked(title, query);
        let title_html = match reference.link() {
            Some(url) => {
                html! { <a href={url.to_string()} target="_blank" rel="noopener noreferrer">{ title_html }</a> }
            }
            None => title_html,
        };
        let venue = reference
            .container_title
            .as_deref()
            .or(reference.event_title.as_deref())
            .or(reference.publisher.as_deref());
        let year = reference.issued.as_ref().map(|d| d.year.to_string());
        html! {
            <div class="citecard-entry-row">
                <h3 class="citecard-entry-title" lang={citecard_core::script::cjk_lang(title)} dir="auto" data-testid="entry-title">
                    { title_html }
                </h3>
                { authors(reference, &owned, query, t, c) }
                <p class="citecard-entry-venue" data-testid="entry-venue">
                    if let Some(venue) = venue {
                        <cite dir="auto">{ marked(venue, query) }</cite>
                    }
                    if let (Some(_), Some(_)) = (venue, &year) { { ", " } }
                    if let Some(year) = year { { marked(&year, query) } }
                </p>
                { badges(reference, c) }
            </div>
        }
    });
    // The row, then the toggle; open, the toggle, then the card: the
    // toggle comes before what it opens, and stays the same element (with
    // the focus) either way.
    html! {
        <li class="citecard-entry" id={props.with_id.then(|| props.anchor.clone())} data-key={props.anchor.clone()}
            data-testid="entry">
            // Where the page's own anchor for this entry goes, when the page
            // has one (`citecard render --list` writes one per record): the
            // browser scrolls `#key` there even without script, which it
            // cannot do to an id inside a shadow root.
            if props.with_id {
                <slot name={props.anchor.clone()} />
            }
            { row.unwrap_or_default() }
            { actions }
            { card.unwrap_or_default() }
        </li>
    }
}
