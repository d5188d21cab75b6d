//! What the list says about records it does not show as entries of their
//! own: duplicates merged into another entry, and records that could not be
//! read. Nothing leaves the list silently.

use citecard_core::list::duplicates::Reason;
use citecard_core::Reference;
use yew::prelude::*;

use crate::ui::i18n::Lang;
use crate::ui::list::catalogue::Catalogue;
use crate::ui::list::strings::list_strings;

/// A record's title for a note.
fn title(reference: &Reference, untitled: &str) -> String {
    reference
        .title
        .clone()
        .or_else(|| reference.title_zh.clone())
        .unwrap_or_else(|| untitled.to_owned())
}

/// The merges and the unreadable records, each a `<details>` listing them
/// (which opens with or without script).
pub(crate) fn notes(catalogue: &Catalogue, lang: Lang) -> Html {
    let (t, c) = (list_strings(lang), lang.strings());
    let merges = &catalogue.works.merges;
    let failed = &catalogue.failed;
    if merges.is_empty() && failed.is_empty() {
        return Html::default();
    }
    let references = &catalogue.references;
    html! {
        <div class="citecard-list-notes">
            if !merges.is_empty() {
                <details class="citecard-list-note" data-testid="merged">
                    <summary>{ (t.merged)(merges.len()) }</summary>
                    <ul>{ for merges.iter().map(|merge| {
                        let into = title(&references[merge.into], c.untitled);
                        let why = match merge.reason {
                            Reason::SameDoi => (t.same_doi)(&into),
                            Reason::PreprintOf => (t.preprint_of)(&into),
                        };
                        html! { <li>{ format!("“{}”: {why}", title(&references[merge.record], c.untitled)) }</li> }
                    }) }</ul>
                </details>
            }
            if !failed.is_empty() {
                <details class="citecard-list-note citecard-list-failed" data-testid="unreadable">
                    <summary>{ (t.unreadable)(failed.len()) }</summary>
                    <ul>{ for failed.iter().map(|error| html! {
                        <li>{ format!("{}: {}", (c.location)(error.span.line, error.span.column), error.kind) }</li>
                    }) }</ul>
                </details>
            }
        </div>
    }
}
