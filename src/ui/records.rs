//! Every record in a text, each as a card.

use std::ops::Range;
use std::rc::Rc;

use citecard_core::{parse_window, Format, ParseError, Reference, Slot, Span};
use yew::prelude::*;

use crate::ui::card::{CardSkeleton, CitationCard};
use crate::ui::error_card::{load_error_card, ErrorCard};
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

/// Inputs longer than this (in bytes) are read in tasks of their own, a
/// batch of records at a time, and each batch rendered in the next task, so
/// that no task blocks the page for long (skeletons show meanwhile). Smaller
/// inputs, one or a few records, render at once.
const READ_APART_BYTES: usize = 16 * 1024;

/// One record of the input, as the cards see it.
#[derive(Clone, PartialEq)]
enum Card {
    /// Read: its card.
    Read(Rc<Reference>),
    /// Unreadable: an error card.
    Failed(ParseError),
    /// Outside the batches read so far: a skeleton, where the record is.
    NotRead(Span),
}

impl From<Slot> for Card {
    fn from(slot: Slot) -> Self {
        match slot {
            Slot::Read(record) => Card::Read(Rc::new(record.reference)),
            Slot::Failed(error) => Card::Failed(error),
            Slot::NotRead(span) => Card::NotRead(span),
        }
    }
}

/// Every record of an input, or the error that stopped it.
type Parsed = Result<Vec<Card>, ParseError>;

/// Read `window` of the records in `input` with the core.
fn read(input: &str, format: Option<Format>, window: Range<usize>) -> Parsed {
    parse_window(input, format, crate::html::tokenizer(), window)
        .map(|read| read.slots.into_iter().map(Card::from).collect())
}

/// The bytes a record not read yet spans; `None` for the others.
fn unread_bytes(card: &Card) -> Option<usize> {
    match card {
        Card::NotRead(span) => Some(span.end - span.start),
        _ => None,
    }
}

/// The records read apart so far, with the input and format they are of.
#[derive(Default)]
struct ReadApart(Option<(AttrValue, Option<Format>, Rc<Parsed>)>);

/// A batch read apart: merged into what was read before for the same input.
struct Batch {
    input: AttrValue,
    format: Option<Format>,
    window: Range<usize>,
    parsed: Parsed,
}

impl Reducible for ReadApart {
    type Action = Batch;

    fn reduce(self: Rc<Self>, batch: Batch) -> Rc<Self> {
        let parsed = match (&self.0, batch.parsed) {
            (Some((input, format, old)), Ok(new))
                if *input == batch.input && *format == batch.format =>
            {
                match &**old {
                    Ok(old) if old.len() == new.len() => {
                        let mut merged = old.clone();
                        for (i, record) in new.into_iter().enumerate() {
                            if batch.window.contains(&i) {
                                merged[i] = record;
                            }
                        }
                        Ok(merged)
                    }
                    _ => Ok(new),
                }
            }
            (_, parsed) => parsed,
        };
        Rc::new(ReadApart(Some((
            batch.input,
            batch.format,
            Rc::new(parsed),
        ))))
    }
}

/// About how many bytes of records one task reads.
const BATCH_BYTES: usize = 64 * 1024;

/// The records to read next, of the first `shown`: nothing read yet, the
/// first record alone (which also locates the others); then, from the first
/// record still to read, as many as fit in [`BATCH_BYTES`] (at least one).
/// `None` when every shown record is read.
fn next_window(read_so_far: Option<&Parsed>, shown: usize) -> Option<Range<usize>> {
    let Some(parsed) = read_so_far else {
        return Some(0..1);
    };
    let records = parsed.as_ref().ok()?;
    let shown = shown.min(records.len());
    let start = records[..shown]
        .iter()
        .position(|card| unread_bytes(card).is_some())?;
    let mut end = start;
    let mut bytes = 0;
    while let Some(size) = records[..shown].get(end).and_then(unread_bytes) {
        bytes += size;
        if end > start && bytes > BATCH_BYTES {
            break;
        }
        end += 1;
    }
    Some(start..end)
}

