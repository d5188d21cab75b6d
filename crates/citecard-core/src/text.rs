//! Small text utilities the readers share.

/// `text` with its runs of whitespace made single spaces, and none at
/// either end (unlike [`clean`], control characters are kept).
pub(crate) fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Collapse every run of white space (and drop NULs and other control
/// characters), trimming both ends.
pub(crate) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else if !c.is_control() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_collapses_and_control_characters_go_only_in_clean() {
        let text = "  a\t\u{0}b \n\n c\u{a0}d  ";
        assert_eq!(collapse_whitespace(text), "a \u{0}b c d");
        assert_eq!(clean(text), "a b c d");
        assert_eq!(clean(" \n "), "");
    }
}
