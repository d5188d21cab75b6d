//! The card rendered to HTML outside the browser, by Yew's server renderer
//! from the same components the browser runs: the first part of cards
//! built ahead of time for pages that must work without JavaScript.

use std::rc::Rc;

use citecard_core::Reference;
use yew::LocalServerRenderer;

use crate::ui::card::{CitationCard, CitationCardProps};
use crate::ui::i18n::Lang;
use crate::ui::options::CardOptions;

/// The card for `reference` as HTML. The server has no page to take a
/// language from, so `options.lang` falls back to English.
pub fn render(reference: &Reference, options: CardOptions) -> String {
    let options = CardOptions {
        lang: Some(options.lang.unwrap_or(Lang::En)),
        ..options
    };
    let props = CitationCardProps {
        reference: Rc::new(reference.clone()),
        options,
    };
    futures::executor::block_on(LocalServerRenderer::<CitationCard>::with_props(props).render())
}

#[cfg(test)]
mod tests {
    use super::render;
    use citecard_core::parse;

    /// The server renders what the browser shows: title linked to its DOI,
    /// the authors, the venue, badges and abstract, all text escaped.
    #[test]
    fn the_card_renders_to_html_on_the_server() {
        let input = include_str!("../static/records/seed-coproduction.txt");
        let reference = &parse(input, None).unwrap().references()[0];
        let html = render(reference, Default::default());
        assert!(html.contains("Embedding coproduction in organisational culture and practice"));
        assert!(html.contains(r#"href="https://doi.org/10.1108/LHS-04-2022-0039""#));
        assert!(html.contains("Julie Repper, Julian Eve"));
        assert!(html.contains("HEALTH POLICY &amp; SERVICES"));
        assert!(html.contains("Purpose:"));
        assert!(!html.contains("<script"));
    }
}
