//! Minify the vendored CSL styles and the en-US locale for embedding: parse
//! each file with a real XML parser (so a malformed file fails the build),
//! drop `<info>`, comments, white space between elements and locales for
//! languages other than English, and write the rest as plain XML to
//! `OUT_DIR`. `src/style/xml.rs` reads this subset back at run time.

use std::fmt::Write as _;
use std::path::Path;

const FILES: [&str; 7] = [
    "styles/apa.csl",
    "styles/modern-language-association.csl",
    "styles/chicago-author-date.csl",
    "styles/harvard-cite-them-right.csl",
    "styles/ieee.csl",
    "styles/nlm-citation-sequence.csl",
    "locales/locales-en-US.xml",
];

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for file in FILES {
        let path = Path::new("csl").join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let source = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        let doc = roxmltree::Document::parse(&source)
            .unwrap_or_else(|e| panic!("{} is not well-formed XML: {e}", path.display()));
        let mut out = String::new();
        write_element(doc.root_element(), &mut out);
        let name = Path::new(file).file_name().expect("a file name");
        std::fs::write(Path::new(&out_dir).join(name), out).expect("writing OUT_DIR");
    }
    println!("cargo:rerun-if-changed=build.rs");
}

fn keep(node: roxmltree::Node<'_, '_>) -> bool {
    match node.tag_name().name() {
        "info" => false,
        "locale" => node
            .attribute(("http://www.w3.org/XML/1998/namespace", "lang"))
            .is_none_or(|lang| lang == "en" || lang == "en-US"),
        _ => true,
    }
}

fn write_element(node: roxmltree::Node<'_, '_>, out: &mut String) {
    let name = node.tag_name().name();
    out.push('<');
    out.push_str(name);
    for attribute in node.attributes() {
        let _ = write!(
            out,
            " {}=\"{}\"",
            attribute.name(),
            escape(attribute.value())
        );
    }
    // Text is kept where it is content: in an element without child
    // elements (a term may be a single space), or when not all white space.
    let leaf = !node.children().any(|c| c.is_element());
    let children: Vec<_> = node
        .children()
        .filter(|c| {
            (c.is_element() && keep(*c))
                || (c.is_text() && (leaf || !c.text().unwrap_or("").trim().is_empty()))
        })
        .collect();
    if children.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    for child in children {
        if child.is_element() {
            write_element(child, out);
        } else {
            out.push_str(&escape(child.text().unwrap_or("")));
        }
    }
    let _ = write!(out, "</{name}>");
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
