//! The metrics: JCR quartile and category, impact factor, CAS zone,
//! citations and open access, with the legend that explains them.

use citecard_core::{Quartile, Reference};
use yew::prelude::*;

use crate::ui::i18n::Strings;

/// One badge: its class, test id, key and value, and its explanation.
struct Badge {
    class: &'static str,
    testid: &'static str,
    key: String,
    value: Option<String>,
    help: &'static str,
}

pub(crate) fn badges(reference: &Reference, t: &Strings) -> Html {
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
