//! The pure core of citecard: read bibliographic records into one
//! [`Reference`] model, safely, then cite or export them.
//!
//! This crate has no web dependencies; the Yew widget, the embed layer and
//! the `citecard` CLI are thin shells around it. It reads BookSci,
//! Crossref, Semantic Scholar, CSL-JSON, BibTeX (feature `bibtex`) and RIS
//! ([`detect()`] tells which), keeps abstracts as sanitised [`RichText`],
//! formats citations in eight built-in CSL styles and any CSL 1.0.2 style
//! given at run time (feature `csl-compiler`), and writes BibTeX, RIS and
//! CSL-JSON.
//!
//! ```
//! use citecard_core::export::bibtex;
//! use citecard_core::style::{cite, Style};
//!
//! let ris = "TY  - JOUR\nAU  - Lovelace, Ada\nTI  - Notes on the analytical engine\n\
//!            T2  - Scientific Memoirs\nPY  - 1843\nER  - \n";
//! let document = citecard_core::parse(ris, None)?;
//! let reference = &document.records[0].as_ref().map_err(|e| e.to_string())?.reference;
//! assert_eq!(reference.authors[0].family.as_deref(), Some("Lovelace"));
//!
//! // As citeproc-js formats it with the official APA style.
//! let apa = cite(reference, Style::Apa).ok_or("the built-in style")?;
//! assert_eq!(apa.text, "Lovelace, A. (1843). Notes on the analytical engine. Scientific Memoirs.");
//! assert!(bibtex::write(&document.references()).starts_with("@article{lovelace1843notes,"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A bad record gives an error with its line and column (or its field),
//! never a panic.
#![warn(missing_docs)]
#![forbid(unsafe_code)]

pub mod describe;
pub mod detect;
pub mod error;
pub mod export;
pub mod handover;
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

/// The crate README's example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
pub use error::{Excerpt, ParseError, ParseErrorKind, Span, Warning};
#[cfg(feature = "html5gum")]
pub use input::parse;
pub use input::{parse_window, parse_with, Document, Record, Slot, WindowRead};
pub use link::{Doi, HttpUrl};
pub use model::{Date, ItemType, Metrics, Name, Provenance, Quartile, Reference, Relations};
pub use rich_text::{Block, HtmlEvent, HtmlTokenizer, Inline, RichText, Section};
