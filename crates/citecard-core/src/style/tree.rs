//! The built-in CSL styles and locales as `build.rs` compiles them: a
//! shared string table, then one tree of string indices per file.

/// The compiled files, in `build.rs`'s order: the styles in `Style::ALL`
/// order, then the locales in [`LOCALES`] order.
static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/csl.bin"));

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The compiled locale file for `lang` (`en-US`, `zh-CN`, …), if built in.
pub(crate) fn locale(lang: &str) -> Option<Element> {
    let index = LOCALES.iter().position(|l| l.eq_ignore_ascii_case(lang))?;
    document(crate::style::Style::ALL.len() + index)
}

/// An element of a style or locale.
#[derive(Debug, Default, Clone)]
pub(crate) struct Element {
    /// The local name (`text`, `group`, `date-part`, …).
    pub(crate) name: &'static str,
    /// Attributes in document order (`xml:lang` is stored as `lang`).
    pub(crate) attrs: Vec<(&'static str, &'static str)>,
    /// Child elements in document order.
    pub(crate) children: Vec<Element>,
    /// The element's own text (terms).
    pub(crate) text: &'static str,
    /// The element's place in its document, counted in document order from
    /// 0 at the root by [`Element::number`]: the key of anything a processor
    /// compiles for it.
    pub(crate) id: u32,
}

impl Element {
    /// Number every element below and including this one in document order
    /// (see [`Element::id`]); returns how many there are.
    pub(crate) fn number(&mut self) -> u32 {
        fn walk(el: &mut Element, next: &mut u32) {
            el.id = *next;
            *next += 1;
            el.children.iter_mut().for_each(|c| walk(c, next));
        }
        let mut next = 0;
        walk(self, &mut next);
        next
    }

    /// The value of attribute `name`.
    pub(crate) fn attr(&self, name: &str) -> Option<&'static str> {
        self.attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
    }

    /// The first child element called `name`.
    pub(crate) fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }
}

/// Reads the blob; every read is checked, so a corrupt blob gives `None`.
struct Reader<'a> {
    bytes: &'a [u8],
    strings: &'a [&'static str],
}

impl Reader<'_> {
    fn number(&mut self) -> Option<usize> {
        let mut n = 0usize;
        for shift in (0..35).step_by(7) {
            let (&byte, rest) = self.bytes.split_first()?;
            self.bytes = rest;
            n |= usize::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Some(n);
            }
        }
        None
    }

    fn string(&mut self) -> Option<&'static str> {
        let i = self.number()?;
        self.strings.get(i).copied()
    }

    fn element(&mut self, depth: usize) -> Option<Element> {
        if depth > 64 {
            return None;
        }
        let name = self.string()?;
        let count = self.number()?;
        let mut attrs = Vec::with_capacity(count.min(16));
        for _ in 0..count {
            attrs.push((self.string()?, self.string()?));
        }
        let text = self.string()?;
        let count = self.number()?;
        let mut children = Vec::with_capacity(count.min(64));
        for _ in 0..count {
            children.push(self.element(depth + 1)?);
        }
        Some(Element {
            name,
            attrs,
            children,
            text,
            id: 0,
        })
    }
}

fn split_len(bytes: &'static [u8]) -> Option<(&'static [u8], &'static [u8])> {
    let (len, rest) = bytes.split_first_chunk::<4>()?;
    let len = usize::try_from(u32::from_le_bytes(*len)).ok()?;
    (rest.len() >= len).then(|| rest.split_at(len))
}

/// File `index` of the blob as a tree.
pub(crate) fn document(index: usize) -> Option<Element> {
    let (table, mut rest) = split_len(BLOB)?;
    let strings: Vec<&'static str> = std::str::from_utf8(table).ok()?.split('\0').collect();
    for _ in 0..index {
        rest = split_len(rest)?.1;
    }
    let (bytes, _) = split_len(rest)?;
    Reader {
        bytes,
        strings: &strings,
    }
    .element(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_reads_back() {
        let styles = crate::style::Style::ALL.len();
        for index in 0..styles + LOCALES.len() {
            let root = document(index).expect("a compiled file");
            let expected = if index >= styles { "locale" } else { "style" };
            assert_eq!(root.name, expected);
            assert!(!root.children.is_empty());
        }
        assert!(document(styles + LOCALES.len()).is_none());
        assert_eq!(locale("en-us").unwrap().attr("lang"), Some("en-US"));
        assert_eq!(locale("zh-CN").unwrap().attr("lang"), Some("zh-CN"));
    }

    #[test]
    fn elements_are_numbered_in_document_order() {
        let mut apa = document(0).unwrap();
        let count = apa.number();
        let mut ids = Vec::new();
        fn walk(el: &Element, ids: &mut Vec<u32>) {
            ids.push(el.id);
            el.children.iter().for_each(|c| walk(c, ids));
        }
        walk(&apa, &mut ids);
        assert_eq!(ids, (0..count).collect::<Vec<_>>());
    }

    #[test]
    fn sorting_citations_and_info_are_left_out() {
        let apa = document(0).unwrap();
        assert!(apa.child("info").is_none());
        assert!(apa.child("bibliography").unwrap().child("sort").is_none());
        assert!(apa.child("citation").unwrap().child("layout").is_none());
        assert!(apa.child("bibliography").unwrap().child("layout").is_some());
    }
}
