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

/// Inputs longer than this (in bytes) are read in a task of their own, and
/// their first cards rendered in the next, so that neither blocks the page
/// for long (a skeleton shows meanwhile). Smaller inputs, one or a few
/// records, render at once.
const READ_APART_BYTES: usize = 16 * 1024;

type Parsed = Result<
    Vec<Result<Rc<citecard_core::Reference>, citecard_core::ParseError>>,
    citecard_core::ParseError,
>;

/// Read `input` with the core.
fn read(input: &str, format: Option<Format>) -> Parsed {
    parse_with(input, format, crate::html::tokenizer()).map(|document| {
        document
            .records
            .into_iter()
            .map(|record| record.map(|r| Rc::new(r.reference)))
            .collect()
    })
}

/// Parse `input` with the core and render a card for every record, or an
/// error card in place of each record that could not be read. BibTeX is read
/// by the BibTeX module, loaded on first need, and long inputs in a task of
/// their own; a skeleton shows meanwhile.
#[component]
pub fn RecordCards(props: &RecordCardsProps) -> Html {
    // Detected once, here, and handed to the reader. An input over the size
    // limit is an error whatever its format: it is not scanned at all.
    let detected = use_memo((props.input.clone(), props.format), |(input, format)| {
        format.or_else(|| {
            (input.len() <= citecard_core::limits::MAX_INPUT_BYTES)
                .then(|| citecard_core::detect(input))
                .flatten()
        })
    });
    let bibtex = *detected == Some(Format::BibTeX);
    let apart = bibtex || props.input.len() > READ_APART_BYTES;
    let parsed = use_memo(
        (props.input.clone(), *detected, apart),
        |(input, format, apart)| (!apart).then(|| read(input, *format)),
    );
    let read_apart = use_state(|| None::<(AttrValue, Option<Format>, Rc<Parsed>)>);
    {
        let read_apart = read_apart.clone();
        use_effect_with(
            (props.input.clone(), *detected, bibtex, apart),
            move |(input, format, bibtex, apart)| {
                let done = |(i, f, _): &(AttrValue, Option<Format>, _)| i == input && f == format;
                if *apart && !read_apart.as_ref().is_some_and(done) {
                    let (input, format, bibtex) = (input.clone(), *format, *bibtex);
                    wasm_bindgen_futures::spawn_local(async move {
                        let records = if bibtex {
                            crate::bibtex_module::read(&input).await.map(|records| {
                                records.into_iter().map(|r| r.map(Rc::new)).collect()
                            })
                        } else {
                            crate::browser::next_task().await;
                            let records = read(&input, format);
                            crate::browser::next_task().await;
                            records
                        };
                        read_apart.set(Some((input, format, Rc::new(records))));
                    });
                }
            },
        );
    }
    let parsed: &Parsed = match (&*parsed, &*read_apart) {
        (Some(parsed), _) => parsed,
        (None, Some((input, format, records))) if *input == props.input && *format == *detected => {
            records
        }
        (None, _) => return html! { <CardSkeleton theme={props.theme} lang={props.lang} /> },
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
