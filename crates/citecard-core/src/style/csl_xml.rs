//! A CSL file (a style or a locale) read with a real XML parser and cut
//! down to what a one-entry bibliography can use.
//!
//! Shared, as source, by `build.rs` (which compiles the built-in styles and
//! locales into the crate) and by the run-time compiler
//! ([`compile`](super::compile), feature `csl-compiler`), so that a style
//! given at run time is read exactly as a built-in one. It depends on
//! `roxmltree` and `std` alone for that reason.
//!
//! What is dropped: comments, `<info>` (its title, id and parent link are
//! kept in [`Info`]), sorting, citation layouts, macros the bibliography
//! never reaches, and `<if>` branches that test only item types citecard
//! never produces.

/// The CSL namespace every style and locale declares.
pub const CSL_NAMESPACE: &str = "http://purl.org/net/xbiblio/csl";

/// An element as it is kept, its strings of type `S`: owned `String`s for
/// `build.rs`, interned ones for the run-time compiler, which so never
/// allocates a string it has seen in the file before.
#[derive(Debug, Clone, Default)]
pub struct Node<S = String> {
    /// The local name (`text`, `group`, …).
    pub name: S,
    /// Attributes in document order, by local name (`xml:lang` is `lang`).
    pub attrs: Vec<(S, S)>,
    /// The text of an element without child elements (terms).
    pub text: S,
    /// Child elements in document order.
    pub children: Vec<Node<S>>,
}

/// What a style's `<info>` and root say about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Info {
    /// `<title>`.
    pub title: Option<String>,
    /// `<id>`: the style's URI.
    pub id: Option<String>,
    /// `<link rel="independent-parent">`: the style whose rules a dependent
    /// style uses.
    pub parent: Option<String>,
    /// The root's `default-locale`.
    pub default_locale: Option<String>,
}

/// A file that is not well-formed XML, or not CSL, at its line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
    /// What is wrong.
    pub message: String,
}

/// Which kind of CSL file to expect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// A `<style>`.
    Style,
    /// A `<locale>`.
    Locale,
}

/// Read `source` as a CSL file of the kind `expect` names; `item_types` are
/// the CSL item types citecard produces (branches testing only others are
/// dropped). Every name, attribute and text is kept as `string` makes it.
pub fn read<S: AsRef<str>>(
    source: &str,
    expect: Expect,
    item_types: &[&str],
    string: &mut dyn FnMut(&str) -> S,
) -> Result<(Node<S>, Info), XmlError> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(source, options).map_err(|e| {
        let pos = e.pos();
        XmlError {
            line: pos.row,
            column: pos.col,
            message: e.to_string(),
        }
    })?;
    let root = doc.root_element();
    let expected = match expect {
        Expect::Style => "style",
        Expect::Locale => "locale",
    };
    let located = |node: roxmltree::Node<'_, '_>, message: String| {
        let pos = doc.text_pos_at(node.range().start);
        XmlError {
            line: pos.row,
            column: pos.col,
            message,
        }
    };
    if root.tag_name().name() != expected || root.tag_name().namespace() != Some(CSL_NAMESPACE) {
        let found = match root.tag_name().namespace() {
            Some(ns) => format!("<{}> in namespace {ns}", root.tag_name().name()),
            None => format!("<{}> without a namespace", root.tag_name().name()),
        };
        return Err(located(
            root,
            format!("not a CSL {expected}: expected <{expected} xmlns=\"{CSL_NAMESPACE}\">, found {found}"),
        ));
    }
    let info = info(root);
    let used = used_macros(root);
    let mut convert = Convert {
        used: &used,
        item_types,
        string,
    };
    Ok((convert.convert(root), info))
}

fn info(root: roxmltree::Node<'_, '_>) -> Info {
    let mut info = Info {
        default_locale: root.attribute("default-locale").map(str::to_owned),
        ..Info::default()
    };
    let Some(element) = root.children().find(|c| c.has_tag_name("info")) else {
        return info;
    };
    let text = |name: &str| {
        element
            .children()
            .find(|c| c.has_tag_name(name))
            .and_then(|c| c.text())
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
    };
    info.title = text("title");
    info.id = text("id");
    info.parent = element
        .children()
        .filter(|c| c.has_tag_name("link"))
        .find(|c| c.attribute("rel") == Some("independent-parent"))
        .and_then(|c| c.attribute("href"))
        .map(str::to_owned);
    info
}

