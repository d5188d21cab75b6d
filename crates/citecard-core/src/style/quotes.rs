//! Quotation marks and markup inside a field (CSL 1.0.2, "Quotes" and
//! Appendix VI, "Rich Text Markup Within Fields"), read as citeproc-js's
//! flip-flopper reads them. Straight quotes that open after a space or a
//! parenthesis and typographic ones pair into quotations; the first
//! straight form a field uses is its outer one. `<i>`, `<b>`, `<sup>` and
//! `<sub>` pair with their closing tags. An apostrophe inside a word, a
//! closing mark with nothing open and a quotation that never closes stay
//! text, made typographic ("’").

use crate::style::output::{Markup, Node};

/// The markup tags a field may hold, with what they open or close.
const MARKUP: [(&str, Markup, bool); 8] = [
    ("<i>", Markup::Italic, true),
    ("</i>", Markup::Italic, false),
    ("<b>", Markup::Bold, true),
    ("</b>", Markup::Bold, false),
    ("<sup>", Markup::Superscript, true),
    ("</sup>", Markup::Superscript, false),
    ("<sub>", Markup::Subscript, true),
    ("</sub>", Markup::Subscript, false),
];

/// A mark of quotation found in the field.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tag {
    /// A straight quote after a space or a parenthesis (` "`, ` '`, `("`,
    /// `('`): `lead` is that space or parenthesis.
    OpenStraight { lead: char, quote: char },
    /// `“` or `‘`.
    OpenCurly(char),
    /// `"`, `'`, `”` or `’`.
    Close(char),
    /// A forced opener: a straight quote right after another opener.
    OpenForced(char),
    /// `<i>`, `<b>`, `<sup>` or `<sub>`.
    OpenMarkup(Markup),
    /// Its closing tag.
    CloseMarkup(Markup),
    /// Made text.
    Gone,
}

impl Tag {
    fn text(&self) -> String {
        match self {
            Tag::OpenStraight { lead, quote } => format!("{lead}{quote}"),
            Tag::OpenCurly(c) | Tag::Close(c) => c.to_string(),
            Tag::OpenForced(quote) => format!(" {quote}"),
            Tag::OpenMarkup(m) | Tag::CloseMarkup(m) => {
                let open = matches!(self, Tag::OpenMarkup(_));
                MARKUP
                    .iter()
                    .find(|(_, markup, opens)| markup == m && *opens == open)
                    .map_or_else(String::new, |(tag, _, _)| (*tag).to_owned())
            }
            Tag::Gone => String::new(),
        }
    }

    fn is_open(&self) -> bool {
        matches!(
            self,
            Tag::OpenStraight { .. } | Tag::OpenCurly(_) | Tag::OpenForced(_) | Tag::OpenMarkup(_)
        )
    }

    /// The closing tag this opener waits for.
    fn closer(&self) -> Option<Tag> {
        match self {
            Tag::OpenStraight { quote, .. } | Tag::OpenForced(quote) => Some(Tag::Close(*quote)),
            Tag::OpenCurly('“') => Some(Tag::Close('”')),
            Tag::OpenCurly(_) => Some(Tag::Close('’')),
            Tag::OpenMarkup(m) => Some(Tag::CloseMarkup(*m)),
            _ => None,
        }
    }

    /// The straight quote of a straight opener.
    fn straight(&self) -> Option<char> {
        match self {
            Tag::OpenStraight { quote, .. } | Tag::OpenForced(quote) => Some(*quote),
            _ => None,
        }
    }
}

/// The field's text with its quotations as [`Node::Quoted`] (outer marks
/// when nothing encloses them) and [`Node::InnerQuoted`] (inner marks).
pub(crate) fn field_text(value: &str) -> Node {
    let (mut strings, mut tags) = split(&normalize(value));
    // A straight quote right after an opener opens too (`("'x'")`). The
    // list is indexed by opener, not by tag, as citeproc-js indexes it.
    let mut forced = Vec::new();
    for i in 0..tags.len().saturating_sub(1) {
        if tags[i].is_open() {
            let next_is_straight = matches!(tags[i + 1], Tag::Close('"' | '\''));
            if strings[i + 1].is_empty() && next_is_straight {
                if let Tag::Close(quote) = tags[i + 1] {
                    tags[i + 1] = Tag::OpenForced(quote);
                }
                forced.push(true);
            } else {
                forced.push(false);
            }
        }
    }
    let is_forced = |i: usize| i > 0 && forced.get(i - 1) == Some(&true);
    pair(&mut strings, &mut tags, is_forced);
    // What is left pairs up. Drop the tags made text.
    let mut i = tags.len();
    while i > 0 {
        i -= 1;
        if tags[i] == Tag::Gone {
            let next = strings.remove(i + 1);
            strings[i].push_str(&next);
            tags.remove(i);
        }
    }
    // The first straight form is the outer one; a straight opener's space
    // or parenthesis is text before it.
    let mut outer = None;
    for (i, tag) in tags.iter().enumerate() {
        if let Tag::OpenStraight { lead, quote } = tag {
            outer.get_or_insert(*quote);
            if !is_forced(i) {
                strings[i].push(*lead);
            }
        } else if let Tag::OpenForced(quote) = tag {
            outer.get_or_insert(*quote);
        }
    }
    build(strings, &tags, outer)
}

