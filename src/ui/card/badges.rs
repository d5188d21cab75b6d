//! The metrics: JCR quartile and category, impact factor, CAS zone,
//! citations and open access, with the legend that explains them.

use citecard_core::{Quartile, Reference};
use yew::prelude::*;

use crate::ui::i18n::Strings;

/// One badge: its quartile (`data-quartile`, which the stylesheet colours
/// it by), test id, key and value, and its explanation.
///
/// The card sets no class chosen at run time: `html!`'s `class={…}` goes
/// through `yew::html::Classes`, an ordered set of names, whose code is
/// 3 KB gzipped of the first card (BENCHMARKS.md). A varying part is a
/// `data-` attribute instead.
struct Badge {
    quartile: Option<Quartile>,
    testid: &'static str,
    key: String,
    value: Option<String>,
    help: &'static str,
}

/// The badges; `ids` is the base of the ids that tie each badge to its
/// explanation in the legend (`aria-describedby`), which keyboard, touch
/// and screen-reader users reach as well as a mouse's tooltip.
pub(crate) fn badges(reference: &Reference, t: &Strings, ids: &str) -> Html {
    let metrics = &reference.metrics;
    let mut list: Vec<Badge> = Vec::new();
    if let Some(quartile) = metrics.jcr_quartile {
        list.push(Badge {
            quartile: Some(quartile),
            testid: "jcr",
            key: format!("{} {quartile}", t.jcr),
            value: metrics.jcr_category.clone(),
            help: t.jcr_help,
        });
    }
    if let Some(impact) = metrics.impact_factor_text() {
        list.push(Badge {
            quartile: None,
            testid: "impact-factor",
            key: "JIF".to_owned(),
            value: Some(impact),
            help: t.jif_help,
        });
    }
    if let Some(zone) = metrics.cas_zone {
        list.push(Badge {
            quartile: None,
            testid: "cas-zone",
            key: (t.cas_zone)(zone),
            value: metrics.cas_category.clone(),
            help: t.cas_help,
        });
    }
    if let Some(count) = metrics.citation_count {
        list.push(Badge {
            quartile: None,
            testid: "citations",
            key: (t.citations)(count),
            value: None,
            help: t.citations_help,
        });
    }
    let described = |testid: &str| format!("{ids}-{testid}");
    let open_access = reference.open_access.then(|| {
        let link = reference.pdf_url.as_ref().map(|pdf| {
            let text = if pdf.is_insecure() {
                t.open_access_pdf_insecure
            } else {
                t.open_access_pdf
            };
            html! { <a href={pdf.to_string()} target="_blank" rel="noopener noreferrer">{ text }</a> }
        });
        html! {
            <li class="citecard-badge citecard-oa" title={t.open_access_help}
                aria-describedby={described("open-access")} data-testid="open-access">
                { open_lock() }
                { link.unwrap_or_else(|| html! { <span>{ t.open_access }</span> }) }
            </li>
        }
    });
    if list.is_empty() && open_access.is_none() {
        return Html::default();
    }
    let mut legend: Vec<(String, &'static str, &'static str)> = list
        .iter()
        .map(|b| (b.key.clone(), b.help, b.testid))
        .collect();
    if open_access.is_some() {
        legend.push((t.open_access.to_owned(), t.open_access_help, "open-access"));
    }
    html! {
        <div class="citecard-metrics" part="badges">
            <ul class="citecard-badges" aria-label={t.metrics}>
                { for list.into_iter().map(|b| html! {
                    <li class="citecard-badge" data-quartile={b.quartile.map(Quartile::as_str)} title={b.help} aria-describedby={described(b.testid)} data-testid={b.testid}>
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
                <dl>{ for legend.into_iter().map(|(term, text, testid)| html! {
                    <div><dt>{ term }</dt><dd id={described(testid)}>{ text }</dd></div>
                }) }</dl>
                <p class="citecard-legend-source" data-testid="figures-source">{ t.figures_source }</p>
            </details>
        </div>
    }
}

/// An open padlock, the sign of open access, drawn in the text colour.
fn open_lock() -> Html {
    html! {
        <svg class="citecard-oa-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M4 7V5a4 4 0 0 1 7.75-1.4l-1.87.7A2 2 0 0 0 6 5v2h6.5A1.5 1.5 0 0 1 14 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 13.5v-5A1.5 1.5 0 0 1 3.5 7H4Zm4 2.5a1.25 1.25 0 0 0-.75 2.25V13h1.5v-1.25A1.25 1.25 0 0 0 8 9.5Z"/>
        </svg>
    }
}
