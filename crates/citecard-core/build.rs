//! Compile the vendored CSL styles and the en-US locale into one compact
//! binary for embedding (`OUT_DIR/csl.bin`, read by `src/style/tree.rs`).
//!
//! Each file is parsed with a real XML parser, so a malformed file fails the
//! build. What a one-entry bibliography can never use is dropped: `<info>`,
//! comments, sorting, citation layouts, macros the bibliography never
//! reaches, locales for other languages, and `<if>` branches that test only
//! item types citecard never produces. The rest is written as a shared
//! string table and, per file, a tree of string indices (LEB128).

use std::collections::HashMap;
use std::path::Path;

/// The locale compiled after the styles.
const LOCALE: &str = "locales/locales-en-US.xml";

/// One built-in style, a line of `csl/styles.tsv`.
struct BuiltIn {
    variant: String,
    id: String,
    label: String,
    file: String,
    doc: String,
}

/// The built-in styles, from `csl/styles.tsv`.
fn built_in() -> Vec<BuiltIn> {
    let path = Path::new("csl/styles.tsv");
    println!("cargo:rerun-if-changed={}", path.display());
    let table = std::fs::read_to_string(path).expect("reading csl/styles.tsv");
    table
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let columns: Vec<&str> = line.split('\t').collect();
            let [variant, id, label, file, doc] = columns[..] else {
                panic!("csl/styles.tsv: five tab-separated columns expected in {line:?}");
            };
            BuiltIn {
                variant: variant.to_owned(),
                id: id.to_owned(),
                label: label.to_owned(),
                file: file.to_owned(),
                doc: doc.to_owned(),
            }
        })
        .collect()
}

/// The `Style` enum and its tables, for `src/style.rs` to include.
fn style_enum(styles: &[BuiltIn]) -> String {
    let mut out = String::new();
    out.push_str("/// A built-in citation style (`csl/styles.tsv`).\n");
    out.push_str(
        "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\n#[non_exhaustive]\npub enum Style {\n",
    );
    for s in styles {
        out.push_str(&format!("    /// {}\n    {},\n", s.doc, s.variant));
    }
    out.push_str("}\n\nimpl Style {\n");
    out.push_str(&format!(
        "    /// Every style, in menu order.\n    pub const ALL: [Style; {}] = [{}];\n\n",
        styles.len(),
        styles
            .iter()
            .map(|s| format!("Style::{}", s.variant))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    let arms = |f: &dyn Fn(&BuiltIn) -> &str| {
        styles
            .iter()
            .map(|s| format!("            Style::{} => {:?},\n", s.variant, f(s)))
            .collect::<String>()
    };
    out.push_str(&format!(
        "    /// The short name used on the command line and in attributes.\n    pub fn id(self) -> &'static str {{\n        match self {{\n{}        }}\n    }}\n\n",
        arms(&|s| &s.id)
    ));
    out.push_str(&format!(
        "    /// The name shown to people.\n    pub fn label(self) -> &'static str {{\n        match self {{\n{}        }}\n    }}\n}}\n",
        arms(&|s| &s.label)
    ));
    out
}

/// The CSL names of `ItemType` (a test in `src/style.rs` keeps them equal).
const ITEM_TYPES: [&str; 45] = [
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "article",
    "book",
    "chapter",
    "paper-conference",
    "thesis",
    "report",
    "webpage",
    "dataset",
    "software",
    "patent",
    "manuscript",
    "post-weblog",
    "post",
    "entry-dictionary",
    "entry-encyclopedia",
    "entry",
    "review",
    "review-book",
    "periodical",
    "collection",
    "classic",
    "pamphlet",
    "standard",
    "regulation",
    "legislation",
    "bill",
    "legal_case",
    "hearing",
    "treaty",
    "speech",
    "interview",
    "personal_communication",
    "event",
    "performance",
    "broadcast",
    "motion_picture",
    "song",
    "musical_score",
    "map",
    "figure",
    "graphic",
    "document",
];

/// An element as it will be written.
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    text: String,
    children: Vec<Element>,
}

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let styles = built_in();
    let files: Vec<String> = styles
        .iter()
        .map(|s| format!("styles/{}", s.file))
        .chain([LOCALE.to_owned()])
        .collect();
    let mut trees = Vec::new();
    for file in &files {
        let path = Path::new("csl").join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let source = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        let doc = roxmltree::Document::parse(&source)
            .unwrap_or_else(|e| panic!("{} is not well-formed XML: {e}", path.display()));
        let used = used_macros(doc.root_element());
        trees.push(convert(doc.root_element(), &used));
    }
    let mut strings: Vec<String> = vec![String::new()];
    let mut index: HashMap<String, usize> = HashMap::from([(String::new(), 0)]);
    let mut docs: Vec<Vec<u8>> = Vec::new();
    for tree in &trees {
        let mut bytes = Vec::new();
        encode(tree, &mut strings, &mut index, &mut bytes);
        docs.push(bytes);
    }
    let table = strings.join("\0");
    let mut out = Vec::new();
    push_len(&mut out, table.len());
    out.extend_from_slice(table.as_bytes());
    for doc in &docs {
        push_len(&mut out, doc.len());
        out.extend_from_slice(doc);
    }
    std::fs::write(Path::new(&out_dir).join("csl.bin"), out).expect("writing OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("styles.rs"), style_enum(&styles))
        .expect("writing OUT_DIR");
    let types = ITEM_TYPES.map(|t| format!("{t:?}")).join(", ");
    std::fs::write(
        Path::new(&out_dir).join("item_types.rs"),
        format!("[{types}]"),
    )
    .expect("writing OUT_DIR");
    println!("cargo:rerun-if-changed=build.rs");
}

fn push_len(out: &mut Vec<u8>, len: usize) {
    out.extend_from_slice(&u32::try_from(len).expect("under 4 GB").to_le_bytes());
}

fn leb128(mut n: usize, out: &mut Vec<u8>) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn encode(
    el: &Element,
    strings: &mut Vec<String>,
    index: &mut HashMap<String, usize>,
    out: &mut Vec<u8>,
) {
    let mut id = |s: &str| {
        *index.entry(s.to_owned()).or_insert_with(|| {
            strings.push(s.to_owned());
            strings.len() - 1
        })
    };
    let name = id(&el.name);
    let attrs: Vec<(usize, usize)> = el.attrs.iter().map(|(k, v)| (id(k), id(v))).collect();
    let text = id(&el.text);
    leb128(name, out);
    leb128(attrs.len(), out);
    for (k, v) in attrs {
        leb128(k, out);
        leb128(v, out);
    }
    leb128(text, out);
    leb128(el.children.len(), out);
    for child in &el.children {
        encode(child, strings, index, out);
    }
}

/// The macros a bibliography entry can reach, from the bibliography's
/// layout through every macro it calls.
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
        "locale" => node
            .attribute(("http://www.w3.org/XML/1998/namespace", "lang"))
            .is_none_or(|lang| lang == "en" || lang == "en-US"),
        _ => true,
    }
}

