//! The DOI line: the DOI as a link, and a button that copies it.

use citecard_core::Doi;
use yew::prelude::*;

use crate::ui::hooks::{CopyState, UseCopyHandle};
use crate::ui::i18n::Strings;

/// The DOI, linked to its resolver, with a button that copies it (which
/// needs script: see `citecard-scripted`).
pub(crate) fn doi_line(doi: &Doi, copy: &UseCopyHandle, t: &Strings) -> Html {
    html! {
        <p class="citecard-doi" part="doi">
            <a href={doi.url().to_string()} target="_blank" rel="noopener noreferrer" data-testid="doi-link">
                // As Crossref's display guidelines ask: the DOI as its link.
                { doi.url().to_string() }
            </a>
            <button type="button" class="citecard-link-button citecard-scripted" onclick={copy.on_click(doi.to_string(), String::new())}
                data-testid="copy-doi">{ t.copy_doi }</button>
            <span class="citecard-status" role="status">{ if copy.state() == CopyState::Copied { t.copied } else { "" } }</span>
        </p>
    }
}
