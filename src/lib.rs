//! citecard: an embeddable citation card, built with Yew.
//!
//! [`CitationCard`] renders one [`citecard_core::Reference`]; [`RecordCards`]
//! parses record text with the core and renders a card (or an error card)
//! for every record in it. The playground binary wraps them in an editor.
//!
//! ```no_run
//! use std::rc::Rc;
//! use citecard::CitationCard;
//! use yew::prelude::*;
//!
//! #[component]
//! fn Example() -> Html {
//!     let input = include_str!("../static/records/seed-coproduction.txt");
//!     let document = citecard_core::parse_with(input, None, citecard::html::tokenizer())
//!         .expect("a BookSci record");
//!     let reference = match &document.records[0] {
//!         Ok(record) => Rc::new(record.reference.clone()),
//!         Err(error) => return html! { <p>{ error.to_string() }</p> },
//!     };
//!     html! { <CitationCard {reference} /> }
//! }
//! ```
#![warn(missing_docs)]

pub mod bibtex_module;
pub mod browser;
pub mod cite_module;
pub mod html;
mod lazy_module;
#[cfg(not(target_arch = "wasm32"))]
pub mod ssr;
pub mod ui;

pub use citecard_core as core;
pub use ui::card::{CitationCard, CitationCardProps};
pub use ui::error_card::{ErrorCard, ErrorCardProps};
pub use ui::records::{RecordCards, RecordCardsProps};

/// The reference record shown when the playground opens.
pub const SAMPLE_RECORD: &str = include_str!("../static/records/seed-coproduction.txt");

/// The README's Rust examples, compiled (and the core's run) as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
