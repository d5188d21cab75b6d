//! A list's records, read once when the input changes: one entry per work,
//! each record's citation key and folded texts, the groups in every order,
//! and what the filters can offer. Each keystroke then only filters.

use std::rc::Rc;

use citecard_core::list::duplicates::{deduplicate, Deduplicated};
use citecard_core::list::order::{arrange, Group, GroupBy, SortBy};
use citecard_core::list::search::Haystack;
use citecard_core::{ItemType, Name, ParseError, Quartile, Reference};

use crate::ui::hooks::use_records::Card;
use crate::ui::list::toolbar::Facets;

/// A list's records and what is worked out from them once.
#[derive(Debug, Default)]
pub struct Catalogue {
    /// Every record read, in input order.
    pub references: Vec<Rc<Reference>>,
    /// The records that could not be read, with where and why.
    pub failed: Vec<ParseError>,
    /// One entry per work, and what was merged.
    pub works: Deduplicated,
    /// Each record's citation key (unique in the list): its anchor.
    pub keys: Vec<String>,
    /// Each record's texts, folded for searching.
    pub haystacks: Vec<Haystack>,
    /// For each record, the index of the entry it is shown as (`None` for a
    /// merged duplicate or a preprint shown beside its published version).
    pub entry_of: Vec<Option<usize>>,
    /// What the filters can offer: the entries' types, years, quartiles.
    pub facets: Rc<Facets>,
}

/// Names joined for searching.
fn names(names: &[Name]) -> String {
    names
        .iter()
        .map(Name::display)
        .collect::<Vec<_>>()
        .join(", ")
}

impl Catalogue {
    /// The catalogue of every record in `cards` (all read).
    pub fn new(cards: &[Card]) -> Catalogue {
        let mut references = Vec::with_capacity(cards.len());
        let mut failed = Vec::new();
        for card in cards {
            match card {
                Card::Read(reference) => references.push(reference.clone()),
                Card::Failed(error) => failed.push(error.clone()),
                Card::NotRead(_) => {}
            }
        }
        let works = deduplicate(&references);
        let keys = citecard_core::export::citation_keys(&references);
        let haystacks = references
            .iter()
            .map(|r| {
                let year = r.issued.as_ref().map(|d| d.year.to_string());
                let abstract_text = r.abstract_text.as_ref().map(|a| a.to_plain_text());
                let abstract_zh = r.abstract_zh.as_ref().map(|a| a.to_plain_text());
                let (authors, editors) = (names(&r.authors), names(&r.editors));
                let texts: Vec<&str> = [
                    r.title.as_deref(),
                    r.title_zh.as_deref(),
                    Some(authors.as_str()),
                    Some(editors.as_str()),
                    r.container_title.as_deref(),
                    r.event_title.as_deref(),
                    year.as_deref(),
                    r.doi.as_ref().map(|d| d.as_str()),
                    abstract_text.as_deref(),
                    abstract_zh.as_deref(),
                ]
                .into_iter()
                .flatten()
                .collect();
                Haystack::new(&texts)
            })
            .collect();
        let mut entry_of = vec![None; references.len()];
        for (index, entry) in works.entries.iter().enumerate() {
            entry_of[entry.record] = Some(index);
        }
        let shown = || works.entries.iter().map(|e| &*references[e.record]);
        let mut types: Vec<ItemType> = Vec::new();
        for group in arrange(
            &references,
            &works.entries.iter().map(|e| e.record).collect::<Vec<_>>(),
            GroupBy::Type,
            SortBy::Title,
        ) {
            if let citecard_core::list::order::Heading::Type(t) = group.heading {
                types.push(t);
            }
        }
        let mut years: Vec<i32> = shown()
            .filter_map(|r| r.issued.as_ref().map(|d| d.year))
            .collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        let mut quartiles: Vec<Quartile> = shown().filter_map(|r| r.metrics.jcr_quartile).collect();
        quartiles.sort_unstable_by_key(|q| q.as_str());
        quartiles.dedup();
        let open_access = shown().any(|r| r.open_access);
        Catalogue {
            references,
            failed,
            works,
            keys,
            haystacks,
            entry_of,
            facets: Rc::new(Facets {
                types,
                years,
                quartiles,
                open_access,
            }),
        }
    }

    /// The entries' records sorted by `sort` and grouped by `group`.
    pub fn arrange(&self, group: GroupBy, sort: SortBy) -> Vec<Group> {
        let records: Vec<usize> = self.works.entries.iter().map(|e| e.record).collect();
        arrange(&self.references, &records, group, sort)
    }

    /// The record shown for `key`: a citation key, or a DOI in any case;
    /// a merged record's key finds the entry it joined.
    pub fn find(&self, key: &str) -> Option<usize> {
        let key = key.trim();
        let record = self.keys.iter().position(|k| k == key).or_else(|| {
            let doi = citecard_core::Doi::parse(key)?;
            self.references
                .iter()
                .position(|r| r.doi.as_ref() == Some(&doi))
        })?;
        match self.entry_of[record] {
            Some(entry) => Some(self.works.entries[entry].record),
            None => self
                .works
                .merges
                .iter()
                .find(|m| m.record == record)
                .map(|m| self.shown_record_of(m.into)),
        }
    }

    /// The record shown for the entry that record `record` is or joined.
    fn shown_record_of(&self, record: usize) -> usize {
        self.works
            .entries
            .iter()
            .find(|e| e.record == record || e.preprint == Some(record))
            .map_or(record, |e| e.record)
    }

    /// The preprint shown beside record `record`'s entry, if any.
    pub fn preprint_of(&self, record: usize) -> Option<&Rc<Reference>> {
        let entry = self.entry_of.get(record).copied().flatten()?;
        let preprint = self.works.entries[entry].preprint?;
        self.references.get(preprint)
    }
}
