//! The author (or editor) line: the first few names, then "+ N more".

use citecard_core::{Name, Reference};
use yew::prelude::*;

use crate::ui::card::fold;
use crate::ui::i18n::Strings;

/// How many authors show before "+ N more".
const AUTHORS_SHOWN: usize = 3;
/// The most names a card lists when its author list is expanded (the
/// exports have them all).
const MAX_NAMES_SHOWN: usize = 100;

/// The first few names, then "+ N more" to show the rest. Every name shown
/// expanded is in the markup; a `<details>` folds them (see [`fold`]), so
/// the list opens with or without script.
pub(crate) fn authors(reference: &Reference, id: &AttrValue, t: &Strings) -> Html {
    let (names, editors) = reference.credited();
    if names.is_empty() {
        return Html::default();
    }
    // Never hide a single name behind "+ 1 more".
    let collapsible = names.len() > AUTHORS_SHOWN + 1;
    let first = if collapsible {
        AUTHORS_SHOWN
    } else {
        names.len()
    };
    // Expanded, at most MAX_NAMES_SHOWN: a list of thousands helps nobody
    // and would cost a long frame.
    let listed = names.len().min(MAX_NAMES_SHOWN);
    let join = |names: &[Name]| {
        names
            .iter()
            .map(Name::display)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let shown = join(&names[..first]);
    let mut rest = String::new();
    if collapsible {
        rest.push_str(", ");
        rest.push_str(&join(&names[first..listed]));
        if names.len() > listed {
            rest.push_str(", … ");
            rest.push_str(&(t.names_not_shown)(names.len() - listed));
        }
    }
    let role = editors.then(|| format!(" {}", (t.editors)(names.len())));
    let more = names.len() - first;
    // The fold first (drawn last): see `card::fold`.
    html! {
        <div class="citecard-authors" part="authors" dir="auto">
            if collapsible {
                { fold(id, &format!("+ {more} {}", t.more_authors), t.fewer_authors, "authors-toggle") }
            }
            <span id={id.clone()} data-testid={if editors { "editors" } else { "authors" }}>
                { shown }
                if collapsible {
                    <span class="citecard-fold-rest">{ rest }</span>
                }
                { role.unwrap_or_default() }
            </span>
        </div>
    }
}
