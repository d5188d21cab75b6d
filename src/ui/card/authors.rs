//! The author (or editor) line: the first few names, then "+ N more".

use citecard_core::{Name, Reference};
use yew::prelude::*;

use crate::ui::card::{expanded, toggle};
use crate::ui::i18n::Strings;

/// How many authors show before "+ N more".
const AUTHORS_SHOWN: usize = 3;
/// The most names a card lists when its author list is expanded (the
/// exports have them all).
const MAX_NAMES_SHOWN: usize = 100;

/// The first few names, then "+ N more" to show the rest.
pub(crate) fn authors(
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
        text.push_str((t.editors)(names.len()));
    }
    let more = names.len().saturating_sub(AUTHORS_SHOWN);
    html! {
        <p class="citecard-authors" part="authors" dir="auto">
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
