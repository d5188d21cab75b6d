//! Browser tests: the card in each of its states, rendered by Yew in real
//! headless Chromium.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use citecard::ui::card::{CardSkeleton, CardSkeletonProps};
use citecard::ui::i18n::Lang;
use citecard::ui::options::{CardOptions, Theme, Variant};
use citecard::{CitationCard, CitationCardProps, RecordCards, RecordCardsProps, SAMPLE_RECORD};
use citecard_core::Reference;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlAnchorElement, HtmlElement};
use yew::{AttrValue, Renderer};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element to mount into, attached to the document.
fn fresh_root() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn find(root: &Element, test_id: &str) -> Option<Element> {
    root.query_selector(&format!("[data-testid=\"{test_id}\"]"))
        .unwrap()
}

fn select(root: &Element, test_id: &str) -> Element {
    find(root, test_id).unwrap_or_else(|| {
        panic!(
            "no element with data-testid={test_id}: {}",
            root.inner_html()
        )
    })
}

fn text(root: &Element, test_id: &str) -> String {
    select(root, test_id).text_content().unwrap_or_default()
}

fn anchor(root: &Element, test_id: &str) -> HtmlAnchorElement {
    select(root, test_id).dyn_into().expect("an <a> element")
}

async fn click(root: &Element, test_id: &str) {
    select(root, test_id)
        .dyn_into::<HtmlElement>()
        .expect("an HTML element")
        .click();
    yew::scheduler::flush().await;
}

/// A BookSci record (the format the card's first users paste).
fn reference(input: &str) -> Rc<Reference> {
    let document = citecard_core::parse_with(
        input,
        Some(citecard_core::Format::BookSci),
        citecard::html::tokenizer(),
    )
    .unwrap();
    Rc::new(document.records[0].clone().unwrap().reference)
}

