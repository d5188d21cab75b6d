//! The LaTeX that biblatex leaves in a field's text, turned into text with
//! its formatting: italics, bold, sub- and superscripts (`\emph{…}`,
//! `H$_2$O`) as rich inline content, everything else as plain text.

use biblatex::RawChunk;

use crate::rich_text::{inline_text, Inline};

/// What a literal tilde (`\textasciitilde{}`) stands as while biblatex
/// reads the field, so that it is not taken for a tie.
pub(super) const LITERAL_TILDE: &str = "\u{E010}";

/// A field's chunks as plain text: verbatim (`{NASA}`) kept as written,
/// math as its text (`H$_2$O` → "H2O"; math citecard cannot read stays
/// between dollars), and normal text cleaned of the LaTeX that biblatex
/// leaves in place.
pub(super) fn chunks_text(chunks: &[biblatex::Spanned<biblatex::Chunk>]) -> String {
    crate::text::collapse_whitespace(&inline_text(&chunks_inlines(chunks)))
}

/// A field's chunks as inline content, formatting kept.
pub(super) fn chunks_inlines(chunks: &[biblatex::Spanned<biblatex::Chunk>]) -> Vec<Inline> {
    let mut out = Vec::new();
    for chunk in chunks {
        match &chunk.v {
            biblatex::Chunk::Normal(text) => latex_inlines(text, &mut out),
            biblatex::Chunk::Verbatim(text) => push_text(&mut out, text),
            biblatex::Chunk::Math(text) => match math_inlines(text) {
                Some(math) => out.extend(math),
                None => push_text(&mut out, &format!("${text}$")),
            },
        }
    }
    out
}

/// Clean what biblatex leaves of LaTeX in normal text. It has already turned
/// accents, escapes (`\&`, `\{`) and dashes into characters; left are
/// commands with arguments (`\url{…}`, `\emph{…}`, `\href{url}{text}`,
/// environments), ties (`~`) and TeX quotes (``` `` ``` and `''`).
pub(super) fn clean_latex(text: &str) -> String {
    // Most text has nothing to clean.
    if !text.contains(['\\', '~', '`', '\'', '\u{E010}']) {
        return text.to_owned();
    }
    let mut out = Vec::new();
    latex_inlines(text, &mut out);
    inline_text(&out)
}

fn push_text(out: &mut Vec<Inline>, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(Inline::Text(last)) => last.push_str(text),
        _ => out.push(Inline::Text(text.to_owned())),
    }
}

/// The formatting a command stands for, if any.
fn formatting(command: &str) -> Option<fn(Vec<Inline>) -> Inline> {
    Some(match command {
        "emph" | "textit" | "textsl" | "mathit" | "itshape" => Inline::Emphasis,
        "textbf" | "mathbf" | "bfseries" => Inline::Strong,
        "textsuperscript" => Inline::Superscript,
        "textsubscript" => Inline::Subscript,
        _ => return None,
    })
}

fn latex_inlines(text: &str, out: &mut Vec<Inline>) {
    if !text.contains(['\\', '~', '`', '\'', '\u{E010}']) {
        return push_text(out, text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut plain = String::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' if chars.get(i + 1).is_some_and(char::is_ascii_alphabetic) => {
                let start = i + 1;
                i = start;
                while chars.get(i).is_some_and(char::is_ascii_alphabetic) {
                    i += 1;
                }
                let command: String = chars[start..i].iter().collect();
                let mut first = true;
                while chars.get(i) == Some(&'{') {
                    let Some(end) = matching_brace(&chars, i) else {
                        break;
                    };
                    let argument: String = chars[i + 1..end].iter().collect();
                    // Environments' names, a link's target and the lengths of
                    // spacing commands (`de’\hspace{0pt}Medici`) are not text.
                    let dropped = matches!(
                        command.as_str(),
                        "begin"
                            | "end"
                            | "hspace"
                            | "vspace"
                            | "hskip"
                            | "vskip"
                            | "kern"
                            | "phantom"
                            | "hphantom"
                            | "vphantom"
                            | "rule"
                            | "label"
                    ) || (command == "href" && first);
                    if !dropped {
                        push_text(out, &std::mem::take(&mut plain));
                        let mut inner = Vec::new();
                        latex_inlines(&argument, &mut inner);
                        match formatting(&command) {
                            Some(span) if !inner.is_empty() => out.push(span(inner)),
                            _ => {
                                for inline in inner {
                                    match inline {
                                        Inline::Text(t) => push_text(out, &t),
                                        other => out.push(other),
                                    }
                                }
                            }
                        }
                    }
                    first = false;
                    i = end + 1;
                }
            }
            '~' => {
                plain.push(' ');
                i += 1;
            }
            '\u{E010}' => {
                plain.push('~');
                i += 1;
            }
            '`' if chars.get(i + 1) == Some(&'`') => {
                plain.push('“');
                i += 2;
            }
            '\'' if chars.get(i + 1) == Some(&'\'') => {
                plain.push('”');
                i += 2;
            }
            c => {
                plain.push(c);
                i += 1;
            }
        }
    }
    push_text(out, &plain);
}

