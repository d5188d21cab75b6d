//! A CSL 1.0.2 processor for one-entry bibliographies, run over the
//! official style files themselves, so that a style is data rather than
//! code.
//!
//! It covers the parts of CSL that a bibliography entry uses: macros,
//! `<choose>`, groups with their suppression rule, `<text>`, `<number>`,
//! `<label>`, `<date>` (localised or not), `<names>` with `<substitute>`,
//! et-al rules and given-name disambiguation, the style's own locale terms,
//! page-range formats, text cases (with citeproc-js's title case) and
//! `second-field-align`. Where CSL leaves room, it does what citeproc-js
//! does; `tests/styles.rs` compares every style with citeproc-js's output.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::BTreeMap;

use serde_json::Value;

use crate::model::{Date, Name, Reference};
use crate::names::is_cjk;
use crate::style::csl::{self, group, macro_, rendered, seq, term, var, Node, Piece};
use crate::style::text_case::{self, Case};
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
struct Locale {
    /// Each term's forms, by name.
    terms: BTreeMap<&'static str, Vec<Term>>,
    dates: BTreeMap<&'static str, Element>,
}

impl Locale {
    /// Add the terms and dates of a `<locale>` element, replacing earlier ones.
    fn absorb(&mut self, locale: Element) {
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
    fn term(&self, name: &str, form: &str, plural: bool) -> Option<&'static str> {
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
}

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
    locale: Locale,
    inherited: Vec<(&'static str, &'static str)>,
    page_range_format: Option<&'static str>,
    demote_particle: bool,
    initialize_with_hyphen: bool,
    second_field_align: bool,
    expand_given_names: bool,
}

impl Engine {
    /// Parse a minified style and locale (see `build.rs`); `None` when the
    /// style has no bibliography.
    pub(crate) fn new(mut root: Element, locale: Element) -> Option<Engine> {
        let mut terms = Locale::default();
        terms.absorb(locale);
        let mut locales = Vec::new();
        root.children.retain_mut(|c| {
            if c.name == "locale" {
                locales.push(std::mem::take(c));
                false
            } else {
                true
            }
        });
        for locale in locales {
            terms.absorb(locale);
        }
        compile_conditions(&mut root);
        let macros: BTreeMap<&str, usize> = root
            .children
            .iter()
            .enumerate()
            .filter(|(_, c)| c.name == "macro")
            .filter_map(|(i, c)| Some((c.attr("name")?, i)))
            .collect();
        resolve_macros(&mut root, &macros);
        let bibliography = root
            .children
            .iter()
            .position(|c| c.name == "bibliography")?;
        let bib = &root.children[bibliography];
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
            page_range_format: root.attr("page-range-format"),
            demote_particle: matches!(
                root.attr("demote-non-dropping-particle"),
                None | Some("display-and-sort")
            ),
            initialize_with_hyphen: root.attr("initialize-with-hyphen") != Some("false"),
            second_field_align: bib.attr("second-field-align").is_some(),
            expand_given_names,
            bibliography,
            locale: terms,
            inherited,
            root,
        })
    }

    /// The bibliography entry for `reference`: (text, HTML), laid out as
    /// citeproc-js writes a one-entry bibliography.
    pub(crate) fn entry(&self, reference: &Reference) -> csl::Entry {
        let ctx = Ctx {
            engine: self,
            item: Item::new(reference),
            suppressed: RefCell::new(Vec::new()),
            recording: RefCell::new(Vec::new()),
        };
        let bib = &self.root.children[self.bibliography];
        let Some(layout) = bib.child("layout") else {
            return csl::Entry::default();
        };
        let prefix = layout.attr("prefix").unwrap_or("");
        let suffix = layout.attr("suffix").unwrap_or("");
        if self.second_field_align {
            let mut children = layout.children.iter();
            let margin = children
                .next()
                .and_then(|first| ctx.eval(first).node())
                .map(|n| csl::to_text(&n).trim().to_owned())
                .unwrap_or_default();
            let body = seq(children.map(|c| ctx.eval(c)).collect())
                .affixed(prefix, suffix)
                .node()
                .unwrap_or(Node::Seq(Vec::new()));
            csl::numbered_entry(&margin, &body)
        } else {
            let mut body = seq(ctx.children(&layout.children))
                .affixed(prefix, suffix)
                .node()
                .unwrap_or(Node::Seq(Vec::new()));
            csl::capitalize_leading_term(&mut body);
            csl::plain_entry(&body)
        }
    }
}

