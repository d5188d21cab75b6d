//! Writing references out in interchange formats.

pub mod bibtex;
pub mod csl_json;
pub mod ris;

use std::borrow::Borrow;
use std::collections::BTreeSet;

use crate::model::Reference;

/// Stable, unique citation keys for `references`: the key or id a record was
/// read with (BibTeX key, CSL-JSON id) when it is usable, else one such as
/// `repper2022embedding`; a repeated key gets `a`, `b`, … appended.
///
/// ```
/// use citecard_core::{export::citation_keys, Name, Reference};
/// let mut reference = Reference::default();
/// reference.title = Some("The Art of Computer Programming".into());
/// reference.authors.push(Name { family: Some("Knuth".into()), ..Name::default() });
/// let keys = citation_keys(&[reference.clone(), reference]);
/// assert_eq!(keys, ["knuthndart", "knuthndarta"]);
/// ```
pub fn citation_keys<R: Borrow<Reference>>(references: &[R]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::with_capacity(references.len());
    // Looked up in a set: a list of a thousand records has a thousand keys.
    // (A BTreeSet: the style engine links its code already; a HashSet would
    // add hashing to the citation module.)
    let mut taken: BTreeSet<String> = BTreeSet::new();
    for reference in references {
        let reference = reference.borrow();
        let base = reference
            .source_key
            .as_ref()
            .filter(|k| {
                !k.is_empty()
                    && k.chars().all(|c| {
                        !c.is_whitespace()
                            && !c.is_control()
                            && !matches!(
                                c,
                                ',' | '{' | '}' | '(' | ')' | '"' | '#' | '%' | '\\' | '~'
                            )
                    })
            })
            .cloned()
            .unwrap_or_else(|| reference.citation_key());
        let mut key = base.clone();
        let mut suffix = b'a';
        while taken.contains(&key) {
            key = format!("{base}{}", suffix as char);
            suffix = suffix.saturating_add(1);
            if suffix > b'z' {
                key = format!("{base}{}", keys.len());
                break;
            }
        }
        taken.insert(key.clone());
        keys.push(key);
    }
    keys
}