/// The value as citeproc-js hands it over: a run of spaces before a
/// straight apostrophe is one space, an apostrophe between letters is
/// straight (and so read as an apostrophe), and a space goes in front so
/// that a leading quote opens.
fn normalize(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push(' ');
    let chars: Vec<char> = value.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            let run_end = chars[i..]
                .iter()
                .position(|c| !c.is_whitespace())
                .map_or(chars.len(), |n| i + n);
            if chars.get(run_end) == Some(&'\'') {
                out.push(' ');
                i = run_end;
                continue;
            }
        }
        if c == '’'
            && i > 0
            && romanesque(chars[i - 1])
            && chars.get(i + 1).copied().is_some_and(romanesque)
        {
            out.push('\'');
        } else {
            out.push(c);
        }
        i += 1;
    }
    out
}

/// A character of a word in an alphabetic script, as citeproc-js's
/// `ROMANESQUE_REGEXP` lists them (Latin, Greek, Cyrillic, Hebrew, Arabic,
/// Thai, digits and hyphens).
fn romanesque(c: char) -> bool {
    matches!(c,
        '-' | '0'..='9' | 'a'..='z' | 'A'..='Z'
        | '\u{0e01}'..='\u{0e5b}' | '\u{00c0}'..='\u{017f}' | '\u{0370}'..='\u{03ff}'
        | '\u{0400}'..='\u{052f}' | '\u{0590}'..='\u{05d4}' | '\u{05d6}'..='\u{05ff}'
        | '\u{1f00}'..='\u{1fff}' | '\u{0600}'..='\u{06ff}' | '\u{200c}'..='\u{200e}'
        | '\u{0218}'..='\u{021b}' | '\u{202a}'..='\u{202e}')
}

/// The strings between tags, and the tags.
fn split(text: &str) -> (Vec<String>, Vec<Tag>) {
    let mut strings = vec![String::new()];
    let mut tags = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let markup = (c == '<')
            .then(|| {
                MARKUP
                    .iter()
                    .find(|(tag, _, _)| text[at..].starts_with(tag))
            })
            .flatten();
        if let Some((tag, markup, open)) = markup {
            // Skip the rest of the tag.
            for _ in 1..tag.len() {
                chars.next();
            }
            tags.push(if *open {
                Tag::OpenMarkup(*markup)
            } else {
                Tag::CloseMarkup(*markup)
            });
            strings.push(String::new());
            continue;
        }
        let tag = match c {
            ' ' | '(' if matches!(chars.peek(), Some((_, '"' | '\''))) => {
                let quote = chars.next().map_or('"', |(_, q)| q);
                Tag::OpenStraight { lead: c, quote }
            }
            '“' | '‘' => Tag::OpenCurly(c),
            '"' | '\'' | '”' | '’' => Tag::Close(c),
            _ => {
                if let Some(last) = strings.last_mut() {
                    last.push(c);
                }
                continue;
            }
        };
        tags.push(tag);
        strings.push(String::new());
    }
    (strings, tags)
}

/// Pair openers with closers, making text of what does not pair.
fn pair(strings: &mut [String], tags: &mut [Tag], is_forced: impl Fn(usize) -> bool) {
    // Open quotations and markup: (closing tag, tag index).
    let mut open: Vec<(Tag, usize)> = Vec::new();
    for i in 0..tags.len() {
        let tag = tags[i].clone();
        // An apostrophe: a closing `'` before a letter, or an opening one
        // before a space.
        let next = strings[i + 1].chars().next();
        if tag == Tag::Close('\'') && next.is_some_and(|n| !",.?:; ".contains(n)) {
            strings[i + 1].insert(0, '’');
            tags[i] = Tag::Gone;
            continue;
        }
        if matches!(
            tag,
            Tag::OpenForced('\'')
                | Tag::OpenStraight {
                    lead: ' ',
                    quote: '\''
                }
        ) && next == Some(' ')
        {
            strings[i + 1].insert_str(0, " ’");
            tags[i] = Tag::Gone;
            continue;
        }
        let mut unpaired: Option<usize>;
        loop {
            unpaired = if let Some(closer) = tag.closer() {
                open.push((closer, i));
                None
            } else {
                match open.last() {
                    Some((closer, _)) if *closer == tag => {
                        open.pop();
                        None
                    }
                    Some((_, at)) => Some(*at),
                    None => Some(i),
                }
            };
            let Some(at) = unpaired else { break };
            if tag == Tag::Close('\'') {
                strings[i + 1].insert(0, '’');
                tags[i] = Tag::Gone;
            } else {
                let mut failed = tags[at].text();
                if is_forced(at) {
                    failed.remove(0);
                }
                strings[at + 1].insert_str(0, &failed);
                tags[at] = Tag::Gone;
            }
            // Try the closer again one level out, unless it was an
            // apostrophe.
            if open.is_empty() || tag == Tag::Close('\'') {
                break;
            }
            open.pop();
        }
        if unpaired.is_some() {
            let text = tags[i].text();
            strings[i + 1].insert_str(0, &text);
            tags[i] = Tag::Gone;
        }
    }
    // Quotations never closed are text; a straight single one is an
    // apostrophe.
    for &(_, at) in open.iter().rev() {
        let text = match tags[at] {
            Tag::OpenStraight {
                lead: ' ',
                quote: '\'',
            }
            | Tag::OpenForced('\'') => " ’".to_owned(),
            ref other => other.text(),
        };
        strings[at + 1].insert_str(0, &text);
        tags[at] = Tag::Gone;
    }
}

