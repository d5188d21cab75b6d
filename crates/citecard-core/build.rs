//! Compile the vendored CSL styles and locales into one compact binary for
//! embedding (`OUT_DIR/csl.bin`, read by `src/style/tree.rs`).
//!
//! Each file is read by `src/style/csl_xml.rs` (the same code that reads a
//! style given at run time), so a malformed file fails the build, and what
//! a one-entry bibliography can never use is dropped. The rest is written as
//! a shared string table and, per file, a tree of string indices (LEB128).

use std::collections::HashMap;
use std::path::Path;

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

#[path = "src/style/csl_xml.rs"]
#[allow(dead_code)]
mod csl_xml;

use csl_xml::{Expect, Node};

/// The locales always compiled in (the citation module's); with the
/// `all-locales` feature (the CLI), every file in `csl/locales/`.
const LOCALES: [&str; 2] = ["en-US", "zh-CN"];

/// The languages of the locale files to compile, en-US first.
fn locales() -> Vec<String> {
    if std::env::var_os("CARGO_FEATURE_ALL_LOCALES").is_none() {
        return LOCALES.map(str::to_owned).to_vec();
    }
    let dir = Path::new("csl/locales");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut langs: Vec<String> = std::fs::read_dir(dir)
        .expect("reading csl/locales")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            Some(
                name.strip_prefix("locales-")?
                    .strip_suffix(".xml")?
                    .to_owned(),
            )
        })
        .collect();
    langs.sort_by_key(|lang| (lang != "en-US", lang.clone()));
    langs
}

/// `primary-dialects` of `csl/locales/locales.json`: the locale file a bare
/// language (`de`) means, as a Rust table.
fn primary_dialects() -> String {
    let path = Path::new("csl/locales/locales.json");
    println!("cargo:rerun-if-changed={}", path.display());
    let json = std::fs::read_to_string(path).expect("reading csl/locales/locales.json");
    let start = json
        .find("\"primary-dialects\"")
        .expect("primary-dialects in locales.json");
    let body = &json[start..];
    let body = &body[body.find('{').expect("an object") + 1..body.find('}').expect("its end")];
    let pairs: Vec<String> = body
        .split(',')
        .filter_map(|pair| {
            let (language, dialect) = pair.split_once(':')?;
            let unquote = |s: &str| s.trim().trim_matches('"').to_owned();
            Some(format!("({:?}, {:?})", unquote(language), unquote(dialect)))
        })
        .collect();
    format!("[{}]", pairs.join(", "))
}

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let styles = built_in();
    let langs = locales();
    let files = styles
        .iter()
        .map(|s| (format!("styles/{}", s.file), Expect::Style))
        .chain(
            langs
                .iter()
                .map(|lang| (format!("locales/locales-{lang}.xml"), Expect::Locale)),
        );
    let mut trees = Vec::new();
    for (file, expect) in files {
        let path = Path::new("csl").join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let source = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        let (tree, _) = csl_xml::read(&source, expect, &ITEM_TYPES, &mut str::to_owned)
            .unwrap_or_else(|e| {
                panic!("{}:{}:{}: {}", path.display(), e.line, e.column, e.message)
            });
        trees.push(tree);
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
    std::fs::write(
        Path::new(&out_dir).join("locales.rs"),
        format!(
            "/// The compiled locales, in the blob's order after the styles.\npub(crate) const LOCALES: [&str; {}] = {:?};\n\n/// The locale file each bare language means (`locales.json`).\npub(crate) const PRIMARY_DIALECTS: &[(&str, &str)] = &{};\n",
            langs.len(),
            langs,
            primary_dialects()
        ),
    )
    .expect("writing OUT_DIR");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/style/csl_xml.rs");
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
    el: &Node,
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
