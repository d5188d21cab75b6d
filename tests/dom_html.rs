//! Browser tests: the browser's DOMParser reads abstracts exactly as html5gum does.
#![cfg(target_arch = "wasm32")]

use citecard::html::tokenizer;
use citecard_core::rich_text::{html_to_text, Html5gum, RichText};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The abstracts of the shared BookSci records, plus hostile and malformed HTML.
const SAMPLES: &[&str] = &[
    "<p><strong>Purpose: </strong>One.</p><p><strong>Findings: </strong>Two <b>bold</b>.</p>",
    "<div><h3>Context:</h3>Some context.<h3>Method</h3><p>We did.</p></div>",
    "<p><p>Unbalanced</p>",
    "<div>\u{0}\n <p>Wiley NULs</p>\u{0}\n </div>",
    "<div><div>First</div><div>Second</div></div>",
    "<p>A <span>irr</span>-based view, $1.7 text{pA}/sqrt{text{Hz}}$</p>",
    "<jats:sec><jats:title>Background</jats:title><jats:p>JATS <jats:italic>text</jats:italic>.</jats:p></jats:sec>",
    "<img src=x onerror=alert(1)>Hi<script>alert(2)</script><style>p{}</style> <a href=\"javascript:x\">there</a>",
    "<svg><script>alert(3)</script></svg>text<iframe src=\"javascript:alert(4)\"></iframe>",
    "Plain &amp; simple &lt;b&gt; entities &nbsp;&copy;",
    "<ul><li>one</li><li>two<br>three</li></ul>",
];

#[wasm_bindgen_test]
fn dom_parser_and_html5gum_agree_on_abstracts() {
    for sample in SAMPLES {
        assert_eq!(
            RichText::from_html_with(sample, tokenizer()),
            RichText::from_html_with(sample, &Html5gum),
            "for {sample:?}"
        );
    }
}

#[wasm_bindgen_test]
fn dom_parser_decodes_entities_in_names() {
    assert_eq!(
        html_to_text("Jiali Liang ,&nbsp;Lin Chen &amp; Co", tokenizer()),
        "Jiali Liang , Lin Chen & Co"
    );
}
