//! Where two pieces of output text meet: citeproc-js's rules for doubled
//! spaces and punctuation, which depend on whether a delimiter or a prefix
//! stands on either side.

use super::superscripts::superscript;
use super::{Affix, Token};

/// Text tokens written one after another with citeproc-js's rules where
/// they meet ([`push_joined`]), which depend on whether a delimiter is on
/// either side of the join.
#[derive(Default)]
pub(super) struct Joins {
    /// The last text written was a delimiter or a prefix.
    no_merge_after: bool,
    /// The last text written ends in a space that no prefix's space after
    /// it merges with: a formatted element's suffix's (see
    /// [`Affix::FormattedSuffix`]) or the content's own ("<i>In: </i> p.").
    space_kept: bool,
}

impl Joins {
    /// Append a text, affix or delimiter token (other tokens are ignored).
    pub(super) fn push(&mut self, out: &mut String, token: &Token, html: bool) {
        let (kind, text) = match token {
            Token::Text(text) => (None, text),
            Token::Affix(kind, text) => (Some(*kind), text),
            _ => return,
        };
        let rules = JoinRules {
            merge: !matches!(kind, Some(Affix::Delimiter)) && !self.no_merge_after,
            collapse_space: !(self.space_kept && kind == Some(Affix::Prefix)),
        };
        push_joined(out, text, html, rules);
        if !text.is_empty() {
            self.no_merge_after = matches!(kind, Some(Affix::Delimiter | Affix::Prefix));
            self.space_kept = matches!(
                kind,
                None | Some(Affix::FormattedSuffix | Affix::NestedQuotedSuffix)
            ) && text.ends_with(' ');
        }
    }
}

/// Which of citeproc-js's rules apply where two pieces of text meet.
struct JoinRules {
    /// Punctuation marks that differ may merge (not beside a delimiter,
    /// nor after a prefix).
    merge: bool,
    /// A doubled space becomes one (not after a formatted element's
    /// suffix, before a prefix).
    collapse_space: bool,
}

/// Append `text`, collapsing a doubled space or period at the join, also
/// across the end of italics or bold ("<i>Hype?</i>." → "<i>Hype?</i>").
/// With `rules.merge`, punctuation marks that differ may merge too, which
/// they do not beside a delimiter (citeproc-js moves a delimiter's
/// punctuation into the suffixes before it only after merging those of
/// siblings: "2014;" + ":78" stays "2014;:78" when the ";" is a group's
/// delimiter) nor after a prefix (a group's prefix ";" and its first
/// child's ":").
fn push_joined(out: &mut String, text: &str, html: bool, rules: JoinRules) {
    let JoinRules {
        merge,
        collapse_space,
    } = rules;
    let mut text = text;
    let mut before = out.as_str();
    while let Some(rest) = ["</i>", "</b>", "</sup>", "</sub>", "</span>"]
        .iter()
        .find_map(|tag| before.strip_suffix(tag))
    {
        before = rest;
    }
    if collapse_space && before.ends_with(' ') && text.starts_with(' ') {
        text = &text[1..];
    }
    if before.ends_with(['.', '?', '!']) && text.starts_with('.') && !text.starts_with("..") {
        text = &text[1..];
    }
    // citeproc-js merges punctuation where two pieces meet: a semicolon
    // swallows a colon or a period after it ("2019;" + ":" → "2019;"), a
    // colon another colon, and `!` or `?` a colon, a comma another comma
    // ("U," + ", 2020"; a colon and a period both stay: "188:.").
    let swallowed = match before.chars().last() {
        // Beside a delimiter only a doubled comma or colon goes.
        Some(c @ (',' | ':')) if !merge => text.starts_with(c) && !text.starts_with(",,"),
        _ if !merge => false,
        Some(';') => text.starts_with([':', '.']) && !text.starts_with(".."),
        Some(':' | '!' | '?') => text.starts_with(':'),
        Some(',') => text.starts_with(',') && !text.starts_with(",,"),
        _ => false,
    };
    if swallowed {
        text = &text[1..];
    }
    if html {
        for c in text.chars() {
            match c {
                '&' => out.push_str("&#38;"),
                '<' => out.push_str("&#60;"),
                '>' => out.push_str("&#62;"),
                c if !c.is_ascii() => match superscript(c) {
                    Some(base) => {
                        out.push_str("<sup>");
                        out.push_str(base);
                        out.push_str("</sup>");
                    }
                    None => out.push(c),
                },
                c => out.push(c),
            }
        }
    } else {
        out.push_str(text);
    }
}
