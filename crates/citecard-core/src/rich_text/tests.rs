//! The reading and writing of rich text, end to end through html5gum.

use super::*;

fn from_html(html: &str) -> RichText {
    RichText::from_html_with(html, &Html5gum)
}

fn text(t: &str) -> Inline {
    Inline::Text(t.to_owned())
}

fn paragraph(inlines: Vec<Inline>) -> Block {
    Block::Paragraph(inlines)
}

fn section(label: Option<&str>, blocks: Vec<Block>) -> Section {
    Section {
        label: label.map(str::to_owned),
        blocks,
    }
}

#[test]
fn strong_labels_open_sections_that_hold_later_paragraphs() {
    let rich = from_html(
        "<p><strong>Purpose: </strong>One.</p><p>More.</p><p><b>Findings:</b> Two <b>bold</b>.</p>",
    );
    assert_eq!(
        rich.sections,
        vec![
            section(
                Some("Purpose"),
                vec![
                    paragraph(vec![text("One.")]),
                    paragraph(vec![text("More.")])
                ]
            ),
            section(
                Some("Findings"),
                vec![paragraph(vec![
                    text("Two "),
                    Inline::Strong(vec![text("bold")]),
                    text(".")
                ])]
            ),
        ]
    );
}

#[test]
fn headings_and_jats_titles_label_sections() {
    let rich = from_html("<div><h3>Context:</h3>Some context.<h3>Method</h3><p>We did.</p></div>");
    assert_eq!(
        rich.sections,
        vec![
            section(
                Some("Context"),
                vec![paragraph(vec![text("Some context.")])]
            ),
            section(Some("Method"), vec![paragraph(vec![text("We did.")])]),
        ]
    );
    let jats = from_html(
        "<jats:sec><jats:title>Background</jats:title><jats:p>A <jats:italic>B</jats:italic> C<jats:sup>2</jats:sup>.</jats:p></jats:sec>",
    );
    assert_eq!(
        jats.sections,
        vec![section(
            Some("Background"),
            vec![paragraph(vec![
                text("A "),
                Inline::Emphasis(vec![text("B")]),
                text(" C"),
                Inline::Superscript(vec![text("2")]),
                text("."),
            ])]
        )]
    );
}

#[test]
fn bold_text_that_is_not_a_label_stays_bold() {
    let rich = from_html("<p><strong>Bold</strong> start.</p>");
    assert_eq!(
        rich.sections,
        vec![section(
            None,
            vec![paragraph(vec![
                Inline::Strong(vec![text("Bold")]),
                text(" start.")
            ])]
        )]
    );
}

#[test]
fn white_space_collapses_across_elements_and_around_breaks() {
    let rich = from_html("<p>  a \n <em> b </em>  c <br>  d<sub>2 </sub>  </p>");
    assert_eq!(
        rich.sections[0].blocks,
        vec![paragraph(vec![
            text("a "),
            Inline::Emphasis(vec![text("b ")]),
            text("c"),
            Inline::LineBreak,
            text("d"),
            Inline::Subscript(vec![text("2")]),
        ])]
    );
}

#[test]
fn lists_keep_their_items() {
    let rich = from_html("<p>Intro</p><ol><li>one</li><li><p>two</p> <em>x</em></li></ol>");
    assert_eq!(
        rich.sections[0].blocks,
        vec![
            paragraph(vec![text("Intro")]),
            Block::List {
                ordered: true,
                items: vec![
                    vec![text("one")],
                    vec![text("two "), Inline::Emphasis(vec![text("x")])]
                ]
            },
        ]
    );
    assert_eq!(rich.to_plain_text(), "Intro\n\n1. one\n2. two x");
    assert_eq!(
        rich.to_html(),
        "<p>Intro</p><ol><li>one</li><li>two <em>x</em></li></ol>"
    );
}

#[test]
fn unbalanced_nested_and_nul_input() {
    let rich = from_html("<div>\u{0}\n <p><p>First</p>\u{0}</div><div><div>Second</div></div>");
    assert_eq!(
        rich.sections,
        vec![section(
            None,
            vec![
                paragraph(vec![text("First")]),
                paragraph(vec![text("Second")])
            ]
        )]
    );
    let misnested = from_html("<p><em>a<strong>b</em>c</strong></p>");
    assert_eq!(
        misnested.sections[0].blocks,
        vec![paragraph(vec![
            Inline::Emphasis(vec![text("a"), Inline::Strong(vec![text("b")])]),
            text("c")
        ])]
    );
}

#[test]
fn hostile_markup_leaves_only_text() {
    let rich = from_html(
        "<img src=x onerror=alert(1)>Hi<script>alert(2)</script><style>p{}</style>\
         <svg><script>alert(3)</script></svg> <a href=\"javascript:x\" onclick=\"y\">there</a>\
         <svg/><embed src=x>!<textarea></p><script>alert(4)</script></textarea>",
    );
    assert_eq!(
        rich.sections,
        vec![section(None, vec![paragraph(vec![text("Hi there!")])])]
    );
    assert_eq!(rich.to_html(), "<p>Hi there!</p>");
}

#[test]
fn chinese_labels_with_full_width_colons() {
    let rich = from_html("<p><strong>目的：</strong>探讨。</p><p>方法：调查。</p>");
    assert_eq!(
        rich.sections,
        vec![
            section(Some("目的"), vec![paragraph(vec![text("探讨。")])]),
            section(Some("方法"), vec![paragraph(vec![text("调查。")])]),
        ]
    );
}

#[test]
fn html_output_escapes_text() {
    let rich = from_html("<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 'y'</p>");
    assert_eq!(
        rich.to_html(),
        "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>"
    );
}

#[test]
fn plain_text_labels_and_lines() {
    let rich = RichText::from_plain("Purpose: A.\n\nNot a label: B.\nResults:C.");
    assert_eq!(
        rich.sections,
        vec![
            section(
                Some("Purpose"),
                vec![
                    paragraph(vec![text("A.")]),
                    paragraph(vec![text("Not a label: B.")])
                ]
            ),
            section(Some("Results"), vec![paragraph(vec![text("C.")])]),
        ]
    );
    assert_eq!(
        rich.to_plain_text(),
        "Purpose: A.\n\nNot a label: B.\n\nResults: C."
    );
}