async fn card(reference: Rc<Reference>, variant: Variant, lang: Lang) -> Element {
    let root = fresh_root();
    Renderer::<CitationCard>::with_root_and_props(
        root.clone(),
        yew::props!(CitationCardProps {
            reference,
            options: CardOptions {
                variant,
                lang: Some(lang),
                theme: Theme::Dark,
                ..CardOptions::default()
            },
        }),
    )
    .render();
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
async fn full_card_shows_every_field_with_safe_links() {
    let root = card(reference(SAMPLE_RECORD), Variant::Full, Lang::En).await;
    let title = anchor(&root, "title-link");
    assert_eq!(
        title.text_content().unwrap(),
        "Embedding coproduction in organisational culture and practice: a case study"
    );
    assert_eq!(title.href(), "https://doi.org/10.1108/LHS-04-2022-0039");
    assert_eq!(title.rel(), "noopener noreferrer");
    let doi = anchor(&root, "doi-link");
    assert_eq!(doi.href(), "https://doi.org/10.1108/LHS-04-2022-0039");
    // Shown as its link, as Crossref's display guidelines ask.
    assert_eq!(
        doi.text_content().unwrap().trim(),
        "https://doi.org/10.1108/LHS-04-2022-0039"
    );
    assert_eq!(text(&root, "authors"), "Julie Repper, Julian Eve");
    assert!(text(&root, "jcr").contains("HEALTH POLICY & SERVICES"));
    assert_eq!(text(&root, "impact-factor"), "JIF1.7");
    assert!(
        find(&root, "cas-zone").is_none(),
        "RegionNum 0 leaves no CAS badge"
    );
    // The legend explains each badge, "as provided by the record".
    let legend = text(&root, "legend");
    assert!(legend.contains("JCR Q3"), "{legend}");
    assert!(legend.contains("as provided by the record"), "{legend}");
    // Semantic structure and the theme.
    let article = root.query_selector("article").unwrap().unwrap();
    assert_eq!(article.get_attribute("data-theme").as_deref(), Some("dark"));
    assert_eq!(
        article.get_attribute("aria-labelledby"),
        root.query_selector("h2")
            .unwrap()
            .unwrap()
            .get_attribute("id")
    );
    assert!(root
        .query_selector("dl.citecard-meta dt")
        .unwrap()
        .is_some());
}

/// The card's own stylesheet, in the document once: folds work through CSS.
fn with_stylesheet() {
    let document = web_sys::window().unwrap().document().unwrap();
    if document.get_element_by_id("citecard-css").is_none() {
        let style = document.create_element("style").unwrap();
        style.set_id("citecard-css");
        style.set_text_content(Some(include_str!("../static/citecard.css")));
        document.head().unwrap().append_child(&style).unwrap();
    }
}

/// What a reader sees of an element: its rendered text (`innerText`).
fn seen(root: &Element, test_id: &str) -> String {
    select(root, test_id)
        .dyn_into::<HtmlElement>()
        .expect("an HTML element")
        .inner_text()
}

fn is_open(root: &Element, test_id: &str) -> bool {
    select(root, test_id)
        .parent_element()
        .expect("the summary's details")
        .has_attribute("open")
}

#[wasm_bindgen_test]
async fn a_long_abstract_starts_collapsed_and_expands() {
    with_stylesheet();
    let root = card(reference(SAMPLE_RECORD), Variant::Full, Lang::En).await;
    let body = select(&root, "abstract-body");
    let height = |root: &Element| select(root, "abstract-body").client_height();
    let folded = height(&root);
    let toggle = select(&root, "abstract-toggle");
    assert_eq!(toggle.local_name(), "summary");
    assert!(!is_open(&root, "abstract-toggle"));
    assert_eq!(
        toggle.get_attribute("aria-controls"),
        body.get_attribute("id")
    );
    assert_eq!(seen(&root, "abstract-toggle"), "Show more");
    click(&root, "abstract-toggle").await;
    assert!(is_open(&root, "abstract-toggle"));
    assert!(height(&root) > folded * 2, "{} vs {folded}", height(&root));
    assert_eq!(seen(&root, "abstract-toggle"), "Show less");
}

#[wasm_bindgen_test]
async fn long_author_lists_collapse_behind_n_more() {
    with_stylesheet();
    let names: Vec<String> = (1..=8).map(|i| format!("Given{i} Family{i}")).collect();
    let input = format!(
        "{{\"title\":\"Many hands\",\"authors\":\"{}\"}}",
        names.join(", ")
    );
    let root = card(reference(&input), Variant::Full, Lang::En).await;
    assert_eq!(
        seen(&root, "authors"),
        "Given1 Family1, Given2 Family2, Given3 Family3"
    );
    // Every name is in the markup (and so in a page rendered ahead of time).
    assert_eq!(text(&root, "authors"), names.join(", "));
    assert_eq!(seen(&root, "authors-toggle"), "+ 5 more");
    click(&root, "authors-toggle").await;
    assert!(is_open(&root, "authors-toggle"));
    assert_eq!(seen(&root, "authors"), names.join(", "));
    assert_eq!(seen(&root, "authors-toggle"), "Show fewer");
}

#[wasm_bindgen_test]
async fn a_bilingual_record_switches_title_and_abstract_language() {
    let input = r#"{"title":"A study of reading","TitleCN":"阅读研究","abstract":"An English abstract.","AbstractTextCN":"中文摘要。","authors":"Li Lei"}"#;
    let root = card(reference(input), Variant::Full, Lang::En).await;
    assert_eq!(text(&root, "title"), "A study of reading");
    assert_eq!(select(&root, "title").get_attribute("lang"), None);
    assert_eq!(
        select(&root, "title").get_attribute("dir").as_deref(),
        Some("auto")
    );
    assert_eq!(
        select(&root, "lang-en")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    click(&root, "lang-zh").await;
    assert_eq!(text(&root, "title"), "阅读研究");
    assert_eq!(text(&root, "abstract-body"), "中文摘要。");
    // Han text is tagged as such (Chromium draws untagged Han text in a
    // Japanese page font with Japanese glyph forms).
    assert_eq!(
        select(&root, "title").get_attribute("lang").as_deref(),
        Some("zh-Hans")
    );
    assert_eq!(
        select(&root, "lang-zh")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn chinese_interface_strings() {
    let input =
        r#"{"title":"T","authors":"A B","RegionNum":2,"RegionCategory":"医学","citationCount":3}"#;
    let root = card(reference(input), Variant::Full, Lang::Zh).await;
    assert!(text(&root, "cas-zone").contains("中科院 2区"));
    assert_eq!(text(&root, "citations"), "被引 3 次");
    assert_eq!(text(&root, "cite-toggle"), "引用");
}

#[wasm_bindgen_test]
async fn compact_cards_keep_title_authors_venue_and_cite() {
    let root = card(reference(SAMPLE_RECORD), Variant::Compact, Lang::En).await;
    for present in ["title", "authors", "venue", "cite-toggle"] {
        assert!(find(&root, present).is_some(), "{present}");
    }
    for absent in ["jcr", "doi-link", "abstract"] {
        assert!(find(&root, absent).is_none(), "{absent}");
    }
}

#[wasm_bindgen_test]
async fn a_formatted_title_keeps_its_italics_and_subscripts_and_nothing_else() {
    let input = r#"[{"type":"article-journal","title":"<i>In vitro</i> uptake of CO<sub>2</sub><script>alert(1)</script> <a href=\"javascript:x\">here</a>"}]"#;
    let document = citecard_core::parse_with(input, None, citecard::html::tokenizer()).unwrap();
    let reference = Rc::new(document.records[0].clone().unwrap().reference);
    let root = card(reference, Variant::Full, Lang::En).await;
    let title = select(&root, "title");
    assert_eq!(
        title.inner_html(),
        "<em>In vitro</em> uptake of CO<sub>2</sub> here"
    );
    assert!(root
        .query_selector("script, [href^='javascript']")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn a_partial_record_renders_what_it_has() {
    let root = card(
        reference(r#"{"title":"Only a title"}"#),
        Variant::Full,
        Lang::En,
    )
    .await;
    assert_eq!(text(&root, "title"), "Only a title");
    for absent in ["authors", "venue", "jcr", "legend", "doi-link", "abstract"] {
        assert!(find(&root, absent).is_none(), "{absent}");
    }
    // No empty labels either.
    assert!(root
        .query_selector("dl:empty, ul:empty, p:empty")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn the_loading_skeleton_is_busy_and_announced() {
    let root = fresh_root();
    Renderer::<CardSkeleton>::with_root_and_props(
        root.clone(),
        yew::props!(CardSkeletonProps {
            lang: Some(Lang::En)
        }),
    )
    .render();
    yew::scheduler::flush().await;
    let skeleton = select(&root, "card-skeleton");
    assert_eq!(skeleton.get_attribute("aria-busy").as_deref(), Some("true"));
    assert_eq!(
        root.query_selector("[role=status]")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Loading the citation card…")
    );
}

#[wasm_bindgen_test]
async fn unreadable_input_renders_a_located_error_card() {
    let root = fresh_root();
    Renderer::<RecordCards>::with_root_and_props(
        root.clone(),
        yew::props!(RecordCardsProps {
            input: AttrValue::from("{\"title\": \"x\", \"JCR\": \"Q1\",, }"),
            options: CardOptions {
                lang: Some(Lang::En),
                ..CardOptions::default()
            },
        }),
    )
    .render();
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "error-location"), "Line 1, column 28");
    assert_eq!(
        text(&root, "error-message"),
        "invalid JSON: expected a field name in double quotes"
    );
    assert!(
        root.query_selector("pre mark").unwrap().is_some(),
        "the excerpt marks the column"
    );
    assert!(find(&root, "citation-card").is_none());
}

#[wasm_bindgen_test]
async fn an_http_pdf_link_is_marked_not_secure_and_bad_links_are_dropped() {
    let input = r#"{"title":"T","JCR":"Q1","isOpenAccess":true,"openAccessPdf":"http://example.org/paper.pdf","url":"javascript:alert(1)"}"#;
    let root = card(reference(input), Variant::Full, Lang::En).await;
    let badge = select(&root, "open-access");
    assert!(badge.text_content().unwrap().contains("not secure: http"));
    let link: HtmlAnchorElement = badge
        .query_selector("a")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(link.href(), "http://example.org/paper.pdf");
    assert_eq!(link.rel(), "noopener noreferrer");
    // The javascript: URL never became a link: the title is plain text.
    assert!(find(&root, "title-link").is_none());
    for a in 0..root.query_selector_all("a").unwrap().length() {
        let href = root
            .query_selector_all("a")
            .unwrap()
            .item(a)
            .unwrap()
            .dyn_into::<Element>()
            .unwrap()
            .get_attribute("href")
            .unwrap_or_default();
        assert!(
            href.starts_with("http://") || href.starts_with("https://"),
            "{href}"
        );
    }
}
