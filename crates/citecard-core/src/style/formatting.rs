//! Formatting, affixes and text case (CSL 1.0.2, "Formatting", "Affixes",
//! "Quotes", "Strip-periods", "Text-case", "Font-variant", "Text-decoration"
//! and "Vertical-align"), applied to what a rendering
//! element produced.

use crate::style::engine::{language_code, Ctx};
use crate::style::output::{is_unitalic_script, Markup, Node, Piece};
use crate::style::text_case::{self, Case};
use crate::style::tree::Element;

impl Ctx<'_> {
    /// Font style, weight, quotes, text case and affixes of a rendering element.
    pub(crate) fn decorate(&self, el: &Element, piece: Piece) -> Piece {
        self.decorate_with(el, piece, true)
    }

    /// [`Ctx::decorate`], with the element's affixes (`affixes`) or not.
    pub(crate) fn decorate_with(&self, el: &Element, mut piece: Piece, affixes: bool) -> Piece {
        // Most elements render nothing for a given record: nothing to do.
        if piece.node_ref().is_none() {
            return piece;
        }
        // citeproc-js moves the trailing space of the last child's suffix
        // up to an element without formatting, where it no longer keeps a
        // prefix's space beside it (see `Affix::FormattedSuffix`).
        if !is_formatted(el) {
            if let Some(node) = piece.node_mut() {
                node.plain_last_suffix();
            }
        }
        if el.attrs.is_empty() {
            return piece;
        }
        let (mut case, mut strip, mut quotes) = (None, false, false);
        let (mut prefix, mut suffix, mut variable) = ("", "", false);
        // A `<text variable>` had its case applied to the raw value; on a
        // `<text macro>` or a `<group>` citeproc-js applies none at all.
        let variable_text = el.name == "text" && el.attr("variable").is_some();
        let uncased = el.name == "group" || (el.name == "text" && el.attr("macro").is_some());
        for (key, value) in &el.attrs {
            match *key {
                "text-case" if !variable_text && !uncased => case = self.element_case(el, value),
                "strip-periods" => strip = *value == "true",
                "quotes" => quotes = *value == "true",
                "prefix" => prefix = value,
                "suffix" => suffix = value,
                "variable" => variable = true,
                _ => {}
            }
        }
        if let Some(case) = case {
            let mut converter = text_case::Converter::new(case);
            piece = piece.map_text(&mut |t: &str| converter.apply(t));
        }
        if strip {
            piece = piece.map_text(&mut |t: &str| strip_periods(t));
        }
        // The fonts, innermost first as citeproc-js nests them: style,
        // variant, weight, decoration, vertical alignment; then quotes.
        for key in [
            "font-style",
            "font-variant",
            "font-weight",
            "text-decoration",
            "vertical-align",
        ] {
            let Some(value) = el.attr(key) else { continue };
            // citeproc-js sets no italics on a variable in a script that
            // has none (Chinese, Japanese), though a group's italics still
            // apply.
            if key == "font-style"
                && value != "normal"
                && el.name == "text"
                && variable
                && piece.node_ref().is_some_and(is_unitalic_script)
            {
                continue;
            }
            piece = piece.map_node(|node| match (key, value) {
                // On a `<text variable>` whose value ends in its own
                // italics (or bold), citeproc-js writes "normal" wherever
                // it is ("Fuzzing the <i>Unfuzzable</i>").
                ("font-style", "normal")
                    if variable_text && node.ends_with_markup(Markup::Italic) =>
                {
                    Node::Markup(Markup::NormalStyleOverItalics, vec![node])
                }
                ("font-weight", "normal")
                    if variable_text && node.ends_with_markup(Markup::Bold) =>
                {
                    Node::Markup(Markup::NormalWeightOverBold, vec![node])
                }
                _ => font(key, value, node),
            });
        }
        if quotes {
            piece = piece.quoted();
        }
        if !affixes {
            return piece;
        }
        piece.affixed_as(prefix, suffix, is_formatted(el))
    }

    /// An element's text case. citeproc-js title-cases a term, a value or a
    /// label whatever the item's language ("(Eds.)" for a German book), and
    /// only the text from the item (a variable, a macro, a group) as English.
    fn element_case(&self, el: &Element, name: &str) -> Option<Case> {
        let fixed_text = el.name == "label"
            || (el.name == "text" && (el.attr("term").or(el.attr("value")).is_some()));
        match Case::from_csl(name)? {
            Case::Title if fixed_text => Some(Case::Title),
            _ => self.case(name),
        }
    }

    /// A text case for the item's own text, or `None` where citeproc-js
    /// leaves it alone (title case is for English only).
    pub(crate) fn case(&self, name: &str) -> Option<Case> {
        let case = Case::from_csl(name)?;
        // The item's language, or else the style's (citeproc-js's
        // `getFieldLocale`): title case is for English only.
        let english = match self.item.reference().language.as_deref() {
            Some(lang) if !lang.is_empty() => language_code(lang) == "en",
            _ => self.engine.lang == "en",
        };
        (case != Case::Title || english).then_some(case)
    }
}

