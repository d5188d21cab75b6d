//! The `citecard` binary, run as a user would.

use citecard_core::style::Style;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../static/records/seed-coproduction.txt"
);

fn citecard(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_citecard"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_prints_the_format_and_every_field() {
    let output = citecard(&["check", SEED], b"");
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    for line in [
        "format: BookSci",
        "records: 1",
        "  title:            Embedding coproduction in organisational culture and practice: a case study",
        "  authors:          Repper, Julie; Eve, Julian",
        "  container:        Leadership in Health Services",
        "  issued:           2022-07-26",
        "  doi:              10.1108/LHS-04-2022-0039",
        "  link:             https://doi.org/10.1108/LHS-04-2022-0039",
        "  jcr quartile:     Q3 (HEALTH POLICY & SERVICES)",
        "  impact factor:    1.7",
        "  citations:        1",
    ] {
        assert!(stdout.lines().any(|l| l == line), "missing {line:?} in\n{stdout}");
    }
    assert_eq!(text(&output.stderr), "");
}

#[test]
fn bad_input_gives_a_located_error_and_exit_status_1() {
    let input = b"{\"title\":\"One\",\"JCR\":\"Q1\"}\n{\"title\": \"Two\",, }\n";
    let output = citecard(&["check", "-"], input);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with(
            "record 2: error: line 2, column 17: invalid JSON: expected a field name in double quotes\n"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("2 | {\"title\": \"Two\",, }\n  |                 ^\n"),
        "{stderr}"
    );
    // The good record before the bad one is still printed.
    assert!(text(&output.stdout).contains("  title:            One\n"));
}

#[test]
fn undetectable_empty_and_non_utf8_input_fail_cleanly() {
    let cases: [(&[&str], &[u8], &str); 4] = [
        (
            &["check", "-"],
            b"hello\n",
            "error: line 1, column 1: unrecognised format",
        ),
        (
            &["check", "-"],
            b"  \n",
            "error: line 1, column 1: the input is empty",
        ),
        (
            &["check", "--format", "booksci", "-"],
            b"hello\n",
            "error: line 1, column 1: no record found",
        ),
        (
            &["check", "-"],
            b"{\"JCR\": \"Q1\n\xff\"}",
            "error: line 2, column 1: invalid UTF-8",
        ),
    ];
    for (args, input, expected) in cases {
        let output = citecard(args, input);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            text(&output.stderr).starts_with(expected),
            "{}",
            text(&output.stderr)
        );
        assert!(!text(&output.stderr).contains("panicked"));
    }
}

#[test]
fn usage_errors_exit_with_status_2() {
    for args in [
        &["check"][..],
        &["frobnicate"],
        &["check", "--format", "endnote", "-"],
        &[],
    ] {
        let output = citecard(args, b"");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(text(&output.stderr).contains("Usage:"));
    }
    let missing = citecard(&["check", "no/such/file.txt"], b"");
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).starts_with("error: cannot read no/such/file.txt:"));
}

#[test]
fn convert_writes_one_csl_json_array_for_every_format() {
    let fixtures = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../citecard-core/tests/fixtures/valid"
    );
    for (file, records) in [
        ("ris/citation-js issn and isbn.ris", 2),
        ("bibtex/biber names with von particles.bib", 4),
        (
            "crossref/crossref work list with a chapter and a preprint.json",
            2,
        ),
        (
            "semantic-scholar/semantic scholar search answer with a data array.json",
            2,
        ),
        ("csl-json/csl-json array of six item types.json", 6),
    ] {
        let output = citecard(
            &["convert", "--to", "csl-json", &format!("{fixtures}/{file}")],
            b"",
        );
        assert!(output.status.success(), "{file}: {}", text(&output.stderr));
        let stdout = text(&output.stdout);
        assert!(stdout.starts_with("[\n  {"), "{file}: {stdout}");
        assert_eq!(
            stdout.matches("\n    \"type\": ").count(),
            records,
            "{file}: {stdout}"
        );
    }
    let seed = citecard(&["convert", "--to", "csl-json", SEED], b"");
    let stdout = text(&seed.stdout);
    assert!(
        stdout.contains("    \"id\": \"repper2022embedding\",\n"),
        "{stdout}"
    );
    assert!(stdout.contains("    \"DOI\": \"10.1108/LHS-04-2022-0039\",\n"));
}

