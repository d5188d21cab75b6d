//! Every record in a text, each as a card.

use std::rc::Rc;

use citecard_core::{parse_with, Format};
use yew::prelude::*;

use crate::ui::card::{CardSkeleton, CitationCard, Theme, Variant};
use crate::ui::error_card::ErrorCard;
use crate::ui::i18n::Lang;

/// Properties of [`RecordCards`].
#[derive(Properties, PartialEq)]
pub struct RecordCardsProps {
    /// Record text in any supported format.
    pub input: AttrValue,
    /// Read the input as this format instead of detecting it.
    #[prop_or_default]
    pub format: Option<Format>,
    /// The citation style the cite panel opens on (unless the reader chose
    /// one before); APA when `None`.
    #[prop_or_default]
    pub style: Option<citecard_core::style::Style>,
    /// The cards' colour scheme.
    #[prop_or_default]
    pub theme: Theme,
    /// Full or compact cards.
    #[prop_or_default]
    pub variant: Variant,
    /// The interface language; the browser's when `None`.
    #[prop_or_default]
    pub lang: Option<Lang>,
}

/// How many cards render at a time.
const CARDS_PER_BATCH: usize = 10;

type Parsed = Result<
    Vec<Result<Rc<citecard_core::Reference>, citecard_core::ParseError>>,
    citecard_core::ParseError,
>;

/// Parse `input` with the core and render a card for every record, or an
/// error card in place of each record that could not be read. BibTeX is read
/// by the BibTeX module, loaded on first need (a skeleton shows meanwhile).
#[component]
pub fn RecordCards(props: &RecordCardsProps) -> Html {
    let bibtex =
        props.format.or_else(|| citecard_core::detect(&props.input)) == Some(Format::BibTeX);
    let parsed = use_memo((props.input.clone(), props.format), |(input, format)| {
        parse_with(input, *format, crate::html::tokenizer()).map(|document| {
            document
                .records
                .into_iter()
                .map(|record| record.map(|r| Rc::new(r.reference)))
                .collect::<Vec<_>>()
        })
    });
    let from_module = use_state(|| None::<(AttrValue, Rc<Parsed>)>);
    {
        let from_module = from_module.clone();
        use_effect_with((props.input.clone(), bibtex), move |(input, bibtex)| {
            if *bibtex && from_module.as_ref().is_none_or(|(done, _)| done != input) {
                let input = input.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let read = crate::bibtex_module::read(&input)
                        .await
                        .map(|records| records.into_iter().map(|r| r.map(Rc::new)).collect());
                    from_module.set(Some((input, Rc::new(read))));
                });
            }
        });
    }
    let parsed: &Parsed = if bibtex {
        match &*from_module {
            Some((done, read)) if *done == props.input => read,
            _ => return html! { <CardSkeleton theme={props.theme} lang={props.lang} /> },
        }
    } else {
        &parsed
    };
    // Cards render in batches, so a thousand records never block the page.
    let shown = use_state(|| CARDS_PER_BATCH);
    let (theme, variant, lang, style) = (props.theme, props.variant, props.lang, props.style);
    let error = |error: &citecard_core::ParseError| {
        html! { <ErrorCard error={error.clone()} input={props.input.clone()} {theme} {lang} /> }
    };
    match parsed {
        Err(e) => error(e),
        Ok(records) => {
            let more = records.len().saturating_sub(*shown);
            let show_more = {
                let shown = shown.clone();
                Callback::from(move |_: MouseEvent| shown.set(*shown + CARDS_PER_BATCH))
            };
            let t = lang.unwrap_or_else(Lang::from_browser).strings();
            html! {
                <div class="citecard-list">
                    { for records.iter().take(*shown).map(|record| match record {
                        Ok(reference) => html! { <CitationCard reference={reference.clone()} {theme} {variant} {lang} {style} /> },
                        Err(e) => error(e),
                    }) }
                    if more > 0 {
                        <button type="button" class="citecard-more" onclick={show_more} data-testid="more-cards">
                            { (t.more_cards)(more.min(CARDS_PER_BATCH), more) }
                        </button>
                    }
                </div>
            }
        }
    }
}
