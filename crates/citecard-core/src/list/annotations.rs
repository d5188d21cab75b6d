//! What a record says about its authors beyond their names: biblatex's data
//! annotations on the author list (`author+an = {1=equal; 2=corresponding}`,
//! the biblatex manual's "Data Annotations"), which a list shows as marks
//! beside the names.

use crate::model::Reference;

/// The source field that holds a BibTeX record's author annotations, as its
/// reader keeps it (`Reference::source_fields`).
pub const AUTHOR_ANNOTATIONS: &str = "author+an";

/// What the annotations say about one author.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Annotation {
    /// Contributed equally (`equal`, `cofirst`, …): shown as `*`.
    pub equal: bool,
    /// The corresponding author (`corresponding`, `corr`): shown as `†`.
    pub corresponding: bool,
    /// Marked as the page's owner (`highlight`, `me`): highlighted as the
    /// `highlight` attribute's names are.
    pub highlight: bool,
}

impl Annotation {
    /// The marks shown after the name: `*` for equal contribution, `†` for
    /// the corresponding author.
    pub fn marks(self) -> &'static str {
        match (self.equal, self.corresponding) {
            (true, true) => "*†",
            (true, false) => "*",
            (false, true) => "†",
            (false, false) => "",
        }
    }
}

/// The annotation of each of `reference`'s authors, by position (as many as
/// it has authors). Items are `N=word,word` (or `N:part=…`, which counts
/// for the whole name); unknown words and positions are ignored.
///
/// ```
/// use citecard_core::list::annotations::{author_annotations, AUTHOR_ANNOTATIONS};
/// use citecard_core::{Name, Reference};
/// let mut reference = Reference::default();
/// reference.authors = vec![Name::default(), Name::default()];
/// reference.source_fields.insert(AUTHOR_ANNOTATIONS.into(), "1=equal; 2=corresponding,highlight".into());
/// let marks: Vec<&str> = author_annotations(&reference).iter().map(|a| a.marks()).collect();
/// assert_eq!(marks, ["*", "†"]);
/// ```
pub fn author_annotations(reference: &Reference) -> Vec<Annotation> {
    let mut annotations = vec![Annotation::default(); reference.authors.len()];
    let Some(text) = reference.source_fields.get(AUTHOR_ANNOTATIONS) else {
        return annotations;
    };
    for item in text.split(';') {
        let Some((position, words)) = item.split_once('=') else {
            continue;
        };
        let position = position.split(':').next().unwrap_or_default().trim();
        let Some(annotation) = position
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| annotations.get_mut(i))
        else {
            continue;
        };
        for word in words.split(',') {
            match word.trim().to_ascii_lowercase().as_str() {
                "equal" | "equalcontrib" | "equal-contribution" | "cofirst" | "co-first" => {
                    annotation.equal = true
                }
                "corresponding" | "corr" => annotation.corresponding = true,
                "highlight" | "me" | "self" | "owner" => annotation.highlight = true,
                _ => {}
            }
        }
    }
    annotations
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Name;

    fn annotated(authors: usize, text: &str) -> Vec<Annotation> {
        let mut reference = Reference {
            authors: vec![Name::default(); authors],
            ..Reference::default()
        };
        reference
            .source_fields
            .insert(AUTHOR_ANNOTATIONS.into(), text.into());
        author_annotations(&reference)
    }

    #[test]
    fn positions_parts_and_words_are_read_and_the_rest_ignored() {
        let read = annotated(
            3,
            "1:family=equal; 2=Equal, Corresponding;3=highlight;9=equal;x=corr;=me",
        );
        assert_eq!(read[0].marks(), "*");
        assert_eq!(read[1].marks(), "*†");
        assert!(read[2].highlight && read[2].marks().is_empty());
        assert_eq!(annotated(1, "0=equal; 1=unknown"), [Annotation::default()]);
    }

    #[test]
    fn a_record_without_annotations_has_one_blank_per_author() {
        let reference = Reference {
            authors: vec![Name::default(); 2],
            ..Reference::default()
        };
        assert_eq!(author_annotations(&reference), [Annotation::default(); 2]);
    }
}