#[test]
fn convert_keeps_good_records_and_reports_bad_ones() {
    let input = b"[{\"id\": \"a\", \"type\": \"book\", \"title\": \"Good\"}, 42]";
    let output = citecard(&["convert", "--to", "csl-json", "-"], input);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stdout).contains("\"title\": \"Good\""));
    assert!(text(&output.stderr).starts_with(
        "record 2: error: line 1, column 48: `record` should be a CSL-JSON item object"
    ));
    let missing_to = citecard(&["convert", "-"], b"");
    assert_eq!(missing_to.status.code(), Some(2));
}

#[test]
fn convert_to_bibtex_and_ris_reads_back_through_check() {
    for (to, first_line) in [
        ("bibtex", "@article{repper2022embedding,"),
        ("ris", "TY  - JOUR"),
    ] {
        let output = citecard(&["convert", "--to", to, SEED], b"");
        assert!(output.status.success(), "{}", text(&output.stderr));
        let written = output.stdout;
        assert_eq!(text(&written).lines().next(), Some(first_line));
        let check = citecard(&["check", "-"], &written);
        assert!(check.status.success(), "{}", text(&check.stderr));
        assert!(text(&check.stdout).contains(
            "  title:            Embedding coproduction in organisational culture and practice: a case study\n"
        ));
        assert!(text(&check.stdout).contains("  doi:              10.1108/LHS-04-2022-0039\n"));
    }
}

#[test]
fn cite_prints_one_ieee_reference_per_record() {
    let output = citecard(&["cite", "--style", "ieee", SEED], b"");
    assert!(output.status.success(), "{}", text(&output.stderr));
    // citeproc-js with ieee.csl gives exactly this (tests/golden/citations.json).
    assert_eq!(
        text(&output.stdout),
        "[1] J. Repper and J. Eve, “Embedding coproduction in organisational culture and practice: \
         a case study,” Leadership in Health Services, Jul. 2022, doi: 10.1108/LHS-04-2022-0039.\n"
    );
    let html = citecard(&["cite", "--style", "ieee", "--html", SEED], b"");
    assert_eq!(text(&html.stdout).lines().count(), 1);
    assert!(text(&html.stdout).contains("<i>Leadership in Health Services</i>"));
}

/// `citecard cite` on every golden fixture, in every style, gives
/// citeproc-js's text and HTML line for line.
#[test]
fn cite_matches_citeproc_js_for_every_style() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let golden: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("crates/citecard-core/tests/golden/citations.json"))
            .unwrap(),
    )
    .unwrap();
    let entries = golden["entries"].as_array().unwrap();
    let mut fixtures: Vec<&str> = entries
        .iter()
        .map(|e| e["fixture"].as_str().unwrap())
        .collect();
    fixtures.dedup();
    for style in Style::ALL.map(Style::id) {
        for fixture in &fixtures {
            let path = root.join(fixture);
            let path = path.to_str().unwrap();
            let expected: Vec<&serde_json::Value> = entries
                .iter()
                .filter(|e| e["fixture"] == *fixture)
                .map(|e| &e[style])
                .collect();
            for (flag, key) in [(None, "text"), (Some("--html"), "html")] {
                let mut args = vec!["cite", "--style", style];
                args.extend(flag);
                args.push(path);
                let output = citecard(&args, b"");
                assert!(
                    output.status.success(),
                    "{style} {fixture}: {}",
                    text(&output.stderr)
                );
                let lines: Vec<String> = text(&output.stdout).lines().map(str::to_owned).collect();
                let want: Vec<String> = expected
                    .iter()
                    .map(|e| {
                        let value = e[key].as_str().unwrap();
                        // The CLI writes HTML on one line, without the indentation.
                        value.lines().map(str::trim_start).collect::<String>()
                    })
                    .collect();
                assert_eq!(lines, want, "{style} {key} {fixture}");
            }
        }
    }
}

/// A file of the shared CSL styles and locales (../shared/csl, read at
/// test time).
fn shared_csl(path: &str) -> String {
    format!("{}/../../../shared/csl/{path}", env!("CARGO_MANIFEST_DIR"))
}

/// citeproc-js 2.4.63 with the official nature.csl (en-GB, its
/// default-locale) for the seed record, as `node tests/oracle/breadth.mjs`
/// compares it.
const SEED_IN_NATURE: &str =
    "1.  Repper, J. & Eve, J. Embedding coproduction in organisational culture \
and practice: a case study. Leadership in Health Services https://doi.org/10.1108/LHS-04-2022-0039 \
(2022) doi:10.1108/LHS-04-2022-0039.\n";

