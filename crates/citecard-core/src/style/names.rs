//! Names (CSL 1.0.2, "Names", "Name", "Et-al", "Substitute" and "Name-part
//! Order"): name lists with their delimiters, "and", et-al truncation,
//! initials, particles, inverted order and substitution.

mod initials;
mod name_key;
mod name_part;
mod particles;

pub(crate) use initials::initials;
use initials::is_initials;
pub(crate) use name_key::NameKey;
use name_part::{name_part, part_case, with_marks, with_part_fonts, FAMILY};
use particles::split_family_particle;

use crate::model::Name;
use crate::names::is_cjk;
use crate::style::engine::Ctx;
use crate::style::output::{macro_, rendered, term, value, var, Affix, Node, Piece};
use crate::style::tree::Element;

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
    /// `<name-part name="family">` and `<name-part name="given">`.
    family_part: Option<&'a Element>,
    given_part: Option<&'a Element>,
}

impl<'a> Ctx<'a> {
    fn name_opts(&self, name: Option<&'a Element>) -> NameOpts<'a> {
        let get = |key: &str, style_key: &str| {
            name.and_then(|n| n.attr(key))
                .or_else(|| self.engine.inherited(style_key))
        };
        let number = |key: &str| get(key, key).and_then(|v| v.parse().ok());
        let part = |which: &str| {
            name.and_then(|n| {
                n.children
                    .iter()
                    .find(|c| c.name == "name-part" && c.attr("name") == Some(which))
            })
        };
        NameOpts {
            family_part: part("family"),
            given_part: part("given"),
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
    pub(crate) fn names(&self, el: &'a Element, outer: Option<&'a Element>) -> Piece {
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
                    self.begin_substitute();
                    let piece = if option.name == "names" {
                        self.names(option, Some(outer.unwrap_or(el)))
                    } else {
                        self.eval(option)
                    };
                    let used_it = piece.node_ref().is_some();
                    self.end_substitute(used_it);
                    if used_it {
                        // A substitute comes with its own affixes and
                        // formatting, not the `<names>` element's ("Anon:
                        // T", not "Anon: . T"); an empty `<names>` takes
                        // the outer one's (see the end of this function).
                        return macro_(piece);
                    }
                }
            }
            return if called { var(None) } else { Piece::default() };
        }
        let delimiter = el
            .attr("delimiter")
            .or_else(|| self.engine.inherited("names-delimiter"))
            .unwrap_or("");
        let mut seq_nodes = Vec::new();
        for (i, node) in lists.into_iter().enumerate() {
            if i > 0 {
                seq_nodes.push(Node::Affix(Affix::Delimiter, delimiter.to_owned()));
            }
            seq_nodes.push(node);
        }
        // An empty `<names>` in a `<substitute>` is written with the
        // affixes and formatting of the `<names>` it stands in for, not its
        // own, as citeproc-js writes it; one with its own `<name>` with its
        // own.
        let decorating = match outer {
            Some(outer) if !has_children(el) => outer,
            _ => el,
        };
        self.decorate(decorating, rendered(Some(Node::Seq(seq_nodes))))
    }

