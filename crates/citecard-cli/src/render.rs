//! `citecard render`: cards as static HTML, drawn by the same Yew
//! components as the browser's (`citecard::ssr`), for static sites whose
//! pages must work without JavaScript and be read by Google Scholar.

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use citecard::reader_modules::ReaderModule;
use citecard::ssr::{self, Links, Stylesheet, STYLESHEET};
use citecard::ui::i18n::Lang;
use citecard::ui::list::ListOptions;
use citecard::ui::options::{CardOptions, Theme, Variant};
use citecard::ui::prerender::StaticFile;
use citecard_core::export::{bibtex, citation_keys, csl_json, ris};
use citecard_core::list::order::{GroupBy, SortBy};
use citecard_core::rich_text::escape_into;
use citecard_core::{metadata, parse, Format, Reference};

use crate::{describe_error, Failure};

/// What `render` was asked for.
pub struct RenderOptions {
    card: CardOptions,
    full_page: bool,
    out: Option<PathBuf>,
    css_href: Option<String>,
    inline_css: bool,
    script_src: Option<String>,
    /// `--list` (or any list flag): one publication list.
    list: Option<ListOptions>,
    path: String,
}

impl RenderOptions {
    pub fn parse(args: &[String]) -> Result<Self, Failure> {
        let mut card = CardOptions::default();
        let mut full_page = false;
        let mut out = None;
        let mut css_href = None;
        let mut inline_css = false;
        let mut script_src = None;
        let mut list: Option<ListOptions> = None;
        let mut path = None;
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
                _ => (arg.as_str(), None),
            };
            let mut value = |what: &str| {
                inline
                    .clone()
                    .or_else(|| args.next().cloned())
                    .ok_or_else(|| Failure::Usage(format!("{flag} needs {what}")))
            };
            match flag {
                "-s" | "--style" => {
                    card.style = Some(value("a style name")?.parse().map_err(Failure::Usage)?)
                }
                "-f" | "--format" => {
                    card.format = Some(value("a format name")?.parse().map_err(
                        |e: citecard_core::detect::UnknownFormatName| Failure::Usage(e.to_string()),
                    )?)
                }
                "--theme" => card.theme = one_of(&Theme::ALL, &value("a theme")?, Theme::id)?,
                "--variant" => {
                    card.variant = one_of(&Variant::ALL, &value("a variant")?, Variant::id)?
                }
                "--lang" => card.lang = Some(Lang::from_tag(&value("a language (en, zh)")?)),
                "--full-page" => full_page = true,
                "--out" => out = Some(PathBuf::from(value("a directory")?)),
                "--css-href" => css_href = Some(value("a URL")?),
                "--inline-css" => inline_css = true,
                "--script-src" => script_src = Some(value("a URL")?),
                "--list" => {
                    list.get_or_insert_with(ListOptions::default);
                }
                "--group-by" => {
                    list.get_or_insert_with(ListOptions::default).group_by =
                        one_of(&GroupBy::ALL, &value("year, type or none")?, GroupBy::id)?
                }
                "--sort" => {
                    list.get_or_insert_with(ListOptions::default).sort =
                        one_of(&SortBy::ALL, &value("an order")?, SortBy::id)?
                }
                "--highlight" => {
                    list.get_or_insert_with(ListOptions::default).highlight = value("names")?.into()
                }
                "--selected" => {
                    list.get_or_insert_with(ListOptions::default).selected =
                        value("citation keys")?.into()
                }
                "--search" => {
                    list.get_or_insert_with(ListOptions::default).search =
                        one_of(&[true, false], &value("on or off")?, |on| {
                            if on {
                                "on"
                            } else {
                                "off"
                            }
                        })?
                }
                "--page-size" => {
                    let size = value("a number")?;
                    list.get_or_insert_with(ListOptions::default).page_size = size
                        .parse::<usize>()
                        .ok()
                        .filter(|n| (1..=citecard_core::limits::MAX_RECORDS).contains(n))
                        .ok_or_else(|| {
                            Failure::Usage(format!("--page-size {size}: expected 1 to 1000"))
                        })?
                }
                other => crate::input_path(other, &mut path)?,
            }
        }
        let path = crate::required_path(path)?;
        Ok(RenderOptions {
            card,
            full_page,
            out,
            css_href,
            inline_css,
            script_src,
            list,
            path,
        })
    }

    pub fn path(&self) -> &str {
        &self.path
    }
}