#[test]
fn cite_csl_formats_in_any_style_file_and_its_default_locale() {
    let nature = shared_csl("styles/nature.csl");
    let output = citecard(&["cite", "--csl", &nature, SEED], b"");
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), SEED_IN_NATURE);
    // Two inputs, one style compiled once: their lines in order.
    let twice = citecard(&["cite", "--csl", &nature, SEED, SEED], b"");
    assert_eq!(text(&twice.stdout), SEED_IN_NATURE.repeat(2));
}

#[test]
fn cite_style_resolves_a_dependent_style_to_its_parent() {
    let styles = shared_csl("styles");
    let by_id = citecard(
        &[
            "cite",
            "--style",
            "nature-communications",
            "--styles-dir",
            &styles,
            SEED,
        ],
        b"",
    );
    assert!(by_id.status.success(), "{}", text(&by_id.stderr));
    assert_eq!(text(&by_id.stdout), SEED_IN_NATURE);
    // A dependent file given alone finds its parent where the repository
    // keeps it.
    let by_file = citecard(
        &[
            "cite",
            "--csl",
            &shared_csl("dependent/nature-communications.csl"),
            SEED,
        ],
        b"",
    );
    assert_eq!(text(&by_file.stdout), SEED_IN_NATURE);
    let unknown = citecard(
        &[
            "cite",
            "--style",
            "no-such-journal",
            "--styles-dir",
            &styles,
            SEED,
        ],
        b"",
    );
    assert_eq!(unknown.status.code(), Some(1));
    assert!(text(&unknown.stderr).contains("no style `no-such-journal`"));
}

#[test]
fn cite_locale_takes_any_official_locale_by_name() {
    let book = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../citecard-core/tests/fixtures/valid/csl-json/csl-json book with particles, a suffix and a literal editor.json"
    );
    let apa = shared_csl("styles/apa.csl");
    let output = citecard(&["cite", "--csl", &apa, "--locale", "de-DE", book], b"");
    assert!(output.status.success(), "{}", text(&output.stderr));
    // de-DE's terms, as citeproc-js writes this book with the locale forced:
    // "(World Health Organization, Hrsg.; 2. Aufl.)".
    assert!(
        text(&output.stdout).contains("(World Health Organization, Hrsg.; 2. Aufl.)"),
        "{}",
        text(&output.stdout)
    );
    let file = citecard(
        &[
            "cite",
            "--csl",
            &apa,
            "--locale",
            &shared_csl("locales/locales-de-DE.xml"),
            book,
        ],
        b"",
    );
    assert_eq!(text(&file.stdout), text(&output.stdout));
}

#[test]
fn a_style_file_that_is_not_csl_is_a_located_error() {
    let dir = scratch("not-csl");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("broken.csl");
    std::fs::write(
        &path,
        "<style xmlns=\"http://purl.org/net/xbiblio/csl\">\n  <bibliography>\n</style>\n",
    )
    .unwrap();
    let output = citecard(&["cite", "--csl", path.to_str().unwrap(), SEED], b"");
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("broken.csl: line 3, column 1:"), "{stderr}");
    let html = dir.join("page.csl");
    std::fs::write(&html, "<html><body/></html>").unwrap();
    let output = citecard(&["cite", "--csl", html.to_str().unwrap(), SEED], b"");
    assert!(text(&output.stderr).contains("line 1, column 1: not a CSL style"));
    // A built-in style with a locale is a usage error (its locale is its own).
    let usage = citecard(&["cite", "--style", "apa", "--locale", "de-DE", SEED], b"");
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn a_style_using_what_citecard_does_not_implement_says_so() {
    let dir = scratch("display-style");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("display.csl");
    std::fs::write(
        &path,
        r#"<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><bibliography><layout><text variable="title" display="block"/></layout></bibliography></style>"#,
    )
    .unwrap();
    let output = citecard(&["cite", "--csl", path.to_str().unwrap(), SEED], b"");
    assert!(output.status.success());
    assert!(
        text(&output.stderr).contains("warning:")
            && text(&output.stderr).contains("display=\"block\" is not implemented")
    );
}

