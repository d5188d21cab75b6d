//! Every record in a text, each as a card.

use std::rc::Rc;

use citecard_core::{parse_with, Format};
use yew::prelude::*;

use crate::ui::card::CitationCard;
use crate::ui::error_card::ErrorCard;

/// Properties of [`RecordCards`].
#[derive(Properties, PartialEq)]
pub struct RecordCardsProps {
    /// Record text in any supported format.
    pub input: AttrValue,
    /// Read the input as this format instead of detecting it.
    #[prop_or_default]
    pub format: Option<Format>,
}

/// Parse `input` with the core and render a card for every record, or an
/// error card in place of each record that could not be read.
#[component]
pub fn RecordCards(props: &RecordCardsProps) -> Html {
    let parsed = use_memo((props.input.clone(), props.format), |(input, format)| {
        parse_with(input, *format, crate::html::tokenizer()).map(|document| {
            document
                .records
                .into_iter()
                .map(|record| record.map(|r| Rc::new(r.reference)))
                .collect::<Vec<_>>()
        })
    });
    match &*parsed {
        Err(error) => html! { <ErrorCard error={error.clone()} input={props.input.clone()} /> },
        Ok(records) => html! {
            <div class="citecard-list">
                { for records.iter().map(|record| match record {
                    Ok(reference) => html! { <CitationCard reference={reference.clone()} /> },
                    Err(error) => html! { <ErrorCard error={error.clone()} input={props.input.clone()} /> },
                }) }
            </div>
        },
    }
}