/// Whether an element has what citeproc-js calls decorations: fonts or
/// quotes.
fn is_formatted(el: &Element) -> bool {
    el.attrs.iter().any(|(key, value)| {
        matches!(
            *key,
            "font-style" | "font-variant" | "font-weight" | "text-decoration" | "vertical-align"
        ) || (*key == "quotes" && *value == "true")
    })
}

/// `node` in one font attribute of a `<name-part>` or a `<date-part>`
/// (`key` and `value`); any other attribute leaves it as it is.
pub(crate) fn font(key: &str, value: &str, node: Node) -> Node {
    match (key, value) {
        ("font-style", "italic" | "oblique") => Node::Italic(vec![node]),
        ("font-style", "normal") => Node::Markup(Markup::NormalStyle, vec![node]),
        ("font-weight", "bold") => Node::Bold(vec![node]),
        ("font-weight", "normal") => Node::Markup(Markup::NormalWeight, vec![node]),
        ("font-variant", "small-caps") => Node::Markup(Markup::SmallCaps, vec![node]),
        ("font-variant", "normal") => Node::Markup(Markup::NormalVariant, vec![node]),
        ("text-decoration", "underline") => Node::Markup(Markup::Underline, vec![node]),
        ("text-decoration", "none") => Node::Markup(Markup::NoDecoration, vec![node]),
        ("vertical-align", "sup") => Node::Markup(Markup::Superscript, vec![node]),
        ("vertical-align", "sub") => Node::Markup(Markup::Subscript, vec![node]),
        ("vertical-align", "baseline") => Node::Markup(Markup::Baseline, vec![node]),
        _ => node,
    }
}

/// `strip-periods`, as citeproc-js applies it: a period goes when what
/// follows it is not a lower-case letter (or nothing follows), so the
/// periods of abbreviations and terms go ("Natl. Acad." → "Natl Acad",
/// "U.S." → "US") and those inside words stay ("arXiv.org",
/// "www.nap.edu"). The character after a removed period is never itself
/// removed ("A..B" → "A.B").
pub(crate) fn strip_periods(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '.' {
            out.push(c);
            continue;
        }
        match chars.peek() {
            Some(next) if next.is_ascii_lowercase() => out.push(c),
            Some(_) => {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::strip_periods;
    use crate::style::CslStyle;
    use crate::Reference;

    /// Title case applies to English text only: the item's language, or
    /// else the style's. Expected as citeproc-js 2.4.63 writes a title in
    /// a style whose `default-locale` is es-ES.
    #[test]
    fn title_case_follows_the_item_language_else_the_style_language() {
        let style = CslStyle::compile(
            r#"<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="es-ES">
              <citation><layout><text variable="title"/></layout></citation>
              <bibliography><layout><text variable="title" text-case="title"/></layout></bibliography>
            </style>"#,
        )
        .expect("a valid style");
        let cases = [
            (None, "the rise of open access"),
            (Some("english"), "The Rise of Open Access"),
            (Some("en-GB"), "The Rise of Open Access"),
            (Some("de"), "the rise of open access"),
        ];
        for (language, expected) in cases {
            let reference = Reference {
                title: Some("the rise of open access".into()),
                language: language.map(str::to_owned),
                ..Default::default()
            };
            assert_eq!(style.cite(&reference).text, expected, "{language:?}");
        }
    }

    #[test]
    fn strip_periods_keeps_periods_inside_words() {
        assert_eq!(strip_periods("Natl. Acad. Press"), "Natl Acad Press");
        assert_eq!(
            strip_periods("arXiv.org, www.nap.edu/x.y"),
            "arXiv.org, www.nap.edu/x.y"
        );
        assert_eq!(strip_periods("e.g. the U.S. case"), "e.g the US case");
        assert_eq!(strip_periods("A..B."), "A.B");
    }

    use crate::style::fragments;

    /// Italics, bold, quotes with punctuation moved inside, strip-periods,
    /// affixes and every text case (title case for English only), against
    /// citeproc-js.
    #[test]
    fn formatting_as_citeproc_js_writes_it() {
        fragments::check("formatting");
    }
}
