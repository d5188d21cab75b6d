//! The output model of the CSL processor and citeproc-js's output rules.
//!
//! Rendering elements build [`Piece`]s with [`var`], [`term`], [`group`],
//! [`seq`] and [`rendered`]: a group vanishes when it called variables and
//! none of them rendered, as CSL says. A finished entry is then written as
//! text, HTML or rich inline content ([`plain_entry`], [`numbered_entry`])
//! with the rules citeproc-js applies on output: punctuation moved inside
//! closing quotes (en-US), quotes alternating double and single when
//! nested, doubled spaces and periods collapsed at joins, straight quotes
//! and apostrophes made typographic, French spacing made narrow and
//! unbreakable, a leading term capitalised, and HTML
//! escaped and laid out as citeproc-js lays out a one-entry bibliography.

use std::borrow::Cow;

mod entry;
mod joins;
mod punctuation;
mod rich;
mod superscripts;

pub(crate) use entry::{capitalize_leading_term, numbered_entry, plain_entry, Entry};
use joins::Joins;
pub(crate) use punctuation::Punctuation;
use punctuation::{punctuation_in_quote, QuoteLevels};

/// What an affix is, which decides how its punctuation and spaces join the
/// text beside it (see [`Joins`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Affix {
    /// A suffix (or an affix of output's own).
    Suffix,
    /// A prefix: like a suffix, but it merges with no punctuation after it
    /// (citeproc-js merges a prefix only with the suffix before it).
    Prefix,
    /// The suffix of an element with formatting (fonts or quotes): like
    /// a suffix, but a space at its end stays beside the space of a
    /// prefix after it, as citeproc-js keeps both ("<b>Title</b>.  2016").
    FormattedSuffix,
    /// The suffix of a quoted element inside a child of a group, before the
    /// group's delimiter: like a formatted element's suffix, but where
    /// punctuation goes inside quotes, the delimiter's goes in first, as
    /// citeproc-js writes it ("“Title.,” In", where a quoted title that is
    /// the group's own child gives "“Title,.” In").
    NestedQuotedSuffix,
    /// A group's or a name list's delimiter: its punctuation does not merge
    /// with the punctuation beside it.
    Delimiter,
}

/// One node of formatted output.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    /// Text from the record or the style.
    Text(String),
    /// A `<text term>` from the locale.
    Term(String),
    /// An affix or a delimiter of the style's: its punctuation may move
    /// inside a closing quote, and merges with the text beside it as its
    /// kind says.
    Affix(Affix, String),
    /// Content in italics.
    Italic(Vec<Node>),
    /// Content in bold.
    Bold(Vec<Node>),
    /// A field's content between quotation marks: outer marks unless
    /// inside others.
    Quoted(Vec<Node>),
    /// A style's `quotes="true"`: outer marks, even inside other quotes
    /// of the style's (citeproc-js writes “x “T””).
    StyleQuoted(Vec<Node>),
    /// Content between quotation marks that are inner ones unless inside
    /// others (a field's `‘…’`, or its second straight form).
    InnerQuoted(Vec<Node>),
    /// A field's own typographic quotation (`“…”`, `‘…’`): inner when its
    /// mark is the locale's inner one, as citeproc-js reads it (so `‘…’`
    /// is inner in en-US and outer in en-GB).
    MarkQuoted(char, Vec<Node>),
    /// Formatting a field carries itself (CSL's markup within fields: a
    /// title's `<i>`, `<sub>`): italics and bold flip against those around
    /// them, as citeproc-js writes them.
    Markup(Markup, Vec<Node>),
    /// A sequence.
    Seq(Vec<Node>),
}

impl Node {
    /// Take the punctuation mark (. , ; : ! ?) that opens this node, when
    /// its first text is a prefix that starts with one.
    pub(crate) fn take_leading_prefix_mark(&mut self) -> Option<char> {
        match self {
            Node::Affix(Affix::Prefix, t) => {
                let mark = t.chars().next().filter(|c| ".,;:!?".contains(*c))?;
                t.remove(0);
                Some(mark)
            }
            Node::Seq(children) => children
                .iter_mut()
                .find(|c| !c.is_empty_text())?
                .take_leading_prefix_mark(),
            _ => None,
        }
    }

