//! Browser tests: the card rendered by Yew in real headless Chromium.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use citecard::{CitationCard, CitationCardProps, RecordCards, RecordCardsProps, SAMPLE_RECORD};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlAnchorElement};
use yew::{AttrValue, Renderer};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element to mount into, attached to the document.
fn fresh_root() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn select(root: &Element, test_id: &str) -> Element {
    root.query_selector(&format!("[data-testid=\"{test_id}\"]"))
        .unwrap()
        .unwrap_or_else(|| {
            panic!(
                "no element with data-testid={test_id}: {}",
                root.inner_html()
            )
        })
}

fn anchor(root: &Element, test_id: &str) -> HtmlAnchorElement {
    select(root, test_id).dyn_into().expect("an <a> element")
}

#[wasm_bindgen_test]
async fn card_renders_the_title_and_the_doi_link() {
    let document =
        citecard_core::parse_with(SAMPLE_RECORD, None, citecard::html::tokenizer()).unwrap();
    let reference = Rc::new(document.records[0].clone().unwrap().reference);
    let root = fresh_root();
    Renderer::<CitationCard>::with_root_and_props(root.clone(), CitationCardProps { reference })
        .render();
    yew::scheduler::flush().await;

    let title = anchor(&root, "title-link");
    assert_eq!(
        title.text_content().unwrap(),
        "Embedding coproduction in organisational culture and practice: a case study"
    );
    assert_eq!(title.href(), "https://doi.org/10.1108/LHS-04-2022-0039");
    assert_eq!(title.rel(), "noopener noreferrer");

    let doi = anchor(&root, "doi-link");
    assert_eq!(doi.href(), "https://doi.org/10.1108/LHS-04-2022-0039");
    assert_eq!(
        doi.text_content().unwrap().trim(),
        "doi:10.1108/LHS-04-2022-0039"
    );

    assert_eq!(
        select(&root, "authors").text_content().unwrap(),
        "Julie Repper, Julian Eve"
    );
    assert!(select(&root, "jcr")
        .text_content()
        .unwrap()
        .contains("HEALTH POLICY & SERVICES"));
    assert_eq!(
        select(&root, "impact-factor").text_content().unwrap(),
        "JIF1.7"
    );
    assert!(
        root.query_selector("[data-testid=\"cas-zone\"]")
            .unwrap()
            .is_none(),
        "RegionNum 0 leaves no CAS badge"
    );
}

#[wasm_bindgen_test]
async fn unreadable_input_renders_a_located_error_card() {
    let root = fresh_root();
    let input = AttrValue::from("{\"title\": \"x\", \"JCR\": \"Q1\",, }");
    Renderer::<RecordCards>::with_root_and_props(
        root.clone(),
        RecordCardsProps {
            input,
            format: None,
        },
    )
    .render();
    yew::scheduler::flush().await;

    assert_eq!(
        select(&root, "error-location").text_content().unwrap(),
        "Line 1, column 28"
    );
    assert_eq!(
        select(&root, "error-message").text_content().unwrap(),
        "invalid JSON: expected a field name in double quotes"
    );
    assert!(root
        .query_selector("[data-testid=\"citation-card\"]")
        .unwrap()
        .is_none());
}