/// How the tests of a condition combine.
#[derive(Debug, Clone, Copy)]
enum Match {
    All,
    Any,
    None,
}

/// One test of a condition.
#[derive(Debug)]
enum Test {
    /// The item's type is one of these (a bit per `ItemType::ALL` index).
    Types(u32),
    /// The variable has a value.
    Variable(&'static str),
    /// The variable is numeric.
    Numeric(&'static str),
    /// Always false in a bibliography entry: locators, positions,
    /// disambiguation and uncertain dates.
    False,
}

/// The compiled tests of an `<if>` or `<else-if>`.
#[derive(Debug)]
pub(crate) struct Condition {
    mode: Match,
    tests: Vec<Test>,
}

/// Compile every `<if>` and `<else-if>` below `el` once, so that rendering
/// does not split and compare attribute strings.
fn compile_conditions(el: &mut Element) {
    if matches!(el.name, "if" | "else-if") {
        let mut tests = Vec::new();
        for (attribute, values) in &el.attrs {
            for value in values.split_whitespace() {
                tests.push(match *attribute {
                    "type" => Test::Types(
                        crate::model::ItemType::ALL
                            .iter()
                            .enumerate()
                            .filter(|(_, t)| t.csl_name() == value)
                            .fold(0, |mask, (i, _)| mask | 1 << i),
                    ),
                    "variable" => Test::Variable(value),
                    "is-numeric" => Test::Numeric(value),
                    "is-uncertain-date" | "locator" | "position" | "disambiguate" => Test::False,
                    _ => continue,
                });
            }
        }
        let mode = match el.attr("match") {
            Some("any") => Match::Any,
            Some("none") => Match::None,
            _ => Match::All,
        };
        el.condition = Some(Box::new(Condition { mode, tests }));
    }
    el.children.iter_mut().for_each(compile_conditions);
}

/// Point every `<text macro>` below `el` at its macro, so that rendering
/// does not look macros up by name (an unknown macro renders nothing).
fn resolve_macros(el: &mut Element, macros: &BTreeMap<&str, usize>) {
    if el.name == "text" {
        el.macro_index = el.attr("macro").and_then(|name| macros.get(name).copied());
    }
    for child in &mut el.children {
        resolve_macros(child, macros);
    }
}

/// A record's CSL variables.
struct Item<'a> {
    r: &'a Reference,
    /// CSL variables citecard does not model, kept from a CSL-JSON input.
    extra: BTreeMap<&'a str, Value>,
}

impl<'a> Item<'a> {
    fn new(r: &'a Reference) -> Self {
        let extra = r
            .extra
            .iter()
            .filter_map(|(key, value)| {
                let name = key.strip_prefix(crate::export::csl_json::VARIABLE_PREFIX)?;
                Some((name, serde_json::from_str(value).ok()?))
            })
            .collect();
        Item { r, extra }
    }

