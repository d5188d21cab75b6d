//! The list's search box, order menu and filter chips, and the live count of
//! what they leave.

use std::rc::Rc;

use citecard_core::list::order::SortBy;
use citecard_core::{ItemType, Quartile};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::card::expanded;
use crate::ui::i18n::Lang;
use crate::ui::list::strings::list_strings;
use crate::ui::list::view::View;

/// What the filters can offer: the types, years and quartiles the list has.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Facets {
    /// The entries' types, in CSL's order.
    pub types: Vec<ItemType>,
    /// Their years, newest first.
    pub years: Vec<i32>,
    /// Their JCR quartiles.
    pub quartiles: Vec<Quartile>,
    /// Whether any is open access.
    pub open_access: bool,
}

/// Properties of [`ListToolbar`].
#[derive(Properties, PartialEq)]
pub struct ListToolbarProps {
    /// The reader's view.
    pub view: Rc<View>,
    /// The list's own order (when the view picks none).
    pub sort: SortBy,
    /// What the filters offer.
    pub facets: Rc<Facets>,
    /// How many entries are shown, and of how many.
    pub count: (usize, usize),
    /// The interface language.
    pub lang: Lang,
    /// Told the new view on every change.
    pub on_change: Callback<View>,
}

/// The value of the `<select>` or `<input>` an event came from (the
/// toolbar's and Export's controls).
pub(crate) fn value(event: &Event) -> String {
    let target = event.target();
    if let Some(input) = target
        .clone()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        return input.value();
    }
    target
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|select| select.value())
        .unwrap_or_default()
}

/// `items` with `item` added, or taken out when it is there.
fn toggled<T: PartialEq + Clone>(items: &[T], item: &T) -> Vec<T> {
    if items.contains(item) {
        items.iter().filter(|i| *i != item).cloned().collect()
    } else {
        let mut items = items.to_vec();
        items.push(item.clone());
        items
    }
}

/// Search, order, filters and count. Each chip is a toggle button
/// (`aria-pressed`); the year range is two menus; the count is a live region.
#[component]
pub fn ListToolbar(props: &ListToolbarProps) -> Html {
    let t = list_strings(props.lang);
    let view = &*props.view;
    // A change to one part of the view, told with the rest kept.
    let change = |edit: fn(&mut View, &str)| {
        let (view, on_change) = (props.view.clone(), props.on_change.clone());
        move |text: String| {
            let mut next = (*view).clone();
            edit(&mut next, &text);
            on_change.emit(next);
        }
    };
    let on_search = {
        let change = change(|v, text| v.query = text.to_owned());
        Callback::from(move |e: InputEvent| change(value(&e)))
    };
    let on_sort = {
        let change = change(|v, id| v.sort = SortBy::from_id(id));
        Callback::from(move |e: Event| change(value(&e)))
    };
    let on_from = {
        let change = change(|v, year| v.from = year.parse().ok());
        Callback::from(move |e: Event| change(value(&e)))
    };
    let on_to = {
        let change = change(|v, year| v.to = year.parse().ok());
        Callback::from(move |e: Event| change(value(&e)))
    };
    let chip = |label: String, pressed: bool, next: View, testid: String| {
        let on_change = props.on_change.clone();
        html! {
            <button type="button" class="citecard-cite-style citecard-chip" aria-pressed={expanded(pressed)} data-testid={testid}
                onclick={Callback::from(move |_: MouseEvent| on_change.emit(next.clone()))}>{ label }</button>
        }
    };
    let facets = &props.facets;
    let types = facets.types.iter().map(|item_type| {
        let next = View {
            types: toggled(&view.types, item_type),
            ..view.clone()
        };
        chip(
            props.lang.item_type(*item_type).to_owned(),
            view.types.contains(item_type),
            next,
            format!("filter-type-{}", item_type.csl_name()),
        )
    });
    let quartiles = facets.quartiles.iter().map(|q| {
        let next = View {
            quartiles: toggled(&view.quartiles, q),
            ..view.clone()
        };
        chip(
            q.as_str().to_owned(),
            view.quartiles.contains(q),
            next,
            format!("filter-{}", q.as_str().to_ascii_lowercase()),
        )
    });
    let year_menu = |label: &'static str,
                     chosen: Option<i32>,
                     onchange: Callback<Event>,
                     testid: &'static str| {
        html! {
            <label class="citecard-list-year">
                <span>{ label }</span>
                <select {onchange} data-testid={testid}>
                    <option value="" selected={chosen.is_none()}>{ t.any_year }</option>
                    { for facets.years.iter().map(|year| html! {
                        <option value={year.to_string()} selected={chosen == Some(*year)}>{ year.to_string() }</option>
                    }) }
                </select>
            </label>
        }
    };
    let sort = view.sort.unwrap_or(props.sort);
    let clear = {
        let on_change = props.on_change.clone();
        Callback::from(move |_: MouseEvent| on_change.emit(View::default()))
    };
    let (shown, total) = props.count;
    html! {
        <div class="citecard-list-tools" part="list-tools">
            <div class="citecard-list-find">
                <input type="search" class="citecard-list-search" aria-label={t.search} placeholder={t.search_hint}
                    value={view.query.clone()} oninput={on_search} data-testid="list-search" />
                <label class="citecard-list-sort">
                    <span>{ t.sort }</span>
                    <select onchange={on_sort} data-testid="list-sort">
                        { for SortBy::ALL.into_iter().map(|s| html! {
                            <option value={s.id()} selected={s == sort}>{ (t.sort_by)(s) }</option>
                        }) }
                    </select>
                </label>
            </div>
            <div class="citecard-list-filters" role="group" aria-label={t.filters}>
                if facets.types.len() > 1 {
                    <div class="citecard-chips" role="group" aria-label={t.type_filter}>{ for types }</div>
                }
                if facets.years.len() > 1 {
                    <div class="citecard-chips" role="group" aria-label={t.years}>
                        { year_menu(t.from, view.from, on_from, "filter-from") }
                        { year_menu(t.to, view.to, on_to, "filter-to") }
                    </div>
                }
                if !facets.quartiles.is_empty() {
                    <div class="citecard-chips" role="group" aria-label={t.quartile}>{ for quartiles }</div>
                }
                if facets.open_access {
                    { chip(t.open_access_only.to_owned(), view.open_access,
                        View { open_access: !view.open_access, ..view.clone() }, "filter-oa".to_owned()) }
                }
                if view.is_filtered() || !view.query.is_empty() {
                    <button type="button" class="citecard-link-button" onclick={clear} data-testid="filter-clear">{ t.clear }</button>
                }
            </div>
            <p class="citecard-list-count" role="status" aria-live="polite" data-testid="list-count">{ (t.count)(shown, total) }</p>
        </div>
    }
}
