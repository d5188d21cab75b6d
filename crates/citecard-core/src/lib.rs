//! The pure core of citecard: read bibliographic records into one
//! [`Reference`] model, safely.
//!
//! This crate has no web dependencies; the Yew widget, the embed layer and
//! the `citecard` CLI are thin shells around it.
//!
//! ```
//! let input = include_str!("../../../static/records/seed-coproduction.txt");
//! let document = citecard_core::parse(input, None).unwrap();
//! let reference = &document.records[0].as_ref().unwrap().reference;
//! assert_eq!(reference.authors.len(), 2);
//! assert_eq!(
//!     reference.link().unwrap().as_str(),
//!     "https://doi.org/10.1108/LHS-04-2022-0039"
//! );
//! ```
#![warn(missing_docs)]
#![forbid(unsafe_code)]

pub mod describe;
pub mod detect;
pub mod error;
pub mod export;
pub mod input;
pub mod limits;
pub mod link;
pub mod list;
pub mod metadata;
pub mod model;
pub mod names;
pub mod rich_text;
pub mod script;
pub mod style;
mod text;

pub use detect::{detect, Format};
pub use error::{Excerpt, ParseError, ParseErrorKind, Span, Warning};
#[cfg(feature = "html5gum")]
pub use input::parse;
pub use input::{parse_window, parse_with, Document, Record, Slot, WindowRead};
pub use link::{Doi, HttpUrl};
pub use model::{Date, ItemType, Metrics, Name, Provenance, Quartile, Reference, Relations};
pub use rich_text::{Block, HtmlEvent, HtmlTokenizer, Inline, RichText, Section};
