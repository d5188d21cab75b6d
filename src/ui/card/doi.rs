//! The DOI line: the DOI as a link, and a button that copies it.

use citecard_core::Doi;
use yew::prelude::*;

use crate::ui::hooks::{use_copy, CopyState};
use crate::ui::i18n::Lang;

/// Properties of [`DoiLine`].
#[derive(Properties, PartialEq)]
pub(crate) struct DoiLineProps {
    pub(crate) doi: Doi,
    pub(crate) lang: Lang,
}

/// The DOI, linked to its resolver, with a copy button.
#[component]
pub(crate) fn DoiLine(props: &DoiLineProps) -> Html {
    let t = props.lang.strings();
    let copy = use_copy();
    let doi = &props.doi;
    html! {
        <p class="citecard-doi" part="doi">
            <a href={doi.url().to_string()} target="_blank" rel="noopener noreferrer" data-testid="doi-link">
                { format!("doi:{doi}") }
            </a>
            <button type="button" class="citecard-link-button" onclick={copy.on_click(doi.to_string(), String::new())}
                data-testid="copy-doi">{ t.copy_doi }</button>
            <span class="citecard-status" role="status">{ if copy.state() == CopyState::Copied { t.copied } else { "" } }</span>
        </p>
    }
}
