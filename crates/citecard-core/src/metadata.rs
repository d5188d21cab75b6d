//! Metadata that machines read from a page, written from a reference:
//! Highwire Press `citation_*` meta tags, which Google Scholar indexes
//! ([`highwire`]), and COinS spans, which Zotero's connector and other
//! reference managers detect ([`coins`]). Each follows its published
//! specification; values are escaped for HTML attributes here, once.

pub mod coins;
pub mod highwire;
