//! One entry per work: records with the same DOI, and a preprint with its
//! published version, become one entry. Nothing is dropped silently: every
//! merge is returned, with its reason, for the list to say.

use std::borrow::Borrow;
use std::collections::BTreeMap;

use crate::list::fold::fold;
use crate::model::{ItemType, Reference};

/// DOI prefixes of preprint servers: arXiv (10.48550), SSRN (10.2139),
/// Research Square (10.21203), ChemRxiv (10.26434), OSF Preprints, PsyArXiv
/// and SocArXiv (10.31219, 10.31234, 10.31235), Preprints.org (10.20944),
/// TechRxiv (10.36227), Authorea (10.22541). bioRxiv and medRxiv share
/// 10.1101 with Cold Spring Harbor's journals, so they are known by name.
const PREPRINT_DOI_PREFIXES: &[&str] = &[
    "10.48550/",
    "10.2139/",
    "10.21203/",
    "10.26434/",
    "10.31219/",
    "10.31234/",
    "10.31235/",
    "10.20944/",
    "10.36227/",
    "10.22541/",
];

/// Names of preprint servers, as a record's container or publisher gives them
/// (folded).
const PREPRINT_SERVERS: &[&str] = &[
    "arxiv",
    "biorxiv",
    "medrxiv",
    "ssrn",
    "research square",
    "chemrxiv",
    "osf preprints",
    "psyarxiv",
    "socarxiv",
    "preprints.org",
    "techrxiv",
    "authorea",
    "engrxiv",
    "eartharxiv",
];

/// Why a record was merged into another entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// It has the same DOI as the entry's record.
    SameDoi,
    /// It is the preprint of the entry's published record (same title,
    /// first author and year, give or take one).
    PreprintOf,
}

/// A record merged into another entry: `record` (its index in the input)
/// into the entry of record `into`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    /// The merged record.
    pub record: usize,
    /// The record whose entry it joined.
    pub into: usize,
    /// Why.
    pub reason: Reason,
}

/// One work in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The record shown (its index in the input): the published version
    /// when there is a preprint too.
    pub record: usize,
    /// Its preprint, shown as a "Preprint" link.
    pub preprint: Option<usize>,
}

/// The entries of a list, in input order, and every merge made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Deduplicated {
    /// One per work.
    pub entries: Vec<Entry>,
    /// What was merged, in input order of the merged records.
    pub merges: Vec<Merge>,
}

/// Whether `reference` is a preprint: typed so (CSL `article`, Crossref
/// `posted-content`), or from a preprint server by its DOI or its name.
pub fn is_preprint(reference: &Reference) -> bool {
    if reference.item_type == ItemType::Preprint {
        return true;
    }
    let doi = reference
        .doi
        .as_ref()
        .map(|d| d.as_str().to_ascii_lowercase());
    if doi.is_some_and(|doi| PREPRINT_DOI_PREFIXES.iter().any(|p| doi.starts_with(p))) {
        return true;
    }
    [&reference.container_title, &reference.publisher]
        .into_iter()
        .flatten()
        .any(|name| {
            let name = fold(name);
            PREPRINT_SERVERS.iter().any(|server| name.contains(server))
        })
}

/// What identifies a work across its versions: its title folded to letters
/// and digits, its first author's family name, and its year.
type WorkKey = (String, String, i32);

/// The [`WorkKey`] of `reference`, when it has a title, a first author and
/// a year.
fn work_key(reference: &Reference) -> Option<WorkKey> {
    let title: String = fold(reference.title.as_deref()?)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    let first = reference.authors.first()?;
    let family: String = fold(first.family.as_deref().or(first.literal.as_deref())?)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    let year = reference.issued.as_ref()?.year;
    (!title.is_empty() && !family.is_empty()).then_some((title, family, year))
}

