//! What a card rendered ahead of time shows where the live card runs
//! script. The server renderer (`citecard render`) gives the cards a
//! [`Prerender`]; in the browser there is none, and Cite formats on demand.

use std::rc::Rc;

use citecard_core::{Inline, Reference};

use crate::ui::options::CardOptions;

/// One citation, formatted ahead of time.
#[derive(Debug, Clone, PartialEq)]
pub struct StaticCitation {
    /// The style's name ("APA", …).
    pub label: &'static str,
    /// The formatted citation.
    pub inlines: Vec<Inline>,
}

/// A file beside the page that holds the record in an export format.
#[derive(Debug, Clone, PartialEq)]
pub struct StaticFile {
    /// The format's name ("BibTeX", …).
    pub label: &'static str,
    /// Where the file is, relative to the page.
    pub href: String,
}

/// The Cite panel of a card rendered ahead of time: every built-in style's
/// citation as text, and links to the exported files when there are any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StaticCite {
    /// The citations, in menu order.
    pub citations: Vec<StaticCitation>,
    /// The exported files, if written.
    pub files: Vec<StaticFile>,
}

/// Formats a reference's [`StaticCite`] for the server renderer.
#[derive(Clone)]
pub struct Prerender(Rc<dyn Fn(&Reference) -> StaticCite>);

impl Prerender {
    /// A prerender that formats with `cite`.
    pub fn new(cite: impl Fn(&Reference) -> StaticCite + 'static) -> Self {
        Prerender(Rc::new(cite))
    }

    /// The Cite panel for `reference`.
    pub fn cite(&self, reference: &Reference) -> StaticCite {
        (self.0)(reference)
    }
}

impl PartialEq for Prerender {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Prerender {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Prerender")
    }
}

/// The attribute on a pre-rendered card's container that holds its
/// [`fingerprint`].
pub const FINGERPRINT_ATTRIBUTE: &str = "data-citecard-render";

/// The attribute that marks markup only a card rendered ahead of time has
/// (the static Cite panel); it is removed before the card is hydrated.
pub const STATIC_ATTRIBUTE: &str = "data-citecard-static";

/// What a card rendered from `input` with `options` by this version of
/// citecard looks like, in 16 hex digits: the server writes it beside the
/// markup, and the script hydrates that markup only when its own record,
/// options and version give the same, so that a stale page is drawn again
/// rather than brought to life wrong. FNV-1a (64 bits): a check against
/// mistakes, not against forgery, which cannot reach beyond the page that
/// holds both the markup and the record anyway.
pub fn fingerprint(input: &str, options: &CardOptions) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut hash = OFFSET;
    let mut write = |bytes: &[u8]| {
        for &byte in bytes.iter().chain([0xff].iter()) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    };
    write(env!("CARGO_PKG_VERSION").as_bytes());
    for (name, value) in options.attributes() {
        write(name.as_bytes());
        write(value.as_bytes());
    }
    write(input.as_bytes());
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::options::Theme;

    #[test]
    fn the_fingerprint_changes_with_the_record_and_the_options() {
        let options = CardOptions::default();
        let base = fingerprint("record", &options);
        assert_eq!(base.len(), 16);
        assert_eq!(base, fingerprint("record", &options));
        assert_ne!(base, fingerprint("record!", &options));
        let dark = CardOptions {
            theme: Theme::Dark,
            ..options
        };
        assert_ne!(base, fingerprint("record", &dark));
        // Field boundaries count: an option's value cannot pass for input.
        assert_ne!(fingerprint("ab", &options), fingerprint("a", &options));
    }
}
