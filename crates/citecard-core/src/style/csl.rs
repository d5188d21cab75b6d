//! A small rendering model that mirrors how citeproc-js lays out CSL, so
//! that each style module can be a faithful transcription of its CSL file.
//!
//! A style builds [`Piece`]s with [`var`], [`term`], [`group`] and friends;
//! a group vanishes when it calls variables and none of them rendered, as in
//! CSL. [`Entry::render`] then writes the pieces as text or HTML, applying
//! citeproc-js's output rules: quotes (with punctuation moved inside, as
//! American English does), doubled spaces and periods collapsed, straight
//! quotes and apostrophes made typographic, and HTML escaping.

use std::fmt::Write as _;

use crate::model::{Date, Name};

/// One node of formatted output.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    /// Text from the record or the style.
    Text(String),
    /// A prefix, suffix or delimiter: punctuation here may move inside a
    /// closing quote.
    Affix(String),
    /// Content in italics.
    Italic(Vec<Node>),
    /// Content between quotation marks.
    Quoted(Vec<Node>),
    /// A sequence.
    Seq(Vec<Node>),
}

/// What a CSL element rendered, and whether it called a variable.
#[derive(Debug, Clone, Default)]
pub(crate) struct Piece {
    node: Option<Node>,
    /// A variable was asked for (so an empty group around it vanishes).
    called: bool,
    /// A variable was asked for and had a value.
    rendered: bool,
}

impl Piece {
    /// Add a prefix and a suffix, when there is content.
    pub(crate) fn affixed(mut self, prefix: &str, suffix: &str) -> Piece {
        if let Some(node) = self.node.take() {
            let mut seq = Vec::new();
            if !prefix.is_empty() {
                seq.push(Node::Affix(prefix.to_owned()));
            }
            seq.push(node);
            if !suffix.is_empty() {
                seq.push(Node::Affix(suffix.to_owned()));
            }
            self.node = Some(Node::Seq(seq));
        }
        self
    }

    /// Render in italics.
    pub(crate) fn italic(mut self) -> Piece {
        self.node = self.node.map(|n| Node::Italic(vec![n]));
        self
    }

    /// The rendered node, if any.
    pub(crate) fn node(self) -> Option<Node> {
        self.node
    }

    /// The rendered node, if any, borrowed.
    pub(crate) fn node_ref(&self) -> Option<&Node> {
        self.node.as_ref()
    }

    /// Render between quotation marks.
    pub(crate) fn quoted(mut self) -> Piece {
        self.node = self.node.map(|n| Node::Quoted(vec![n]));
        self
    }
}

/// A variable's value (`<text variable=…>`).
pub(crate) fn var(value: Option<&str>) -> Piece {
    let node = value.filter(|v| !v.trim().is_empty()).map(field_text);
    Piece {
        rendered: node.is_some(),
        called: true,
        node,
    }
}

/// Text that is not a variable: a term or a fixed value.
pub(crate) fn term(text: &str) -> Piece {
    Piece {
        node: (!text.is_empty()).then(|| Node::Text(text.to_owned())),
        called: false,
        rendered: false,
    }
}

/// Already-formatted content that counts as a rendered variable (names, dates).
pub(crate) fn rendered(node: Option<Node>) -> Piece {
    Piece {
        rendered: node.is_some(),
        called: true,
        node,
    }
}

/// A CSL `<group>`: the non-empty children joined by `delimiter`; nothing at
/// all when a variable was called and none rendered.
///
/// As in citeproc-js, a group (or macro) that did render something counts as
/// a rendered variable for the group around it, while a bare term or value
/// does not: IEEE's `[Online]` group survives an empty `Accessed:` group
/// beside it, but Vancouver's "Located at" vanishes with its empty archive
/// variables.
pub(crate) fn group(delimiter: &str, children: Vec<Piece>) -> Piece {
    let called = children.iter().any(|c| c.called);
    let rendered = children.iter().any(|c| c.rendered);
    if called && !rendered {
        return Piece {
            node: None,
            called: true,
            rendered: false,
        };
    }
    let mut seq = Vec::new();
    for child in children {
        if let Some(node) = child.node {
            if !seq.is_empty() && !delimiter.is_empty() {
                seq.push(Node::Affix(delimiter.to_owned()));
            }
            seq.push(node);
        }
    }
    let node = (!seq.is_empty()).then_some(Node::Seq(seq));
    Piece {
        rendered: node.is_some(),
        called,
        node,
    }
}