/// What a condition that tests only `type` gives for every item type
/// citecard produces: `Some(true)` or `Some(false)` when the same for all.
fn type_only_condition(node: roxmltree::Node<'_, '_>) -> Option<bool> {
    let mut types = None;
    for attribute in node.attributes() {
        match attribute.name() {
            "type" => types = Some(attribute.value()),
            "match" => {}
            _ => return None,
        }
    }
    let types: Vec<&str> = types?.split_whitespace().collect();
    let holds = |t: &str| {
        let results = types.iter().map(|v| *v == t);
        match node.attribute("match") {
            Some("any") => results.into_iter().any(|r| r),
            Some("none") => !results.into_iter().any(|r| r),
            _ => results.into_iter().all(|r| r),
        }
    };
    let first = holds(ITEM_TYPES[0]);
    ITEM_TYPES
        .iter()
        .all(|t| holds(t) == first)
        .then_some(first)
}

fn convert(node: roxmltree::Node<'_, '_>, used: &[&str]) -> Element {
    let mut children = Vec::new();
    let mut text = String::new();
    let leaf = !node.children().any(|c| c.is_element());
    for child in node.children() {
        if child.is_text() && leaf {
            text.push_str(child.text().unwrap_or(""));
        }
        if !child.is_element() || !keep(child, used) {
            continue;
        }
        children.push(convert(child, used));
    }
    if node.has_tag_name("choose") {
        // Drop branches that never hold; a branch that always holds ends
        // the choice.
        let branches: Vec<_> = node.children().filter(|c| c.is_element()).collect();
        let mut kept = Vec::new();
        for (branch, element) in branches.into_iter().zip(children) {
            match type_only_condition(branch) {
                Some(false) => continue,
                Some(true) => {
                    kept.push(Element {
                        name: "else".to_owned(),
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
            if first.name == "else-if" {
                first.name = "if".to_owned();
            }
        }
        children = kept;
    }
    let attrs = node
        .attributes()
        .map(|a| (a.name().to_owned(), a.value().to_owned()))
        .collect();
    Element {
        name: node.tag_name().name().to_owned(),
        attrs,
        text,
        children,
    }
}
