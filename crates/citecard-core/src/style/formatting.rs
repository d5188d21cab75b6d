//! Formatting, affixes and text case (CSL 1.0.2, "Formatting", "Affixes",
//! "Quotes", "Strip-periods", "Text-case", "Font-variant", "Text-decoration"
//! and "Vertical-align"), applied to what a rendering
//! element produced.

use crate::style::engine::Ctx;
use crate::style::output::{is_unitalic_script, Markup, Piece};
use crate::style::text_case::{self, Case};
use crate::style::tree::Element;

impl Ctx<'_> {
    /// Font style, weight, quotes, text case and affixes of a rendering element.
    pub(crate) fn decorate(&self, el: &Element, mut piece: Piece) -> Piece {
        // Most elements render nothing for a given record: nothing to do.
        if piece.node_ref().is_none() || el.attrs.is_empty() {
            return piece;
        }
        let (mut case, mut strip, mut quotes, mut italic, mut bold) =
            (None, false, false, false, false);
        let (mut prefix, mut suffix, mut variable) = ("", "", false);
        let mut marks = Vec::new();
        // A `<text variable>` had its case applied to the raw value; on a
        // `<text macro>` or a `<group>` citeproc-js applies none at all.
        let variable_text = el.name == "text" && el.attr("variable").is_some();
        let uncased = el.name == "group" || (el.name == "text" && el.attr("macro").is_some());
        for (key, value) in &el.attrs {
            match *key {
                "text-case" if !variable_text && !uncased => case = self.element_case(el, value),
                "strip-periods" => strip = *value == "true",
                "quotes" => quotes = *value == "true",
                "font-style" => italic = matches!(*value, "italic" | "oblique"),
                "font-weight" => bold = *value == "bold",
                "vertical-align" => match *value {
                    "sup" => marks.push(Markup::Superscript),
                    "sub" => marks.push(Markup::Subscript),
                    "baseline" => marks.push(Markup::Baseline),
                    _ => {}
                },
                "font-variant" if *value == "small-caps" => marks.push(Markup::SmallCaps),
                "text-decoration" if *value == "underline" => marks.push(Markup::Underline),
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
        if quotes {
            piece = piece.quoted();
        }
        // citeproc-js sets no italics on a variable in a script that has
        // none (Chinese, Japanese), though a group's italics still apply.
        if italic
            && !(el.name == "text" && variable && piece.node_ref().is_some_and(is_unitalic_script))
        {
            piece = piece.italic();
        }
        if bold {
            piece = piece.bold();
        }
        for markup in marks {
            piece = piece.aligned(markup);
        }
        piece.affixed(prefix, suffix)
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
        let english = self
            .item
            .reference()
            .language
            .as_deref()
            .is_none_or(|l| l.is_empty() || l.to_ascii_lowercase().starts_with("en"));
        (case != Case::Title || english).then_some(case)
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
