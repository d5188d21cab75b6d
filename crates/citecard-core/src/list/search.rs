//! Finding what a reader types in a list's entries, whatever its case and
//! diacritics (`muller` finds `Müller`, `Muller` finds `müller`), in any
//! script (`阅读` finds `阅读研究`), with where it was found, for marking.

use std::ops::Range;

use crate::list::fold::fold;

/// A search, folded once and matched against many texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// The folded query, split into words: every word must be found.
    words: Vec<String>,
}

impl Query {
    /// The query `text` typed; `None` when it has nothing to look for.
    pub fn new(text: &str) -> Option<Query> {
        let words: Vec<String> = fold(text).split_whitespace().map(str::to_owned).collect();
        (!words.is_empty()).then_some(Query { words })
    }

    /// Whether every word of the query is in one of `texts` (an entry's
    /// title, authors, venue, year, DOI and abstract).
    ///
    /// ```
    /// use citecard_core::list::search::Query;
    /// let query = Query::new("muller 2020").unwrap();
    /// assert!(query.matches(&["Hans Müller, Ada Lovelace", "2020"]));
    /// assert!(!query.matches(&["Hans Müller", "2021"]));
    /// ```
    pub fn matches(&self, texts: &[&str]) -> bool {
        self.is_in(&Haystack::new(texts))
    }

    /// Whether every word of the query is in `haystack`: what a list does
    /// on each keystroke, with each entry's texts folded once beforehand.
    pub fn is_in(&self, haystack: &Haystack) -> bool {
        // Folded text is searched as UTF-8: a folded word found in folded
        // text is found whole, on character boundaries.
        self.words
            .iter()
            .all(|word| haystack.0.contains(word.as_str()))
    }

    /// Where the query's words are in `text`, as byte ranges of `text`
    /// itself (not of its folded form), in order and not overlapping: what
    /// the list marks.
    ///
    /// ```
    /// use citecard_core::list::search::Query;
    /// let text = "Straße in München";
    /// let found = Query::new("strasse munch").unwrap().find_in(text);
    /// let marked: Vec<&str> = found.iter().map(|r| &text[r.clone()]).collect();
    /// assert_eq!(marked, ["Straße", "Münch"]);
    /// ```
    pub fn find_in(&self, text: &str) -> Vec<Range<usize>> {
        // Each folded character and the bytes of `text` it came from.
        let mut folded: Vec<char> = Vec::with_capacity(text.len());
        let mut source: Vec<Range<usize>> = Vec::with_capacity(text.len());
        for (at, c) in text.char_indices() {
            if c.is_ascii() {
                folded.push(c.to_ascii_lowercase());
                source.push(at..at + 1);
                continue;
            }
            for f in fold(c.encode_utf8(&mut [0; 4])).chars() {
                folded.push(f);
                source.push(at..at + c.len_utf8());
            }
        }
        let mut found: Vec<Range<usize>> = Vec::new();
        for word in &self.words {
            let word: Vec<char> = word.chars().collect();
            let word = &word;
            let mut from = 0;
            while let Some(start) = find(&folded, word, from) {
                let end = start + word.len();
                found.push(source[start].start..source[end - 1].end);
                from = end;
            }
        }
        found.sort_by_key(|r| (r.start, r.end));
        // Overlapping finds (one word inside another's) become one mark.
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(found.len());
        for range in found {
            match merged.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        merged
    }
}

/// An entry's texts folded once, to be searched on every keystroke. The
/// texts are kept apart by line breaks, which no query word holds (words
/// are split at white space), so no word is found across two texts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Haystack(String);

impl Haystack {
    /// `texts` folded (see [`fold`]) for searching.
    pub fn new(texts: &[&str]) -> Haystack {
        let mut folded = String::with_capacity(texts.iter().map(|t| t.len() + 1).sum());
        for text in texts {
            folded.push_str(&fold(text));
            folded.push('\n');
        }
        Haystack(folded)
    }
}

/// Where `needle` is in `haystack` from `from` on.
fn find(haystack: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    (from..=haystack.len() - needle.len()).find(|&i| haystack[i..i + needle.len()] == *needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(query: &str, text: &str) -> Vec<String> {
        Query::new(query)
            .unwrap()
            .find_in(text)
            .into_iter()
            .map(|r| text[r].to_owned())
            .collect()
    }

    #[test]
    fn case_and_diacritics_do_not_matter_either_way() {
        assert_eq!(marked("muller", "Hans MÜLLER"), ["MÜLLER"]);
        assert_eq!(marked("Müller", "hans muller"), ["muller"]);
        assert_eq!(marked("ecole", "École normale, école"), ["École", "école"]);
        assert_eq!(marked("ﬁn", "Final"), ["Fin"]);
    }

    #[test]
    fn cjk_text_is_found_without_spaces() {
        assert_eq!(marked("阅读", "一项阅读研究"), ["阅读"]);
        assert!(Query::new("研究 2021")
            .unwrap()
            .matches(&["阅读研究", "2021"]));
        assert!(!Query::new("写作").unwrap().matches(&["阅读研究"]));
    }

    #[test]
    fn a_word_is_never_found_across_two_texts() {
        let query = Query::new("graph theory").unwrap();
        assert!(query.is_in(&Haystack::new(&["Graph", "theory"])));
        assert!(!Query::new("htheo")
            .unwrap()
            .is_in(&Haystack::new(&["Graph", "theory"])));
        assert!(!query.is_in(&Haystack::default()));
    }

    #[test]
    fn overlapping_words_make_one_mark_and_blank_queries_nothing() {
        assert_eq!(
            marked("graph graphs", "Graphs and graph theory"),
            ["Graphs", "graph"]
        );
        assert_eq!(Query::new("  "), None);
    }
}
