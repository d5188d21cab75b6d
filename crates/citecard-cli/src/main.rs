//! `citecard`: check bibliographic records from the command line.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use citecard_core::{parse, Format, ParseError, Reference, RichText, Span};

const USAGE: &str = "\
citecard — read bibliographic records the way the citation card does

Usage:
  citecard check [--format FORMAT] <FILE|->   print the detected format and every parsed field
  citecard --help | --version

Options:
  -f, --format FORMAT   read the input as FORMAT instead of detecting it (booksci)

Exit status: 0 when every record was read, 1 when the input or a record has
an error (printed with its line and column), 2 for a usage error.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let code = match run(&args, &mut out) {
        Ok(code) => code,
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}\n\n{USAGE}");
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
            writeln!(out, "{USAGE}").map_err(io_failure)?;
            Ok(0)
        }
        "-V" | "--version" => {
            writeln!(out, "citecard {}", env!("CARGO_PKG_VERSION")).map_err(io_failure)?;
            Ok(0)
        }
        "check" => {
            let options = Options::parse(rest)?;
            let input = read_input(&options.path)?;
            let input = match String::from_utf8(input) {
                Ok(text) => text,
                Err(error) => {
                    let bytes = error.as_bytes();
                    let valid = String::from_utf8_lossy(&bytes[..error.utf8_error().valid_up_to()]);
                    let span = Span::locate(&valid, valid.len(), valid.len());
                    eprintln!(
                        "error: line {}, column {}: invalid UTF-8: expected text encoded as UTF-8",
                        span.line, span.column
                    );
                    return Ok(1);
                }
            };
            check(&input, options.format, out).map_err(io_failure)
        }
        other => Err(Failure::Usage(format!("unknown command `{other}`"))),
    }
}

fn io_failure(error: io::Error) -> Failure {
    Failure::Io(error.to_string())
}

struct Options {
    format: Option<Format>,
    path: String,
}

impl Options {
    fn parse(args: &[String]) -> Result<Self, Failure> {
        let mut format = None;
        let mut path = None;
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
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
                "-" => path = Some("-".to_owned()),
                flag if flag.starts_with('-') => {
                    return Err(Failure::Usage(format!("unknown option `{flag}`")))
                }
                file => {
                    if path.replace(file.to_owned()).is_some() {
                        return Err(Failure::Usage(
                            "give one input file (or - for standard input)".into(),
                        ));
                    }
                }
            }
        }
        let path = path.ok_or_else(|| {
            Failure::Usage("no input given: name a FILE, or - for standard input".into())
        })?;
        Ok(Options { format, path })
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
    let mut field = |name: &str, value: Option<String>| -> io::Result<()> {
        match value {
            Some(value) => writeln!(out, "  {:<16}{}", format!("{name}:"), value),
            None => Ok(()),
        }
    };
    field("type", Some(reference.item_type.csl_name().to_owned()))?;
    field("title", reference.title.clone())?;
    field("title (zh)", reference.title_zh.clone())?;
    let authors: Vec<String> = reference
        .authors
        .iter()
        .map(|name| match (&name.literal, &name.family, &name.given) {
            (Some(literal), _, _) => format!("{literal} (literal)"),
            (None, family, given) => {
                let family = [name.particle.as_deref(), family.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ");
                let mut text = family;
                if let Some(given) = given {
                    text.push_str(", ");
                    text.push_str(given);
                }
                if let Some(suffix) = &name.suffix {
                    text.push_str(", ");
                    text.push_str(suffix);
                }
                text
            }
        })
        .collect();
    field("authors", (!authors.is_empty()).then(|| authors.join("; ")))?;
    field("journal", reference.container_title.clone())?;
    field("volume", reference.volume.clone())?;
    field("issue", reference.issue.clone())?;
    field("pages", reference.page.clone())?;
    field("article number", reference.article_number.clone())?;
    field("issued", reference.issued.map(|d| d.to_string()))?;
    field("published online", reference.epub.map(|d| d.to_string()))?;
    field("doi", reference.doi.as_ref().map(ToString::to_string))?;
    field("link", reference.link().map(|u| u.to_string()))?;
    field("url", reference.url.as_ref().map(ToString::to_string))?;
    field("pdf", reference.pdf_url.as_ref().map(ToString::to_string))?;
    field(
        "open access",
        reference.open_access.then(|| "yes".to_owned()),
    )?;
    let metrics = &reference.metrics;
    field(
        "jcr quartile",
        metrics.jcr_quartile.map(|q| match &metrics.jcr_category {
            Some(category) => format!("{q} ({category})"),
            None => q.to_string(),
        }),
    )?;
    field(
        "impact factor",
        metrics.impact_factor.map(|f| f.to_string()),
    )?;
    field(
        "cas zone",
        metrics.cas_zone.map(|z| match &metrics.cas_category {
            Some(category) => format!("{z} ({category})"),
            None => z.to_string(),
        }),
    )?;
    field("citations", metrics.citation_count.map(|c| c.to_string()))?;
    field(
        "fields of study",
        (!reference.fields_of_study.is_empty()).then(|| reference.fields_of_study.join("; ")),
    )?;
    field("abstract", reference.abstract_text.as_ref().map(summary))?;
    field("abstract (zh)", reference.abstract_zh.as_ref().map(summary))?;
    if !reference.provenance.inferred.is_empty() {
        field(
            "from text lines",
            Some(reference.provenance.inferred.join(", ")),
        )?;
    }
    Ok(())
}

/// "4 sections (Purpose; Findings): first words…"
fn summary(text: &RichText) -> String {
    let labels: Vec<&str> = text
        .sections
        .iter()
        .filter_map(|s| s.label.as_deref())
        .collect();
    let first: String = text.to_plain_text().chars().take(60).collect();
    let count = text.sections.len();
    let noun = if count == 1 { "section" } else { "sections" };
    if labels.is_empty() {
        format!("{count} {noun}: {first}…")
    } else {
        format!("{count} {noun} ({}): {first}…", labels.join("; "))
    }
}
