//! Cross-referenced entries: `crossref = {key}` (biblatex manual, 2.4.1
//! and appendix B).

use crate::error::ParseError;
use crate::input::Record;
use crate::model::ItemType;

/// An entry with `crossref = {key}` takes what it lacks from the entry with
/// that key, as biblatex does (manual, 2.4.1 and appendix B): its people,
/// date, publisher, volume and series, and the parent's title as its
/// container (a book's title is its chapter's `booktitle`). One level only,
/// so a cycle (`crossref = {itself}`) inherits nothing.
pub(super) fn inherit_crossrefs(records: &mut [Result<Record, ParseError>]) {
    let keys: Vec<Option<String>> = records
        .iter()
        .map(|r| r.as_ref().ok().and_then(|r| r.reference.source_key.clone()))
        .collect();
    for child in 0..records.len() {
        let Some(key) = records[child]
            .as_ref()
            .ok()
            .and_then(|r| r.reference.source_fields.get("crossref"))
            .map(|k| k.trim().to_owned())
        else {
            continue;
        };
        let Some(parent) = keys
            .iter()
            .position(|k| k.as_deref() == Some(key.as_str()))
            .filter(|&p| p != child)
        else {
            continue;
        };
        // Both at once, without copying the parent.
        let (parent, record) = if parent < child {
            let (before, from_child) = records.split_at_mut(child);
            (&before[parent], &mut from_child[0])
        } else {
            let (to_parent, from_parent) = records.split_at_mut(parent);
            (&from_parent[0], &mut to_parent[child])
        };
        let (Ok(parent), Ok(record)) = (parent.as_ref(), record.as_mut()) else {
            continue;
        };
        let parent = &parent.reference;
        let reference = &mut record.reference;
        if reference.authors.is_empty() {
            reference.authors = parent.authors.clone();
        }
        if reference.editors.is_empty() {
            reference.editors = parent.editors.clone();
        }
        let contained = matches!(
            reference.item_type,
            ItemType::Chapter | ItemType::PaperConference | ItemType::Entry
        );
        if reference.container_title.is_none() {
            reference.container_title = if contained {
                parent.title.clone()
            } else {
                parent.container_title.clone()
            };
        }
        let fill = |mine: &mut Option<String>, theirs: &Option<String>| {
            if mine.is_none() {
                mine.clone_from(theirs);
            }
        };
        fill(&mut reference.publisher, &parent.publisher);
        fill(&mut reference.publisher_place, &parent.publisher_place);
        fill(&mut reference.volume, &parent.volume);
        fill(&mut reference.edition, &parent.edition);
        fill(&mut reference.collection_title, &parent.collection_title);
        fill(&mut reference.collection_number, &parent.collection_number);
        fill(&mut reference.language, &parent.language);
        if reference.issued.is_none() {
            reference.issued = parent.issued;
            reference.issued_end = parent.issued_end;
        }
        if reference.isbn.is_empty() {
            reference.isbn = parent.isbn.clone();
        }
    }
}