    /// The options of a `<substitute>`, with `<choose>` spliced in.
    fn options(&self, elements: &'a [Element]) -> Vec<&'a Element> {
        let mut options = Vec::new();
        for el in elements {
            if el.name == "choose" {
                if let Some(branch) = self.branch(el) {
                    options.extend(self.options(&branch.children));
                }
            } else {
                options.push(el);
            }
        }
        options
    }

    /// Whether `name` is written with its given names in full, not as
    /// initials: citeproc-js's given-name disambiguation (on when the
    /// citation has `disambiguate-add-givenname`, by cite or for all
    /// names) gives a name its full given names when the entry has
    /// another name of the same family and initials but other given names
    /// ("Ido Dagan" and "I. Dagan", "Li Wang" and "Lei Wang"). It compares
    /// against the names it has registered: every name of the first list
    /// an entry renders (its citation registered them all), then each
    /// later name as it is written. So the first of two editors "Li Wang"
    /// and "Lei Wang" after an author keeps its initials, the second not.
    fn given_in_full(&self, name: &Name, list: &[Name]) -> bool {
        if !self.engine.expand_given_names {
            return false;
        }
        let Some(key) = NameKey::of(name) else {
            return false;
        };
        let mut seen = self.names_seen.borrow_mut();
        if seen.is_empty() {
            seen.extend(list.iter().filter_map(NameKey::of));
        }
        if !seen.contains(&key) {
            seen.push(key.clone());
        }
        seen.iter().any(|other| key.clashes_with(other))
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
                let expand = self.given_in_full(name, list);
                (self.one_name(name, opts, inverted, expand), inverted)
            })
            .collect();
        let and = match opts.and {
            Some("symbol") => Some("&"),
            Some(_) => self.locale.term("and", "long", false),
            None => None,
        };
        // citeproc-js sets a `<name>`'s fonts on each name, not on the
        // delimiters between them.
        let per_name = name_el.filter(|n| {
            n.attrs.iter().any(|(k, _)| {
                matches!(
                    *k,
                    "font-style"
                        | "font-weight"
                        | "font-variant"
                        | "text-decoration"
                        | "vertical-align"
                )
            })
        });
        let mut nodes = Vec::new();
        let mut text = String::new();
        for (i, (name, _)) in written.iter().enumerate() {
            if i > 0 {
                let last = i == written.len() - 1 && !truncated;
                let previous_inverted = written[i - 1].1;
                match and.filter(|_| last) {
                    Some(and) => {
                        // Before a final organisation citeproc-js writes the
                        // comma in a list of three or more and never in a
                        // pair, whatever delimiter-precedes-last says.
                        let comma = if shown[i].literal.is_some() {
                            written.len() > 2
                        } else {
                            match opts.precedes_last {
                                "always" => true,
                                "never" => false,
                                "after-inverted-name" => previous_inverted,
                                _ => written.len() > 2,
                            }
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
            match per_name {
                Some(el) => {
                    if !text.is_empty() {
                        nodes.push(Node::Text(std::mem::take(&mut text)));
                    }
                    let name = value(&name.replace('\'', "’"));
                    nodes.extend(self.decorate(el, name).node());
                }
                // A `<name>`'s affixes go around each name, as
                // citeproc-js writes them ("[X A], [Y B]"); a prefix's
                // space merges with the delimiter's or the "and" before
                // it, but not with the delimiter before the last name
                // ("X A, Y B,  Z C", "X A, Y B, and Z C").
                None => {
                    let affix = |key| name_el.and_then(|n| n.attr(key)).unwrap_or("");
                    let prefix = affix("prefix");
                    let last = i + 1 == written.len() && !truncated;
                    let merges = i > 0 && !(last && and.is_none());
                    if merges && text.ends_with(' ') {
                        text.push_str(prefix.strip_prefix(' ').unwrap_or(prefix));
                    } else {
                        text.push_str(prefix);
                    }
                    text.push_str(name);
                    text.push_str(affix("suffix"));
                }
            }
        }
        if !text.is_empty() {
            nodes.push(Node::Text(text.replace('\'', "’")));
        }
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
                    .locale
                    .term(term_name, "long", false)
                    .unwrap_or("et al.");
                nodes.push(Node::Affix(
                    Affix::Suffix,
                    if comma {
                        opts.delimiter.to_owned()
                    } else {
                        " ".to_owned()
                    },
                ));
                let piece = term(et_al);
                let piece = match et_al_el {
                    Some(e) => self.decorate(e, piece),
                    None => piece,
                };
                nodes.extend(piece.node());
            }
        }
        let nodes = nodes
            .into_iter()
            .map(|n| with_part_fonts(n, opts))
            .collect();
        let piece = rendered(Some(Node::Seq(nodes)));
        match (name_el, per_name) {
            (Some(_), Some(_)) => piece.node().unwrap_or(Node::Seq(Vec::new())),
            (Some(n), None) => self
                .decorate_with(n, piece, false)
                .node()
                .unwrap_or(Node::Seq(Vec::new())),
            (None, _) => piece.node().unwrap_or(Node::Seq(Vec::new())),
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
            // citeproc-js gives a literal name the family name's case and
            // fonts, but not its affixes.
            let cased = part_case(opts.family_part, literal);
            return match opts.family_part {
                Some(part) => with_marks(part, &cased),
                None => cased,
            };
        }
        let mut family = name.family.as_deref().unwrap_or("");
        let mut particle = name.particle.as_deref();
        let dropping = name.dropping_particle.as_deref();
        // As citeproc-js does, read a particle off the front of a family
        // name when the record gives none (and the name has given names).
        if particle.is_none() && name.given.as_deref().is_some_and(|g| !g.is_empty()) {
            if let Some((lead, rest)) = split_family_particle(family) {
                particle = Some(lead);
                family = rest;
            }
        }
        // The family name's case and fonts cover its non-dropping particle
        // too, set apart (as citeproc-js writes it: "VAN DER BERG", small
        // capitals on "de la" and on "Vallée Poussin"); its affixes only
        // the name itself. A dropping particle goes with the given names.
        let family_text = name_part(opts.family_part, family);
        let family = family_text.as_str();
        let particle_text = particle.map(|p| match opts.family_part {
            Some(part) => with_marks(part, &part_case(Some(part), p)),
            None => p.to_owned(),
        });
        let particle = particle_text.as_deref();
        let join = |parts: &[Option<&str>], sep: &str| {
            let mut out = String::new();
            let mut last: Option<&str> = None;
            for &part in parts.iter().flatten().filter(|p| !p.is_empty()) {
                // A particle that ends in a hyphen or an apostrophe joins
                // the name after it: "al-Hakim", "d’Alembert" (a family
                // name "-" does not).
                let after_particle =
                    last.is_some_and(|l| Some(l) == particle || Some(l) == dropping);
                let tight = sep == " "
                    && after_particle
                    && out.trim_end_matches(FAMILY.1).ends_with(['-', '’', '\'']);
                if !(out.is_empty() || tight) {
                    out.push_str(sep);
                }
                out.push_str(part);
                last = Some(part);
            }
            out
        };
        // Names in scripts without spaces: family name first, no space.
        let cjk = family.chars().any(is_cjk)
            || name.given.as_deref().is_some_and(|g| g.chars().any(is_cjk));
        if cjk {
            let given = name_part(opts.given_part, name.given.as_deref().unwrap_or(""));
            return format!("{family}{given}");
        }
        if opts.short {
            return join(&[particle, Some(family)], " ");
        }
        let initializing = opts.initialize_with.is_some() && opts.initialize && !full_given;
        // In an item in Chinese or Japanese (or Vietnamese, Hungarian), a
        // name in Latin letters keeps its written order, family name first,
        // as citeproc-js writes it: "Doe J", "Doe J. P.".
        if self.item.family_first() {
            let given = name.given.as_deref().map(|g| match opts.initialize_with {
                Some(with) if initializing => initials(g, with, self.engine.initialize_with_hyphen),
                _ => g.to_owned(),
            });
            let given = given.map(|g| name_part(opts.given_part, &g));
            return join(
                &[
                    particle,
                    Some(family),
                    given.as_deref(),
                    name.suffix.as_deref(),
                ],
                " ",
            );
        }
        let given = name.given.as_deref().map(|g| match opts.initialize_with {
            Some(with) if initializing => initials(g, with, self.engine.initialize_with_hyphen),
            // Not initialising, but initials written together ("J.P.") are
            // spaced as the style writes initials: "J. P.".
            Some(with) if !opts.initialize && !full_given => g
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(|w| {
                    if is_initials(w) {
                        initials(w, with, self.engine.initialize_with_hyphen)
                    } else {
                        w.to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join(" "),
            // No `initialize-with` ("Matthew L"), or given names in full
            // for disambiguation: as written.
            _ => g.to_owned(),
        });
        let given = given.map(|g| name_part(opts.given_part, &g));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::fragments;

    #[test]
    fn initials_of_given_names() {
        assert_eq!(initials("Klaus-Peter L", ". ", true), "K.-P. L.");
        assert_eq!(initials("Klaus-Peter", ". ", false), "K. P.");
        assert_eq!(initials("John Ronald Reuel", "", true), "JRR");
        assert_eq!(initials("J.R.R.", ". ", true), "J. R. R.");
        assert_eq!(initials("Rodrigo e Silva Hugo", ".", true), "R. e S.H.");
        assert_eq!(initials("Marc van Bloemen", "", true), "M van B");
    }

    /// Each pair as citeproc-js 2.4.63's `CSL.parseParticles` splits the
    /// family name (with a given name "X").
    #[test]
    fn particles_read_off_family_names() {
        let cases = [
            ("de la Fontaine", Some(("de la", "Fontaine"))),
            ("d'Alché-Buc", Some(("d'Alché-", "Buc"))),
            ("al-Hakim", Some(("al-", "Hakim"))),
            ("van der Berg-Smith", Some(("van der", "Berg-Smith"))),
            ("d' Artagnan", Some(("d' ", "Artagnan"))),
            ("da Silva Santos", Some(("da", "Silva Santos"))),
            ("Smith", None),
            ("von", None),
            ("McDonald", None),
        ];
        for (family, split) in cases {
            assert_eq!(split_family_particle(family), split, "{family}");
        }
    }

    /// Et-al rules, "and", delimiters, particles, inverted names, initials,
    /// short forms, institutions, labels and substitution, against
    /// citeproc-js.
    #[test]
    fn names_as_citeproc_js_writes_them() {
        fragments::check("names");
    }
}
