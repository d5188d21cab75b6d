//! Metadata that machines read from a page, written from a reference:
//! Highwire Press `citation_*` meta tags, which Google Scholar indexes
//! ([`highwire`]); COinS spans, which Zotero's connector and other reference
//! managers detect ([`coins`]); and schema.org JSON-LD ([`jsonld`]). Each
//! follows its published specification, and each escapes record text for
//! the place it goes (an attribute, a script element) itself.

pub mod coins;
pub mod highwire;
pub mod jsonld;

/// The first record of `input`, for the tests of each writer.
#[cfg(test)]
fn read(input: &str) -> crate::Reference {
    crate::parse(input, None)
        .expect("readable")
        .references()
        .remove(0)
}