/// The value of `all` whose `id` is `given`, or a usage error that lists them.
fn one_of<T: Copy>(all: &[T], given: &str, id: fn(T) -> &'static str) -> Result<T, Failure> {
    all.iter()
        .copied()
        .find(|&v| id(v) == given)
        .ok_or_else(|| {
            let ids: Vec<&str> = all.iter().map(|&v| id(v)).collect();
            Failure::Usage(format!(
                "unknown value `{given}`: expected {}",
                ids.join(", ")
            ))
        })
}

/// One record, ready to render.
struct Entry {
    /// The record's text for the card to read: the record as written, or
    /// its CSL-JSON where the text alone would not read the same (a BibTeX
    /// entry, which the browser reads in a module of its own, or one that
    /// leans on an `@string` or a wrapper around it).
    text: String,
    reference: Reference,
    /// Its citation key, unique in the input: the name of its files.
    key: String,
}

/// Render `input` as `options` asks; the exit status.
pub fn render(input: &str, options: &RenderOptions, out: &mut impl Write) -> Result<u8, Failure> {
    let document = match parse(input, options.card.format) {
        Ok(document) => document,
        Err(error) => {
            eprint!("{}", describe_error(input, &error));
            return Ok(1);
        }
    };
    let mut failed = false;
    let mut records = Vec::new();
    for (i, record) in document.records.into_iter().enumerate() {
        match record {
            Ok(record) => records.push(record),
            Err(error) => {
                failed = true;
                eprint!("record {}: {}", i + 1, describe_error(input, &error));
            }
        }
    }
    let references: Vec<Reference> = records.iter().map(|r| r.reference.clone()).collect();
    let keys = citation_keys(&references);
    let entries: Vec<Entry> = records
        .into_iter()
        .zip(keys)
        .map(|(record, key)| Entry {
            text: record_text(input, document.format, &record),
            reference: record.reference,
            key: file_name(&key),
        })
        .collect();
    let card = CardOptions {
        // The record text each card carries is in a format detected again.
        format: None,
        ..options.card
    };
    match &options.out {
        Some(dir) => write_site(dir, &entries, card, options)?,
        None if options.list.is_some() => {
            let links = links(options, None);
            let element = list_element(&entries, card, options, &links);
            if options.full_page {
                let lang = card.lang.unwrap_or(Lang::En);
                let title = lang.strings().references;
                let body = format!("<h1>{title}</h1>\n{element}");
                writeln!(
                    out,
                    "{}",
                    self::document(title, lang, "", &body, &links, options)
                )
                .map_err(crate::io_failure)?;
            } else {
                if let Stylesheet::Link(href) = &links.stylesheet {
                    writeln!(out, "{}", stylesheet_tag(href)).map_err(crate::io_failure)?;
                    let list = ssr::list_stylesheet_href(href);
                    writeln!(out, "{}", stylesheet_tag(&list)).map_err(crate::io_failure)?;
                }
                writeln!(out, "{element}").map_err(crate::io_failure)?;
                if let Some(src) = &options.script_src {
                    writeln!(out, "{}", script_tag(src)).map_err(crate::io_failure)?;
                }
            }
        }
        None if options.full_page => {
            let [entry] = entries.as_slice() else {
                return Err(Failure::Usage(format!(
                    "--full-page writes one record's page, and the input has {}: use --out DIR for one page each",
                    entries.len()
                )));
            };
            let links = links(options, None);
            writeln!(out, "{}", page(entry, card, &links, options)).map_err(crate::io_failure)?;
        }
        None => {
            let links = links(options, None);
            // Loaded before what follows is drawn, so that the cards never
            // show unstyled (a stylesheet in a shadow root does not hold
            // back the first paint; this one, in the page, does).
            if let Stylesheet::Link(href) = &links.stylesheet {
                writeln!(out, "{}", stylesheet_tag(href)).map_err(crate::io_failure)?;
            }
            for entry in &entries {
                let element =
                    ssr::citation_card(&entry.text, &entry.reference, &entry.key, card, &links);
                writeln!(out, "{element}").map_err(crate::io_failure)?;
            }
            if let Some(src) = &options.script_src {
                writeln!(out, "{}", script_tag(src)).map_err(crate::io_failure)?;
            }
        }
    }
    Ok(u8::from(failed))
}

