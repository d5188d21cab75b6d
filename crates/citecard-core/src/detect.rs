//! Input formats and their detection.

use std::fmt;
use std::str::FromStr;

/// A supported input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// A BookSci record: one JSON object a line, with optional plain-text
    /// lines before and after it.
    BookSci,
}

impl Format {
    /// Every supported format, in detection order.
    pub const ALL: &'static [Format] = &[Format::BookSci];

    /// The name used on the command line and in the `format` option.
    pub fn id(self) -> &'static str {
        match self {
            Format::BookSci => "booksci",
        }
    }

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Format::BookSci => "BookSci",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The error for a format name that is not supported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormatName(pub String);

impl fmt::Display for UnknownFormatName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<_> = Format::ALL.iter().map(|f| f.id()).collect();
        write!(
            f,
            "unknown format `{}`: expected one of {}",
            self.0,
            names.join(", ")
        )
    }
}

impl std::error::Error for UnknownFormatName {}

impl FromStr for Format {
    type Err = UnknownFormatName;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .iter()
            .copied()
            .find(|f| {
                f.id().eq_ignore_ascii_case(name.trim())
                    || f.label().eq_ignore_ascii_case(name.trim())
            })
            .ok_or_else(|| UnknownFormatName(name.to_owned()))
    }
}

/// Keys only a BookSci record has (its Chinese-metrics and site fields).
const BOOKSCI_KEYS: &[&str] = &[
    "\"PeriodicalIF\"",
    "\"JCR\"",
    "\"RegionNum\"",
    "\"ListUrlMain\"",
    "\"DOIUrl\"",
];

/// Guess the format of `input`, or `None` when nothing matches.
///
/// ```
/// use citecard_core::{detect, Format};
/// assert_eq!(detect("{\"title\":\"T\",\"JCR\":\"Q1\"}"), Some(Format::BookSci));
/// assert_eq!(detect("hello"), None);
/// ```
pub fn detect(input: &str) -> Option<Format> {
    let booksci = input.lines().any(|line| {
        let line = line.trim_start_matches('\u{feff}').trim_start();
        line.starts_with('{') && BOOKSCI_KEYS.iter().any(|key| line.contains(key))
    });
    booksci.then_some(Format::BookSci)
}
