//! A publication list: every record of a `.bib`, `.ris`, BookSci or any
//! other supported export as one list, grouped (by year or type) and
//! sorted, searchable and filterable, with the page's owner highlighted,
//! duplicates merged (and said), and each entry opening into its full card.
//!
//! The rules (search, highlight, duplicates, order) are the core's
//! (`citecard_core::list`); this is their view. Each part has its file:
//! `options` (the attributes), `view` (search and filters, kept in the URL
//! fragment), `catalogue` (what is worked out once per input), `toolbar`,
//! `entry` (a row), `export`, `notes` (merges, unreadable records), `page`
//! (the URL fragment and scrolling) and `strings` (EN/中文).

mod catalogue;
mod entry;
mod export;
mod notes;
pub mod options;
mod page;
mod strings;
mod toolbar;
pub mod view;

use std::rc::Rc;

use citecard_core::list::highlight::Person;
use citecard_core::list::order::{GroupBy, Heading};
use citecard_core::list::search::Query;
use citecard_core::{ParseError, Reference};
use yew::prelude::*;

use crate::ui::error_card::{load_error_card, ErrorCard};
use crate::ui::hooks::use_records;
use crate::ui::hooks::use_records::{Card, Parsed};
use crate::ui::i18n::Lang;
use crate::ui::next_id;
use crate::ui::options::CardOptions;

use catalogue::Catalogue;
use entry::ListEntry;
use export::ListExport;
pub use options::ListOptions;
use strings::list_strings;
use toolbar::ListToolbar;
use view::View;

/// Properties of [`PublicationList`].
#[derive(Properties, PartialEq)]
pub struct PublicationListProps {
    /// Records in any supported format, any number up to the record limit.
    pub input: AttrValue,
    /// The card's options: format (detected when `None`), style, theme,
    /// variant and language, for the list and every card it opens.
    #[prop_or_default]
    pub options: CardOptions,
    /// The list's own options: grouping, order, highlight, selected entries,
    /// search, page size.
    #[prop_or_default]
    pub list: ListOptions,
    /// Why the records could not be had at all (a `src` that answered 404):
    /// an error card with this message instead.
    #[prop_or_default]
    pub failure: Option<AttrValue>,
    /// Told once the list has every entry read and its first page drawn:
    /// the embed then puts it in place of a list rendered ahead of time.
    #[prop_or_default]
    pub on_ready: Option<Callback<()>>,
}

/// An `Rc` compared by address: the same record or catalogue, not an equal
/// one. Props and memo keys compare this way, so that a keystroke does not
/// compare a thousand records field by field.
pub(crate) struct Same<T>(pub(crate) Rc<T>);

impl<T> Clone for Same<T> {
    fn clone(&self) -> Self {
        Same(self.0.clone())
    }
}

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The records of the entries whose cards are open.
#[derive(Default)]
struct Open(Vec<usize>);

/// Open or close an entry's card, or open it (a permalink's target).
enum Opening {
    Toggle(usize),
    Show(usize),
}

impl Reducible for Open {
    type Action = Opening;

    fn reduce(self: Rc<Self>, action: Opening) -> Rc<Self> {
        let mut open = self.0.clone();
        match action {
            Opening::Toggle(record) if open.contains(&record) => open.retain(|&r| r != record),
            Opening::Toggle(record) | Opening::Show(record) if !open.contains(&record) => {
                open.push(record)
            }
            _ => return self,
        }
        Rc::new(Open(open))
    }
}

/// The rows drawn in the task that builds the list; the rest of the first
/// page follows in the next task, so that neither is long. The server
/// renderer draws every entry at once: a page rendered ahead of time shows
/// them all without script (and to search engines).
#[cfg(target_arch = "wasm32")]
const FIRST_ROWS: usize = 12;
#[cfg(not(target_arch = "wasm32"))]
const FIRST_ROWS: usize = usize::MAX;

/// The entries the first page shows: the page size in the browser, every
/// entry on the server (see [`FIRST_ROWS`]).
fn first_page(page_size: usize) -> usize {
    if cfg!(target_arch = "wasm32") {
        page_size
    } else {
        usize::MAX
    }
}