/// Parse `input` with the core and render a card for every record, or an
/// error card in place of each record that could not be read, a batch at a
/// time. BibTeX is read by the BibTeX module, loaded on first need; long
/// inputs are read a batch at a time, each in a task of its own; skeletons
/// show meanwhile.
#[component]
pub fn RecordCards(props: &RecordCardsProps) -> Html {
    // Detected once, here, and handed to the reader. An input over the size
    // limit is an error whatever its format: it is not scanned at all.
    let options = props.options;
    let detected = use_memo((props.input.clone(), options.format), |(input, format)| {
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
        |(input, format, apart)| (!apart).then(|| read(input, *format, 0..usize::MAX)),
    );
    let shown = use_state(|| CARDS_PER_BATCH);
    let read_apart = use_reducer(ReadApart::default);
    // What has been read apart of this input so far, if anything.
    let read_so_far: Option<Rc<Parsed>> = match &read_apart.0 {
        Some((input, format, parsed)) if *input == props.input && *format == *detected => {
            Some(parsed.clone())
        }
        _ => None,
    };
    let window = apart
        .then(|| next_window(read_so_far.as_deref(), *shown))
        .flatten();
    {
        let dispatcher = read_apart.dispatcher();
        use_effect_with(
            (props.input.clone(), *detected, bibtex, window),
            move |(input, format, bibtex, window)| {
                if let Some(window) = window.clone() {
                    let (input, format, bibtex) = (input.clone(), *format, *bibtex);
                    wasm_bindgen_futures::spawn_local(async move {
                        let (window, parsed) = if bibtex {
                            let records = crate::bibtex_module::read(&input).await.map(|records| {
                                records
                                    .into_iter()
                                    .map(|r| match r {
                                        Ok(reference) => Card::Read(Rc::new(reference)),
                                        Err(error) => Card::Failed(error),
                                    })
                                    .collect()
                            });
                            (0..usize::MAX, records)
                        } else {
                            crate::browser::next_task().await;
                            let parsed = read(&input, format, window.clone());
                            crate::browser::next_task().await;
                            (window, parsed)
                        };
                        dispatcher.dispatch(Batch {
                            input,
                            format,
                            window,
                            parsed,
                        });
                    });
                }
            },
        );
    }
    {
        let now: Option<&Parsed> = match (&*parsed, &read_so_far) {
            (Some(parsed), _) => Some(parsed),
            (None, Some(parsed)) => Some(parsed),
            (None, None) => None,
        };
        let lines: Vec<usize> = match now {
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
    let parsed: &Parsed = match (&*parsed, &read_so_far) {
        (Some(parsed), _) => parsed,
        (None, Some(parsed)) => parsed,
        (None, None) => {
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

#[cfg(test)]
mod tests {
    use super::*;
    use citecard_core::ParseErrorKind;

    /// Records of these sizes (bytes), read where `true`.
    fn records(sizes: &[(usize, bool)]) -> Parsed {
        let mut start = 0;
        Ok(sizes
            .iter()
            .map(|&(size, read)| {
                let span = Span {
                    line: 1,
                    column: start + 1,
                    start,
                    end: start + size,
                };
                start += size;
                if read {
                    Card::Read(Rc::new(Reference::default()))
                } else {
                    Card::NotRead(span)
                }
            })
            .collect())
    }

    #[test]
    fn the_first_read_is_the_first_record_alone() {
        assert_eq!(next_window(None, 10), Some(0..1));
    }

    #[test]
    fn later_reads_take_the_shown_records_still_to_read_up_to_the_byte_budget() {
        let small = records(&[(100, true), (100, false), (100, false), (100, false)]);
        assert_eq!(next_window(Some(&small), 10), Some(1..4));
        assert_eq!(next_window(Some(&small), 3), Some(1..3));
        let big = records(&[
            (100, true),
            (BATCH_BYTES, false),
            (1, false),
            (BATCH_BYTES * 3, false),
            (1, false),
        ]);
        assert_eq!(next_window(Some(&big), 10), Some(1..2));
        // A record over the budget alone is still read, by itself.
        let huge = records(&[(BATCH_BYTES * 3, false), (1, false)]);
        assert_eq!(next_window(Some(&huge), 10), Some(0..1));
        // A record already read ends the window.
        let gap = records(&[(1, false), (1, true), (1, false)]);
        assert_eq!(next_window(Some(&gap), 10), Some(0..1));
    }

    #[test]
    fn nothing_is_read_when_every_shown_record_is_or_the_input_failed() {
        let done = records(&[(100, true), (100, true), (100, false)]);
        assert_eq!(next_window(Some(&done), 2), None);
        let failed: Parsed = Err(ParseError::new(Span::default(), ParseErrorKind::EmptyInput));
        assert_eq!(next_window(Some(&failed), 10), None);
    }
}
