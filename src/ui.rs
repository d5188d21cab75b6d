//! Yew components: small function components that render what the core parsed.

pub mod card;
pub mod cite;
pub mod error_card;
pub mod hooks;
pub mod i18n;
pub mod list;
pub mod options;
pub mod playground;
pub mod prerender;
pub mod records;
pub mod rich_text;

/// A page-unique element id starting with `prefix`, for `aria-*` links
/// between parts of a card (many cards may share a page).
pub(crate) fn next_id(prefix: &str) -> yew::AttrValue {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    yew::AttrValue::from(format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed)))
}
