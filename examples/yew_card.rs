//! Using the card from your own Yew app: parse a record with the core, then
//! render `CitationCard` with the options you want.
//!
//! Build it for the browser with `cargo build --example yew_card --target
//! wasm32-unknown-unknown` (a Trunk page with `data-bin="yew_card"` serves it).
//! Include `static/citecard.css` in the page for the card's styles.

use std::rc::Rc;

use citecard::ui::i18n::Lang;
use citecard::ui::options::{CardOptions, Theme, Variant};
use citecard::{CitationCard, RecordCards};
use citecard_core::style::Style;
use yew::prelude::*;

const RECORD: &str = r#"{"title":"Embedding coproduction in organisational culture and practice: a case study.","authors":"Julie Repper, Julian Eve","doi":"10.1108/LHS-04-2022-0039","JCR":"Q3","PeriodicalIF":1.7}"#;

#[component]
fn App() -> Html {
    // One reference you already have as a `citecard_core::Reference` …
    let reference = citecard_core::parse_with(RECORD, None, citecard::html::tokenizer())
        .ok()
        .and_then(|document| document.records.into_iter().next())
        .and_then(Result::ok)
        .map(|record| Rc::new(record.reference));
    let options = CardOptions {
        theme: Theme::Light,
        lang: Some(Lang::En),
        style: Some(Style::Chicago),
        ..CardOptions::default()
    };
    let compact = CardOptions {
        variant: Variant::Compact,
        theme: Theme::Dark,
        ..CardOptions::default()
    };
    html! {
        <main>
            if let Some(reference) = reference {
                <CitationCard {reference} {options} />
            }
            // … or any record text: a card (or a located error card) per record.
            <RecordCards input={RECORD} options={compact} />
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