    /// A text or number variable.
    fn text(&self, name: &str) -> Option<Cow<'a, str>> {
        let r = self.r;
        let field: Option<Cow<'a, str>> = match name {
            "title" => r.title.as_deref().map(Cow::Borrowed),
            "container-title" => r.container_title.as_deref().map(Cow::Borrowed),
            "collection-title" => r.collection_title.as_deref().map(Cow::Borrowed),
            // citeproc-js does not read CSL-JSON `event` as `event-title`.
            "event" => r.event_title.as_deref().map(Cow::Borrowed),
            "publisher" => r.publisher.as_deref().map(Cow::Borrowed),
            "publisher-place" => r.publisher_place.as_deref().map(Cow::Borrowed),
            "edition" => r.edition.as_deref().map(Cow::Borrowed),
            "genre" => r.genre.as_deref().map(Cow::Borrowed),
            "volume" => r.volume.as_deref().map(Cow::Borrowed),
            "issue" => r.issue.as_deref().map(Cow::Borrowed),
            "page" => r.page.as_deref().map(Cow::Borrowed),
            "page-first" => r
                .page
                .as_deref()
                .and_then(|p| p.split(['-', '–', ',', '&']).next())
                .map(|p| Cow::Borrowed(p.trim())),
            "number" => csl::number(r).map(Cow::Borrowed),
            "DOI" => r.doi.as_ref().map(|d| Cow::Borrowed(d.as_str())),
            "URL" => r.url.as_ref().map(|u| Cow::Borrowed(u.as_str())),
            "ISSN" => r.issn.first().map(|s| Cow::Borrowed(s.as_str())),
            "ISBN" => r.isbn.first().map(|s| Cow::Borrowed(s.as_str())),
            "language" => r.language.as_deref().map(Cow::Borrowed),
            "citation-number" => Some(Cow::Borrowed("1")),
            _ if self.extra.is_empty() => None,
            _ => match self.extra.get(name)? {
                Value::String(s) => Some(Cow::Owned(s.clone())),
                // Whole numbers only: float formatting would cost ~10 KB of
                // wasm, and CSL number variables are whole in practice.
                Value::Number(n) => n
                    .as_i64()
                    .map(|i| i.to_string())
                    .or_else(|| n.as_u64().map(|u| u.to_string()))
                    .map(Cow::Owned),
                _ => None,
            },
        };
        field.filter(|v| !v.trim().is_empty())
    }

    /// A name variable.
    fn names(&self, name: &str) -> Cow<'a, [Name]> {
        match name {
            "author" => Cow::Borrowed(&self.r.authors),
            "editor" => Cow::Borrowed(&self.r.editors),
            _ => match self.extra.get(name) {
                Some(Value::Array(list)) => Cow::Owned(list.iter().filter_map(json_name).collect()),
                _ => Cow::Borrowed(&[]),
            },
        }
    }

    /// A date variable.
    fn date(&self, name: &str) -> Option<Date> {
        match name {
            "issued" => self.r.issued,
            "accessed" => self.r.accessed,
            _ => {
                let parts = self.extra.get(name)?.get("date-parts")?.get(0)?;
                let part = |i: usize| parts.get(i).and_then(Value::as_i64);
                Some(Date {
                    year: i32::try_from(part(0)?).ok()?,
                    month: part(1)
                        .and_then(|m| u8::try_from(m).ok())
                        .filter(|m| (1..=12).contains(m)),
                    day: part(2)
                        .and_then(|d| u8::try_from(d).ok())
                        .filter(|d| (1..=31).contains(d)),
                })
            }
        }
    }

    fn has(&self, name: &str) -> bool {
        match name {
            "author" => !self.r.authors.is_empty(),
            "editor" => !self.r.editors.is_empty(),
            "issued" => self.r.issued.is_some(),
            "accessed" => self.r.accessed.is_some(),
            _ => {
                self.text(name).is_some()
                    || (!self.extra.is_empty()
                        && (!self.names(name).is_empty() || self.date(name).is_some()))
            }
        }
    }
}

/// A CSL-JSON name object.
fn json_name(value: &Value) -> Option<Name> {
    let text = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_owned);
    let name = Name {
        family: text("family"),
        given: text("given"),
        particle: text("non-dropping-particle"),
        dropping_particle: text("dropping-particle"),
        suffix: text("suffix"),
        literal: text("literal"),
    };
    (name != Name::default()).then_some(name)
}

/// The state of one entry being rendered.
struct Ctx<'a> {
    engine: &'a Engine,
    item: Item<'a>,
    /// Variables already used as a substitute, which render nothing again.
    suppressed: RefCell<Vec<String>>,
    /// Variables rendered since a `<substitute>` began, one list per level.
    recording: RefCell<Vec<Vec<String>>>,
}

/// Name options: the `<name>` element's own, else those inherited.
struct NameOpts<'a> {
    and: Option<&'a str>,
    delimiter: &'a str,
    precedes_last: &'a str,
    precedes_et_al: &'a str,
    et_al_min: usize,
    et_al_use_first: usize,
    et_al_use_last: bool,
    initialize: bool,
    initialize_with: Option<&'a str>,
    sort_order: Option<&'a str>,
    sort_separator: &'a str,
    short: bool,
}

impl<'a> Ctx<'a> {
    fn eval(&self, el: &'a Element) -> Piece {
        match el.name {
            "text" => self.text(el),
            "group" => {
                let children = self.children(&el.children);
                let piece = group(el.attr("delimiter").unwrap_or(""), children);
                self.decorate(el, piece)
            }
            "choose" => seq(self.choose(el)),
            "names" => self.names(el, None),
            "date" => self.date(el),
            "number" => self.number(el),
            "label" => self.label(el, None),
            _ => Piece::default(),
        }
    }