/// The `<citation-list>` of every entry, as `options.list` asks.
fn list_element(
    entries: &[Entry],
    card: CardOptions,
    options: &RenderOptions,
    links: &Links,
) -> String {
    let references: Vec<Reference> = entries.iter().map(|e| e.reference.clone()).collect();
    let list = options.list.clone().unwrap_or_default();
    ssr::citation_list(&references, card, &list, links)
}

/// The text of `record` that reads, alone, as the same reference; its
/// CSL-JSON when its own text does not, or when its format is read in the
/// browser by a module the card loads (BibTeX, RIS, Crossref, Semantic
/// Scholar): the card hydrates from what it reads itself, at once.
fn record_text(input: &str, format: Format, record: &citecard_core::Record) -> String {
    let own = input
        .get(record.span.start..record.span.end)
        .unwrap_or_default();
    let reads_the_same = |text: &str| {
        parse(text, None)
            .ok()
            .and_then(|document| document.records.into_iter().next())
            .and_then(Result::ok)
            .is_some_and(|alone| alone.reference == record.reference)
    };
    if ReaderModule::of(format).is_none() && reads_the_same(own) {
        return own.to_owned();
    }
    let json = csl_json::write(std::slice::from_ref(&record.reference));
    if !reads_the_same(&json) {
        eprintln!(
            "line {}: warning: this record's card carries it as CSL-JSON, which does not hold everything it has; the card may differ once the script runs",
            record.span.line
        );
    }
    json
}

/// A citation key as a file name: letters, digits, `-` and `_`.
fn file_name(key: &str) -> String {
    let name: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if name.is_empty() {
        "record".to_owned()
    } else {
        name
    }
}

fn links(options: &RenderOptions, files: Option<fn(&str) -> Vec<StaticFile>>) -> Links {
    Links {
        stylesheet: if options.inline_css {
            Stylesheet::Inline
        } else {
            Stylesheet::Link(
                options
                    .css_href
                    .clone()
                    .unwrap_or_else(|| "citecard.css".to_owned()),
            )
        },
        files,
    }
}

/// The exported files `--out` writes beside each page.
fn exported_files(key: &str) -> Vec<StaticFile> {
    vec![
        StaticFile {
            label: "BibTeX",
            href: format!("{key}.bib"),
        },
        StaticFile {
            label: "RIS",
            href: format!("{key}.ris"),
        },
    ]
}

fn stylesheet_tag(href: &str) -> String {
    let mut tag = String::from("<link rel=\"stylesheet\" href=\"");
    escape_into(href, &mut tag);
    tag.push_str("\">");
    tag
}

fn script_tag(src: &str) -> String {
    let mut tag = String::from("<script type=\"module\" src=\"");
    escape_into(src, &mut tag);
    tag.push_str("\"></script>");
    tag
}

