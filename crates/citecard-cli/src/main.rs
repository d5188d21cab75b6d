//! `citecard`: check bibliographic records from the command line.

mod render;
mod styles;

use std::io::{self, Read, Write};
use std::process::ExitCode;

use citecard_core::export::{bibtex, csl_json, ris};
use citecard_core::style::Style;
use citecard_core::{describe, parse, Format, ParseError, Reference, Span};

const USAGE_TEMPLATE: &str = "\
citecard — read bibliographic records the way the citation card does

Usage:
  citecard check [--format FORMAT] <FILE|->             print the detected format and every parsed field
  citecard convert --to csl-json|bibtex|ris [--format FORMAT] <FILE|->
                                                        write every record in another format
  citecard cite (--style STYLE [--styles-dir DIR] | --csl FILE) [--locale FILE|TAG]
                [--html] [--format FORMAT] <FILE|->...
                                                        one formatted reference per line, per record
  citecard render [--style STYLE] [--theme T] [--variant V] [--lang L] [--full-page]
                  [--out DIR] [--css-href URL | --inline-css] [--script-src URL]
                  [--list [--group-by G] [--sort S] [--highlight NAMES] [--selected KEYS]
                   [--search on|off] [--page-size N]] [--format FORMAT] <FILE|->
                                                        the cards as static HTML that works without
                                                        JavaScript (citecard.js brings it to life)
  citecard --help | --version

Options:
  -f, --format FORMAT   read the input as FORMAT instead of detecting it:
                        booksci, crossref, semantic-scholar, csl-json, bibtex, ris
  -t, --to FORMAT       what `convert` writes: csl-json (one array), bibtex, ris
  -s, --style STYLE     the citation style: {styles};
                        with --styles-dir, any style of DIR (dependent ones too)
      --styles-dir DIR  a copy of the CSL styles repository (STYLE.csl, dependent/STYLE.csl)
      --csl FILE        a CSL 1.0.2 style file; a dependent one needs its parent beside
                        it (as in the CSL styles repository) or in --styles-dir
      --locale FILE|TAG a CSL locale file, or a language (de-DE, en-GB, …: every
                        official CSL locale is built in); default: the style's
                        default-locale, else en-US
      --html            write the HTML citeproc-js writes, on one line

Render options:
      --theme T         auto (the reader's setting), light or dark
      --variant V       full or compact
      --lang L          the cards' interface language: en or zh (en when not given)
      --full-page       a whole HTML page for one record, with Google Scholar's
                        citation_* tags in its head
      --out DIR         a page per record (named from its citation key), an
                        index.html of them all, each record's .bib, .ris and
                        .json, and citecard.css (unless --css-href names another)
      --css-href URL    where the pages find citecard.css (default: citecard.css)
      --inline-css      the stylesheet in every card instead of linked: painted
                        with the HTML, no request; a CSP must allow the <style>
      --script-src URL  add a module script tag for URL: citecard.js, which
                        brings the cards to life in place
      --list            one publication list of every record (<citation-list>),
                        every entry in the HTML; with --out, the index is the list
      --group-by G      the list's headings: year (newest first), type or none
      --sort S          year, citations, impact, title or author
      --highlight NAMES the page owner's names, separated by `;`
      --selected KEYS   citation keys or DOIs pinned first, separated by spaces
      --search on|off   the search box and filters (on by default)
      --page-size N     entries before Show more, once the script runs (50)

Exit status: 0 when every record was read, 1 when the input or a record has
an error (printed with its line and column), 2 for a usage error.";

/// The usage text, with the built-in styles' ids.
fn usage() -> String {
    let ids: Vec<&str> = Style::ALL.iter().map(|s| s.id()).collect();
    USAGE_TEMPLATE.replace("{styles}", &ids.join(", "))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let code = match run(&args, &mut out) {
        Ok(code) => code,
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}\n\n{}", usage());
            2
        }
        Err(Failure::Io(message)) => {
            eprintln!("error: {message}");
            1
        }
    };
    let _ = out.flush();
    ExitCode::from(code)
}

enum Failure {
    Usage(String),
    Io(String),
}

