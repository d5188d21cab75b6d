//! Rendering elements (CSL 1.0.2, "Rendering Elements"): `<text>` (a
//! variable, a macro, a term or a value), `<label>` and `<group>`; dates,
//! numbers and names have files of their own.

use std::borrow::Cow;

use crate::style::engine::Ctx;
use crate::style::number::{is_numeric, prefixes_differ};
use crate::style::output::{self, group, macro_, term, var, Piece};
use crate::style::page_range::{self, pages};
use crate::style::text_case::{self, Case};
use crate::style::tree::Element;

/// The variables citeproc-js can hold in several languages, where title
/// case is for English items only.
const MULTILINGUAL: [&str; 15] = [
    "archive",
    "archive-place",
    "authority",
    "collection-title",
    "container-title",
    "country",
    "event",
    "event-place",
    "genre",
    "jurisdiction",
    "medium",
    "publisher",
    "publisher-place",
    "title",
    "title-short",
];

impl<'a> Ctx<'a> {
    /// `<text>`: a variable, a macro, a term or a value.
    pub(crate) fn text(&self, el: &'a Element) -> Piece {
        if let Some(name) = el.attr("variable") {
            // The case applies to the whole value, before quotes inside it
            // become their own nodes (title case looks at the last word).
            // citeproc-js keeps title case to English items only for the
            // variables it can hold in several languages (its
            // `MULTI_FIELDS`); the others are title-cased whatever the
            // language ("Berichte Und …" as a German part-title).
            let case = el.attr("text-case").and_then(|c| {
                if MULTILINGUAL.contains(&name) {
                    self.case(c)
                } else {
                    Case::from_csl(c)
                }
            });
            return self.decorate(el, self.variable(name, el.attr("form"), case));
        }
        if el.attr("macro").is_some() {
            let Some(body) = self.engine.macro_for(el) else {
                return Piece::default();
            };
            // citeproc-js runs a macro as a group of its own (a "real
            // group"): one whose variables all rendered nothing is empty,
            // terms and values in it too.
            let attempted = self.leading_term.number_attempted.get();
            let piece = macro_(group("", self.children(&body.children)));
            self.leading_term.restore_if_empty(attempted, &piece);
            return self.decorate(el, piece);
        }
        if let Some(name) = el.attr("term") {
            let plural = el.attr("plural") == Some("true");
            let form = el.attr("form").unwrap_or("long");
            let text = self.locale.term(name, form, plural).unwrap_or("");
            if !text.is_empty() {
                self.leading_term.term_written.set(true);
            }
            return self.decorate(el, term(text));
        }
        if let Some(value) = el.attr("value") {
            return self.decorate(el, output::value(value));
        }
        Piece::default()
    }

    /// `<text variable=…>`: the variable's value, short form where asked.
    fn variable(&self, name: &str, form: Option<&str>, case: Option<Case>) -> Piece {
        // citeproc-js does not count the disambiguation suffix as a
        // variable: "n.d." and an empty year-suffix in a group still render.
        if name == "year-suffix" {
            return Piece::default();
        }
        if self.is_suppressed(name) {
            return var(None);
        }
        let value = match form {
            Some("short") => self
                .item
                .text(&format!("{name}-short"))
                .or_else(|| self.item.text(name)),
            _ => self.item.text(name),
        };
        let dash = self.range_dash();
        let value = value.map(|v| match name {
            "page" => Cow::Owned(pages(&v, self.engine.page_range_format, dash)),
            "URL" if form == Some("short") => Cow::Owned(short_url(&v)),
            // A numeric range in a number variable gets the locale's range
            // dash, as in `<number>` ("12-14" → "12–14"); other text stays
            // as written.
            "volume" | "issue" | "number" | "edition" | "chapter-number" | "collection-number"
            | "number-of-pages" | "number-of-volumes"
                if v.contains('-') =>
            {
                if is_numeric(&v) && !prefixes_differ(&v) {
                    Cow::Owned(v.replace("--", "-").replace('-', dash))
                } else {
                    self.falling_range(&v).map_or(v, Cow::Owned)
                }
            }
            _ => v,
        });
        if value.is_some() {
            self.record(name);
        } else if matches!(name, "volume" | "issue" | "number" | "edition")
            && !self.leading_term.term_written.get()
        {
            // citeproc-js counts an attempt at one of these as text written
            // before a term (its `term_predecessor`): the first term after
            // it is not capitalised ("1. (n.d.)").
            self.leading_term.number_attempted.set(true);
        }
        let value = match (value, case) {
            (Some(v), Some(case)) => Some(Cow::Owned(text_case::convert(&v, case))),
            (v, _) => v,
        };
        var(value.as_deref())
    }

    /// `<group>`: its children joined by its delimiter, or nothing when it
    /// called variables and none of them rendered.
    pub(crate) fn group(&self, el: &'a Element) -> Piece {
        let attempted = self.leading_term.number_attempted.get();
        let children = self.children(&el.children);
        let piece = group(el.attr("delimiter").unwrap_or(""), children);
        self.leading_term.restore_if_empty(attempted, &piece);
        self.decorate(el, piece)
    }

    /// `<label>`; `count` is the number of names for a label in `<names>`.
    pub(crate) fn label(&self, el: &Element, names: Option<(&str, usize)>) -> Piece {
        let (name, plural) = match names {
            Some((name, count)) => (name, count > 1),
            None => {
                let Some(name) = el.attr("variable") else {
                    return Piece::default();
                };
                // citeproc-js writes the label of a variable the item
                // does not have too, singular, like a term: "Vol." with
                // no volume (and, like a term, a group of nothing else
                // still vanishes).
                let plural = match self.item.text(name) {
                    Some(value) if name.starts_with("number-of-") => {
                        value.trim().parse::<u64>().is_ok_and(|n| n > 1)
                    }
                    Some(value) => page_range::is_plural(&value),
                    None => false,
                };
                (name, plural)
            }
        };
        let plural = match el.attr("plural") {
            Some("always") => true,
            Some("never") => false,
            _ => plural,
        };
        let form = el.attr("form").unwrap_or("long");
        let text = self.locale.term(name, form, plural).unwrap_or("");
        self.decorate(el, output::value(text))
    }
}

/// A URL's short form, as citeproc-js writes it: cut at the first slash
/// after the last dotted path segment that has a slash after it (the host,
/// "https://example.org/page" → "https://example.org"), and without its
/// scheme when the host starts with "www.".
fn short_url(url: &str) -> String {
    // citeproc-js: /(.*\.[^\/]+)\/.*/ → "$1": the last slash whose
    // segment before it holds a dot.
    let cut = url.match_indices('/').map(|(i, _)| i).rfind(|&i| {
        let segment = &url[..i];
        segment
            .rfind('.')
            .is_some_and(|dot| dot + 1 < i && !segment[dot..].contains('/'))
    });
    let host = cut.map_or(url, |i| &url[..i]);
    let scheme = ["https://", "http://"]
        .iter()
        .filter_map(|scheme| host.find(scheme).map(|at| (at, scheme.len())))
        .min();
    match scheme {
        Some((at, len)) if host.contains("//www.") => {
            format!("{}{}", &host[..at], &host[at + len..])
        }
        _ => host.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use crate::style::fragments;

    /// Terms, values, macros, labels with their plurals and forms, and
    /// groups with CSL's suppression rule (a group of only terms, a group
    /// whose variables are empty, nested groups), against citeproc-js.
    #[test]
    fn rendering_elements_as_citeproc_js_writes_them() {
        fragments::check("rendering");
    }
}