/// One entry per work in `references`, in input order: a record with the
/// DOI of an earlier one joins that entry; a preprint and a published
/// record of the same work (one naming the other's DOI as its published
/// version or its preprint, as Crossref's `relation` does; or the same
/// title folded to letters and digits, the same first author's family
/// name, years at most one apart) become the published record's entry, with
/// the preprint beside it.
///
/// ```
/// use citecard_core::list::duplicates::{deduplicate, Reason};
/// use citecard_core::parse;
/// let text = r#"[{"id":"a","type":"article-journal","title":"Sleep","DOI":"10.1/x","author":[{"family":"Doe"}],"issued":{"date-parts":[[2020]]}},
///               {"id":"b","type":"article-journal","title":"Sleep!","DOI":"10.1/X"}]"#;
/// let references = parse(text, None).unwrap().references();
/// let list = deduplicate(&references);
/// assert_eq!(list.entries.len(), 1);
/// assert_eq!(list.merges[0].reason, Reason::SameDoi);
/// ```
pub fn deduplicate<R: Borrow<Reference>>(references: &[R]) -> Deduplicated {
    let mut list = Deduplicated::default();
    // The entry each DOI (compared case-insensitively, as `Doi` compares)
    // belongs to, and the entries of each title and first author with their
    // years: looked up, not searched, so that a list of a thousand records
    // takes no quadratic time.
    let mut by_doi: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_work: BTreeMap<(String, String), Vec<(usize, i32)>> = BTreeMap::new();
    // DOIs that an entry's record names as another version of itself: the
    // entry, and whether the record with that DOI is the preprint.
    let mut claims: BTreeMap<String, (usize, bool)> = BTreeMap::new();
    for (index, reference) in references.iter().enumerate() {
        let reference = reference.borrow();
        let doi = reference
            .doi
            .as_ref()
            .map(|d| d.as_str().to_ascii_lowercase());
        if let Some(&at) = doi.as_ref().and_then(|doi| by_doi.get(doi)) {
            list.merges.push(Merge {
                record: index,
                into: list.entries[at].record,
                reason: Reason::SameDoi,
            });
            continue;
        }
        let key = work_key(reference);
        // Another version named by DOI, either way round (Crossref's
        // relations): the relation says which is the preprint.
        let named = |dois: &[crate::link::Doi], preprint: bool| {
            dois.iter()
                .find_map(|d| by_doi.get(&d.as_str().to_ascii_lowercase()))
                .map(|&at| (at, preprint))
        };
        let related = named(&reference.relations.preprint_of, true)
            .or_else(|| named(&reference.relations.preprints, false))
            .or_else(|| doi.as_ref().and_then(|d| claims.get(d)).copied())
            .filter(|&(at, _)| list.entries[at].preprint.is_none());
        let version_of = related.or_else(|| {
            let preprint = is_preprint(reference);
            let (title, family, year) = key.as_ref()?;
            let versions = by_work.get(&(title.clone(), family.clone()))?;
            versions
                .iter()
                .find(|&&(at, other)| {
                    let entry = &list.entries[at];
                    (other - year).abs() <= 1
                        && entry.preprint.is_none()
                        && is_preprint(references[entry.record].borrow()) != preprint
                })
                .map(|&(at, _)| (at, preprint))
        });
        if let Some((at, preprint)) = version_of {
            let entry = &mut list.entries[at];
            let into = entry.record;
            if preprint {
                entry.preprint = Some(index);
            } else {
                // The published version is shown; the preprint moves beside it.
                entry.preprint = Some(entry.record);
                entry.record = index;
            }
            list.merges.push(Merge {
                record: index,
                into,
                reason: Reason::PreprintOf,
            });
            by_doi.extend(doi.map(|doi| (doi, at)));
            continue;
        }
        let at = list.entries.len();
        by_doi.extend(doi.map(|doi| (doi, at)));
        // The versions this record names, for records still to come: a DOI
        // it calls its published version joins it as that (not a preprint).
        for (dois, preprint) in [
            (&reference.relations.preprint_of, false),
            (&reference.relations.preprints, true),
        ] {
            for d in dois {
                claims
                    .entry(d.as_str().to_ascii_lowercase())
                    .or_insert((at, preprint));
            }
        }
        if let Some((title, family, year)) = key {
            by_work.entry((title, family)).or_default().push((at, year));
        }
        list.entries.push(Entry {
            record: index,
            preprint: None,
        });
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::Doi;
    use crate::model::{Date, Name, Relations};

    fn work(
        title: &str,
        family: &str,
        year: i32,
        doi: Option<&str>,
        item_type: ItemType,
    ) -> Reference {
        Reference {
            title: Some(title.into()),
            authors: vec![Name {
                family: Some(family.into()),
                given: Some("A.".into()),
                ..Name::default()
            }],
            issued: Some(Date {
                year,
                month: None,
                day: None,
            }),
            doi: doi.and_then(Doi::parse),
            item_type,
            ..Reference::default()
        }
    }

    #[test]
    fn the_same_doi_in_any_case_is_one_entry_and_the_merge_is_said() {
        let references = [
            work(
                "Sleep and memory",
                "Walker",
                2009,
                Some("10.1196/annals.1417.005"),
                ItemType::ArticleJournal,
            ),
            work(
                "Another paper",
                "Walker",
                2010,
                Some("10.1/other"),
                ItemType::ArticleJournal,
            ),
            work(
                "Sleep & memory",
                "Walker",
                2009,
                Some("https://doi.org/10.1196/ANNALS.1417.005"),
                ItemType::ArticleJournal,
            ),
        ];
        let list = deduplicate(&references);
        assert_eq!(
            list.entries,
            [
                Entry {
                    record: 0,
                    preprint: None
                },
                Entry {
                    record: 1,
                    preprint: None
                }
            ]
        );
        assert_eq!(
            list.merges,
            [Merge {
                record: 2,
                into: 0,
                reason: Reason::SameDoi
            }]
        );
    }

    #[test]
    fn a_preprint_and_its_published_version_are_one_entry_showing_the_published() {
        let preprint = work(
            "Attention Is All You Need",
            "Vaswani",
            2017,
            Some("10.48550/arXiv.1706.03762"),
            ItemType::ArticleJournal,
        );
        let published = work(
            "Attention is all you need.",
            "Vaswani",
            2017,
            Some("10.5555/3295222.3295349"),
            ItemType::PaperConference,
        );
        for (references, shown, beside) in [
            ([preprint.clone(), published.clone()], 1, 0),
            ([published, preprint], 0, 1),
        ] {
            let list = deduplicate(&references);
            assert_eq!(
                list.entries,
                [Entry {
                    record: shown,
                    preprint: Some(beside)
                }]
            );
            assert_eq!(list.merges.len(), 1);
            assert_eq!(list.merges[0].reason, Reason::PreprintOf);
        }
    }

    #[test]
    fn preprints_are_known_by_type_doi_or_server_name() {
        assert!(is_preprint(&work("T", "A", 2020, None, ItemType::Preprint)));
        assert!(is_preprint(&work(
            "T",
            "A",
            2020,
            Some("10.2139/ssrn.123"),
            ItemType::ArticleJournal
        )));
        let mut biorxiv = work(
            "T",
            "A",
            2020,
            Some("10.1101/2020.01.01.123456"),
            ItemType::ArticleJournal,
        );
        biorxiv.publisher = Some("Cold Spring Harbor Laboratory".into());
        assert!(
            !is_preprint(&biorxiv),
            "10.1101 alone is also Cold Spring Harbor's journals"
        );
        biorxiv.container_title = Some("bioRxiv".into());
        assert!(is_preprint(&biorxiv));
        assert!(!is_preprint(&work(
            "T",
            "A",
            2020,
            Some("10.1038/nature1"),
            ItemType::ArticleJournal
        )));
    }

    #[test]
    fn different_works_stay_apart() {
        let references = [
            // Same title and author, years apart: a new edition, not a version.
            work("Methods", "Smith", 2001, None, ItemType::Preprint),
            work("Methods", "Smith", 2010, None, ItemType::ArticleJournal),
            // Same title and year, another first author.
            work("Results", "Jones", 2020, None, ItemType::Preprint),
            work("Results", "Brown", 2020, None, ItemType::ArticleJournal),
            // Two published records of the same title: not a preprint pair.
            work("Review", "Lee", 2020, None, ItemType::ArticleJournal),
            work("Review", "Lee", 2020, None, ItemType::ArticleJournal),
        ];
        let list = deduplicate(&references);
        assert_eq!(list.entries.len(), 6);
        assert!(list.merges.is_empty());
    }

    #[test]
    fn versions_that_name_each_other_by_doi_are_one_entry_whatever_their_titles() {
        let doi = |d: &str| Doi::parse(d).unwrap();
        let mut published = work(
            "Sleep and memory consolidation",
            "Walker",
            2021,
            Some("10.1/pub"),
            ItemType::ArticleJournal,
        );
        let preprint = work(
            "A preprint under another title",
            "Walker",
            2019,
            Some("10.1101/pre"),
            ItemType::ArticleJournal,
        );
        // Named by the published record (Crossref's `has-preprint`), which
        // comes first.
        published.relations.preprints = vec![doi("10.1101/PRE")];
        let list = deduplicate(&[published.clone(), preprint.clone()]);
        assert_eq!(
            list.entries,
            [Entry {
                record: 0,
                preprint: Some(1)
            }]
        );
        assert_eq!(list.merges[0].reason, Reason::PreprintOf);
        // Named by the preprint (`is-preprint-of`), which comes first.
        published.relations = Relations::default();
        let mut named = preprint.clone();
        named.relations.preprint_of = vec![doi("10.1/pub")];
        let list = deduplicate(&[named.clone(), published.clone()]);
        assert_eq!(
            list.entries,
            [Entry {
                record: 1,
                preprint: Some(0)
            }]
        );
        // And the other way round in the input.
        let list = deduplicate(&[published, named]);
        assert_eq!(
            list.entries,
            [Entry {
                record: 0,
                preprint: Some(1)
            }]
        );
        // Without the relation, neither title nor year says they are one.
        let unrelated = work(
            "Another",
            "Walker",
            2019,
            Some("10.1101/pre2"),
            ItemType::ArticleJournal,
        );
        assert_eq!(deduplicate(&[preprint, unrelated]).entries.len(), 2);
    }
}