    /// Mark the suffix of a quoted element that ends this node below its
    /// top level (inside a group or macro of a group's child) as a
    /// [`Affix::NestedQuotedSuffix`].
    fn mark_nested_quoted_suffix(&mut self) {
        fn find(node: &mut Node, depth: usize) -> Option<(usize, &mut Node)> {
            let Node::Seq(children) = node else {
                return None;
            };
            let n = children.len();
            if n >= 2
                && matches!(
                    children[n - 1],
                    Node::Affix(Affix::FormattedSuffix | Affix::Suffix, _)
                )
                && matches!(children[n - 2], Node::StyleQuoted(_))
            {
                return Some((depth, &mut children[n - 1]));
            }
            find(children.last_mut()?, depth + 1)
        }
        if let Some((depth, suffix)) = find(self, 0) {
            if let (true, Node::Affix(kind, _)) = (depth > 0, suffix) {
                *kind = Affix::NestedQuotedSuffix;
            }
        }
    }

    /// Whether this node writes no text: empty text, or formatting and
    /// sequences of it (quotation marks are text).
    pub(crate) fn is_empty_text(&self) -> bool {
        match self {
            Node::Text(t) => t.is_empty(),
            Node::Seq(c) | Node::Italic(c) | Node::Bold(c) | Node::Markup(_, c) => {
                c.iter().all(Node::is_empty_text)
            }
            _ => false,
        }
    }

    /// Make the suffix that ends this sequence a plain one, if it is a
    /// formatted element's.
    pub(crate) fn plain_last_suffix(&mut self) {
        match self {
            Node::Affix(kind @ (Affix::FormattedSuffix | Affix::NestedQuotedSuffix), _) => {
                *kind = Affix::Suffix
            }
            Node::Seq(children) => {
                if let Some(last) = children.last_mut() {
                    last.plain_last_suffix();
                }
            }
            _ => {}
        }
    }

    /// Whether this node ends with a field's own `markup` ("… <i>x</i>").
    pub(crate) fn ends_with_markup(&self, markup: Markup) -> bool {
        match self {
            Node::Markup(m, _) if *m == markup => true,
            other => other
                .children()
                .last()
                .is_some_and(|c| c.ends_with_markup(markup)),
        }
    }

    /// The nodes inside this one: none for text, a term or an affix.
    fn children(&self) -> &[Node] {
        match self {
            Node::Text(_) | Node::Term(_) | Node::Affix(..) => &[],
            Node::Italic(c)
            | Node::Bold(c)
            | Node::Quoted(c)
            | Node::StyleQuoted(c)
            | Node::InnerQuoted(c)
            | Node::MarkQuoted(_, c)
            | Node::Markup(_, c)
            | Node::Seq(c) => c,
        }
    }

    /// The nodes inside this one, to change.
    fn children_mut(&mut self) -> &mut [Node] {
        match self {
            Node::Text(_) | Node::Term(_) | Node::Affix(..) => &mut [],
            Node::Italic(c)
            | Node::Bold(c)
            | Node::Quoted(c)
            | Node::StyleQuoted(c)
            | Node::InnerQuoted(c)
            | Node::MarkQuoted(_, c)
            | Node::Markup(_, c)
            | Node::Seq(c) => c,
        }
    }
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
    pub(crate) fn affixed(self, prefix: &str, suffix: &str) -> Piece {
        self.affixed_as(prefix, suffix, false)
    }

    /// Add a prefix and a suffix to an element that may have formatting
    /// of its own (`formatted`: see [`Affix::FormattedSuffix`]).
    pub(crate) fn affixed_as(mut self, prefix: &str, suffix: &str, formatted: bool) -> Piece {
        if let Some(node) = self.node.take() {
            let mut seq = Vec::new();
            if !prefix.is_empty() {
                seq.push(Node::Affix(Affix::Prefix, prefix.to_owned()));
            }
            seq.push(node);
            if !suffix.is_empty() {
                let kind = if formatted {
                    Affix::FormattedSuffix
                } else {
                    Affix::Suffix
                };
                seq.push(Node::Affix(kind, suffix.to_owned()));
            }
            self.node = Some(Node::Seq(seq));
        }
        self
    }

    /// Wrap the content in formatting (`font`, `Node::Italic`, …).
    pub(crate) fn map_node(mut self, wrap: impl FnOnce(Node) -> Node) -> Piece {
        self.node = self.node.map(wrap);
        self
    }