    /// Font style, weight, quotes, text case and affixes of a rendering element.
    fn decorate(&self, el: &Element, mut piece: Piece) -> Piece {
        // Most elements render nothing for a given record: nothing to do.
        if piece.node_ref().is_none() || el.attrs.is_empty() {
            return piece;
        }
        let (mut case, mut strip, mut quotes, mut italic, mut bold) =
            (None, false, false, false, false);
        let (mut prefix, mut suffix, mut variable) = ("", "", false);
        // A `<text variable>` had its case applied to the raw value.
        let variable_text = el.name == "text" && el.attr("variable").is_some();
        for (key, value) in &el.attrs {
            match *key {
                "text-case" if !variable_text => case = self.case(value),
                "strip-periods" => strip = *value == "true",
                "quotes" => quotes = *value == "true",
                "font-style" => italic = matches!(*value, "italic" | "oblique"),
                "font-weight" => bold = *value == "bold",
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
            piece = piece.map_text(&mut |t: &str| t.replace('.', ""));
        }
        if quotes {
            piece = piece.quoted();
        }
        // citeproc-js sets no italics on a variable in a script that has
        // none (Chinese, Japanese), though a group's italics still apply.
        if italic
            && !(el.name == "text"
                && variable
                && piece.node_ref().is_some_and(csl::is_unitalic_script))
        {
            piece = piece.italic();
        }
        if bold {
            piece = piece.bold();
        }
        piece.affixed(prefix, suffix)
    }

    /// A text case, or `None` where citeproc-js leaves the text alone
    /// (title case is for English only).
    fn case(&self, name: &str) -> Option<Case> {
        let case = Case::from_csl(name)?;
        let english = self
            .item
            .r
            .language
            .as_deref()
            .is_none_or(|l| l.is_empty() || l.to_ascii_lowercase().starts_with("en"));
        (case != Case::Title || english).then_some(case)
    }

    fn is_suppressed(&self, name: &str) -> bool {
        self.suppressed.borrow().iter().any(|s| s == name)
    }

    fn record(&self, name: &str) {
        if let Some(level) = self.recording.borrow_mut().last_mut() {
            level.push(name.to_owned());
        }
    }

    fn text(&self, el: &'a Element) -> Piece {
        if let Some(name) = el.attr("variable") {
            // The case applies to the whole value, before quotes inside it
            // become their own nodes (title case looks at the last word).
            let case = el.attr("text-case").and_then(|c| self.case(c));
            return self.decorate(el, self.variable(name, el.attr("form"), case));
        }
        if el.attr("macro").is_some() {
            let Some(index) = el.macro_index else {
                return Piece::default();
            };
            let body = &self.engine.root.children[index];
            let piece = macro_(seq(self.children(&body.children)));
            return self.decorate(el, piece);
        }
        if let Some(name) = el.attr("term") {
            let plural = el.attr("plural") == Some("true");
            let form = el.attr("form").unwrap_or("long");
            let text = self.engine.locale.term(name, form, plural).unwrap_or("");
            return self.decorate(el, term(text));
        }
        if let Some(value) = el.attr("value") {
            return self.decorate(el, term(value));
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
        let value = value.map(|v| match name {
            "page" => Cow::Owned(self.page_range(&v)),
            _ => v,
        });
        if value.is_some() {
            self.record(name);
        }
        let value = match (value, case) {
            (Some(v), Some(case)) => Some(Cow::Owned(text_case::convert(&v, case))),
            (v, _) => v,
        };
        var(value.as_deref())
    }

    fn page_range(&self, page: &str) -> String {
        match self.engine.page_range_format {
            Some(format) => csl::page_range_format(page, format),
            None => csl::page_range(page),
        }
    }

    /// The chosen branch's pieces, each on its own: as in citeproc-js, a
    /// group's delimiter goes between the elements inside a `<choose>`.
    fn choose(&self, el: &'a Element) -> Vec<Piece> {
        for branch in &el.children {
            if branch.name == "else" || self.test(branch) {
                return self.children(&branch.children);
            }
        }
        Vec::new()
    }

    /// The pieces of a list of elements, with `<choose>` spliced in.
    fn children(&self, elements: &'a [Element]) -> Vec<Piece> {
        let mut pieces = Vec::with_capacity(elements.len());
        for el in elements {
            if el.name == "choose" {
                pieces.extend(self.choose(el));
            } else {
                pieces.push(self.eval(el));
            }
        }
        pieces
    }

    /// Whether an `<if>` or `<else-if>` holds.
    fn test(&self, el: &Element) -> bool {
        let Some(condition) = &el.condition else {
            return false;
        };
        let type_bit = crate::model::ItemType::ALL
            .iter()
            .position(|t| *t == self.item.r.item_type)
            .map_or(0, |i| 1u32 << i);
        let mut results = condition.tests.iter().map(|test| match test {
            Test::Types(mask) => mask & type_bit != 0,
            Test::Variable(name) => !self.is_suppressed(name) && self.item.has(name),
            Test::Numeric(name) => self.item.text(name).is_some_and(|v| csl::is_numeric(&v)),
            Test::False => false,
        });
        match condition.mode {
            Match::Any => results.any(|r| r),
            Match::None => !results.any(|r| r),
            Match::All => results.all(|r| r),
        }
    }

    fn number(&self, el: &Element) -> Piece {
        let Some(name) = el.attr("variable") else {
            return Piece::default();
        };
        if self.is_suppressed(name) {
            return var(None);
        }
        let Some(value) = self.item.text(name) else {
            return var(None);
        };
        self.record(name);
        let text = if csl::is_numeric(&value) {
            let ordinal = el.attr("form") == Some("ordinal");
            let mut out = String::new();
            let mut digits = String::new();
            let flush = |digits: &mut String, out: &mut String| {
                if !digits.is_empty() {
                    out.push_str(&if ordinal {
                        csl::ordinal(digits)
                    } else {
                        digits.clone()
                    });
                    digits.clear();
                }
            };
            for c in value.chars() {
                if c.is_ascii_digit() {
                    digits.push(c);
                } else {
                    flush(&mut digits, &mut out);
                    out.push(if c == '-' { '–' } else { c });
                }
            }
            flush(&mut digits, &mut out);
            out
        } else {
            value.into_owned()
        };
        self.decorate(el, var(Some(&text)))
    }

    /// `<label>`; `count` is the number of names for a label in `<names>`.
    fn label(&self, el: &Element, names: Option<(&str, usize)>) -> Piece {
        let (name, plural) = match names {
            Some((name, count)) => (name, count > 1),
            None => {
                let Some(name) = el.attr("variable") else {
                    return Piece::default();
                };
                let Some(value) = self.item.text(name) else {
                    return Piece::default();
                };
                let plural = if name.starts_with("number-of-") {
                    value.trim().parse::<u64>().is_ok_and(|n| n > 1)
                } else {
                    csl::is_plural_page(&value)
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
        let text = self.engine.locale.term(name, form, plural).unwrap_or("");
        self.decorate(el, term(text))
    }

    fn date(&self, el: &Element) -> Piece {
        let Some(name) = el.attr("variable") else {
            return Piece::default();
        };
        if self.is_suppressed(name) {
            return var(None);
        }
        let Some(date) = self.item.date(name) else {
            return var(None);
        };
        self.record(name);
        let mut parts: Vec<(&Element, Option<&Element>)> = Vec::new();
        let delimiter = match el
            .attr("form")
            .and_then(|f| self.engine.locale.dates.get(f))
        {
            Some(localized) => {
                let wanted = match el.attr("date-parts") {
                    Some("year") => 1,
                    Some("year-month") => 2,
                    _ => 3,
                };
                for part in &localized.children {
                    let rank = match part.attr("name") {
                        Some("year") => 1,
                        Some("month") => 2,
                        _ => 3,
                    };
                    if rank <= wanted {
                        let local = el
                            .children
                            .iter()
                            .find(|p| p.attr("name") == part.attr("name"));
                        parts.push((part, local));
                    }
                }
                localized.attr("delimiter").unwrap_or("")
            }
            None => {
                parts.extend(el.children.iter().map(|p| (p, None)));
                el.attr("delimiter").unwrap_or("")
            }
        };
        let mut rendered_parts = Vec::new();
        for (part, local) in parts {
            let attr = |key: &str| local.and_then(|l| l.attr(key)).or_else(|| part.attr(key));
            let value = match part.attr("name") {
                Some("year") => Some(date.year.to_string()),
                Some("month") => date.month.and_then(|m| {
                    let m = usize::from(m);
                    match attr("form").unwrap_or("long") {
                        "numeric" => Some(m.to_string()),
                        "numeric-leading-zeros" => Some(format!("{m:02}")),
                        form => self
                            .engine
                            .locale
                            .term(&format!("month-{m:02}"), form, false)
                            .map(str::to_owned),
                    }
                }),
                Some("day") => date.day.map(|d| match attr("form") {
                    Some("numeric-leading-zeros") => format!("{d:02}"),
                    Some("ordinal") => csl::ordinal(&d.to_string()),
                    _ => d.to_string(),
                }),
                _ => None,
            };
            let Some(mut value) = value else { continue };
            if attr("strip-periods") == Some("true") {
                value = value.replace('.', "");
            }
            if let Some(case) = attr("text-case").and_then(Case::from_csl) {
                value = text_case::convert(&value, case);
            }
            rendered_parts.push(format!(
                "{}{value}{}",
                attr("prefix").unwrap_or(""),
                attr("suffix").unwrap_or("")
            ));
        }
        // Affixes at the ends of a date do not outlast its first or last part.
        let text = rendered_parts.join(delimiter).trim().to_owned();
        let node = (!text.is_empty()).then_some(Node::Text(text));
        self.decorate(el, rendered(node))
    }

    fn name_opts(&self, name: Option<&'a Element>) -> NameOpts<'a> {
        let inherited = |key: &str| {
            self.engine
                .inherited
                .iter()
                .find(|(n, _)| *n == key)
                .map(|(_, v)| *v)
        };
        let get = |key: &str, style_key: &str| {
            name.and_then(|n| n.attr(key))
                .or_else(|| inherited(style_key))
        };
        let number = |key: &str| get(key, key).and_then(|v| v.parse().ok());
        NameOpts {
            and: get("and", "and"),
            delimiter: get("delimiter", "name-delimiter").unwrap_or(", "),
            precedes_last: get("delimiter-precedes-last", "delimiter-precedes-last")
                .unwrap_or("contextual"),
            precedes_et_al: get("delimiter-precedes-et-al", "delimiter-precedes-et-al")
                .unwrap_or("contextual"),
            et_al_min: number("et-al-min").unwrap_or(0),
            et_al_use_first: number("et-al-use-first").unwrap_or(0),
            et_al_use_last: get("et-al-use-last", "et-al-use-last") == Some("true"),
            initialize: get("initialize", "initialize") != Some("false"),
            initialize_with: get("initialize-with", "initialize-with"),
            sort_order: get("name-as-sort-order", "name-as-sort-order"),
            sort_separator: get("sort-separator", "sort-separator").unwrap_or(", "),
            short: get("form", "name-form") == Some("short"),
        }
    }

    /// `<names>`; `outer` is the `<names>` whose `<substitute>` this is
    /// inside, whose name, et-al and label options an empty one inherits.
    fn names(&self, el: &'a Element, outer: Option<&'a Element>) -> Piece {
        let find = |name: &str| {
            el.child(name).or_else(|| {
                outer
                    .filter(|_| !has_children(el))
                    .and_then(|o| o.child(name))
            })
        };
        let name_el = find("name");
        let et_al_el = find("et-al");
        let label_el = find("label");
        let label_first = {
            let source = if has_children(el) {
                el
            } else {
                outer.unwrap_or(el)
            };
            let label = source.children.iter().position(|c| c.name == "label");
            let name = source.children.iter().position(|c| c.name == "name");
            matches!((label, name), (Some(l), Some(n)) if l < n)
        };
        let opts = self.name_opts(name_el);
        let mut lists = Vec::new();
        let mut called = false;
        for variable in el.attr("variable").unwrap_or("").split_whitespace() {
            called = true;
            if self.is_suppressed(variable) {
                continue;
            }
            let list = self.item.names(variable);
            if list.is_empty() {
                continue;
            }
            self.record(variable);
            let mut node = self.name_list(&list, &opts, name_el, et_al_el);
            if let Some(label) = label_el {
                if let Some(label) = self.label(label, Some((variable, list.len()))).node() {
                    node = if label_first {
                        Node::Seq(vec![label, node])
                    } else {
                        Node::Seq(vec![node, label])
                    };
                }
            }
            lists.push(node);
        }
        if lists.is_empty() {
            if let Some(substitute) = el.child("substitute") {
                for option in self.options(&substitute.children) {
                    self.recording.borrow_mut().push(Vec::new());
                    let piece = if option.name == "names" {
                        self.names(option, Some(outer.unwrap_or(el)))
                    } else {
                        self.eval(option)
                    };
                    let used = self.recording.borrow_mut().pop().unwrap_or_default();
                    if piece.node_ref().is_some() {
                        if let Some(level) = self.recording.borrow_mut().last_mut() {
                            level.extend(used.iter().cloned());
                        }
                        self.suppressed.borrow_mut().extend(used);
                        let piece = macro_(piece);
                        return self.decorate(el, piece);
                    }
                }
            }
            return if called { var(None) } else { Piece::default() };
        }
        let delimiter = el
            .attr("delimiter")
            .or_else(|| {
                self.engine
                    .inherited
                    .iter()
                    .find(|(n, _)| *n == "names-delimiter")
                    .map(|(_, v)| *v)
            })
            .unwrap_or("");
        let mut seq_nodes = Vec::new();
        for (i, node) in lists.into_iter().enumerate() {
            if i > 0 {
                seq_nodes.push(Node::Affix(delimiter.to_owned()));
            }
            seq_nodes.push(node);
        }
        self.decorate(el, rendered(Some(Node::Seq(seq_nodes))))
    }

    /// The options of a `<substitute>`, with `<choose>` spliced in.
    fn options(&self, elements: &'a [Element]) -> Vec<&'a Element> {
        let mut options = Vec::new();
        for el in elements {
            if el.name == "choose" {
                if let Some(branch) = el
                    .children
                    .iter()
                    .find(|b| b.name == "else" || self.test(b))
                {
                    options.extend(self.options(&branch.children));
                }
            } else {
                options.push(el);
            }
        }
        options
    }

    fn name_list(
        &self,
        list: &[Name],
        opts: &NameOpts<'_>,
        name_el: Option<&Element>,
        et_al_el: Option<&Element>,
    ) -> Node {
        let truncated = opts.et_al_min > 0
            && opts.et_al_use_first > 0
            && list.len() >= opts.et_al_min
            && opts.et_al_use_first < list.len();
        let shown = if truncated {
            &list[..opts.et_al_use_first]
        } else {
            list
        };
        let written: Vec<(String, bool)> = shown
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let inverted = match opts.sort_order {
                    Some("all") => true,
                    Some("first") => i == 0,
                    _ => false,
                };
                let expand = self.engine.expand_given_names
                    && list.iter().any(|other| {
                        other != name && other.family == name.family && {
                            let initials =
                                |n: &Name| n.given.as_deref().map(|g| csl::initials(g, ".", true));
                            initials(other) == initials(name)
                        }
                    });
                (self.one_name(name, opts, inverted, expand), inverted)
            })
            .collect();
        let and = match opts.and {
            Some("symbol") => Some("&"),
            Some(_) => self.engine.locale.term("and", "long", false),
            None => None,
        };
        let mut text = String::new();
        for (i, (name, _)) in written.iter().enumerate() {
            if i > 0 {
                let last = i == written.len() - 1 && !truncated;
                let previous_inverted = written[i - 1].1;
                match and.filter(|_| last) {
                    Some(and) => {
                        let comma = match opts.precedes_last {
                            "always" => true,
                            // citeproc-js still writes the comma before a
                            // final organisation in a list of three or more.
                            "never" => written.len() > 2 && shown[i].literal.is_some(),
                            "after-inverted-name" => previous_inverted,
                            _ => written.len() > 2,
                        };
                        if comma {
                            text.push_str(opts.delimiter);
                        } else {
                            text.push(' ');
                        }
                        text.push_str(and);
                        text.push(' ');
                    }
                    None => text.push_str(opts.delimiter),
                }
            }
            text.push_str(name);
        }
        let mut nodes = vec![Node::Text(text.replace('\'', "’"))];
        if truncated {
            if opts.et_al_use_last && list.len() > opts.et_al_use_first + 1 {
                let last = list.len() - 1;
                let inverted = opts.sort_order == Some("all");
                let name = self.one_name(&list[last], opts, inverted, false);
                nodes.push(Node::Text(
                    format!("{}… {name}", opts.delimiter).replace('\'', "’"),
                ));
            } else {
                let comma = match opts.precedes_et_al {
                    "always" => true,
                    "never" => false,
                    "after-inverted-name" => written.last().is_some_and(|w| w.1),
                    _ => written.len() > 1,
                };
                let term_name = et_al_el.and_then(|e| e.attr("term")).unwrap_or("et-al");
                let et_al = self
                    .engine
                    .locale
                    .term(term_name, "long", false)
                    .unwrap_or("et al.");
                nodes.push(Node::Affix(if comma {
                    opts.delimiter.to_owned()
                } else {
                    " ".to_owned()
                }));
                let piece = term(et_al);
                let piece = match et_al_el {
                    Some(e) => self.decorate(e, piece),
                    None => piece,
                };
                nodes.extend(piece.node());
            }
        }
        let piece = rendered(Some(Node::Seq(nodes)));
        match name_el {
            Some(n) => self
                .decorate(n, piece)
                .node()
                .unwrap_or(Node::Seq(Vec::new())),
            None => piece.node().unwrap_or(Node::Seq(Vec::new())),
        }
    }

    /// One name, as `opts` asks.
    fn one_name(
        &self,
        name: &Name,
        opts: &NameOpts<'_>,
        inverted: bool,
        full_given: bool,
    ) -> String {
        if let Some(literal) = &name.literal {
            return literal.clone();
        }
        let mut family = name.family.as_deref().unwrap_or("");
        let mut particle = name.particle.as_deref();
        let dropping = name.dropping_particle.as_deref();
        // As citeproc-js does, read leading lower-case words of a family
        // name as its particle: "de la Cruz" is "de la" + "Cruz".
        if particle.is_none() && dropping.is_none() {
            let lead: usize = family
                .split(' ')
                .take_while(|w| w.chars().next().is_some_and(char::is_lowercase))
                .map(|w| w.len() + 1)
                .sum();
            if lead > 0 && lead < family.len() {
                particle = Some(&family[..lead - 1]);
                family = &family[lead..];
            }
        }
        let join = |parts: &[Option<&str>], sep: &str| {
            parts
                .iter()
                .flatten()
                .filter(|p| !p.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(sep)
        };
        // Names in scripts without spaces: family name first, no space.
        let cjk = family.chars().any(is_cjk)
            || name.given.as_deref().is_some_and(|g| g.chars().any(is_cjk));
        if cjk {
            return format!("{family}{}", name.given.as_deref().unwrap_or(""));
        }
        if opts.short {
            return join(&[particle, Some(family)], " ");
        }
        let initializing = opts.initialize_with.is_some() && opts.initialize && !full_given;
        let given = name.given.as_deref().map(|g| match opts.initialize_with {
            Some(with) if initializing => {
                csl::initials(g, with, self.engine.initialize_with_hyphen)
            }
            // Given names stay whole, but a bare initial gets its period.
            _ => g
                .split(' ')
                .map(|w| {
                    let mut chars = w.chars();
                    match (chars.next(), chars.next()) {
                        (Some(c), None) if c.is_uppercase() => format!("{c}."),
                        _ => w.to_owned(),
                    }
                })
                .collect::<Vec<_>>()
                .join(" "),
        });
        let given = given.as_deref();
        // Initials without periods ("Doe J") take a suffix without one ("Jr").
        let bare_suffix = name
            .suffix
            .as_deref()
            .map(|s| s.replace('.', ""))
            .filter(|_| initializing && opts.initialize_with.is_some_and(|w| !w.contains('.')));
        let suffix = bare_suffix.as_deref().or(name.suffix.as_deref());
        if inverted {
            let (head, tail) = if self.engine.demote_particle {
                (
                    join(&[Some(family)], " "),
                    join(&[given, dropping, particle], " "),
                )
            } else {
                (
                    join(&[particle, Some(family)], " "),
                    join(&[given, dropping], " "),
                )
            };
            join(&[Some(&head), Some(&tail), suffix], opts.sort_separator)
        } else {
            let body = join(&[given, dropping, particle, Some(family)], " ");
            match suffix {
                Some(suffix) => format!("{body} {suffix}"),
                None => body,
            }
        }
    }
}

fn has_children(el: &Element) -> bool {
    el.children.iter().any(|c| c.name != "substitute")
}
