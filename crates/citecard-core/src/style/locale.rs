//! Locale files and terms (CSL 1.0.2, "Locale Files" and "Terms"): the
//! en-US locale with the style's own `<locale>` overrides on top.

use std::collections::BTreeMap;

use crate::style::tree::Element;

/// A term's form, singular and plural text.
#[derive(Debug, Clone, Copy)]
struct Term {
    form: &'static str,
    single: &'static str,
    multiple: &'static str,
}

/// Terms and date formats: the en-US locale, with the style's overrides.
#[derive(Debug, Default)]
pub(crate) struct Locale {
    /// Each term's forms, by name.
    terms: BTreeMap<&'static str, Vec<Term>>,
    /// The localised date formats, by form (`text`, `numeric`).
    dates: BTreeMap<&'static str, Element>,
}

impl Locale {
    /// Add the terms and dates of a `<locale>` element, replacing earlier ones.
    pub(crate) fn absorb(&mut self, locale: Element) {
        for child in locale.children {
            match child.name {
                "terms" => {
                    for t in child.children {
                        let name = t.attr("name").unwrap_or_default();
                        let form = t.attr("form").unwrap_or("long");
                        let (single, multiple) = match (t.child("single"), t.child("multiple")) {
                            (Some(s), Some(m)) => (s.text, m.text),
                            _ => (t.text, t.text),
                        };
                        let forms = self.terms.entry(name).or_default();
                        forms.retain(|f| f.form != form);
                        forms.push(Term {
                            form,
                            single,
                            multiple,
                        });
                    }
                }
                "date" => {
                    let form = child.attr("form").unwrap_or_default();
                    self.dates.insert(form, child);
                }
                _ => {}
            }
        }
    }

    /// A term in `form`, falling back as CSL prescribes (verb-short → verb →
    /// long, symbol → short → long, short → long).
    pub(crate) fn term(&self, name: &str, form: &str, plural: bool) -> Option<&'static str> {
        let chain: &[&str] = match form {
            "verb-short" => &["verb-short", "verb", "long"],
            "symbol" => &["symbol", "short", "long"],
            "short" => &["short", "long"],
            "verb" => &["verb", "long"],
            _ => &["long"],
        };
        let forms = self.terms.get(name)?;
        chain.iter().find_map(|form| {
            forms
                .iter()
                .find(|t| t.form == *form)
                .map(|t| if plural { t.multiple } else { t.single })
        })
    }

    /// The localised date format `form` (`text` or `numeric`).
    pub(crate) fn date(&self, form: &str) -> Option<&Element> {
        self.dates.get(form)
    }
}

#[cfg(test)]
mod tests {
    use crate::style::fragments;

    /// Term forms and their fallbacks, and a style's `<locale>` overriding
    /// the en-US terms, against citeproc-js.
    #[test]
    fn terms_as_citeproc_js_renders_them() {
        fragments::check("locale");
    }

    #[test]
    fn forms_fall_back_in_csl_order() {
        let locale = fragments::en_us();
        // en-US has a verb-short "editor", but no verb-short "chair":
        // the verb form answers for it.
        assert_eq!(locale.term("editor", "verb-short", false), Some("ed. by"));
        assert_eq!(
            locale.term("chair", "verb-short", false),
            Some("chaired by")
        );
        assert_eq!(locale.term("page", "symbol", true), Some("pp."));
        assert_eq!(locale.term("no-such-term", "long", false), None);
    }
}