/// Math as inline content: `_x`, `_{…}` as subscripts, `^x`, `^{…}` as
/// superscripts, `\mathrm{…}` and the like as their text, letters, digits,
/// operators and spaces as they are. `None` for math with anything else
/// (`\alpha`, `\frac`), which stays as written.
fn math_inlines(math: &str) -> Option<Vec<Inline>> {
    let chars: Vec<char> = math.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            c @ ('_' | '^') => {
                let (inner, next) = math_group(&chars, i + 1)?;
                let inner = math_inlines(&inner)?;
                out.push(if c == '_' {
                    Inline::Subscript(inner)
                } else {
                    Inline::Superscript(inner)
                });
                i = next;
            }
            '\\' => {
                let start = i + 1;
                let mut end = start;
                while chars.get(end).is_some_and(char::is_ascii_alphabetic) {
                    end += 1;
                }
                let command: String = chars[start..end].iter().collect();
                let kept = matches!(
                    command.as_str(),
                    "mathrm" | "text" | "textrm" | "mathit" | "mathbf"
                );
                if !kept || chars.get(end) != Some(&'{') {
                    return None;
                }
                let close = matching_brace(&chars, end)?;
                let inner: String = chars[end + 1..close].iter().collect();
                let inner = math_inlines(&inner)?;
                match formatting(&command) {
                    Some(span) => out.push(span(inner)),
                    None => out.extend(inner),
                }
                i = close + 1;
            }
            c if c.is_alphanumeric() || " +-−=()[].,;:'/|<>*".contains(c) => {
                push_text(&mut out, &c.to_string());
                i += 1;
            }
            _ => return None,
        }
    }
    Some(out)
}

/// The group after `_` or `^` at `at`: `{…}` or one character, and where
/// the math goes on.
fn math_group(chars: &[char], at: usize) -> Option<(String, usize)> {
    match chars.get(at)? {
        '{' => {
            let close = matching_brace(chars, at)?;
            Some((chars[at + 1..close].iter().collect(), close + 1))
        }
        c => Some((c.to_string(), at + 1)),
    }
}

/// The index of the `}` that closes the `{` at `open`.
fn matching_brace(chars: &[char], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in chars.iter().enumerate().skip(open) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// biblatex turns `\textasciitilde{}` (a literal tilde) into `~`, which
/// then reads as a tie (a space). Before it does, each one becomes
/// [`LITERAL_TILDE`], which the LaTeX cleaner writes back as `~`.
pub(super) fn protect_literal_tildes(entry: &mut biblatex::RawEntry<'_>) {
    const COMMAND: &str = "\\textasciitilde";
    for pair in &mut entry.fields {
        if !pair
            .value
            .v
            .iter()
            .any(|c| matches!(c.v, RawChunk::Normal(t) if t.contains(COMMAND)))
        {
            continue;
        }
        let mut chunks = Vec::with_capacity(pair.value.v.len() + 2);
        for chunk in pair.value.v.drain(..) {
            let RawChunk::Normal(mut text) = chunk.v else {
                chunks.push(chunk);
                continue;
            };
            while let Some(at) = text.find(COMMAND) {
                let after = &text[at + COMMAND.len()..];
                // Not a longer command's name (`\textasciitildeX`).
                if after.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    break;
                }
                let rest = after.strip_prefix("{}").unwrap_or(after);
                chunks.push(biblatex::Spanned::new(
                    RawChunk::Normal(&text[..at]),
                    chunk.span.clone(),
                ));
                chunks.push(biblatex::Spanned::new(
                    RawChunk::Normal(LITERAL_TILDE),
                    chunk.span.clone(),
                ));
                text = rest;
            }
            chunks.push(biblatex::Spanned::new(RawChunk::Normal(text), chunk.span));
        }
        pair.value.v = chunks;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_keep_their_text_and_ties_become_spaces() {
        assert_eq!(clean_latex(r"\emph{Deep} learning"), "Deep learning");
        assert_eq!(clean_latex(r"\href{https://x.org}{the site}"), "the site");
        assert_eq!(clean_latex(r"A\begin{center}B\end{center}"), "AB");
        assert_eq!(clean_latex("Donald~E. Knuth"), "Donald E. Knuth");
        assert_eq!(
            clean_latex(r"Lorenzo de’\hspace{0pt}Medici"),
            "Lorenzo de’Medici"
        );
        assert_eq!(clean_latex(r"a\vspace{1em}b\kern{2pt}c"), "abc");
        assert_eq!(clean_latex("``quoted''"), "“quoted”");
        // An unclosed argument is kept as text, brace and all.
        assert_eq!(clean_latex(r"\textbf{unclosed"), "{unclosed");
    }

    #[test]
    fn formatting_commands_and_math_become_rich_text() {
        let mut out = Vec::new();
        latex_inlines(r"Syntax of \textit{give} and \textbf{B}", &mut out);
        assert_eq!(
            out,
            [
                Inline::Text("Syntax of ".into()),
                Inline::Emphasis(vec![Inline::Text("give".into())]),
                Inline::Text(" and ".into()),
                Inline::Strong(vec![Inline::Text("B".into())]),
            ]
        );
        let sub = |t: &str| Inline::Subscript(vec![Inline::Text(t.into())]);
        let sup = |t: &str| Inline::Superscript(vec![Inline::Text(t.into())]);
        assert_eq!(math_inlines("_2"), Some(vec![sub("2")]));
        assert_eq!(math_inlines("^{-1}"), Some(vec![sup("-1")]));
        assert_eq!(
            math_inlines(r"\mathrm{CO}_2"),
            Some(vec![Inline::Text("CO".into()), sub("2")])
        );
        assert_eq!(math_inlines(r"\alpha"), None);
    }
}
