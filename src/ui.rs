//! Yew components: small function components that render what the core parsed.

pub mod card;
pub mod cite;
pub mod error_card;
pub mod playground;
pub mod records;
pub mod rich_text;
