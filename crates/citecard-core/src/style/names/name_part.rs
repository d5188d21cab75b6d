//! Name-part formatting (CSL 1.0.2, "Name-part Formatting"): the text
//! case, affixes and fonts a `<name-part>` gives a family or given name.

use super::NameOpts;
use crate::style::formatting::font;
use crate::style::output::Node;
use crate::style::text_case::{self, Case};
use crate::style::tree::Element;

/// Marks around a family (`FAMILY`) or given name (`GIVEN`) whose
/// `<name-part>` sets fonts, in the name's text until [`with_part_fonts`]
/// turns them into formatted nodes: a name is written as text, joined
/// with others, and only then laid out. Private-use characters, which no
/// record is read with.
pub(super) const FAMILY: (char, char) = ('\u{E020}', '\u{E021}');
pub(super) const GIVEN: (char, char) = ('\u{E022}', '\u{E023}');

/// A family or given name as its `<name-part>` formats it: text case,
/// affixes and, between marks, fonts (CSL 1.0.2, "Name-part Formatting").
pub(super) fn name_part(part: Option<&Element>, text: &str) -> String {
    let Some(part) = part.filter(|_| !text.is_empty()) else {
        return text.to_owned();
    };
    format!(
        "{}{}{}",
        part.attr("prefix").unwrap_or(""),
        with_marks(part, &part_case(Some(part), text)),
        part.attr("suffix").unwrap_or("")
    )
}

/// `text` between its part's marks, when the part sets fonts.
pub(super) fn with_marks(part: &Element, text: &str) -> String {
    let (open, close) = if part.attr("name") == Some("given") {
        GIVEN
    } else {
        FAMILY
    };
    if fonts(part, Node::Text(String::new())) == Node::Text(String::new()) {
        return text.to_owned();
    }
    format!("{open}{text}{close}")
}

/// `node` in the fonts a `<name-part>` sets (not its case or affixes).
/// citeproc-js writes no "normal" font of a name part, even inside a
/// `<names>` in small capitals.
fn fonts(el: &Element, node: Node) -> Node {
    el.attrs
        .iter()
        .filter(|(_, value)| !matches!(*value, "normal" | "none"))
        .fold(node, |node, (key, value)| font(key, value, node))
}

/// `node` with the text between name-part marks set in their part's fonts.
pub(super) fn with_part_fonts(node: Node, opts: &NameOpts<'_>) -> Node {
    fn split(text: &str, opts: &NameOpts<'_>) -> Node {
        let mut nodes = Vec::new();
        let mut rest = text;
        while let Some(at) = rest.find([FAMILY.0, GIVEN.0]) {
            if at > 0 {
                nodes.push(Node::Text(rest[..at].to_owned()));
            }
            let open = rest[at..].chars().next().unwrap_or(FAMILY.0);
            let (close, part) = if open == GIVEN.0 {
                (GIVEN.1, opts.given_part)
            } else {
                (FAMILY.1, opts.family_part)
            };
            let inner = &rest[at + open.len_utf8()..];
            let end = inner.find(close).unwrap_or(inner.len());
            let text = Node::Text(inner[..end].to_owned());
            nodes.push(match part {
                Some(part) => fonts(part, text),
                None => text,
            });
            rest = inner.get(end + close.len_utf8()..).unwrap_or("");
        }
        if !rest.is_empty() {
            nodes.push(Node::Text(rest.to_owned()));
        }
        Node::Seq(nodes)
    }
    match node {
        Node::Text(t) if t.contains([FAMILY.0, GIVEN.0]) => split(&t, opts),
        Node::Italic(c) => Node::Italic(c.into_iter().map(|n| with_part_fonts(n, opts)).collect()),
        Node::Bold(c) => Node::Bold(c.into_iter().map(|n| with_part_fonts(n, opts)).collect()),
        Node::Markup(m, c) => {
            Node::Markup(m, c.into_iter().map(|n| with_part_fonts(n, opts)).collect())
        }
        Node::Seq(c) => Node::Seq(c.into_iter().map(|n| with_part_fonts(n, opts)).collect()),
        other => other,
    }
}

/// `text` in the text case of a `<name-part>`.
pub(super) fn part_case(part: Option<&Element>, text: &str) -> String {
    match part
        .and_then(|p| p.attr("text-case"))
        .and_then(Case::from_csl)
    {
        Some(case) => text_case::convert(text, case),
        None => text.to_owned(),
    }
}
