//! The placeholder in the card's shape while a record loads.

use yew::prelude::*;

use crate::ui::i18n::Lang;
use crate::ui::options::{Theme, Variant};

/// Properties of [`CardSkeleton`].
#[derive(Properties, PartialEq)]
pub struct CardSkeletonProps {
    /// The colour scheme.
    #[prop_or_default]
    pub theme: Theme,
    /// The interface language; the browser's language when `None`.
    #[prop_or_default]
    pub lang: Option<Lang>,
    /// The variant of the card to come, whose height the skeleton keeps.
    #[prop_or_default]
    pub variant: Variant,
}

/// A placeholder in the card's shape while a record loads.
#[component]
pub fn CardSkeleton(props: &CardSkeletonProps) -> Html {
    let t = props.lang.unwrap_or_else(Lang::from_page).strings();
    html! {
        <article class="citecard citecard-skeleton" part="card skeleton" data-theme={props.theme.id()}
            data-variant={props.variant.id()}
            aria-busy="true" data-testid="card-skeleton">
            <p class="citecard-sr" role="status">{ t.loading }</p>
            <div class="citecard-bone citecard-bone-type" aria-hidden="true"></div>
            <div class="citecard-bone citecard-bone-title" aria-hidden="true"></div>
            <div class="citecard-bone citecard-bone-line" aria-hidden="true"></div>
            <div class="citecard-bone citecard-bone-short" aria-hidden="true"></div>
        </article>
    }
}