fn run(args: &[String], out: &mut impl Write) -> Result<u8, Failure> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Failure::Usage("no command given".into()));
    };
    match command.as_str() {
        "-h" | "--help" | "help" => {
            writeln!(out, "{}", usage()).map_err(io_failure)?;
            Ok(0)
        }
        "-V" | "--version" => {
            writeln!(out, "citecard {}", env!("CARGO_PKG_VERSION")).map_err(io_failure)?;
            Ok(0)
        }
        "check" | "convert" => {
            let options = Options::parse(rest, command == "convert")?;
            let Some(input) = read_text(&options.path)? else {
                return Ok(1);
            };
            match options.to {
                None => check(&input, options.format, out),
                Some(output) => convert(&input, options.format, output, out),
            }
            .map_err(io_failure)
        }
        "cite" => {
            let options = CiteOptions::parse(rest)?;
            // Several inputs are formatted in turn with the style compiled
            // once: every record's line, in order.
            let mut status = 0;
            for path in &options.paths {
                let code = match read_text(path)? {
                    Some(input) => cite(&input, &options, out).map_err(io_failure)?,
                    None => 1,
                };
                status = status.max(code);
            }
            Ok(status)
        }
        "render" => {
            let options = render::RenderOptions::parse(rest)?;
            let Some(input) = read_text(options.path())? else {
                return Ok(1);
            };
            render::render(&input, &options, out)
        }
        other => Err(Failure::Usage(format!("unknown command `{other}`"))),
    }
}

fn io_failure(error: io::Error) -> Failure {
    Failure::Io(error.to_string())
}

/// What `convert` writes.
#[derive(Clone, Copy)]
enum Output {
    CslJson,
    BibTeX,
    Ris,
}

struct Options {
    format: Option<Format>,
    to: Option<Output>,
    path: String,
}

impl Options {
    fn parse(args: &[String], convert: bool) -> Result<Self, Failure> {
        let mut format = None;
        let mut to = None;
        let mut path = None;
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "-t" | "--to" if convert => {
                    let name = args
                        .next()
                        .ok_or_else(|| Failure::Usage(format!("{arg} needs an output format")))?;
                    to = Some(output_format(name)?);
                }
                flag if convert && flag.starts_with("--to=") => {
                    to = Some(output_format(&flag["--to=".len()..])?);
                }
                "-f" | "--format" => {
                    let name = args
                        .next()
                        .ok_or_else(|| Failure::Usage(format!("{arg} needs a format name")))?;
                    format = Some(name.parse().map_err(
                        |e: citecard_core::detect::UnknownFormatName| Failure::Usage(e.to_string()),
                    )?);
                }
                flag if flag.starts_with("--format=") => {
                    let name = &flag["--format=".len()..];
                    format = Some(name.parse().map_err(
                        |e: citecard_core::detect::UnknownFormatName| Failure::Usage(e.to_string()),
                    )?);
                }
                other => input_path(other, &mut path)?,
            }
        }
        let path = required_path(path)?;
        if convert && to.is_none() {
            return Err(Failure::Usage(
                "convert needs --to csl-json, bibtex or ris".into(),
            ));
        }
        Ok(Options { format, to, path })
    }
}

/// An argument that is not an option of the command: the input (`-` for
/// standard input, once), or an unknown option.
fn input_path(arg: &str, path: &mut Option<String>) -> Result<(), Failure> {
    if arg.starts_with('-') && arg != "-" {
        return Err(Failure::Usage(format!("unknown option `{arg}`")));
    }
    if path.replace(arg.to_owned()).is_some() {
        return Err(Failure::Usage(
            "give one input file (or - for standard input)".into(),
        ));
    }
    Ok(())
}

/// The input the arguments named, or the usage error that none did.
fn required_path(path: Option<String>) -> Result<String, Failure> {
    path.ok_or_else(|| {
        Failure::Usage("no input given: name a FILE, or - for standard input".into())
    })
}

struct CiteOptions {
    style: styles::Chosen,
    html: bool,
    format: Option<Format>,
    paths: Vec<String>,
}

impl CiteOptions {
    fn parse(args: &[String]) -> Result<Self, Failure> {
        let mut style = styles::StyleArgs::default();
        let mut html = false;
        let mut rest = Vec::new();
        let mut paths = Vec::new();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            if style.take(arg, &mut || args.next().cloned())? {
                continue;
            }
            match arg.as_str() {
                "--html" => html = true,
                "-f" | "--format" => {
                    rest.push(arg.clone());
                    rest.extend(args.next().cloned());
                }
                path if path == "-" || !path.starts_with('-') => paths.push(arg.clone()),
                _ => rest.push(arg.clone()),
            }
        }
        if paths.iter().filter(|p| *p == "-").count() > 1 {
            return Err(Failure::Usage("standard input (-) can be read once".into()));
        }
        rest.extend(paths.first().cloned());
        let Options { format, .. } = Options::parse(&rest, false)?;
        let style = style.load()?;
        Ok(CiteOptions {
            style,
            html,
            format,
            paths,
        })
    }
}

