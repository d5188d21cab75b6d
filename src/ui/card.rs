//! The citation card for one reference.

use std::rc::Rc;

use citecard_core::{ItemType, Quartile, Reference, RichText};
use yew::prelude::*;

/// Properties of [`CitationCard`].
#[derive(Properties, PartialEq)]
pub struct CitationCardProps {
    /// The reference to show.
    pub reference: Rc<Reference>,
}

/// A card showing one reference: title (linked to its DOI), authors, venue,
/// journal metrics, DOI and abstract. Absent fields leave no empty label.
#[component]
pub fn CitationCard(props: &CitationCardProps) -> Html {
    let reference = &*props.reference;
    let link = reference.link();
    let title = reference
        .title
        .clone()
        .unwrap_or_else(|| "Untitled record".to_owned());
    let title = match &link {
        Some(url) => html! {
            <a class="citecard-title-link" href={url.to_string()} target="_blank" rel="noopener noreferrer" data-testid="title-link">{ title }</a>
        },
        None => html! { title },
    };

    html! {
        <article class="citecard" part="card" data-testid="citation-card">
            <p class="citecard-type">{ reference.item_type.label() }</p>
            <h2 class="citecard-title" data-testid="title">{ title }</h2>
            { authors(reference) }
            { venue(reference) }
            { badges(reference) }
            { identifiers(reference) }
            { abstract_section(reference.abstract_text.as_ref()) }
            <crate::ui::cite::CiteControl reference={props.reference.clone()} />
        </article>
    }
}

fn authors(reference: &Reference) -> Html {
    let names = |names: &[citecard_core::Name]| {
        names
            .iter()
            .map(|n| n.display())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (reference.authors.is_empty(), reference.editors.is_empty()) {
        (false, _) => html! {
            <p class="citecard-authors" data-testid="authors">{ names(&reference.authors) }</p>
        },
        (true, false) => html! {
            <p class="citecard-authors" data-testid="editors">{ format!("{} (ed.)", names(&reference.editors)) }</p>
        },
        (true, true) => Html::default(),
    }
}

/// "Journal · 2022 · 41(1) · 12–34", or for books and reports
/// "Book title · Publisher · 2020 · 101–118".
fn venue(reference: &Reference) -> Html {
    let mut parts: Vec<Html> = Vec::new();
    if let Some(journal) = reference
        .container_title
        .as_ref()
        .or(reference.event_title.as_ref())
    {
        parts.push(
            html! { <cite class="citecard-journal" data-testid="journal">{ journal }</cite> },
        );
    }
    if let Some(genre) = &reference.genre {
        parts.push(html! { <span>{ genre }</span> });
    }
    if !matches!(
        reference.item_type,
        ItemType::ArticleJournal | ItemType::ArticleMagazine | ItemType::ArticleNewspaper
    ) {
        if let Some(publisher) = &reference.publisher {
            parts.push(html! { <span data-testid="publisher">{ publisher }</span> });
        }
    }
    if let Some(date) = reference.issued.or(reference.epub) {
        parts.push(html! { <time datetime={date.to_string()}>{ date.year }</time> });
    }
    let volume = match (&reference.volume, &reference.issue) {
        (Some(volume), Some(issue)) => Some(format!("{volume}({issue})")),
        (Some(volume), None) => Some(volume.clone()),
        (None, Some(issue)) => Some(format!("({issue})")),
        (None, None) => None,
    };
    if let Some(volume) = volume {
        parts.push(html! { <span>{ volume }</span> });
    }
    if let Some(page) = &reference.page {
        parts.push(html! { <span>{ page.replace('-', "–") }</span> });
    } else if let Some(number) = &reference.article_number {
        parts.push(html! { <span>{ format!("Article {number}") }</span> });
    }
    if parts.is_empty() {
        return Html::default();
    }
    let mut items = Vec::with_capacity(parts.len() * 2);
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            items.push(html! { <span class="citecard-sep" aria-hidden="true">{ " · " }</span> });
        }
        items.push(part);
    }
    html! { <p class="citecard-venue" data-testid="venue">{ for items }</p> }
}

fn badges(reference: &Reference) -> Html {
    let metrics = &reference.metrics;
    let mut items: Vec<Html> = Vec::new();
    if let Some(quartile) = metrics.jcr_quartile {
        let class = match quartile {
            Quartile::Q1 => "citecard-badge citecard-q1",
            Quartile::Q2 => "citecard-badge citecard-q2",
            Quartile::Q3 => "citecard-badge citecard-q3",
            Quartile::Q4 => "citecard-badge citecard-q4",
        };
        let tip = format!(
            "JCR quartile {quartile}: the journal's rank by impact factor within its Web of Science category ({} = top 25%), as provided by the record",
            Quartile::Q1
        );
        items.push(html! {
            <li class={class} title={tip} data-testid="jcr">
                <span class="citecard-badge-key">{ format!("JCR {quartile}") }</span>
                if let Some(category) = &metrics.jcr_category {
                    <span class="citecard-badge-value">{ category }</span>
                }
            </li>
        });
    }
    if let Some(impact) = metrics.impact_factor_text() {
        items.push(html! {
            <li class="citecard-badge" title="Journal Impact Factor (Clarivate JCR), as provided by the record" data-testid="impact-factor">
                <span class="citecard-badge-key">{ "JIF" }</span>
                <span class="citecard-badge-value">{ impact }</span>
            </li>
        });
    }
    if let Some(zone) = metrics.cas_zone {
        items.push(html! {
            <li class="citecard-badge" title="CAS (中科院) journal zone: 1 is the top 5% of its discipline, 4 the rest; as provided by the record" data-testid="cas-zone">
                <span class="citecard-badge-key">{ format!("CAS Zone {zone}") }</span>
                if let Some(category) = &metrics.cas_category {
                    <span class="citecard-badge-value">{ category }</span>
                }
            </li>
        });
    }
    if let Some(count) = metrics.citation_count {
        let label = if count == 1 { "citation" } else { "citations" };
        items.push(html! {
            <li class="citecard-badge" title="Citation count, as provided by the record" data-testid="citations">
                <span class="citecard-badge-value">{ format!("{count} {label}") }</span>
            </li>
        });
    }
    if reference.open_access {
        let badge = match &reference.pdf_url {
            Some(pdf) => html! {
                <a href={pdf.to_string()} target="_blank" rel="noopener noreferrer">{ "Open Access PDF" }</a>
            },
            None => html! { "Open Access" },
        };
        items.push(html! {
            <li class="citecard-badge citecard-oa" title="Free to read, as provided by the record" data-testid="open-access">{ badge }</li>
        });
    }
    if items.is_empty() {
        return Html::default();
    }
    html! { <ul class="citecard-badges" aria-label="Journal metrics">{ for items }</ul> }
}

fn identifiers(reference: &Reference) -> Html {
    let Some(doi) = &reference.doi else {
        return Html::default();
    };
    html! {
        <p class="citecard-doi">
            <a href={doi.url().to_string()} target="_blank" rel="noopener noreferrer" data-testid="doi-link">
                { format!("doi:{doi}") }
            </a>
        </p>
    }
}

fn abstract_section(text: Option<&RichText>) -> Html {
    let Some(text) = text else {
        return Html::default();
    };
    html! {
        <section class="citecard-abstract" data-testid="abstract">
            <h3 class="citecard-abstract-heading">{ "Abstract" }</h3>
            { crate::ui::rich_text::rich_text(text) }
        </section>
    }
}
