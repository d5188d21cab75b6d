//! Every record in a text, each as a card.

use yew::prelude::*;

use crate::ui::card::{CardSkeleton, CitationCard};
use crate::ui::error_card::{load_error_card, ErrorCard};
use crate::ui::hooks::use_records::{use_records, Card, Parsed};
use crate::ui::i18n::Lang;
use crate::ui::options::CardOptions;
use crate::ui::prerender::Prerender;

/// Properties of [`RecordCards`].
#[derive(Properties, PartialEq)]
pub struct RecordCardsProps {
    /// Record text in any supported format.
    pub input: AttrValue,
    /// The format (detected when `None`), style, theme, variant and language.
    #[prop_or_default]
    pub options: CardOptions,
    /// Why the record text could not be had at all (a `src` that answered
    /// 404, say): an error card with this message instead of the cards.
    #[prop_or_default]
    pub failure: Option<AttrValue>,
    /// Told the lines (1-based) where records failed, each time they
    /// change: the playground marks them in its editor.
    #[prop_or_default]
    pub on_error_lines: Option<Callback<Vec<usize>>>,
    /// Rendered ahead of time (by the server renderer): what the cards show
    /// in place of the controls that need script.
    #[prop_or_default]
    pub prerender: Option<Prerender>,
}

/// How many cards render at a time.
const CARDS_PER_BATCH: usize = 10;

/// Parse `input` with the core and render a card for every record, or an
/// error card in place of each record that could not be read, a batch at a
/// time. BibTeX is read by the BibTeX module, loaded on first need; long
/// inputs are read a batch at a time, each in a task of its own; skeletons
/// show meanwhile.
#[component]
pub fn RecordCards(props: &RecordCardsProps) -> Html {
    let options = props.options;
    let shown = use_state(|| CARDS_PER_BATCH);
    let records = use_records(&props.input, options.format, *shown);
    {
        let lines: Vec<usize> = match records.as_deref() {
            Some(Err(error)) => vec![error.span.line],
            Some(Ok(records)) => records
                .iter()
                .filter_map(|card| match card {
                    Card::Failed(error) => Some(error.span.line),
                    _ => None,
                })
                .collect(),
            None => Vec::new(),
        };
        let on_error_lines = props.on_error_lines.clone();
        use_effect_with(lines, move |lines| {
            if let Some(callback) = on_error_lines {
                callback.emit(lines.clone());
            }
        });
    }
    if let Some(message) = &props.failure {
        return load_error_card(message, options.theme, options.lang);
    }
    let parsed: &Parsed = match records.as_deref() {
        Some(parsed) => parsed,
        None => {
            return html! { <CardSkeleton theme={options.theme} lang={options.lang} variant={options.variant} /> }
        }
    };
    // Cards render in batches, so a thousand records never block the page.
    let (theme, lang) = (options.theme, options.lang);
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
            let t = lang.unwrap_or_else(Lang::from_page).strings();
            html! {
                <div class="citecard-list">
                    { for records.iter().take(*shown).map(|record| match record {
                        Card::Read(reference) => html! { <CitationCard reference={reference.clone()} {options} prerender={props.prerender.clone()} /> },
                        Card::NotRead(_) => html! { <CardSkeleton {theme} {lang} variant={options.variant} /> },
                        Card::Failed(e) => error(e),
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