    /// Change the text from the record or the style (not affixes or
    /// delimiters), piece by piece in order.
    pub(crate) fn map_text(mut self, f: &mut dyn FnMut(&str) -> String) -> Piece {
        fn walk(node: &mut Node, f: &mut dyn FnMut(&str) -> String) {
            if let Node::Text(t) | Node::Term(t) = node {
                *t = f(t);
            }
            node.children_mut().iter_mut().for_each(|n| walk(n, f));
        }
        if let Some(node) = &mut self.node {
            walk(node, f);
        }
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

    /// The rendered node, if any, to change in place.
    pub(crate) fn node_mut(&mut self) -> Option<&mut Node> {
        self.node.as_mut()
    }

    /// Render between quotation marks.
    pub(crate) fn quoted(mut self) -> Piece {
        self.node = self.node.map(|n| Node::StyleQuoted(vec![n]));
        self
    }
}

/// A variable's value (`<text variable=…>`).
pub(crate) fn var(value: Option<&str>) -> Piece {
    let node = value
        .filter(|v| !v.trim().is_empty())
        .map(|v| crate::style::quotes::field_text(&narrow_spaces(v)));
    Piece {
        rendered: node.is_some(),
        called: true,
        node,
    }
}

/// A `<text term>` from the locale: not a variable, and capitalised when
/// it opens an entry (see [`capitalize_leading_term`]).
pub(crate) fn term(text: &str) -> Piece {
    Piece {
        node: (!text.is_empty()).then(|| Node::Term(narrow_spaces(text).into_owned())),
        called: false,
        rendered: false,
    }
}

/// A `<text value>` or a `<label>`: not a variable, like a term, but
/// citeproc-js leaves it as written at the start of an entry.
pub(crate) fn value(text: &str) -> Piece {
    Piece {
        node: (!text.is_empty()).then(|| Node::Text(narrow_spaces(text).into_owned())),
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
    let mut seq: Vec<Node> = Vec::new();
    for child in children {
        if let Some(node) = child.node {
            // No delimiter after what rendered as empty text alone at the
            // start (a number citeproc-js cannot write in Roman numerals):
            // citeproc-js's group starts at the next child.
            let started = seq.iter().any(|n| !n.is_empty_text());
            if started && !delimiter.is_empty() {
                if delimiter.starts_with(['.', ',']) {
                    if let Some(previous) = seq.last_mut() {
                        previous.mark_nested_quoted_suffix();
                    }
                }
                seq.push(Node::Affix(Affix::Delimiter, delimiter.to_owned()));
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

/// French spacing, as citeproc-js writes every variable, term and value
/// (never an affix or a delimiter): the space before `:`, `;`, `?`, `!` and
/// `»`, and after `«`, becomes a narrow no-break space (U+202F).
fn narrow_spaces(text: &str) -> Cow<'_, str> {
    if !text.contains(" :")
        && !text.contains(" ;")
        && !text.contains(" ?")
        && !text.contains(" !")
        && !text.contains(" »")
        && !text.contains("« ")
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    let mut previous = None;
    while let Some(c) = chars.next() {
        let narrow = match c {
            ' ' => {
                matches!(chars.peek(), Some(':' | ';' | '?' | '!' | '»')) || previous == Some('«')
            }
            _ => false,
        };
        out.push(if narrow { '\u{202f}' } else { c });
        previous = Some(c);
    }
    Cow::Owned(out)
}

/// The formatting a field can carry (CSL 1.0.2, Appendix VI).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Markup {
    Italic,
    Bold,
    Superscript,
    Subscript,
    /// `font-variant="small-caps"` (a style's only, never a field's).
    SmallCaps,
    /// `text-decoration="underline"` (a style's only).
    Underline,
    /// `vertical-align="baseline"`.
    Baseline,
    /// A style's `font-style="normal"`: upright inside italics.
    NormalStyle,
    /// A style's `font-style="normal"` around a field's own italics, which
    /// citeproc-js writes wherever it is.
    NormalStyleOverItalics,
    /// A style's `font-weight="normal"`: not bold inside bold.
    NormalWeight,
    /// A style's `font-weight="normal"` around a field's own bold.
    NormalWeightOverBold,
    /// A style's `font-variant="normal"`.
    NormalVariant,
    /// A style's `text-decoration="none"`.
    NoDecoration,
}

/// A flattened token of output, its text borrowed from the [`Node`] it
/// was flattened from (owned only where punctuation moved).
#[derive(Debug, Clone, PartialEq)]
enum Token<'a> {
    Text(Cow<'a, str>),
    Affix(Affix, Cow<'a, str>),
    ItalicOn,
    ItalicOff,
    BoldOn,
    BoldOff,
    /// Opening marks; `true` for inner ones when nothing encloses them.
    QuoteOpen(bool),
    /// A style's opening marks: always the outer ones.
    QuoteOpenStyle,
    /// A field's typographic opening mark (see [`Node::MarkQuoted`]).
    QuoteOpenMark(char),
    QuoteClose,
    MarkupOn(Markup),
    MarkupOff(Markup),
}

fn flatten<'a>(node: &'a Node, out: &mut Vec<Token<'a>>) {
    match node {
        Node::Text(t) | Node::Term(t) => out.push(Token::Text(Cow::Borrowed(t))),
        Node::Affix(kind, t) => out.push(Token::Affix(*kind, Cow::Borrowed(t))),
        Node::Italic(children) => {
            out.push(Token::ItalicOn);
            children.iter().for_each(|c| flatten(c, out));
            out.push(Token::ItalicOff);
        }
        Node::Bold(children) => {
            out.push(Token::BoldOn);
            children.iter().for_each(|c| flatten(c, out));
            out.push(Token::BoldOff);
        }
        Node::StyleQuoted(children) => {
            out.push(Token::QuoteOpenStyle);
            children.iter().for_each(|c| flatten(c, out));
            out.push(Token::QuoteClose);
        }
        Node::Quoted(children) | Node::InnerQuoted(children) => {
            out.push(Token::QuoteOpen(matches!(node, Node::InnerQuoted(_))));
            children.iter().for_each(|c| flatten(c, out));
            out.push(Token::QuoteClose);
        }
        Node::MarkQuoted(mark, children) => {
            out.push(Token::QuoteOpenMark(*mark));
            children.iter().for_each(|c| flatten(c, out));
            out.push(Token::QuoteClose);
        }
        Node::Markup(markup, children) => {
            out.push(Token::MarkupOn(*markup));
            children.iter().for_each(|c| flatten(c, out));
            out.push(Token::MarkupOff(*markup));
        }
        Node::Seq(children) => children.iter().for_each(|c| flatten(c, out)),
    }
}

/// Whether a node's text is in a script without italics (CJK) and has no
/// Latin letters.
pub(crate) fn is_unitalic_script(node: &Node) -> bool {
    fn text(node: &Node, out: &mut String) {
        if let Node::Text(t) | Node::Term(t) | Node::Affix(_, t) = node {
            out.push_str(t);
        }
        node.children().iter().for_each(|n| text(n, out));
    }
    let mut all = String::new();
    text(node, &mut all);
    all.chars().any(crate::names::is_cjk) && !all.chars().any(|c| c.is_ascii_alphabetic())
}

/// The plain text of `node`, with citeproc-js's joins, in en-US.
#[cfg(test)]
pub(crate) fn to_text(node: &Node) -> String {
    render(node, false, &Punctuation::default())
}

/// The HTML of `node` in en-US.
#[cfg(test)]
pub(crate) fn to_html(node: &Node) -> String {
    render(node, true, &Punctuation::default())
}

/// The plain text of `node` (`html` false), or its HTML: `<i>` for
/// italics, text escaped as citeproc-js does.
pub(crate) fn render(node: &Node, html: bool, punctuation: &Punctuation) -> String {
    Tokens::new(node, punctuation).render(html)
}

/// A node flattened once, with punctuation moved inside quotes, for its
/// text, its HTML and its rich inline content to be written from.
pub(crate) struct Tokens<'a> {
    tokens: Vec<Token<'a>>,
    punctuation: &'a Punctuation,
}

impl<'a> Tokens<'a> {
    /// Flatten `node` and apply the locale's punctuation rules.
    pub(crate) fn new(node: &'a Node, punctuation: &'a Punctuation) -> Self {
        let mut tokens = Vec::new();
        flatten(node, &mut tokens);
        punctuation_in_quote(&mut tokens, punctuation);
        Tokens {
            tokens,
            punctuation,
        }
    }

    /// The plain text (`html` false), or the HTML: `<i>` for italics, text
    /// escaped as citeproc-js does.
    pub(crate) fn render(&self, html: bool) -> String {
        let mut out = String::new();
        let mut quotes = QuoteLevels::new(self.punctuation);
        let mut styles = StyleLevels::default();
        let mut joins = Joins::default();
        for token in &self.tokens {
            match *token {
                Token::Text(_) | Token::Affix(..) => joins.push(&mut out, token, html),
                Token::QuoteOpen(inner) => out.push_str(quotes.open(inner)),
                Token::QuoteOpenStyle => out.push_str(quotes.open_style()),
                Token::QuoteOpenMark(mark) => out.push_str(quotes.open_mark(mark)),
                Token::QuoteClose => out.push_str(quotes.close()),
                _ if !html => {}
                Token::ItalicOn | Token::ItalicOff | Token::BoldOn | Token::BoldOff => {
                    out.push_str(styles.element(token));
                }
                Token::MarkupOn(markup) => out.push_str(styles.open(markup).0),
                Token::MarkupOff(markup) => out.push_str(styles.close(markup)),
            }
        }
        out
    }
}

/// The italics and bold in force while writing an entry, and the closing
/// tags of the field markup open, innermost last.
#[derive(Default)]
struct StyleLevels {
    italic: Vec<bool>,
    bold: Vec<bool>,
    /// How many small-caps markups are open.
    small_caps: usize,
    closers: Vec<&'static str>,
}

impl StyleLevels {
    /// The levels italics or bold keep; none for sub- and superscripts.
    fn levels(&mut self, markup: Markup) -> Option<&mut Vec<bool>> {
        match markup {
            Markup::Italic => Some(&mut self.italic),
            Markup::Bold => Some(&mut self.bold),
            Markup::NormalStyle | Markup::NormalStyleOverItalics => Some(&mut self.italic),
            Markup::NormalWeight | Markup::NormalWeightOverBold => Some(&mut self.bold),
            Markup::Superscript
            | Markup::Subscript
            | Markup::SmallCaps
            | Markup::Underline
            | Markup::Baseline
            | Markup::NormalVariant
            | Markup::NoDecoration => None,
        }
    }

    /// An element's own italics or bold, on or off: its tag.
    fn element(&mut self, token: &Token) -> &'static str {
        let (markup, on, tag) = match token {
            Token::ItalicOn => (Markup::Italic, true, "<i>"),
            Token::ItalicOff => (Markup::Italic, false, "</i>"),
            Token::BoldOn => (Markup::Bold, true, "<b>"),
            _ => (Markup::Bold, false, "</b>"),
        };
        if let Some(levels) = self.levels(markup) {
            if on {
                levels.push(true);
            } else {
                levels.pop();
            }
        }
        tag
    }

    /// Open field markup: its opening tag, and whether it flips italics or
    /// bold back to normal (`<i>` inside italics is upright).
    fn open(&mut self, markup: Markup) -> (&'static str, bool) {
        let normal = matches!(markup, Markup::Italic | Markup::Bold)
            && self.levels(markup).is_some_and(|l| l.last() == Some(&true));
        let (open, close) = match (markup, normal) {
            (Markup::Italic, true) => (r#"<span style="font-style:normal;">"#, "</span>"),
            (Markup::Bold, true) => (r#"<span style="font-weight:normal;">"#, "</span>"),
            (Markup::Italic, false) => ("<i>", "</i>"),
            (Markup::Bold, false) => ("<b>", "</b>"),
            (Markup::Superscript, _) => ("<sup>", "</sup>"),
            (Markup::Subscript, _) => ("<sub>", "</sub>"),
            (Markup::SmallCaps, _) => (r#"<span style="font-variant:small-caps;">"#, "</span>"),
            (Markup::Underline, _) => (r#"<span style="text-decoration:underline;">"#, "</span>"),
            // citeproc-js writes `vertical-align="baseline"` so.
            (Markup::Baseline, _) => (r#"<span style="baseline">"#, "</span>"),
            // citeproc-js writes a style's "normal" only inside the font
            // it undoes.
            (Markup::NormalStyleOverItalics, _) => {
                (r#"<span style="font-style:normal;">"#, "</span>")
            }
            (Markup::NormalStyle, _) if self.italic.last() == Some(&true) => {
                (r#"<span style="font-style:normal;">"#, "</span>")
            }
            (Markup::NormalWeightOverBold, _) => {
                (r#"<span style="font-weight:normal;">"#, "</span>")
            }
            (Markup::NormalWeight, _) if self.bold.last() == Some(&true) => {
                (r#"<span style="font-weight:normal;">"#, "</span>")
            }
            (Markup::NormalVariant, _) if self.small_caps > 0 => {
                (r#"<span style="font-variant:normal;">"#, "</span>")
            }
            (Markup::NormalStyle | Markup::NormalWeight | Markup::NormalVariant, _) => ("", ""),
            (Markup::NoDecoration, _) => (r#"<span style="text-decoration:none;">"#, "</span>"),
        };
        if markup == Markup::SmallCaps {
            self.small_caps += 1;
        }
        let on = !normal && matches!(markup, Markup::Italic | Markup::Bold);
        if let Some(levels) = self.levels(markup) {
            levels.push(on);
        }
        self.closers.push(close);
        (open, normal)
    }

    /// Close field markup: its closing tag.
    fn close(&mut self, markup: Markup) -> &'static str {
        if markup == Markup::SmallCaps {
            self.small_caps = self.small_caps.saturating_sub(1);
        }
        if let Some(levels) = self.levels(markup) {
            levels.pop();
        }
        self.closers.pop().unwrap_or("")
    }
}

#[cfg(test)]
mod tests;