/// One formatted reference per line; errors for the records that could not be read.
fn cite(input: &str, options: &CiteOptions, out: &mut impl Write) -> io::Result<u8> {
    let document = match parse(input, options.format) {
        Ok(document) => document,
        Err(error) => {
            eprint!("{}", describe_error(input, &error));
            return Ok(1);
        }
    };
    let mut failed = false;
    for (i, record) in document.records.iter().enumerate() {
        match record {
            Ok(record) => {
                if let Some(citation) = options.style.cite(&record.reference) {
                    if options.html {
                        // Only the white space between tags is dropped.
                        let html: String = citation.html.lines().map(str::trim_start).collect();
                        writeln!(out, "{html}")?;
                    } else {
                        writeln!(out, "{}", citation.text)?;
                    }
                }
            }
            Err(error) => {
                failed = true;
                eprint!("record {}: {}", i + 1, describe_error(input, error));
            }
        }
    }
    Ok(u8::from(failed))
}

fn output_format(name: &str) -> Result<Output, Failure> {
    match name.to_ascii_lowercase().as_str() {
        "csl-json" | "csl" | "json" => Ok(Output::CslJson),
        "bibtex" | "bib" | "biblatex" => Ok(Output::BibTeX),
        "ris" => Ok(Output::Ris),
        other => Err(Failure::Usage(format!(
            "unknown output format `{other}`: expected csl-json, bibtex or ris"
        ))),
    }
}

/// The input as text, or `None` after reporting where it is not UTF-8.
fn read_text(path: &str) -> Result<Option<String>, Failure> {
    match String::from_utf8(read_input(path)?) {
        Ok(text) => Ok(Some(text)),
        Err(error) => {
            let bytes = error.as_bytes();
            let valid = String::from_utf8_lossy(&bytes[..error.utf8_error().valid_up_to()]);
            let span = Span::locate(&valid, valid.len(), valid.len());
            eprintln!(
                "error: line {}, column {}: invalid UTF-8: expected text encoded as UTF-8",
                span.line, span.column
            );
            Ok(None)
        }
    }
}

fn read_input(path: &str) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    if path == "-" {
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::Io(format!("cannot read standard input: {e}")))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| Failure::Io(format!("cannot read {path}: {e}")))?;
    }
    Ok(bytes)
}

/// Print the format and every record's fields; return the exit status.
fn check(input: &str, format: Option<Format>, out: &mut impl Write) -> io::Result<u8> {
    let document = match parse(input, format) {
        Ok(document) => document,
        Err(error) => {
            eprint!("{}", describe_error(input, &error));
            return Ok(1);
        }
    };
    writeln!(out, "format: {}", document.format)?;
    writeln!(out, "records: {}", document.records.len())?;
    let mut failed = false;
    for (i, record) in document.records.iter().enumerate() {
        writeln!(out)?;
        match record {
            Ok(record) => {
                writeln!(out, "record {} (line {})", i + 1, record.span.line)?;
                write_fields(&record.reference, out)?;
                for warning in &record.warnings {
                    writeln!(out, "  warning: {warning}")?;
                }
            }
            Err(error) => {
                failed = true;
                writeln!(out, "record {}: not read", i + 1)?;
                eprint!("record {}: {}", i + 1, describe_error(input, error));
            }
        }
    }
    Ok(u8::from(failed))
}

/// Write every readable record in `output`; report the others.
fn convert(
    input: &str,
    format: Option<Format>,
    output: Output,
    out: &mut impl Write,
) -> io::Result<u8> {
    let document = match parse(input, format) {
        Ok(document) => document,
        Err(error) => {
            eprint!("{}", describe_error(input, &error));
            return Ok(1);
        }
    };
    let mut references = Vec::new();
    let mut failed = false;
    for (i, record) in document.records.into_iter().enumerate() {
        match record {
            Ok(record) => {
                for warning in &record.warnings {
                    eprintln!("record {}: warning: {warning}", i + 1);
                }
                references.push(record.reference);
            }
            Err(error) => {
                failed = true;
                eprint!("record {}: {}", i + 1, describe_error(input, &error));
            }
        }
    }
    match output {
        Output::CslJson => writeln!(out, "{}", csl_json::write(&references))?,
        Output::BibTeX => write!(out, "{}", bibtex::write(&references))?,
        Output::Ris => write!(out, "{}", ris::write(&references))?,
    }
    Ok(u8::from(failed))
}

/// `error: line L, column C: message`, then the line with a caret under the column.
fn describe_error(input: &str, error: &ParseError) -> String {
    let excerpt = error.span.excerpt(input, 72);
    let number = excerpt.line.to_string();
    let pad = " ".repeat(number.len());
    format!(
        "error: {error}\n{pad} |\n{number} | {}\n{pad} | {}^\n",
        excerpt.text,
        " ".repeat(excerpt.caret)
    )
}

fn write_fields(reference: &Reference, out: &mut impl Write) -> io::Result<()> {
    for (label, value) in describe::fields(reference) {
        writeln!(out, "  {:<18}{value}", format!("{label}:"))?;
    }
    Ok(())
}
