//! A CSL 1.0.2 processor for one-entry bibliographies, run over the
//! official style files themselves, so that a style is data rather than
//! code.
//!
//! This file holds the style as a whole (its options, macros and compiled
//! conditions) and the state of one entry being rendered. Each part of the
//! specification has its own file beside it: [`locale`](super::locale),
//! [`condition`](super::condition), [`variables`](super::variables),
//! [`rendering`](super::rendering) (`<text>`, `<label>`, `<group>`),
//! [`date`](super::date), [`number`](super::number),
//! [`page_range`](super::page_range), [`names`](super::names) and
//! [`formatting`](super::formatting); [`output`] is the
//! output model with citeproc-js's output rules. Where CSL leaves room, the
//! engine does what citeproc-js does; `tests/styles.rs` compares every
//! style with citeproc-js's output, and each file's unit tests compare
//! small CSL fragments (`tests/style-fragments/`).

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use crate::model::Reference;
use crate::style::condition::Conditions;
use crate::style::locale::Locale;
use crate::style::output::{self, seq, Affix, Entry, Node, Piece};
use crate::style::tree::Element;
use crate::style::variables::Item;

/// Attributes that `<style>` and `<bibliography>` pass down to names.
const INHERITED_NAME_ATTRIBUTES: [&str; 13] = [
    "and",
    "delimiter-precedes-et-al",
    "delimiter-precedes-last",
    "et-al-min",
    "et-al-use-first",
    "et-al-use-last",
    "initialize",
    "initialize-with",
    "name-as-sort-order",
    "sort-separator",
    "name-form",
    "name-delimiter",
    "names-delimiter",
];

/// A parsed style, ready to format entries.
#[derive(Debug)]
pub(crate) struct Engine {
    root: Element,
    bibliography: usize,
    pub(crate) locale: Locale,
    /// The compiled test of every `<if>` and `<else-if>`.
    pub(crate) conditions: Conditions,
    /// For each `<text macro>`, by element id: where its macro is among the
    /// style's children (an unknown macro renders nothing).
    macros: Vec<Option<usize>>,
    pub(crate) inherited: Vec<(&'static str, &'static str)>,
    pub(crate) page_range_format: Option<&'static str>,
    pub(crate) demote_particle: bool,
    pub(crate) initialize_with_hyphen: bool,
    second_field_align: bool,
    pub(crate) expand_given_names: bool,
    /// The language the style formats in, as citeproc-js reads a field's
    /// language for text case: its first two letters, lower-cased ("en").
    pub(crate) lang: String,
    /// The bibliography's layouts for other languages (CSL-M).
    layouts: Vec<LocalLayout>,
}

/// A language tag as citeproc-js reads it for text case: its first two
/// letters, lower-cased ("en" for "en-GB" and for "english"); "tlh" (its
/// stand-in for anything else) when it does not start with two letters.
pub(crate) fn language_code(tag: &str) -> String {
    let mut letters = tag.chars().take(2);
    match (letters.next(), letters.next()) {
        (Some(a), Some(b)) if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
            format!("{a}{b}").to_ascii_lowercase()
        }
        _ => "tlh".to_owned(),
    }
}

/// A bibliography `<layout locale="…">` (CSL-M, as citeproc-js implements
/// it): the layout, and the terms, for entries whose `language` is one of
/// its languages.
#[derive(Debug)]
struct LocalLayout {
    /// The languages, as the attribute lists them (`en`, `de-AT`).
    langs: Vec<&'static str>,
    /// The layout's place among the bibliography's children.
    index: usize,
    locale: Locale,
}

impl LocalLayout {
    /// Whether an item in `language` takes this layout: the same tag, or
    /// the same language (`en` for `en-GB`).
    fn holds(&self, language: &str) -> bool {
        self.langs.iter().any(|lang| {
            let language = language.trim();
            language.eq_ignore_ascii_case(lang)
                || (!lang.contains('-')
                    && super::locale::language(language).eq_ignore_ascii_case(lang))
        })
    }
}

