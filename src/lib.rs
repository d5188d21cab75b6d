//! citecard: an embeddable citation card, built with Yew.
//!
//! [`CitationCard`] renders one [`citecard_core::Reference`]; [`RecordCards`]
//! parses record text with the core and renders a card (or an error card)
//! for every record in it; `ui::list::PublicationList` renders a whole
//! publication list. The same components run in the browser (feature
//! `csr`, always on) and, outside it, in Yew's server renderer
//! (`ssr`), which `citecard render` uses for pages built ahead of time.
//! Include `static/citecard.css` (natively, `citecard::ssr::STYLESHEET`).
//!
//! ```no_run
//! use citecard::RecordCards;
//! use yew::prelude::*;
//!
//! #[component]
//! fn Paper() -> Html {
//!     // Any record text: every record in it becomes a card, a bad one an error card.
//!     let record = r#"{"title":"A study.","authors":"Ada Lovelace","JCR":"Q1","doi":"10.1234/x"}"#;
//!     html! { <RecordCards input={record} /> }
//! }
//! # fn main() { yew::Renderer::<Paper>::new().render(); }
//! ```
//!
//! The same card as HTML, drawn by the server renderer:
//!
//! ```
//! # #[cfg(not(target_arch = "wasm32"))] {
//! use citecard::ui::options::{CardOptions, Theme};
//!
//! let record = r#"{"title":"A study.","authors":"Ada Lovelace","JCR":"Q1","doi":"10.1234/x"}"#;
//! let options = CardOptions { theme: Theme::Dark, ..CardOptions::default() };
//! let html = citecard::ssr::render(record, options, None);
//! assert!(html.contains("Ada Lovelace"));
//! assert!(html.contains(r#"href="https://doi.org/10.1234/x""#));
//! assert!(html.contains(r#"data-theme="dark""#));
//! # }
//! ```
#![warn(missing_docs)]

pub mod browser;
pub mod cite_module;
pub mod html;
mod lazy_module;
pub mod reader_modules;
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
