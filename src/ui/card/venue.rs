//! The venue line: journal · year · volume(issue) · pages.

use citecard_core::{ItemType, Reference};
use yew::prelude::*;

use crate::ui::i18n::Strings;

/// Journal · year · volume(issue) · pages or article number, as a `<dl>`
/// whose terms are read by screen readers only.
pub(crate) fn venue(reference: &Reference, t: &Strings) -> Html {
    let mut items: Vec<Html> = Vec::new();
    // Each item says what it is (`data-meta`), so that the compact card can
    // keep the journal and year and leave out volume and pages. (Not a
    // class: see `badges::Badge`.)
    let mut item = |term: &'static str, value: Html, kind: &'static str| {
        items.push(html! { <div data-meta={kind}><dt class="citecard-sr">{ term }</dt><dd>{ value }</dd></div> });
    };
    if let Some(journal) = reference
        .container_title
        .as_ref()
        .or(reference.event_title.as_ref())
    {
        item(
            t.journal,
            {
                let lang = citecard_core::script::cjk_lang(journal);
                // Styled by its own `lang` attribute (`[lang]`), not by
                // `:lang()`, which a Latin journal would match by inheriting
                // a Chinese interface's language.
                html! {
                    <cite class="citecard-journal" {lang} dir="auto"
                        data-testid="journal">{ journal }</cite>
                }
            },
            "source",
        );
    }
    if let Some(genre) = &reference.genre {
        item(t.journal, html! { genre }, "source");
    }
    if !matches!(
        reference.item_type,
        ItemType::ArticleJournal | ItemType::ArticleMagazine | ItemType::ArticleNewspaper
    ) {
        if let Some(publisher) = &reference.publisher {
            item(
                t.publisher,
                html! { <span data-testid="publisher">{ publisher }</span> },
                "source",
            );
        }
    }
    if let Some(date) = reference.issued.or(reference.epub) {
        // A work published over years shows them all: 2014–2015.
        let end = reference
            .issued_end
            .filter(|end| reference.issued.is_some() && end.year != date.year);
        item(
            t.published,
            html! {
                <>
                    <time datetime={date.to_string()}>{ date.year }</time>
                    if let Some(end) = end {
                        { "–" }<time datetime={end.to_string()}>{ end.year }</time>
                    }
                </>
            },
            "date",
        );
    }
    let volume = match (&reference.volume, &reference.issue) {
        (Some(volume), Some(issue)) => Some(format!("{volume}({issue})")),
        (Some(volume), None) => Some(volume.clone()),
        (None, Some(issue)) => Some(format!("({issue})")),
        (None, None) => None,
    };
    if let Some(volume) = volume {
        item(t.volume, html! { volume }, "volume");
    }
    if let Some(page) = &reference.page {
        item(t.pages, html! { page.replace('-', "–") }, "pages");
    } else if let Some(number) = &reference.article_number {
        item(
            t.pages,
            html! { format!("{} {number}", t.article) },
            "pages",
        );
    }
    if items.is_empty() {
        return Html::default();
    }
    html! { <dl class="citecard-meta" part="venue" data-testid="venue">{ for items }</dl> }
}