impl Engine {
    /// A style in `lang` over the locale files `files` (each later one
    /// wins; see [`locale::built_in_files`](super::locale::built_in_files)),
    /// numbered as [`Element::number`] does; `None` when the style has no
    /// bibliography.
    pub(crate) fn new(mut root: Element, files: Vec<Element>, lang: &str) -> Option<Engine> {
        let count = root.number();
        let mut style_locales = Vec::new();
        root.children.retain_mut(|c| {
            if c.name == "locale" {
                style_locales.push(std::mem::take(c));
                false
            } else {
                true
            }
        });
        let terms = Locale::for_style(files, &style_locales, lang);
        let conditions = Conditions::compile(&root, count);
        let macros = resolve_macros(&root, count);
        let bibliography = root
            .children
            .iter()
            .position(|c| c.name == "bibliography")?;
        let bib = &root.children[bibliography];
        // CSL-M's `<layout locale="en">`: a layout, with its locale's
        // terms, for the entries in those languages.
        let layouts = bib
            .children
            .iter()
            .enumerate()
            .filter(|(_, c)| c.name == "layout")
            .filter_map(|(index, layout)| {
                let langs: Vec<&'static str> = layout.attr("locale")?.split_whitespace().collect();
                let lang = *langs.first()?;
                let files = super::locale::built_in_files(lang);
                Some(LocalLayout {
                    langs,
                    index,
                    locale: Locale::for_style(files, &style_locales, lang),
                })
            })
            .collect();
        let mut inherited = Vec::new();
        for element in [&root, bib] {
            for name in INHERITED_NAME_ATTRIBUTES {
                if let Some(value) = element.attr(name) {
                    inherited.retain(|(n, _): &(&str, &str)| *n != name);
                    inherited.push((name, value));
                }
            }
        }
        let citation = root.child("citation");
        let expand_given_names = citation.is_some_and(|c| {
            c.attr("disambiguate-add-givenname") == Some("true")
                && matches!(
                    c.attr("givenname-disambiguation-rule"),
                    None | Some("by-cite") | Some("all-names")
                )
        });
        Some(Engine {
            lang: language_code(lang),
            page_range_format: root.attr("page-range-format"),
            demote_particle: matches!(
                root.attr("demote-non-dropping-particle"),
                None | Some("display-and-sort")
            ),
            initialize_with_hyphen: root.attr("initialize-with-hyphen") != Some("false"),
            second_field_align: bib.attr("second-field-align").is_some(),
            expand_given_names,
            bibliography,
            layouts,
            locale: terms,
            conditions,
            macros,
            inherited,
            root,
        })
    }

    /// The macro a `<text macro>` calls, if the style defines it.
    pub(crate) fn macro_for(&self, el: &Element) -> Option<&Element> {
        let index = (*self.macros.get(el.id as usize)?)?;
        self.root.children.get(index)
    }

