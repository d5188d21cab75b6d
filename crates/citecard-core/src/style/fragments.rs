//! Unit tests' harness: small CSL fragments with what citeproc-js makes of
//! them.
//!
//! Each file in `tests/style-fragments/` holds cases for one part of the
//! engine: a whole style (built from a layout and a few attributes by
//! `tests/oracle/fragments.mjs`), one CSL-JSON item, and the text and HTML
//! citeproc-js 2.4.63 writes for it. `node tests/oracle/fragments.mjs`
//! fills the style and the expected output in; nothing here writes them.
//! A case with a `differs` note is a known difference from citeproc-js,
//! with its reason: it must still differ, so a fix shows up as a failure
//! asking for the note to go.

use serde_json::Value;

use crate::detect::Format;
use crate::input::parse_with;
use crate::rich_text::CanonicalHtml;
use crate::style::engine::Engine;
use crate::style::locale::Locale;
use crate::style::tree::{self, Element};

/// The en-US locale, as the built-in styles get it.
pub(crate) fn en_us() -> Locale {
    let mut locale = Locale::default();
    locale.absorb(locale_element());
    locale
}

/// Run every case of `tests/style-fragments/{concept}.json` and fail with
/// every difference from citeproc-js.
pub(crate) fn check(concept: &str) {
    let path = format!(
        "{}/tests/style-fragments/{concept}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let file = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let file: Value = serde_json::from_str(&file).unwrap_or_else(|e| panic!("{path}: {e}"));
    let cases = file["cases"].as_array().expect("a `cases` array");
    assert!(!cases.is_empty(), "{path} has no cases");
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap_or("(unnamed)");
        let (Some(csl), Some(text), Some(html)) = (
            case["csl"].as_str(),
            case["text"].as_str(),
            case["html"].as_str(),
        ) else {
            panic!("{path}: `{name}` has no expected output: run node tests/oracle/fragments.mjs");
        };
        let engine =
            Engine::new(style(csl), vec![locale_element()], "en-US").expect("a bibliography");
        let item = serde_json::to_string(&case["item"]).expect("JSON");
        let document = parse_with(&item, Some(Format::CslJson), &CanonicalHtml)
            .unwrap_or_else(|e| panic!("{path}: `{name}`: {e}"));
        let record = document.records[0]
            .as_ref()
            .unwrap_or_else(|e| panic!("{path}: `{name}`: {e}"));
        let entry = engine.entry(&record.reference);
        let same = entry.text == text && entry.html == html;
        if let Some(why) = case["differs"].as_str() {
            // A known difference, kept so that it cannot be fixed unnoticed.
            if same {
                failures.push(format!(
                    "{name}: now identical to citeproc-js; remove its `differs` ({why})"
                ));
            }
            continue;
        }
        if !same {
            failures.push(format!(
                "{name}\n  citeproc-js {text:?}\n  citecard    {:?}\n  citeproc-js {html:?}\n  citecard    {:?}",
                entry.text, entry.html
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{path}: {} of {} cases differ from citeproc-js:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

fn locale_element() -> Element {
    tree::locale("en-US").expect("the compiled en-US locale")
}

/// A CSL file as a tree, the way `build.rs` writes one (every element kept:
/// a fragment has nothing to drop).
fn style(xml: &str) -> Element {
    fn leak(s: &str) -> &'static str {
        Box::leak(s.to_owned().into_boxed_str())
    }
    fn convert(node: roxmltree::Node<'_, '_>) -> Element {
        let leaf = !node.children().any(|c| c.is_element());
        let text: String = if leaf {
            node.children().filter_map(|c| c.text()).collect()
        } else {
            String::new()
        };
        Element {
            name: leak(node.tag_name().name()),
            attrs: node
                .attributes()
                .map(|a| (leak(a.name()), leak(a.value())))
                .collect(),
            children: node
                .children()
                .filter(|c| c.is_element())
                .map(convert)
                .collect(),
            text: leak(&text),
            id: 0,
        }
    }
    let doc = roxmltree::Document::parse(xml).expect("a fragment is well-formed XML");
    convert(doc.root_element())
}
