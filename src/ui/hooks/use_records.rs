//! Every record of an input text, read with the core: small inputs at
//! once, long ones (and BibTeX, through its module) apart from the render,
//! a window of records per task, so that no task blocks the page for long.

use std::ops::Range;
use std::rc::Rc;

use citecard_core::{parse_window, Format, ParseError, Reference, Slot, Span};
use yew::prelude::*;

use crate::reader_modules::ReaderModule;

/// Inputs longer than this (in bytes) are read in tasks of their own, a
/// batch of records at a time, and each batch rendered in the next task, so
/// that no task blocks the page for long (skeletons show meanwhile). Smaller
/// inputs, one or a few records, render at once.
const READ_APART_BYTES: usize = 16 * 1024;

/// One record of the input, as the components see it.
#[derive(Clone, PartialEq)]
pub enum Card {
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
pub type Parsed = Result<Vec<Card>, ParseError>;

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

/// Read the records of `input` (in `format`, detected when `None`) with the
/// core, the first `shown` of them at least: inputs up to
/// [`READ_APART_BYTES`] at once, during the render; longer ones and the
/// formats a reader module reads (loaded on first need) in tasks of their
/// own, a window at a time, each rendered in the next task. Returns every
/// record so far, each read, failed or still to read; `None` before the
/// first window is read.
#[hook]
pub fn use_records(input: &AttrValue, format: Option<Format>, shown: usize) -> Option<Rc<Parsed>> {
    // Detected once, here, and handed to the reader. An input over the size
    // limit is an error whatever its format: it is not scanned at all.
    let detected = use_memo((input.clone(), format), |(input, format)| {
        format.or_else(|| {
            (input.len() <= citecard_core::limits::MAX_INPUT_BYTES)
                .then(|| citecard_core::detect(input))
                .flatten()
        })
    });
    // BibTeX, RIS, Crossref and Semantic Scholar are read by a module the
    // card loads. The server renderer (native) runs no effects: it reads
    // everything at once (every reader is linked in there).
    let module = detected
        .filter(|_| cfg!(target_arch = "wasm32"))
        .and_then(ReaderModule::of);
    let apart =
        cfg!(target_arch = "wasm32") && (module.is_some() || input.len() > READ_APART_BYTES);
    let at_once = use_memo(
        (input.clone(), *detected, apart),
        |(input, format, apart)| (!apart).then(|| Rc::new(read(input, *format, 0..usize::MAX))),
    );
    let read_apart = use_reducer(ReadApart::default);
    // What has been read apart of this input so far, if anything.
    let read_so_far: Option<Rc<Parsed>> = match &read_apart.0 {
        Some((read_input, format, parsed)) if read_input == input && *format == *detected => {
            Some(parsed.clone())
        }
        _ => None,
    };
    let window = apart
        .then(|| next_window(read_so_far.as_deref(), shown))
        .flatten();
    {
        let dispatcher = read_apart.dispatcher();
        use_effect_with(
            (input.clone(), *detected, module, window),
            move |(input, format, module, window)| {
                if let Some(window) = window.clone() {
                    let (input, format, module) = (input.clone(), *format, *module);
                    wasm_bindgen_futures::spawn_local(async move {
                        crate::browser::next_task().await;
                        let parsed = match (module, format) {
                            (Some(module), Some(format)) => {
                                crate::reader_modules::read(module, format, &input, window.clone())
                                    .await
                            }
                            _ => read(&input, format, window.clone()),
                        };
                        crate::browser::next_task().await;
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
    (*at_once).clone().or(read_so_far)
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
