//! Locale files and terms (CSL 1.0.2, "Locale Files", "Locale Fallback"
//! and "Terms"): the locale files for the chosen language with the style's
//! own `<locale>` overrides on top.

use std::collections::BTreeMap;

use crate::style::output::Punctuation;
use crate::style::tree::{self, Element};

/// A term's form, singular and plural text.
#[derive(Debug, Clone, Copy)]
struct Term {
    form: &'static str,
    single: &'static str,
    multiple: &'static str,
}

/// Terms and date formats: the locale files for a language, with the
/// style's overrides.
#[derive(Debug, Default)]
pub(crate) struct Locale {
    /// Each term's forms, by name.
    terms: BTreeMap<&'static str, Vec<Term>>,
    /// The localised date formats, by form (`text`, `numeric`).
    dates: BTreeMap<&'static str, Element>,
    /// `<style-options punctuation-in-quote>`: commas and periods go inside
    /// closing quotes (en-US), or stay outside (en-GB, most others).
    pub(crate) punctuation_in_quote: bool,
    /// `<style-options limit-day-ordinals-to-day-1>`: "1er", then "2" (fr).
    pub(crate) limit_day_ordinals: bool,
}

/// Whether a term is an ordinal suffix (`ordinal`, `ordinal-00` to `-99`).
fn is_ordinal(name: Option<&str>) -> bool {
    name.is_some_and(|n| {
        n == "ordinal"
            || n.strip_prefix("ordinal-")
                .is_some_and(|d| d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// The language part of a locale tag (`de` of `de-AT`).
pub(crate) fn language(lang: &str) -> &str {
    lang.split('-').next().unwrap_or(lang)
}

/// The locale file a bare language or a tag without its own file means
/// (`de` → `de-DE`), from the CSL locales' `primary-dialects`.
pub(crate) fn primary_dialect(lang: &str) -> Option<&'static str> {
    let language = language(lang);
    tree::PRIMARY_DIALECTS
        .iter()
        .find(|(l, _)| l.eq_ignore_ascii_case(language))
        .map(|(_, dialect)| *dialect)
}

/// The built-in locale files for `lang`, in the order CSL's locale fallback
/// applies them (each later one wins): en-US, the primary dialect of the
/// language, and the tag's own file.
pub(crate) fn built_in_files(lang: &str) -> Vec<Element> {
    let mut langs = vec!["en-US"];
    langs.extend(primary_dialect(lang));
    langs.push(lang);
    let mut seen: Vec<&str> = Vec::new();
    langs
        .into_iter()
        .filter(|l| {
            let new = !seen.iter().any(|s| s.eq_ignore_ascii_case(l));
            seen.push(l);
            new
        })
        .filter_map(tree::locale)
        .collect()
}

/// How much a style's `<locale xml:lang>` applies to `lang`: `None` not at
/// all; then, in increasing priority, no language, the same language
/// (`de` for `de-AT`), the same tag.
pub(crate) fn style_locale_rank(locale: &Element, lang: &str) -> Option<u8> {
    match locale.attr("lang") {
        None => Some(0),
        Some(l) if l.eq_ignore_ascii_case(lang) => Some(2),
        Some(l) if !l.contains('-') && l.eq_ignore_ascii_case(language(lang)) => Some(1),
        Some(_) => None,
    }
}

impl Locale {
    /// The terms for `lang`: the locale `files` (each later one wins), then
    /// the style's own `<locale>`s that apply to `lang`, least specific
    /// first.
    pub(crate) fn for_style(files: Vec<Element>, style: &[Element], lang: &str) -> Locale {
        let mut locale = Locale::default();
        for file in files {
            locale.absorb(file);
        }
        let mut own: Vec<(u8, &Element)> = style
            .iter()
            .filter_map(|l| Some((style_locale_rank(l, lang)?, l)))
            .collect();
        own.sort_by_key(|(rank, _)| *rank);
        for (_, element) in own {
            locale.absorb(element.clone());
        }
        locale
    }

    /// Add the terms and dates of a `<locale>` element, replacing earlier ones.
    pub(crate) fn absorb(&mut self, locale: Element) {
        for child in locale.children {
            match child.name {
                "terms" => {
                    // A locale that defines ordinal suffixes replaces them
                    // all (CSL 1.0.2, "Ordinal Suffixes").
                    if child.children.iter().any(|t| is_ordinal(t.attr("name"))) {
                        self.terms.retain(|name, _| !is_ordinal(Some(name)));
                    }
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
                "style-options" => {
                    if let Some(value) = child.attr("punctuation-in-quote") {
                        self.punctuation_in_quote = value == "true";
                    }
                    if let Some(value) = child.attr("limit-day-ordinals-to-day-1") {
                        self.limit_day_ordinals = value == "true";
                    }
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

    /// The quotation marks and the punctuation rule of this locale.
    pub(crate) fn punctuation(&self) -> Punctuation {
        let mut punctuation = Punctuation {
            in_quote: self.punctuation_in_quote,
            ..Punctuation::default()
        };
        let names = [
            "open-quote",
            "close-quote",
            "open-inner-quote",
            "close-inner-quote",
        ];
        for (mark, name) in punctuation.quotes.iter_mut().zip(names) {
            if let Some(term) = self.term(name, "long", false) {
                *mark = term;
            }
        }
        punctuation
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
