//! The LaTeX that biblatex leaves in a field's text, turned into plain text.

/// A field's chunks as plain text: verbatim (`{NASA}`) kept as written,
/// math kept between dollars, and normal text cleaned of the LaTeX that
/// biblatex leaves in place.
pub(super) fn chunks_text(chunks: &[biblatex::Spanned<biblatex::Chunk>]) -> String {
    let mut out = String::new();
    for chunk in chunks {
        match &chunk.v {
            biblatex::Chunk::Normal(text) => out.push_str(&clean_latex(text)),
            biblatex::Chunk::Verbatim(text) => out.push_str(text),
            biblatex::Chunk::Math(text) => {
                out.push('$');
                out.push_str(text);
                out.push('$');
            }
        }
    }
    crate::text::collapse_whitespace(&out)
}

/// Clean what biblatex leaves of LaTeX in normal text. It has already turned
/// accents, escapes (`\&`, `\{`) and dashes into characters; left are
/// commands with arguments (`\url{…}`, `\emph{…}`, `\href{url}{text}`,
/// environments), ties (`~`) and TeX quotes (``` `` ``` and `''`).
pub(super) fn clean_latex(text: &str) -> String {
    // Most text has nothing to clean.
    if !text.contains(['\\', '~', '`', '\'']) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
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
                        out.push_str(&clean_latex(&argument));
                    }
                    first = false;
                    i = end + 1;
                }
            }
            '~' => {
                out.push(' ');
                i += 1;
            }
            '`' if chars.get(i + 1) == Some(&'`') => {
                out.push('“');
                i += 2;
            }
            '\'' if chars.get(i + 1) == Some(&'\'') => {
                out.push('”');
                i += 2;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
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
}