/// The macros a bibliography entry can reach, from the bibliography's
/// layouts through every macro they call.
fn used_macros<'a>(root: roxmltree::Node<'a, '_>) -> Vec<&'a str> {
    let macros: Vec<_> = root
        .children()
        .filter(|c| c.has_tag_name("macro"))
        .collect();
    let mut used: Vec<&str> = Vec::new();
    let mut todo: Vec<roxmltree::Node<'_, '_>> = root
        .children()
        .filter(|c| c.has_tag_name("bibliography"))
        .flat_map(|b| b.children().filter(|c| c.has_tag_name("layout")))
        .collect();
    while let Some(node) = todo.pop() {
        for d in node.descendants() {
            if let Some(name) = d.attribute("macro") {
                if !used.contains(&name) {
                    used.push(name);
                    todo.extend(macros.iter().filter(|m| m.attribute("name") == Some(name)));
                }
            }
        }
    }
    used
}

/// Whether to keep an element (see the module documentation).
fn keep(node: roxmltree::Node<'_, '_>, used: &[&str]) -> bool {
    let parent = node.parent_element().map(|p| p.tag_name().name());
    match node.tag_name().name() {
        "info" | "sort" => false,
        "layout" => parent != Some("citation"),
        "macro" => node.attribute("name").is_some_and(|n| used.contains(&n)),
        _ => true,
    }
}

/// What a condition that tests only `type` gives for every item type
/// citecard produces: `Some(true)` or `Some(false)` when the same for all.
fn type_only_condition(node: roxmltree::Node<'_, '_>, item_types: &[&str]) -> Option<bool> {
    let mut types = None;
    for attribute in node.attributes() {
        match attribute.name() {
            "type" => types = Some(attribute.value()),
            "match" => {}
            _ => return None,
        }
    }
    let types: Vec<&str> = types?.split_whitespace().collect();
    // One test, as citeproc-js reads a `type` list: the item's type is one
    // of them (so `match="all"` holds for a chapter in "chapter speech").
    let holds = |t: &str| {
        let listed = types.contains(&t);
        match node.attribute("match") {
            Some("none") => !listed,
            _ => listed,
        }
    };
    let first = holds(item_types.first()?);
    item_types
        .iter()
        .all(|t| holds(t) == first)
        .then_some(first)
}

/// What [`read`] keeps of a file, and how it keeps its strings.
struct Convert<'a, S> {
    used: &'a [&'a str],
    item_types: &'a [&'a str],
    string: &'a mut dyn FnMut(&str) -> S,
}

impl<S: AsRef<str>> Convert<'_, S> {
    fn convert(&mut self, node: roxmltree::Node<'_, '_>) -> Node<S> {
        let mut children = Vec::new();
        let mut text = String::new();
        let leaf = !node.children().any(|c| c.is_element());
        for child in node.children() {
            if child.is_text() && leaf {
                text.push_str(child.text().unwrap_or(""));
            }
            if !child.is_element() || !keep(child, self.used) {
                continue;
            }
            children.push(self.convert(child));
        }
        if node.has_tag_name("choose") {
            // Drop branches that never hold; a branch that always holds ends
            // the choice.
            let branches: Vec<_> = node.children().filter(|c| c.is_element()).collect();
            let mut kept = Vec::new();
            for (branch, element) in branches.into_iter().zip(children) {
                match type_only_condition(branch, self.item_types) {
                    Some(false) => continue,
                    Some(true) => {
                        kept.push(Node {
                            name: (self.string)("else"),
                            attrs: Vec::new(),
                            ..element
                        });
                        break;
                    }
                    None => kept.push(element),
                }
                if branch.has_tag_name("else") {
                    break;
                }
            }
            // A first branch that was dropped makes the next `else-if` the `if`.
            if let Some(first) = kept.first_mut() {
                if first.name.as_ref() == "else-if" {
                    first.name = (self.string)("if");
                }
            }
            children = kept;
        }
        let attrs = node
            .attributes()
            .map(|a| ((self.string)(a.name()), (self.string)(a.value())))
            .collect();
        Node {
            name: (self.string)(node.tag_name().name()),
            attrs,
            text: (self.string)(&text),
            children,
        }
    }
}
