//! The tokenizer behind [`RichText`](crate::RichText)'s reading: the trait,
//! a reader of citecard's own canonical HTML, and html5gum for untrusted
//! HTML.

/// One event of an HTML token stream, as [`HtmlTokenizer`]s report it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HtmlEvent<'a> {
    /// A start tag; `name` is lower case (`p`, `jats:p`).
    Start {
        /// The tag name.
        name: &'a str,
        /// Whether the tag closed itself (`<br/>`).
        self_closing: bool,
    },
    /// An end tag; `name` is lower case.
    End {
        /// The tag name.
        name: &'a str,
    },
    /// Text, with character references already decoded.
    Text(&'a str),
}

/// A spec-compliant HTML tokenizer that reports tags and decoded text.
///
/// Attributes, comments and doctypes are never reported: nothing downstream
/// may depend on them.
pub trait HtmlTokenizer {
    /// Tokenize `html` as a fragment, calling `sink` for each event in order.
    fn tokenize(&self, html: &str, sink: &mut dyn FnMut(HtmlEvent<'_>));
}

/// Reads back exactly the HTML that [`RichText::to_html`](crate::RichText::to_html) writes: tags
/// without attributes and text with the five escapes [`escape_into`](crate::rich_text::escape_into) uses.
/// It is for HTML citecard wrote itself (such as a CSL-JSON item handed
/// from one citecard module to another), where a full HTML tokenizer would
/// add size for nothing; untrusted HTML must go through a real tokenizer.
///
/// ```
/// use citecard_core::rich_text::{CanonicalHtml, Html5gum, RichText};
/// let text = RichText::from_html_with("<p><b>Aim:</b> A &lt;b&gt; <i>test</i></p>", &Html5gum);
/// assert_eq!(RichText::from_html_with(&text.to_html(), &CanonicalHtml), text);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct CanonicalHtml;

impl HtmlTokenizer for CanonicalHtml {
    fn tokenize(&self, html: &str, sink: &mut dyn FnMut(HtmlEvent<'_>)) {
        let mut rest = html;
        while !rest.is_empty() {
            if let Some(tag) = rest.strip_prefix('<') {
                let Some(end) = tag.find('>') else {
                    break;
                };
                let name = &tag[..end];
                match name.strip_prefix('/') {
                    Some(name) => sink(HtmlEvent::End { name }),
                    None => sink(HtmlEvent::Start {
                        name: name.trim_end_matches('/'),
                        self_closing: name.ends_with('/'),
                    }),
                }
                rest = &tag[end + 1..];
            } else {
                let end = rest.find('<').unwrap_or(rest.len());
                let text = &rest[..end];
                if text.contains('&') {
                    let decoded = text
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&#39;", "'")
                        .replace("&amp;", "&");
                    sink(HtmlEvent::Text(&decoded));
                } else {
                    sink(HtmlEvent::Text(text));
                }
                rest = &rest[end..];
            }
        }
    }
}

/// The WHATWG-compliant tokenizer of the `html5gum` crate.
#[cfg(feature = "html5gum")]
#[derive(Debug, Clone, Copy, Default)]
pub struct Html5gum;

/// html5gum's default emitter, without its parse errors: they are never
/// shown, and checking every character for them was about a quarter of
/// html5gum's time on a long abstract (`perf`, BENCHMARKS.md).
#[cfg(feature = "html5gum")]
struct WithoutErrors(html5gum::DefaultEmitter);

#[cfg(feature = "html5gum")]
impl html5gum::ForwardingEmitter for WithoutErrors {
    type Token = html5gum::Token;

    fn inner(&mut self) -> &mut impl html5gum::Emitter<Token = Self::Token> {
        &mut self.0
    }

    fn should_emit_errors(&mut self) -> bool {
        false
    }
}

#[cfg(feature = "html5gum")]
impl HtmlTokenizer for Html5gum {
    fn tokenize(&self, html: &str, sink: &mut dyn FnMut(HtmlEvent<'_>)) {
        use html5gum::{DefaultEmitter, Token, Tokenizer};

        let mut emitter = DefaultEmitter::default();
        // Let <script>, <style>, <textarea> … switch the tokenizer into their
        // raw-text states, so their content arrives as one string to drop.
        emitter.naively_switch_states(true);
        for Ok(token) in Tokenizer::new_with_emitter(html, WithoutErrors(emitter)) {
            match token {
                Token::StartTag(tag) => sink(HtmlEvent::Start {
                    name: &String::from_utf8_lossy(&tag.name),
                    self_closing: tag.self_closing,
                }),
                Token::EndTag(tag) => sink(HtmlEvent::End {
                    name: &String::from_utf8_lossy(&tag.name),
                }),
                Token::String(text) => sink(HtmlEvent::Text(&String::from_utf8_lossy(&text.value))),
                Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
            }
        }
    }
}