/// Tags and attributes in `html`, as `tag` and `tag[attr]` strings.
fn markup(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let tag = &rest[start + 1..];
        let end = tag.find('>').unwrap_or(tag.len());
        let inside = &tag[..end];
        let mut parts = inside.trim_start_matches('/').split_whitespace();
        if let Some(name) = parts.next() {
            found.push(name.to_ascii_lowercase());
            for attribute in parts {
                let name_end = attribute.find('=').unwrap_or(attribute.len());
                found.push(format!("[{}]", &attribute[..name_end]));
            }
        }
        rest = &tag[end..];
    }
    found
}

/// The HTML `citecard cite --html` writes for records full of XSS vectors
/// holds only citeproc-js's own markup: `div`, `i`, `b`, `sup`, `sub`,
/// `class`, and `span` with the one style that turns italics or bold
/// upright.
#[test]
fn cite_html_never_carries_markup_from_the_record() {
    let vectors = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/xss/vectors.txt"),
    )
    .unwrap();
    let vectors: Vec<&str> = vectors
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let mut ris = String::new();
    let mut csl = Vec::new();
    for v in &vectors {
        ris.push_str(&format!(
            "TY  - JOUR\nTI  - {v}\nAU  - {v}\nT2  - {v}\nAB  - {v}\nUR  - {v}\nDO  - {v}\nPB  - {v}\nPY  - 2020\nER  - \n"
        ));
        let value = serde_json::json!(v);
        csl.push(serde_json::json!({
            "id": "x", "type": "book", "title": value, "publisher": value, "URL": value,
            "author": [{"family": value, "given": value}, {"literal": value}], "DOI": value,
        }));
    }
    let csl = serde_json::to_string(&csl).unwrap();
    for style in Style::ALL.map(Style::id) {
        for input in [ris.as_bytes(), csl.as_bytes()] {
            let output = citecard(&["cite", "--style", style, "--html", "-"], input);
            let html = text(&output.stdout);
            assert!(
                html.lines().count() >= vectors.len(),
                "{style}: {}",
                text(&output.stderr)
            );
            for item in markup(&html) {
                assert!(
                    ["div", "i", "b", "sup", "sub", "span", "[class]", "[style]"]
                        .contains(&item.as_str()),
                    "{style}: `{item}` in\n{html}"
                );
            }
            // Inside tags (record text is escaped, so every `<` opens one),
            // a style is only the upright one.
            for tag in html.split('<').skip(1).filter_map(|t| t.split('>').next()) {
                if let Some((_, value)) = tag.split_once("style=") {
                    assert!(
                        [r#""font-style:normal;""#, r#""font-weight:normal;""#].contains(&value),
                        "{style}: `{tag}` in\n{html}"
                    );
                }
            }
        }
    }
}

const BIB: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/static-site/refs.bib"
);

/// A fresh, empty directory under the target directory.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn render_writes_a_card_element_with_its_shadow_root_metadata_and_record() {
    let output = citecard(&["render", "--theme", "dark", SEED], b"");
    assert!(output.status.success(), "{}", text(&output.stderr));
    let html = text(&output.stdout);
    // The stylesheet first, loaded before the cards are drawn.
    assert!(
        html.starts_with("<link rel=\"stylesheet\" href=\"citecard.css\">\n<citation-card theme=\"dark\" lang=\"en\">"),
        "{html}"
    );
    assert!(html.contains(
        "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"citecard.css\">"
    ));
    assert!(html.contains("data-citecard-render=\""));
    assert!(html.contains("<script type=\"application/ld+json\">"));
    assert!(html.contains("<span class=\"Z3988\" title=\"ctx_ver=Z39.88-2004"));
    // The record itself, as the embed reads it: it reads as the file does.
    let record = html
        .split("<script type=\"text/plain\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("the record's script");
    let alone = citecard(&["check", "-"], record.as_bytes());
    assert_eq!(
        text(&alone.stdout),
        text(&citecard(&["check", SEED], b"").stdout)
    );
    // The same components as the browser's: the card, the folds, Cite.
    for part in [
        "data-testid=\"citation-card\"",
        "data-theme=\"dark\"",
        "class=\"citecard-fold\"",
        "data-testid=\"static-citations\"",
    ] {
        assert!(html.contains(part), "{part}");
    }
    // No file links without --out.
    assert!(!html.contains(".bib\""));
}

