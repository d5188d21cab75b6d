//! Reads the minified CSL that `build.rs` writes: elements, attributes in
//! double quotes, text, and the five escapes it emits. The files were
//! already checked by a full XML parser at build time, so this reader only
//! has to be right for that subset; it still never panics on other input.

/// An XML element with its attributes, child elements and text.
#[derive(Debug, Default)]
pub(crate) struct Element {
    /// The local name (`text`, `group`, `date-part`, …).
    pub(crate) name: String,
    /// Attributes in document order (`xml:lang` is stored as `lang`).
    pub(crate) attrs: Vec<(String, String)>,
    /// Child elements in document order.
    pub(crate) children: Vec<Element>,
    /// The element's own text (terms).
    pub(crate) text: String,
}

impl Element {
    /// The value of attribute `name`.
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first child element called `name`.
    pub(crate) fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }
}

/// Parse one document; `None` when it is not in the minified subset.
pub(crate) fn parse(input: &str) -> Option<Element> {
    let mut stack: Vec<Element> = vec![Element::default()];
    let mut rest = input;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>')?;
            rest = &after[end + 1..];
            let done = stack.pop()?;
            stack.last_mut()?.children.push(done);
        } else if let Some(after) = rest.strip_prefix('<') {
            let end = tag_end(after)?;
            let (tag, self_closing) = match after[..end].strip_suffix('/') {
                Some(tag) => (tag, true),
                None => (&after[..end], false),
            };
            rest = &after[end + 1..];
            let element = open_tag(tag)?;
            if self_closing {
                stack.last_mut()?.children.push(element);
            } else {
                stack.push(element);
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            stack.last_mut()?.text.push_str(&unescape(&rest[..end]));
            rest = &rest[end..];
        }
    }
    let mut root = stack.pop()?;
    if !stack.is_empty() {
        return None;
    }
    root.children.pop()
}

/// The index of the `>` that ends a tag, skipping quoted attribute values.
fn tag_end(tag: &str) -> Option<usize> {
    let mut quoted = false;
    tag.char_indices()
        .find(|&(_, c)| {
            if c == '"' {
                quoted = !quoted;
            }
            c == '>' && !quoted
        })
        .map(|(i, _)| i)
}

fn open_tag(tag: &str) -> Option<Element> {
    let (name, mut rest) = tag.split_once(' ').unwrap_or((tag, ""));
    let mut element = Element {
        name: name.to_owned(),
        ..Element::default()
    };
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return Some(element);
        }
        let (key, after) = rest.split_once("=\"")?;
        let (value, after) = after.split_once('"')?;
        element.attrs.push((key.to_owned(), unescape(value)));
        rest = after;
    }
}

fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_minified_subset() {
        let root = parse(r#"<style a="1 &amp; 2"><term name="and">&amp;</term><x/></style>"#)
            .expect("valid");
        assert_eq!(root.name, "style");
        assert_eq!(root.attr("a"), Some("1 & 2"));
        assert_eq!(root.children.len(), 2);
        assert_eq!(root.children[0].text, "&");
        assert_eq!(root.child("x").map(|x| x.children.len()), Some(0));
    }

    #[test]
    fn rejects_unbalanced_input_without_panicking() {
        assert!(parse("<a><b></a>").is_none());
        assert!(parse("<a>").is_none());
        assert!(parse("</a>").is_none());
        assert!(parse("<a b=\"1></a>").is_none());
    }
}
