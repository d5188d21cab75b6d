//! The abstract, with its labelled sections, collapsed when long.

use citecard_core::RichText;
use yew::prelude::*;

use crate::ui::card::{fold, Ids};
use crate::ui::i18n::Strings;

/// About how many characters of an abstract a card shows (the record keeps
/// up to the 64 KB field limit, and the exports have it all).
const MAX_ABSTRACT_CHARS: usize = 20_000;

/// The abstract, whole in the markup; when long, it shows about four lines
/// until its fold (a `<details>`, which works without script) is opened.
pub(crate) fn abstract_section(text: &RichText, ids: &Ids, chinese: bool, t: &Strings) -> Html {
    // Very long abstracts are cut for the card; the record and its exports
    // keep all that was read (up to the 64 KB field limit).
    let shortened = text.truncated(MAX_ABSTRACT_CHARS);
    let text = shortened.as_ref().unwrap_or(text);
    // About four lines of a card 40 characters wide.
    let long = text.truncated(320).is_some() || text.sections.len() > 2;
    // The language its script tells (enough of the text to tell it).
    let lang = if chinese {
        Some("zh-Hans")
    } else {
        let plain = text.to_plain_text();
        let head: String = plain.chars().take(200).collect();
        citecard_core::script::cjk_lang(&head)
    };
    html! {
        <section class="citecard-abstract" part="abstract" aria-labelledby={ids.abstract_heading.clone()} data-testid="abstract">
            <h3 id={ids.abstract_heading.clone()} class="citecard-abstract-heading">{ t.abstract_heading }</h3>
            // The fold before what it governs (drawn after it): see `card::fold`.
            if long {
                { fold(&ids.abstract_body, t.show_more, t.show_less, "abstract-toggle") }
            }
            <div id={ids.abstract_body.clone()} dir="auto" class="citecard-abstract-body" data-foldable={long.then_some("")}
                lang={lang} data-testid="abstract-body">
                { crate::ui::rich_text::rich_text(text) }
            </div>
            if shortened.is_some() {
                <p class="citecard-note citecard-fold-rest" data-testid="abstract-shortened">{ t.abstract_shortened }</p>
            }
        </section>
    }
}