    /// An inherited name option (`and`, `et-al-min`, …) of the style or its
    /// bibliography.
    pub(crate) fn inherited(&self, name: &str) -> Option<&'static str> {
        self.inherited
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
    }

    /// The bibliography entry for `reference`: (text, HTML), laid out as
    /// citeproc-js writes a one-entry bibliography.
    pub(crate) fn entry(&self, reference: &Reference) -> Entry {
        let bib = &self.root.children[self.bibliography];
        let local = reference
            .language
            .as_deref()
            .and_then(|language| self.layouts.iter().find(|l| l.holds(language)));
        let (layout, locale) = match local {
            Some(local) => (bib.children.get(local.index), &local.locale),
            None => (
                bib.children
                    .iter()
                    .find(|c| c.name == "layout" && c.attr("locale").is_none()),
                &self.locale,
            ),
        };
        let Some(layout) = layout else {
            return Entry::default();
        };
        let ctx = Ctx {
            engine: self,
            locale,
            item: Item::new(reference),
            suppressed: RefCell::new(Vec::new()),
            recording: RefCell::new(Vec::new()),
            names_seen: RefCell::new(Vec::new()),
            leading_term: LeadingTerm::default(),
        };
        let punctuation = locale.punctuation();
        let prefix = layout.attr("prefix").unwrap_or("");
        let suffix = layout.attr("suffix").unwrap_or("");
        if self.second_field_align {
            let mut children = layout.children.iter();
            let mut margin = children.next().and_then(|first| ctx.eval(first).node());
            let mut body = seq(children.map(|c| ctx.eval(c)).collect())
                .affixed(prefix, suffix)
                .node()
                .unwrap_or(Node::Seq(Vec::new()));
            // A punctuation mark that opens the prefix right after the
            // number joins the number's suffix, as citeproc-js merges a
            // sibling's prefix into the suffix before it: "1. ." in the
            // margin of an entry that has only its URL.
            if let (Some(margin), Some(mark)) = (margin.as_mut(), body.take_leading_prefix_mark()) {
                let number = std::mem::replace(margin, Node::Seq(Vec::new()));
                *margin = Node::Seq(vec![number, Node::Affix(Affix::Suffix, mark.to_string())]);
            }
            // The body after the number starts as an entry does ("[1]
            // N.d.", "[1] (N.d.)").
            if !ctx.leading_term.number_attempted.get() {
                output::capitalize_leading_term(&mut body);
            }
            let mut entry = output::numbered_entry(margin.as_ref(), &body, &punctuation);
            wrap_layout(layout, &mut entry);
            entry
        } else {
            let mut pieces = ctx.children(&layout.children);
            // A leading term is capitalised even after the citation number
            // ("1(N.d.)", as citeproc-js writes it): the number is no text
            // of the entry's own.
            let numbered =
                layout.children.first().is_some_and(|c| {
                    c.name == "text" && c.attr("variable") == Some("citation-number")
                }) && pieces.first().is_some_and(|p| p.node_ref().is_some());
            let number = numbered.then(|| pieces.remove(0));
            let mut rest = seq(pieces);
            if let Some(node) = rest
                .node_mut()
                .filter(|_| !ctx.leading_term.number_attempted.get())
            {
                output::capitalize_leading_term(node);
            }
            let body = seq(number.into_iter().chain([rest]).collect())
                .affixed(prefix, suffix)
                .node()
                .unwrap_or(Node::Seq(Vec::new()));
            let mut entry = output::plain_entry(&body, &punctuation);
            wrap_layout(layout, &mut entry);
            entry
        }
    }
}

/// A layout's own `vertical-align="baseline"`, which citeproc-js writes as
/// a span around the whole entry, inside its `csl-entry` box.
fn wrap_layout(layout: &Element, entry: &mut Entry) {
    const BOX: &str = "<div class=\"csl-entry\">";
    if layout.attr("vertical-align") != Some("baseline") || !entry.html.starts_with(BOX) {
        return;
    }
    let Some(end) = entry.html.rfind("</div>") else {
        return;
    };
    let at = entry.html[..end].trim_end_matches([' ', '\n']).len();
    entry.html.insert_str(at, "</span>");
    entry
        .html
        .insert_str(BOX.len(), "<span style=\"baseline\">");
}

/// For each `<text macro>` below `root` (by element id), the index of its
/// macro among the style's children.
fn resolve_macros(root: &Element, count: u32) -> Vec<Option<usize>> {
    fn walk(el: &Element, macros: &BTreeMap<&str, usize>, out: &mut [Option<usize>]) {
        if el.name == "text" {
            if let Some(slot) = out.get_mut(el.id as usize) {
                *slot = el.attr("macro").and_then(|name| macros.get(name).copied());
            }
        }
        el.children.iter().for_each(|c| walk(c, macros, out));
    }
    let macros: BTreeMap<&str, usize> = root
        .children
        .iter()
        .enumerate()
        .filter(|(_, c)| c.name == "macro")
        .filter_map(|(i, c)| Some((c.attr("name")?, i)))
        .collect();
    let mut out = vec![None; count as usize];
    walk(root, &macros, &mut out);
    out
}