#[test]
fn render_carries_a_bibtex_record_as_csl_json_that_reads_the_same() {
    // BibTeX leans on @string and is read in a module of its own in the
    // browser: the card carries the record as CSL-JSON.
    let output = citecard(&["render", BIB], b"");
    assert!(output.status.success(), "{}", text(&output.stderr));
    let html = text(&output.stdout);
    assert_eq!(html.matches("<citation-card").count(), 6);
    let records: Vec<&str> = html
        .split("<script type=\"text/plain\">")
        .skip(1)
        .map(|rest| rest.split("</script>").next().unwrap())
        .collect();
    assert_eq!(records.len(), 6);
    let basili = records.iter().find(|r| r.contains("Basili")).unwrap();
    let item: serde_json::Value = serde_json::from_str(basili).unwrap();
    assert_eq!(
        item[0]["container-title"],
        "IEEE Transactions on Software Engineering"
    );
}

#[test]
fn render_carries_a_record_the_reader_module_reads_as_csl_json() {
    // RIS, like Crossref and Semantic Scholar, is read in the browser by a
    // module the card loads on first need; the pre-rendered card carries
    // CSL-JSON so that it hydrates with the card's own reader, at once.
    let ris =
        "TY  - JOUR\nTI  - Reading in the small hours\nAU  - Lovelace, Ada\nPY  - 1843\nER  - \n";
    let output = citecard(&["render", "-"], ris.as_bytes());
    assert!(output.status.success(), "{}", text(&output.stderr));
    let html = text(&output.stdout);
    let record = html
        .split("<script type=\"text/plain\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("the record's script");
    let items: serde_json::Value = serde_json::from_str(record).expect("CSL-JSON");
    assert_eq!(items[0]["title"], "Reading in the small hours");
    assert_eq!(items[0]["author"][0]["family"], "Lovelace");
}

#[test]
fn render_full_page_puts_google_scholar_tags_in_the_head() {
    let output = citecard(
        &[
            "render",
            "--full-page",
            "--script-src",
            "/js/citecard.js",
            SEED,
        ],
        b"",
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let html = text(&output.stdout);
    let head = html.split("</head>").next().unwrap();
    assert!(html.starts_with("<!doctype html>\n<html lang=\"en\">"));
    assert!(head.contains("<title>Embedding coproduction in organisational culture and practice: a case study</title>"));
    assert!(head.contains("<meta name=\"citation_title\" content=\"Embedding coproduction in organisational culture and practice: a case study\">"));
    assert!(head.contains("<meta name=\"citation_doi\" content=\"10.1108/LHS-04-2022-0039\">"));
    assert!(head.contains("<script type=\"module\" src=\"/js/citecard.js\"></script>"));
    // One article per page: several records need --out.
    let output = citecard(&["render", "--full-page", BIB], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("--out DIR"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn render_out_writes_a_page_and_files_per_record_and_an_index() {
    let dir = scratch("render-out");
    let output = citecard(&["render", "--out", dir.to_str().unwrap(), BIB], b"");
    assert!(output.status.success(), "{}", text(&output.stderr));
    for key in [
        "lamport1978time",
        "knuth1984texbook",
        "vaswani2017attention",
    ] {
        let page = std::fs::read_to_string(dir.join(format!("{key}.html"))).unwrap();
        assert!(page.contains("<meta name=\"citation_title\""));
        assert!(page.contains(&format!("href=\"{key}.bib\"")));
        assert!(page.contains(&format!("href=\"{key}.ris\"")));
        let bib = std::fs::read_to_string(dir.join(format!("{key}.bib"))).unwrap();
        assert!(bib.starts_with('@'), "{bib}");
        let ris = std::fs::read_to_string(dir.join(format!("{key}.ris"))).unwrap();
        assert!(ris.starts_with("TY  - "), "{ris}");
        let json: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("{key}.json"))).unwrap(),
        )
        .unwrap();
        assert!(json[0]["title"].is_string());
    }
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert_eq!(index.matches("<citation-card").count(), 6);
    assert!(!index.contains("citation_title"), "one article per page");
    assert!(dir.join("citecard.css").exists());
    // With --css-href, the pages link that and no stylesheet is written.
    let dir = scratch("render-out-css");
    let output = citecard(
        &[
            "render",
            "--out",
            dir.to_str().unwrap(),
            "--css-href",
            "/assets/citecard.css",
            SEED,
        ],
        b"",
    );
    assert!(output.status.success());
    assert!(!dir.join("citecard.css").exists());
    let page = std::fs::read_to_string(dir.join("repper2022embedding.html")).unwrap();
    assert!(page.contains("href=\"/assets/citecard.css\""));
}

#[test]
fn render_out_speaks_the_cards_language() {
    let dir = scratch("render-out-zh");
    let output = citecard(
        &[
            "render",
            "--out",
            dir.to_str().unwrap(),
            "--lang",
            "zh",
            SEED,
        ],
        b"",
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(index.starts_with("<!doctype html>\n<html lang=\"zh-CN\">"));
    assert!(index.contains("<title>参考文献</title>"));
    assert!(index.contains("<h1>参考文献</h1>"));
    assert!(index.contains("<citation-card lang=\"zh-CN\">"));
    // The card itself, in Chinese: its Cite button.
    assert!(index.contains(">引用</summary>"), "{index}");
}

#[test]
fn render_rejects_unknown_options_with_status_2() {
    for args in [
        &["render", "--theme", "purple", SEED][..],
        &["render", "--variant", "tiny", SEED][..],
        &["render", "--out"][..],
        &["render", "--bogus", SEED][..],
        &["render", "--list", "--group-by", "colour", SEED][..],
        &["render", "--sort", "newest", SEED][..],
        &["render", "--search", "maybe", SEED][..],
        &["render", "--page-size", "0", SEED][..],
    ] {
        let output = citecard(args, b"");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
}

/// The sample publication list (examples/publications/pubs.bib): 14
/// entries, one broken, one duplicate by DOI, one preprint of another.
const PUBS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/publications/pubs.bib"
);

#[test]
fn render_list_writes_every_entry_with_the_owner_highlighted_and_the_records_for_the_script() {
    let output = citecard(
        &[
            "render",
            "--list",
            "--highlight",
            "Knuth, Donald E.",
            "--group-by",
            "type",
            "--page-size",
            "5",
            PUBS,
        ],
        b"",
    );
    // The broken entry is reported, with its place; the others are listed.
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("line 125, column 12"));
    let html = text(&output.stdout);
    // The stylesheets in the page, then the element with its options.
    assert!(html.starts_with("<link rel=\"stylesheet\" href=\"citecard.css\">\n<link rel=\"stylesheet\" href=\"citecard-list.css\">"));
    assert!(html.contains("<citation-list lang=\"en\" group-by=\"type\" highlight=\"Knuth, Donald E.\" page-size=\"5\">"));
    assert!(html.contains("<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"citecard.css\"><link rel=\"stylesheet\" href=\"citecard-list.css\"><div data-citecard-root=\"\" data-citecard-render=\""));
    // Every entry (13 read, 2 merged), whatever the page size, under its type.
    assert_eq!(html.matches("data-testid=\"entry\"").count(), 11);
    assert!(html.contains(">Journal article</h2>"));
    assert!(html.contains("2 duplicates merged"));
    // Donald E. Knuth, however each record writes him, in the eight entries
    // that name him in Latin letters (高德纳 is a name of his own); never
    // Douglas Knuth.
    let owners = html.matches("part=\"highlight\"").count();
    assert_eq!(owners, 8, "{owners} highlighted names");
    assert!(!html.contains("data-testid=\"highlight\">Douglas Knuth"));
    // For machines: a COinS span per record read; for the script: the records.
    assert_eq!(html.matches("class=\"Z3988\"").count(), 13);
    let json_start = html
        .find("<script type=\"application/json\">")
        .expect("the records")
        + 32;
    let json_end = json_start + html[json_start..].find("</script>").expect("closed");
    let records: serde_json::Value =
        serde_json::from_str(&html[json_start..json_end]).expect("CSL-JSON");
    assert_eq!(records.as_array().map(Vec::len), Some(13));
}

#[test]
fn render_list_full_page_and_out_make_the_list_the_page() {
    let output = citecard(
        &["render", "--list", "--full-page", "--inline-css", PUBS],
        b"",
    );
    let html = text(&output.stdout);
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("<h1>References</h1>\n<citation-list"));
    // Inline: both stylesheets in the shadow root, none linked.
    assert!(html.contains(".citecard-publications"));
    assert!(!html.contains("<link rel=\"stylesheet\""));
    let dir = scratch("render-list-out");
    let output = citecard(
        &["render", "--list", "--out", dir.to_str().unwrap(), PUBS],
        b"",
    );
    assert_eq!(output.status.code(), Some(1));
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(index.contains("<citation-list"));
    assert!(index.contains("<a href=\"knuth1984literate.html\">"));
    assert!(dir.join("citecard-list.css").exists());
    assert!(dir.join("knuth1984literate.html").exists());
}