/// The groups shown: each heading with its entries' records, filtered.
type Shown = Vec<(Heading, Vec<usize>)>;

/// The list, from its records to its rows. It reads every record (long
/// inputs in tasks of their own, BibTeX in its module), works out the
/// entries once, then filters and pages them on every change.
#[component]
pub fn PublicationList(props: &PublicationListProps) -> Html {
    // In the browser the core folds text with the browser's normalization
    // (the wasm carries no Unicode tables); on the server, with its own.
    #[cfg(target_arch = "wasm32")]
    page::normalize_with_the_browser();
    let ui = props.options.lang.unwrap_or_else(Lang::from_page);
    // The language found once, for every row and card (each would otherwise
    // ask the page again).
    let options = CardOptions {
        lang: Some(ui),
        ..props.options
    };
    let t = list_strings(ui);
    let records = use_records(&props.input, options.format, usize::MAX);
    // The catalogue is made once every record is read.
    let complete = records
        .filter(|parsed| match &**parsed {
            Ok(cards) => !cards.iter().any(|c| matches!(c, Card::NotRead(_))),
            Err(_) => true,
        })
        .map(Same);
    let catalogue: Rc<Option<Result<Rc<Catalogue>, ParseError>>> =
        use_memo(complete, |complete: &Option<Same<Parsed>>| {
            complete.as_ref().map(|parsed| match &*parsed.0 {
                Ok(cards) => Ok(Rc::new(Catalogue::new(cards))),
                Err(error) => Err(error.clone()),
            })
        });
    let view = use_state(View::default);
    let shown = use_state(|| first_page(props.list.page_size));
    let drawn = use_state(|| FIRST_ROWS);
    let open = use_reducer(Open::default);
    // A permalink's key, until its entry is found; then the anchor to reveal.
    let target = use_state(|| None::<String>);
    let reveal = use_state(|| None::<String>);
    let root = use_node_ref();
    let ids = use_state(|| next_id("citecard-list"));
    let owners: Rc<Vec<Person>> = use_memo(props.list.highlight.clone(), |names| {
        names.split(';').filter_map(Person::parse).collect()
    });
    // The fragment, read after the first render (which the server's
    // rendering matches) and whenever it changes.
    {
        let (view, target) = (view.clone(), target.clone());
        use_effect_with((), move |_| {
            let read = move || {
                let fragment = page::fragment();
                match View::from_fragment(&fragment) {
                    Some(next) => view.set(next),
                    None if !fragment.is_empty() => {
                        view.set(View::default());
                        target.set(Some(page::decoded_fragment()));
                    }
                    None => {}
                }
            };
            read.clone()();
            page::on_fragment_change(read)
        });
    }
    let catalogue_now: Option<Rc<Catalogue>> = match &*catalogue {
        Some(Ok(catalogue)) => Some(catalogue.clone()),
        _ => None,
    };
    let group_by = props.list.group_by;
    let sort = view.sort.unwrap_or(props.list.sort);
    let arranged = use_memo(
        (catalogue_now.clone().map(Same), group_by, sort),
        |(catalogue, group_by, sort)| {
            catalogue
                .as_ref()
                .map(|c| c.0.arrange(*group_by, *sort))
                .unwrap_or_default()
        },
    );
    let query: Rc<Option<Rc<Query>>> =
        use_memo(view.query.clone(), |text| Query::new(text).map(Rc::new));
    let filtered: Rc<Shown> = use_memo(
        (
            catalogue_now.clone().map(Same),
            Same(arranged.clone()),
            (*view).clone(),
            query.clone(),
        ),
        |(catalogue, arranged, view, query)| {
            let Some(catalogue) = catalogue else {
                return Vec::new();
            };
            let catalogue = &catalogue.0;
            arranged
                .0
                .iter()
                .map(|group| {
                    let records = group
                        .entries
                        .iter()
                        .copied()
                        .filter(|&r| {
                            view.keeps(
                                &catalogue.references[r],
                                &catalogue.haystacks[r],
                                query.as_deref(),
                            )
                        })
                        .collect::<Vec<_>>();
                    (group.heading, records)
                })
                .filter(|(_, records)| !records.is_empty())
                .collect()
        },
    );
    // What Export writes: the entries shown (all pages), or every entry.
    let export_shown = use_memo(
        (catalogue_now.clone().map(Same), Same(filtered.clone())),
        |(catalogue, filtered)| {
            let Some(catalogue) = catalogue else {
                return Vec::new();
            };
            filtered
                .0
                .iter()
                .flat_map(|(_, records)| records.iter().map(|&r| catalogue.0.references[r].clone()))
                .collect::<Vec<Rc<Reference>>>()
        },
    );
    let export_all = use_memo(catalogue_now.clone().map(Same), |catalogue| {
        catalogue.as_ref().map_or_else(Vec::new, |c| {
            c.0.works
                .entries
                .iter()
                .map(|e| c.0.references[e.record].clone())
                .collect::<Vec<Rc<Reference>>>()
        })
    });
    // A permalink's entry: opened, paged in, then brought into view.
    {
        let (open, shown, target, reveal) = (
            open.dispatcher(),
            shown.clone(),
            target.clone(),
            reveal.clone(),
        );
        let arranged = arranged.clone();
        let page_size = props.list.page_size;
        use_effect_with(
            ((*target).clone(), catalogue_now.clone().map(Same)),
            move |(key, catalogue)| {
                if let (Some(key), Some(catalogue)) = (key, catalogue) {
                    if let Some(record) = catalogue.0.find(key) {
                        open.dispatch(Opening::Show(record));
                        let position = arranged
                            .iter()
                            .flat_map(|g| g.entries.iter())
                            .position(|&r| r == record)
                            .unwrap_or(0);
                        if position >= *shown {
                            shown.set((position / page_size + 1) * page_size);
                        }
                        reveal.set(Some(catalogue.0.keys[record].clone()));
                    }
                    target.set(None);
                }
            },
        );
    }
    {
        let (root, reveal) = (root.clone(), reveal.clone());
        use_effect_with((*reveal).clone(), move |anchor| {
            if let Some(anchor) = anchor {
                if let Some(element) = root.cast::<web_sys::Element>() {
                    page::reveal(&element, anchor);
                }
                reveal.set(None);
            }
        });
    }
    {
        let drawn = drawn.clone();
        use_effect_with(catalogue_now.clone().map(Same), move |catalogue| {
            if catalogue.is_some() && *drawn < usize::MAX {
                wasm_bindgen_futures::spawn_local(async move {
                    crate::browser::next_task().await;
                    drawn.set(usize::MAX);
                });
            }
        });
    }
    {
        let on_ready = props.on_ready.clone();
        let ready = catalogue_now.is_some() && *drawn == usize::MAX;
        use_effect_with(ready, move |&ready| {
            if let (true, Some(on_ready)) = (ready, on_ready) {
                on_ready.emit(());
            }
        });
    }
    let on_view = {
        let (view, shown) = (view.clone(), shown.clone());
        let page_size = props.list.page_size;
        Callback::from(move |next: View| {
            page::set_fragment(&next.to_fragment());
            shown.set(page_size);
            view.set(next);
        })
    };
    let on_toggle = {
        let open = open.dispatcher();
        use_callback((), move |record: usize, _| {
            open.dispatch(Opening::Toggle(record))
        })
    };
    if let Some(message) = &props.failure {
        return load_error_card(message, options.theme, options.lang);
    }
    let catalogue = match &*catalogue {
        None => {
            return html! {
                <section class="citecard citecard-publications" part="list" lang={ui.tag()} dir="ltr"
                    data-theme={options.theme.id()} aria-label={t.publications} aria-busy="true" data-testid="publication-list">
                    <p class="citecard-list-loading" data-testid="list-loading">{ t.loading }</p>
                </section>
            }
        }
        Some(Err(error)) => {
            return html! {
                <ErrorCard error={error.clone()} input={props.input.clone()} theme={options.theme} lang={options.lang} />
            }
        }
        Some(Ok(catalogue)) => catalogue.clone(),
    };
    let total = catalogue.works.entries.len();
    let count: usize = filtered.iter().map(|(_, records)| records.len()).sum();
    let row = |record: usize, with_id: bool| {
        html! {
            <ListEntry key={record} reference={Same(catalogue.references[record].clone())} {record}
                anchor={catalogue.keys[record].clone()} {with_id} preprint={catalogue.preprint_of(record).cloned().map(Same)}
                query={(*query).clone()} owners={owners.clone()} {options} open={open.0.contains(&record)}
                on_toggle={on_toggle.clone()} />
        }
    };
    // Pinned entries, in the attribute's order, under the same filters.
    let mut selected: Vec<usize> = Vec::new();
    for key in props.list.selected_keys() {
        if let Some(record) = catalogue.find(key) {
            let keeps = view.keeps(
                &catalogue.references[record],
                &catalogue.haystacks[record],
                query.as_deref(),
            );
            if keeps && !selected.contains(&record) {
                selected.push(record);
            }
        }
    }
    let heading = |heading: Heading| match heading {
        Heading::Year(Some(year)) => year.to_string(),
        Heading::Year(None) => t.undated.to_owned(),
        Heading::Type(item_type) => ui.item_type(item_type).to_owned(),
        Heading::All => t.publications.to_owned(),
    };
    let mut budget = (*shown).min(*drawn);
    let mut groups: Vec<Html> = Vec::new();
    for (index, (h, records)) in filtered.iter().enumerate() {
        if budget == 0 {
            break;
        }
        let take = records.len().min(budget);
        budget -= take;
        let id = format!("{}-{index}", *ids);
        let rows = records[..take].iter().map(|&r| row(r, true));
        let key = format!("{h:?}");
        groups.push(if group_by == GroupBy::None {
            html! { <ol {key} class="citecard-entries" aria-label={t.publications}>{ for rows }</ol> }
        } else {
            html! {
                <section {key} class="citecard-list-group" aria-labelledby={id.clone()} data-testid="list-group">
                    <h2 {id} class="citecard-list-heading" part="list-heading" data-testid="list-heading">{ heading(*h) }</h2>
                    <ol class="citecard-entries">{ for rows }</ol>
                </section>
            }
        });
    }
    let left = count.saturating_sub(*shown);
    let show_more = {
        let shown = shown.clone();
        let page_size = props.list.page_size;
        Callback::from(move |_: MouseEvent| shown.set(*shown + page_size))
    };
    let selected_id = format!("{}-selected", *ids);
    // Every child keyed: when the groups come and go as the reader types,
    // the toolbar (and the search box with its focus) must stay the same
    // elements, not be rebuilt in place.
    let mut children: Vec<Html> = Vec::new();
    if props.list.search {
        children.push(html! {
            <ListToolbar key="tools" view={Rc::new((*view).clone())} sort={props.list.sort} facets={catalogue.facets.clone()}
                count={(count, total)} lang={ui} on_change={on_view} />
        });
    }
    children.push(html! {
        <div key="bar" class="citecard-list-bar">
            <ListExport shown={Same(export_shown)} all={Same(export_all)} lang={ui} />
            { notes::notes(&catalogue, ui) }
        </div>
    });
    if !selected.is_empty() {
        children.push(html! {
            <section key="selected" class="citecard-list-group citecard-list-selected" aria-labelledby={selected_id.clone()} data-testid="list-selected">
                <h2 id={selected_id} class="citecard-list-heading" part="list-heading">{ t.selected }</h2>
                <ol class="citecard-entries">{ for selected.iter().map(|&r| row(r, false)) }</ol>
            </section>
        });
    }
    children.extend(groups);
    if count == 0 {
        children.push(html! { <p key="empty" class="citecard-list-empty" data-testid="list-empty">{ t.nothing_found }</p> });
    }
    if left > 0 {
        children.push(html! {
            <button key="more" type="button" class="citecard-more" onclick={show_more} data-testid="list-more">
                { (t.show_more)(left.min(props.list.page_size), left) }
            </button>
        });
    }
    html! {
        <section ref={root} class="citecard citecard-publications" part="list" lang={ui.tag()} dir="ltr"
            data-theme={options.theme.id()} aria-label={t.publications} data-testid="publication-list">
            { for children }
        </section>
    }
}