/// The state of one entry being rendered.
pub(crate) struct Ctx<'a> {
    pub(crate) engine: &'a Engine,
    /// The terms of this entry's layout.
    pub(crate) locale: &'a Locale,
    pub(crate) item: Item<'a>,
    /// Variables already used as a substitute, which render nothing again.
    suppressed: RefCell<Vec<String>>,
    /// Variables rendered since a `<substitute>` began, one list per level.
    recording: RefCell<Vec<Vec<String>>>,
    /// The personal names met so far in this entry, for given-name
    /// disambiguation (see `Ctx::given_in_full`).
    pub(crate) names_seen: RefCell<Vec<crate::style::names::NameKey>>,
    /// What decides whether the entry's leading term is capitalised.
    pub(crate) leading_term: LeadingTerm,
}

/// What citeproc-js's `term_predecessor` follows for an entry: a term
/// that opens an entry is capitalised ("N.d."), unless an attempt at a
/// number variable came before any term.
#[derive(Default)]
pub(crate) struct LeadingTerm {
    /// A term has been written.
    pub(crate) term_written: Cell<bool>,
    /// An empty `volume`, `issue`, `number` or `edition` was asked for
    /// before any term.
    pub(crate) number_attempted: Cell<bool>,
}

impl LeadingTerm {
    /// A group (or macro) that renders nothing takes back the attempts
    /// made inside it, as citeproc-js restores `term_predecessor`.
    pub(crate) fn restore_if_empty(&self, before: bool, group: &Piece) {
        if group.node_ref().is_none() {
            self.number_attempted.set(before);
        }
    }
}

impl<'a> Ctx<'a> {
    /// What one element renders.
    pub(crate) fn eval(&self, el: &'a Element) -> Piece {
        match el.name {
            "text" => self.text(el),
            "group" => self.group(el),
            "choose" => seq(self.choose(el)),
            "names" => self.names(el, None),
            "date" => self.date(el),
            "number" => self.number(el),
            "label" => self.label(el, None),
            _ => Piece::default(),
        }
    }

    /// The variable `el` calls and its value (read with `value`), noted as
    /// rendered; or the piece to render instead: nothing for an element
    /// that calls no variable, an empty variable (which empties the group
    /// around it) for one used as a substitute already or without a value.
    pub(crate) fn called<T>(
        &self,
        el: &Element,
        value: impl FnOnce(&str) -> Option<T>,
    ) -> Result<(&'static str, T), Piece> {
        let name = el.attr("variable").ok_or_else(Piece::default)?;
        if self.is_suppressed(name) {
            return Err(output::var(None));
        }
        let value = value(name).ok_or_else(|| output::var(None))?;
        self.record(name);
        Ok((name, value))
    }

    /// Whether a variable was already used as a substitute.
    pub(crate) fn is_suppressed(&self, name: &str) -> bool {
        self.suppressed.borrow().iter().any(|s| s == name)
    }

    /// Note that a variable rendered, for the `<substitute>` being tried.
    pub(crate) fn record(&self, name: &str) {
        if let Some(level) = self.recording.borrow_mut().last_mut() {
            level.push(name.to_owned());
        }
    }

    /// Start noting the variables a `<substitute>` option renders.
    pub(crate) fn begin_substitute(&self) {
        self.recording.borrow_mut().push(Vec::new());
    }

    /// Stop noting; when the option rendered, its variables render nothing
    /// again in this entry (and count for any outer substitute).
    pub(crate) fn end_substitute(&self, used_it: bool) {
        let used = self.recording.borrow_mut().pop().unwrap_or_default();
        if used_it {
            if let Some(level) = self.recording.borrow_mut().last_mut() {
                level.extend(used.iter().cloned());
            }
            self.suppressed.borrow_mut().extend(used);
        }
    }
}