/// A whole HTML document around `body`, with `head` (meta tags) in its
/// head, and the card stylesheet, which the page loads before its first
/// paint so that the cards' shadow roots find it loaded.
fn document(
    title: &str,
    lang: Lang,
    head: &str,
    body: &str,
    links: &Links,
    options: &RenderOptions,
) -> String {
    let mut html = format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">\n<title>",
        lang.tag()
    );
    escape_into(title, &mut html);
    html.push_str("</title>\n");
    html.push_str(head);
    if let Stylesheet::Link(href) = &links.stylesheet {
        html.push_str(&stylesheet_tag(href));
        html.push('\n');
        if options.list.is_some() {
            html.push_str(&stylesheet_tag(&ssr::list_stylesheet_href(href)));
            html.push('\n');
        }
    }
    if let Some(src) = &options.script_src {
        html.push_str(&script_tag(src));
        html.push('\n');
    }
    // The page's own layout; the cards style themselves (shadow root).
    // (A list is wider than a card.)
    let width = if options.list.is_some() { 62 } else { 46 };
    html.push_str(&format!("<style>body{{margin:0 auto;padding:1.5rem 1rem;max-width:{width}rem;font-family:system-ui,sans-serif;line-height:1.5}}citation-card{{display:block;margin-block:1rem}}</style>\n"));
    html.push_str("</head>\n<body>\n<main>\n");
    html.push_str(body);
    html.push_str("\n</main>\n</body>\n</html>\n");
    html
}

/// One record's page: its card, with Google Scholar's `citation_*` tags in
/// the head (one article per page, as its inclusion guidelines require).
fn page(entry: &Entry, card: CardOptions, links: &Links, options: &RenderOptions) -> String {
    let element = ssr::citation_card(&entry.text, &entry.reference, &entry.key, card, links);
    let title = entry
        .reference
        .title
        .as_deref()
        .or(entry.reference.title_zh.as_deref())
        .unwrap_or(card.lang.unwrap_or(Lang::En).strings().untitled);
    let head = metadata::highwire::to_html(&metadata::highwire::tags(&entry.reference));
    document(
        title,
        card.lang.unwrap_or(Lang::En),
        &head,
        &element,
        links,
        options,
    )
}

/// `--out DIR`: a page per record, an index of them all, each record's
/// `.bib`, `.ris` and `.json`, and the stylesheet unless `--css-href`
/// names another or `--inline-css` puts it in every card.
fn write_site(
    dir: &Path,
    entries: &[Entry],
    card: CardOptions,
    options: &RenderOptions,
) -> Result<(), Failure> {
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text)
            .map_err(|e| Failure::Io(format!("cannot write {}: {e}", path.display())))
    };
    std::fs::create_dir_all(dir)
        .map_err(|e| Failure::Io(format!("cannot create {}: {e}", dir.display())))?;
    let links = links(options, Some(exported_files));
    let lang = card.lang.unwrap_or(Lang::En);
    let heading = lang.strings().references;
    let mut index = format!("<h1>{heading}</h1>\n<ol class=\"citecard-index\">\n");
    for entry in entries {
        let one = std::slice::from_ref(&entry.reference);
        write(
            &format!("{}.html", entry.key),
            &page(entry, card, &links, options),
        )?;
        write(&format!("{}.bib", entry.key), &bibtex::write(one))?;
        write(&format!("{}.ris", entry.key), &ris::write(one))?;
        write(&format!("{}.json", entry.key), &csl_json::write(one))?;
        let element = ssr::citation_card(&entry.text, &entry.reference, &entry.key, card, &links);
        let _ = write!(
            index,
            "<li id=\"{key}\">{element}\n<p><a href=\"{key}.html\">{key}.html</a></p></li>\n",
            key = entry.key
        );
    }
    index.push_str("</ol>");
    if options.list.is_some() {
        // The index is the list itself, with a link to each record's page.
        index = format!(
            "<h1>{heading}</h1>\n{}\n<ol class=\"citecard-index\">\n",
            list_element(entries, card, options, &links)
        );
        for entry in entries {
            let _ = writeln!(
                index,
                "<li><a href=\"{key}.html\">{key}.html</a></li>",
                key = entry.key
            );
        }
        index.push_str("</ol>");
    }
    write(
        "index.html",
        &document(heading, lang, "", &index, &links, options),
    )?;
    if options.css_href.is_none() && !options.inline_css {
        write("citecard.css", STYLESHEET)?;
        if options.list.is_some() {
            write("citecard-list.css", ssr::LIST_STYLESHEET)?;
        }
    }
    Ok(())
}