/// What an open level of the field is.
enum Level {
    Root,
    /// A quotation; `true` for inner marks when nothing encloses it.
    Quote(bool),
    /// A quotation opened by a typographic mark.
    Mark(char),
    Markup(Markup),
}

/// The nodes: quotations and markup nested as the tags nest them.
fn build(mut strings: Vec<String>, tags: &[Tag], outer: Option<char>) -> Node {
    // citeproc-js drops the space put in front (and one more).
    for _ in 0..2 {
        if strings[0].starts_with(' ') {
            strings[0].remove(0);
        }
    }
    let mut levels: Vec<(Level, Vec<Node>)> = vec![(Level::Root, Vec::new())];
    let push_text = |levels: &mut Vec<(Level, Vec<Node>)>, text: String| {
        if !text.is_empty() {
            if let Some((_, nodes)) = levels.last_mut() {
                nodes.push(Node::Text(text));
            }
        }
    };
    let mut strings = strings.into_iter();
    if let Some(first) = strings.next() {
        push_text(&mut levels, first);
    }
    for (tag, text) in tags.iter().zip(strings) {
        if tag.is_open() {
            let level = match tag {
                Tag::OpenMarkup(markup) => Level::Markup(*markup),
                Tag::OpenCurly(c) => Level::Mark(*c),
                _ => Level::Quote(tag.straight() != outer),
            };
            levels.push((level, Vec::new()));
        } else if levels.len() > 1 {
            if let Some((level, nodes)) = levels.pop() {
                let node = match level {
                    Level::Markup(markup) => Node::Markup(markup, nodes),
                    Level::Quote(true) => Node::InnerQuoted(nodes),
                    Level::Mark(mark) => Node::MarkQuoted(mark, nodes),
                    _ => Node::Quoted(nodes),
                };
                if let Some((_, parent)) = levels.last_mut() {
                    parent.push(node);
                }
            }
        }
        push_text(&mut levels, text);
    }
    // Pairing leaves every quotation closed; flatten any left open anyway.
    while levels.len() > 1 {
        if let Some((_, nodes)) = levels.pop() {
            if let Some((_, parent)) = levels.last_mut() {
                parent.extend(nodes);
            }
        }
    }
    let mut nodes = levels.pop().map(|(_, n)| n).unwrap_or_default();
    if nodes.len() == 1 {
        nodes.pop().unwrap_or(Node::Seq(Vec::new()))
    } else {
        Node::Seq(nodes)
    }
}

#[cfg(test)]
mod tests {
    use super::field_text;
    use crate::style::fragments;
    use crate::style::output::{to_text, Node};

    fn text(value: &str) -> String {
        to_text(&field_text(value))
    }

    #[test]
    fn quotations_apostrophes_and_stray_marks() {
        assert_eq!(text("two 'action' sports"), "two “action” sports");
        assert_eq!(text("the \"x\" and 'y'"), "the “x” and ‘y’");
        assert_eq!(
            text("Turing (1952) ‘The chemical basis’"),
            "Turing (1952) ‘The chemical basis’"
        );
        assert_eq!(text("don't stop"), "don’t stop");
        assert_eq!(text("students’ work"), "students’ work");
        assert_eq!(text("x 'come y"), "x ’come y");
        assert_eq!(text("a \"b"), "a \"b");
        assert!(matches!(field_text("plain"), Node::Text(_)));
    }

    /// Quotation marks in titles through whole styles, against citeproc-js.
    #[test]
    fn quotes_as_citeproc_js_reads_them() {
        fragments::check("quotes");
    }
}