/// A `<text macro=…>`: output from a macro counts as rendered for the group
/// around it (see [`group`]).
pub(crate) fn macro_(piece: Piece) -> Piece {
    Piece {
        rendered: piece.rendered || piece.node.is_some(),
        ..piece
    }
}

/// Children one after another, without a group's suppression rule (a
/// layout or a `<choose>` branch).
pub(crate) fn seq(children: Vec<Piece>) -> Piece {
    let called = children.iter().any(|c| c.called);
    let rendered = children.iter().any(|c| c.rendered);
    let nodes: Vec<Node> = children.into_iter().filter_map(|c| c.node).collect();
    Piece {
        node: (!nodes.is_empty()).then_some(Node::Seq(nodes)),
        called,
        rendered,
    }
}

/// Field text as citeproc-js reads it: straight double quotes become nested
/// quotations and straight apostrophes typographic ones.
fn field_text(value: &str) -> Node {
    let mut nodes = Vec::new();
    let mut text = String::new();
    let mut quoted: Option<Vec<Node>> = None;
    let quote_count = value.matches('"').count();
    for c in value.chars() {
        match c {
            '"' if quote_count % 2 == 0 => {
                if !text.is_empty() {
                    let t = Node::Text(std::mem::take(&mut text));
                    match &mut quoted {
                        Some(inner) => inner.push(t),
                        None => nodes.push(t),
                    }
                }
                match quoted.take() {
                    Some(inner) => nodes.push(Node::Quoted(inner)),
                    None => quoted = Some(Vec::new()),
                }
            }
            '\'' => text.push('’'),
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        match &mut quoted {
            Some(inner) => inner.push(Node::Text(text)),
            None => nodes.push(Node::Text(text)),
        }
    }
    if let Some(inner) = quoted {
        nodes.extend(inner);
    }
    if nodes.len() == 1 {
        nodes.pop().expect("one node")
    } else {
        Node::Seq(nodes)
    }
}

/// How a name list is written.
pub(crate) struct NameStyle {
    /// `initialize-with`: given names become initials followed by this.
    pub(crate) initialize_with: Option<&'static str>,
    /// `and`: the word before the last name ("and", "&").
    pub(crate) and: Option<&'static str>,
    /// `et-al-min`: with this many names or more, shorten the list…
    pub(crate) et_al_min: usize,
    /// `et-al-use-first`: …to this many names, then "et al.".
    pub(crate) et_al_use_first: usize,
    /// Italicise "et al.".
    pub(crate) et_al_italic: bool,
}

/// A list of names, given name first ("J. Repper and J. Eve").
pub(crate) fn names(list: &[Name], style: &NameStyle) -> Option<Node> {
    if list.is_empty() {
        return None;
    }
    let shortened = style.et_al_min > 0 && list.len() >= style.et_al_min;
    let shown = if shortened {
        &list[..style.et_al_use_first.min(list.len())]
    } else {
        list
    };
    let written: Vec<String> = shown.iter().map(|n| display_name(n, style)).collect();
    let mut text = String::new();
    for (i, name) in written.iter().enumerate() {
        if i > 0 {
            let last = i == written.len() - 1 && !shortened;
            match (last, style.and) {
                (true, Some(and)) if written.len() == 2 => {
                    let _ = write!(text, " {and} ");
                }
                (true, Some(and)) => {
                    let _ = write!(text, ", {and} ");
                }
                _ => text.push_str(", "),
            }
        }
        text.push_str(name);
    }
    let mut nodes = vec![Node::Text(text.replace('\'', "’"))];
    if shortened {
        nodes.push(Node::Text(" ".to_owned()));
        let et_al = Node::Text("et al.".to_owned());
        nodes.push(if style.et_al_italic {
            Node::Italic(vec![et_al])
        } else {
            et_al
        });
    }
    Some(Node::Seq(nodes))
}

fn display_name(name: &Name, style: &NameStyle) -> String {
    if let Some(literal) = &name.literal {
        return literal.clone();
    }
    let given = name.given.as_deref().map(|g| match style.initialize_with {
        Some(with) => initials(g, with),
        None => g.to_owned(),
    });
    let mut parts: Vec<&str> = Vec::new();
    if let Some(given) = &given {
        parts.push(given);
    }
    for part in [&name.dropping_particle, &name.particle, &name.family]
        .into_iter()
        .flatten()
    {
        parts.push(part);
    }
    let mut text = parts.join(" ");
    if let Some(suffix) = &name.suffix {
        text.push(' ');
        text.push_str(suffix);
    }
    text
}

/// "Klaus-Peter L" → "K.-P. L." with `with` = ". ".
fn initials(given: &str, with: &str) -> String {
    let mut out = String::new();
    let trimmed_with = with.trim_end();
    for (i, word) in given.split_whitespace().enumerate() {
        if i > 0 {
            out.push_str(&with[trimmed_with.len()..]);
        }
        let pieces: Vec<&str> = word.split('-').collect();
        for (j, piece) in pieces.iter().enumerate() {
            if j > 0 {
                out.push('-');
            }
            let mut chars = piece.chars();
            match chars.next() {
                Some(first) if first.is_lowercase() && pieces.len() == 1 && word.len() > 1 => {
                    // A lower-case given name part ("de") is kept whole.
                    out.push_str(piece);
                    continue;
                }
                Some(first) => {
                    out.extend(first.to_uppercase());
                    out.push_str(trimmed_with);
                }
                None => {}
            }
        }
    }
    out.trim_end().to_owned()
}

/// A date from its parts, each with its own text and affixes; empty parts
/// are left out with their affixes. `parts` are (part, prefix, suffix).
pub(crate) fn date(
    date: Option<Date>,
    parts: &[(DatePart, &str, &str)],
    month_names: &[&str; 12],
) -> Option<Node> {
    let date = date?;
    let mut text = String::new();
    for (part, prefix, suffix) in parts {
        let value = match part {
            DatePart::Year => Some(date.year.to_string()),
            DatePart::Month => date
                .month
                .map(|m| month_names[usize::from(m) - 1].to_owned()),
            DatePart::Day => date.day.map(|d| d.to_string()),
            DatePart::DayLeadingZeros => date.day.map(|d| format!("{d:02}")),
        };
        if let Some(value) = value {
            text.push_str(prefix);
            text.push_str(&value);
            text.push_str(suffix);
        }
    }
    // Affixes at the ends of a date do not outlast its last or first part.
    let text = text.trim().to_owned();
    (!text.is_empty()).then_some(Node::Text(text))
}

/// A CSL date part.
#[derive(Debug, Clone, Copy)]
pub(crate) enum DatePart {
    /// The year.
    Year,
    /// The month, by name.
    Month,
    /// The day.
    Day,
    /// The day with a leading zero.
    DayLeadingZeros,
}

/// Whether a CSL number variable is numeric ("12", "12-14", "LIX" is not).
pub(crate) fn is_numeric(value: &str) -> bool {
    let value = value.trim();
    !value.is_empty()
        && value.split(['-', '–', ',', '&']).all(|part| {
            part.trim()
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
        })
}

/// `text-case="capitalize-first"`.
pub(crate) fn capitalize_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// An ordinal in English: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st.
pub(crate) fn ordinal(value: &str) -> String {
    let Ok(n) = value.trim().parse::<u64>() else {
        return value.to_owned();
    };
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Names in sort order, family name first ("Repper J, Eve J"), as
/// Vancouver writes them: initials without periods, no "and", the
/// dropping particle after the initials and the suffix last, without its
/// period.
pub(crate) fn names_inverted(
    list: &[Name],
    et_al_min: usize,
    et_al_use_first: usize,
) -> Option<Node> {
    if list.is_empty() {
        return None;
    }
    let shortened = list.len() >= et_al_min;
    let shown = if shortened {
        &list[..et_al_use_first]
    } else {
        list
    };
    let mut written: Vec<String> = shown
        .iter()
        .map(|name| {
            if let Some(literal) = &name.literal {
                return literal.clone();
            }
            let mut parts: Vec<String> = Vec::new();
            let family: Vec<&str> = [&name.particle, &name.family]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            if !family.is_empty() {
                parts.push(family.join(" "));
            }
            if let Some(given) = &name.given {
                parts.push(compact_initials(given));
            }
            if let Some(particle) = &name.dropping_particle {
                parts.push(particle.clone());
            }
            if let Some(suffix) = &name.suffix {
                parts.push(suffix.trim_end_matches('.').to_owned());
            }
            parts.join(" ")
        })
        .collect();
    if shortened {
        written.push("et al.".to_owned());
    }
    Some(Node::Text(written.join(", ").replace('\'', "’")))
}

/// "Klaus-Peter L." → "KPL": initials run together, hyphens dropped.
fn compact_initials(given: &str) -> String {
    given
        .split(|c: char| c.is_whitespace() || c == '-' || c == '.')
        .filter_map(|part| part.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// CSL's `number` variable: an article number for articles, else a report
/// or other number.
pub(crate) fn number(r: &crate::model::Reference) -> Option<&str> {
    r.article_number.as_deref().or(r.number.as_deref())
}

/// A page range in CSL's "minimal" format: "3323-3330" → "3323–30",
/// "10-12" → "10–2", "1-12" → "1–12".
pub(crate) fn page_range_minimal(page: &str) -> String {
    let Some((start, end)) = page.split_once(['-', '–']) else {
        return page.to_owned();
    };
    let (start, end) = (start.trim(), end.trim_start_matches('-').trim());
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(start) || !digits(end) || start.len() != end.len() {
        return format!("{start}–{end}");
    }
    let common = start
        .bytes()
        .zip(end.bytes())
        .take_while(|(a, b)| a == b)
        .count()
        .min(end.len() - 1);
    format!("{start}–{}", &end[common..])
}

/// A page range with an en dash ("10-12" → "10–12").
pub(crate) fn page_range(page: &str) -> String {
    page.replace("--", "–").replace('-', "–")
}

/// Whether a page variable holds more than one page.
pub(crate) fn is_plural_page(page: &str) -> bool {
    page.contains(['-', '–', ',', '&'])
}

/// A flattened token of output.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Text(String),
    Affix(String),
    ItalicOn,
    ItalicOff,
    QuoteOpen,
    QuoteClose,
}

fn flatten(node: &Node, out: &mut Vec<Token>) {
    match node {
        Node::Text(t) => out.push(Token::Text(t.clone())),
        Node::Affix(t) => out.push(Token::Affix(t.clone())),
        // citeproc-js sets no italics in scripts that have none (Chinese, Japanese).
        Node::Italic(children) if children.iter().all(is_unitalic_script) => {
            children.iter().for_each(|c| flatten(c, out));
        }
        Node::Italic(children) => {
            out.push(Token::ItalicOn);
            children.iter().for_each(|c| flatten(c, out));
            out.push(Token::ItalicOff);
        }
        Node::Quoted(children) => {
            out.push(Token::QuoteOpen);
            children.iter().for_each(|c| flatten(c, out));
            out.push(Token::QuoteClose);
        }
        Node::Seq(children) => children.iter().for_each(|c| flatten(c, out)),
    }
}

/// Whether a node's text is in a script without italics (CJK) and has no
/// Latin letters.
fn is_unitalic_script(node: &Node) -> bool {
    fn text(node: &Node, out: &mut String) {
        match node {
            Node::Text(t) | Node::Affix(t) => out.push_str(t),
            Node::Italic(c) | Node::Quoted(c) | Node::Seq(c) => c.iter().for_each(|n| text(n, out)),
        }
    }
    let mut all = String::new();
    text(node, &mut all);
    all.chars().any(crate::names::is_cjk) && !all.chars().any(|c| c.is_ascii_alphabetic())
}

/// Move a comma or period that follows a closing quote inside it (en-US
/// `punctuation-in-quote`); only affixes and delimiters move.
fn punctuation_in_quote(tokens: &mut Vec<Token>) {
    let mut i = 0;
    while i + 1 < tokens.len() {
        if tokens[i] == Token::QuoteClose {
            // Skip any further closing marks.
            let mut j = i + 1;
            while j < tokens.len() && matches!(tokens[j], Token::QuoteClose | Token::ItalicOff) {
                j += 1;
            }
            if let Some(Token::Affix(affix)) = tokens.get(j) {
                if let Some(first) = affix.chars().next().filter(|c| matches!(c, ',' | '.')) {
                    let rest = affix[first.len_utf8()..].to_owned();
                    tokens[j] = Token::Affix(rest);
                    tokens.insert(i, Token::Affix(first.to_string()));
                    i += 1;
                }
            }
        }
        i += 1;
    }
}

/// The plain text of `node`, with citeproc-js's joins.
pub(crate) fn to_text(node: &Node) -> String {
    render(node, false)
}

/// The HTML of `node`: `<i>` for italics, text escaped as citeproc-js does.
pub(crate) fn to_html(node: &Node) -> String {
    render(node, true)
}

fn render(node: &Node, html: bool) -> String {
    let mut tokens = Vec::new();
    flatten(node, &mut tokens);
    punctuation_in_quote(&mut tokens);
    let mut out = String::new();
    let mut depth = 0usize;
    for token in tokens {
        match token {
            Token::Text(text) | Token::Affix(text) => push_joined(&mut out, &text, html),
            Token::ItalicOn if html => out.push_str("<i>"),
            Token::ItalicOff if html => out.push_str("</i>"),
            Token::ItalicOn | Token::ItalicOff => {}
            Token::QuoteOpen => {
                out.push(if depth % 2 == 0 { '“' } else { '‘' });
                depth += 1;
            }
            Token::QuoteClose => {
                depth = depth.saturating_sub(1);
                out.push(if depth % 2 == 0 { '”' } else { '’' });
            }
        }
    }
    out
}

/// Append `text`, collapsing a doubled space or period at the join.
fn push_joined(out: &mut String, text: &str, html: bool) {
    let mut text = text;
    if out.ends_with(' ') && text.starts_with(' ') {
        text = &text[1..];
    }
    if out.ends_with(['.', '?', '!']) && text.starts_with('.') && !text.starts_with("..") {
        text = &text[1..];
    }
    if html {
        for c in text.chars() {
            match c {
                '&' => out.push_str("&#38;"),
                '<' => out.push_str("&#60;"),
                '>' => out.push_str("&#62;"),
                c => out.push(c),
            }
        }
    } else {
        out.push_str(text);
    }
}

/// A numbered bibliography entry (`second-field-align="flush"`), as
/// citeproc-js writes it: the text `"{number} {body}"`, and the HTML with the
/// number in `csl-left-margin` and the body in `csl-right-inline`.
pub(crate) fn numbered_entry(number: &str, body: &Node) -> (String, String) {
    let text_body = to_text(body);
    let html_body = to_html(body);
    let text = format!("{number} {text_body}").trim().to_owned();
    let html = if html_body.trim().is_empty() {
        format!(
            "<div class=\"csl-entry\">\n    <div class=\"csl-left-margin\">{number}</div></div>"
        )
    } else {
        // citeproc-js writes the body's trailing white space after the line
        // break that closes it.
        let trimmed = html_body.trim_end();
        let trailing = &html_body[trimmed.len()..];
        format!(
            "<div class=\"csl-entry\">\n    <div class=\"csl-left-margin\">{number}</div><div class=\"csl-right-inline\">{trimmed}</div>\n  {trailing}</div>"
        )
    };
    (text, html)
}

/// An unnumbered bibliography entry, as citeproc-js writes it.
pub(crate) fn plain_entry(body: &Node) -> (String, String) {
    let text = to_text(body).trim().to_owned();
    let html = format!("<div class=\"csl-entry\">{}</div>", to_html(body).trim());
    (text, html)
}
