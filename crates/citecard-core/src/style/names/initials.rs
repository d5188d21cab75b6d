//! Initials (CSL 1.0.2, "Name Options", `initialize-with`).

/// Whether `word` is only initials: capitals, each with its period
/// ("J.P.", "K."), or one bare capital ("J").
pub(super) fn is_initials(word: &str) -> bool {
    let mut single = word.chars();
    if let (Some(c), None) = (single.next(), single.next()) {
        return c.is_uppercase();
    }
    let mut chars = word.chars();
    let mut any = false;
    while let Some(c) = chars.next() {
        if !c.is_uppercase() || chars.next() != Some('.') {
            return false;
        }
        any = true;
    }
    any
}

/// Given names as initials: "Klaus-Peter L" → "K.-P. L." with `with` = ". "
/// (`hyphen` keeps the hyphen between the initials of a hyphenated name).
pub(crate) fn initials(given: &str, with: &str, hyphen: bool) -> String {
    let mut out = String::new();
    let trimmed_with = with.trim_end();
    // Without `initialize-with-hyphen`, a hyphen separates words like a
    // space: "Chong-Jin" → "C. J.", "Chong-jin" → "C. jin".
    let words = given
        .split(|c: char| c.is_whitespace() || c == '.' || (!hyphen && c == '-'))
        .filter(|w| !w.is_empty());
    for (i, word) in words.enumerate() {
        let particle = word.chars().next().is_some_and(char::is_lowercase);
        if i > 0 && !out.ends_with(' ') {
            out.push_str(&with[trimmed_with.len()..]);
        }
        // The lower-case part of a hyphenated name ("Chong-jin") is no
        // name of its own: citeproc-js gives only "C.".
        let pieces: Vec<&str> = word
            .split('-')
            .filter(|p| !p.is_empty())
            .enumerate()
            .filter(|(j, p)| *j == 0 || !p.chars().next().is_some_and(char::is_lowercase))
            .map(|(_, p)| p)
            .collect();
        if particle && pieces.len() == 1 {
            // A lower-case word ("van", "e") is kept whole, a word of its
            // own however tight the initials ("M. van B.", "M van B"),
            // even at the start (citeproc-js writes " e R.").
            if !out.ends_with(' ') {
                out.push(' ');
            }
            out.push_str(word);
            out.push(' ');
            continue;
        }
        for (j, piece) in pieces.iter().enumerate() {
            if j > 0 && hyphen {
                out.push('-');
            }
            if let Some(first) = piece.chars().next() {
                out.extend(first.to_uppercase());
                out.push_str(trimmed_with);
            }
        }
    }
    out.trim_end().to_owned()
}
