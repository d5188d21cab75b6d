//! How a list is laid out: its entries sorted, then grouped under headings
//! (by year, newest first, or by type), as `<citation-list group-by sort>`
//! and `citecard render --list` ask.

use std::borrow::Borrow;
use std::cmp::Ordering;

use crate::list::fold::fold;
use crate::model::{ItemType, Reference};

/// What the list's headings group by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupBy {
    /// The year of publication, newest first; undated entries last.
    #[default]
    Year,
    /// The type of work (journal articles, conference papers, books, …).
    Type,
    /// One group, no heading.
    None,
}

impl GroupBy {
    /// Every grouping, in menu order.
    pub const ALL: [GroupBy; 3] = [GroupBy::Year, GroupBy::Type, GroupBy::None];

    /// `year`, `type` or `none`: the attribute's value.
    pub fn id(self) -> &'static str {
        match self {
            GroupBy::Year => "year",
            GroupBy::Type => "type",
            GroupBy::None => "none",
        }
    }

    /// `year`, `type` or `none`; `None` for anything else.
    pub fn from_id(id: &str) -> Option<GroupBy> {
        match id.trim() {
            "year" => Some(GroupBy::Year),
            "type" => Some(GroupBy::Type),
            "none" => Some(GroupBy::None),
            _ => None,
        }
    }
}

/// The order of entries within a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// Newest first (then by title).
    #[default]
    Year,
    /// Most cited first.
    Citations,
    /// Highest journal impact factor first.
    Impact,
    /// By title, A to Z, case and diacritics aside.
    Title,
    /// By the first author's family name, A to Z.
    Author,
}

impl SortBy {
    /// Every order, in menu order.
    pub const ALL: [SortBy; 5] = [
        SortBy::Year,
        SortBy::Citations,
        SortBy::Impact,
        SortBy::Title,
        SortBy::Author,
    ];

    /// `year`, `citations`, `impact`, `title` or `author`: the attribute's
    /// and the URL fragment's value.
    pub fn id(self) -> &'static str {
        match self {
            SortBy::Year => "year",
            SortBy::Citations => "citations",
            SortBy::Impact => "impact",
            SortBy::Title => "title",
            SortBy::Author => "author",
        }
    }

    /// `year`, `citations`, `impact`, `title` or `author`; `None` for
    /// anything else.
    pub fn from_id(id: &str) -> Option<SortBy> {
        match id.trim() {
            "year" => Some(SortBy::Year),
            "citations" => Some(SortBy::Citations),
            "impact" => Some(SortBy::Impact),
            "title" => Some(SortBy::Title),
            "author" => Some(SortBy::Author),
            _ => None,
        }
    }
}

/// What a group is headed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    /// A year; `None` for the undated entries.
    Year(Option<i32>),
    /// A type of work.
    Type(ItemType),
    /// No heading: the whole list.
    All,
}

/// A group of entries under one heading: indices into the references.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Its heading.
    pub heading: Heading,
    /// Its entries, in order.
    pub entries: Vec<usize>,
}

fn year(reference: &Reference) -> Option<i32> {
    reference.issued.as_ref().map(|date| date.year)
}

/// Larger first, missing last.
fn descending<T: PartialOrd>(a: Option<T>, b: Option<T>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.partial_cmp(&a).unwrap_or(Ordering::Equal),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Folded text in order; missing last.
fn ascending(a: &Option<String>, b: &Option<String>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn first_author(reference: &Reference) -> Option<&str> {
    let name = reference.credited().0.first()?;
    name.family.as_deref().or(name.literal.as_deref())
}

/// `entries` (indices into `references`) sorted by `sort`, then grouped by
/// `group`: groups by year newest first (undated last), by type in the
/// order of CSL's types; ties keep the input order.
///
/// ```
/// use citecard_core::list::order::{arrange, GroupBy, Heading, SortBy};
/// use citecard_core::parse;
/// let text = r#"[{"id":"a","title":"Old","issued":{"date-parts":[[2001]]}},
///               {"id":"b","title":"New","issued":{"date-parts":[[2020]]}}]"#;
/// let references = parse(text, None).unwrap().references();
/// let groups = arrange(&references, &[0, 1], GroupBy::Year, SortBy::Year);
/// assert_eq!(groups[0].heading, Heading::Year(Some(2020)));
/// assert_eq!(groups[1].entries, [0]);
/// ```
pub fn arrange<R: Borrow<Reference>>(
    references: &[R],
    entries: &[usize],
    group: GroupBy,
    sort: SortBy,
) -> Vec<Group> {
    // The texts compared, folded once per entry rather than per comparison.
    let folded = |text: Option<&str>| text.map(fold);
    let mut keyed: Vec<(usize, Option<String>, Option<String>)> = entries
        .iter()
        .copied()
        .filter(|&i| i < references.len())
        .map(|i| {
            let reference = references[i].borrow();
            let title = reference.title.as_deref().or(reference.title_zh.as_deref());
            (i, folded(title), folded(first_author(reference)))
        })
        .collect();
    keyed.sort_by(|(a, title_a, author_a), (b, title_b, author_b)| {
        let (ra, rb) = (references[*a].borrow(), references[*b].borrow());
        let first = match sort {
            SortBy::Year => descending(year(ra), year(rb)),
            SortBy::Citations => descending(ra.metrics.citation_count, rb.metrics.citation_count),
            SortBy::Impact => descending(ra.metrics.impact_factor, rb.metrics.impact_factor),
            SortBy::Title => ascending(title_a, title_b),
            SortBy::Author => ascending(author_a, author_b),
        };
        first.then_with(|| match sort {
            SortBy::Title => Ordering::Equal,
            _ => ascending(title_a, title_b),
        })
    });
    let sorted = keyed.into_iter().map(|(i, _, _)| i);
    let heading = |i: usize| match group {
        GroupBy::Year => Heading::Year(year(references[i].borrow())),
        GroupBy::Type => Heading::Type(references[i].borrow().item_type),
        GroupBy::None => Heading::All,
    };
    let mut groups: Vec<Group> = Vec::new();
    for i in sorted {
        let h = heading(i);
        match groups.iter_mut().find(|g| g.heading == h) {
            Some(group) => group.entries.push(i),
            None => groups.push(Group {
                heading: h,
                entries: vec![i],
            }),
        }
    }
    groups.sort_by(|a, b| match (a.heading, b.heading) {
        (Heading::Year(a), Heading::Year(b)) => descending(a, b),
        (Heading::Type(a), Heading::Type(b)) => type_rank(a).cmp(&type_rank(b)),
        _ => Ordering::Equal,
    });
    groups
}

/// Where a type comes in CSL's list of types (journal articles first).
fn type_rank(item_type: ItemType) -> usize {
    ItemType::ALL
        .iter()
        .position(|&t| t == item_type)
        .unwrap_or(ItemType::ALL.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_back() {
        for group in GroupBy::ALL {
            assert_eq!(GroupBy::from_id(group.id()), Some(group));
        }
        for sort in SortBy::ALL {
            assert_eq!(SortBy::from_id(sort.id()), Some(sort));
        }
        assert_eq!(SortBy::from_id("newest"), None);
    }
    use crate::model::{Date, Name};

    fn entry(
        title: &str,
        year: Option<i32>,
        family: &str,
        citations: Option<u64>,
        item_type: ItemType,
    ) -> Reference {
        let mut reference = Reference {
            title: Some(title.into()),
            issued: year.map(|year| Date {
                year,
                month: None,
                day: None,
            }),
            authors: vec![Name {
                family: Some(family.into()),
                ..Name::default()
            }],
            item_type,
            ..Reference::default()
        };
        reference.metrics.citation_count = citations;
        reference
    }

    fn list() -> Vec<Reference> {
        vec![
            entry(
                "Beta",
                Some(2019),
                "Zhou",
                Some(10),
                ItemType::ArticleJournal,
            ),
            entry("alpha", Some(2021), "Ängström", None, ItemType::Book),
            entry("Gamma", None, "Brown", Some(300), ItemType::ArticleJournal),
            entry(
                "Delta",
                Some(2021),
                "Adams",
                Some(5),
                ItemType::PaperConference,
            ),
        ]
    }

    #[test]
    fn by_year_newest_first_undated_last_then_by_title() {
        let references = list();
        let groups = arrange(&references, &[0, 1, 2, 3], GroupBy::Year, SortBy::Year);
        let headings: Vec<Heading> = groups.iter().map(|g| g.heading).collect();
        assert_eq!(
            headings,
            [
                Heading::Year(Some(2021)),
                Heading::Year(Some(2019)),
                Heading::Year(None)
            ]
        );
        assert_eq!(groups[0].entries, [1, 3], "alpha before Delta, case aside");
    }

    #[test]
    fn each_sort_orders_within_one_group() {
        let references = list();
        let order = |sort| {
            arrange(&references, &[0, 1, 2, 3], GroupBy::None, sort)[0]
                .entries
                .clone()
        };
        assert_eq!(order(SortBy::Citations), [2, 0, 3, 1], "uncited last");
        assert_eq!(order(SortBy::Title), [1, 0, 3, 2]);
        assert_eq!(order(SortBy::Author), [3, 1, 2, 0], "Ängström as Angstrom");
        assert_eq!(order(SortBy::Year), [1, 3, 0, 2]);
    }

    #[test]
    fn by_type_in_csl_order_and_only_the_given_entries() {
        let references = list();
        let groups = arrange(&references, &[0, 1, 3, 99], GroupBy::Type, SortBy::Year);
        let headings: Vec<Heading> = groups.iter().map(|g| g.heading).collect();
        let mut types = [
            ItemType::ArticleJournal,
            ItemType::Book,
            ItemType::PaperConference,
        ];
        types.sort_by_key(|&t| type_rank(t));
        assert_eq!(headings, types.map(Heading::Type));
        assert_eq!(headings[0], Heading::Type(ItemType::ArticleJournal));
        assert_eq!(groups.iter().map(|g| g.entries.len()).sum::<usize>(), 3);
    }

    #[test]
    fn attribute_values_are_read_by_name() {
        assert_eq!(GroupBy::from_id("type"), Some(GroupBy::Type));
        assert_eq!(GroupBy::from_id("month"), None);
        assert_eq!(SortBy::from_id(" impact "), Some(SortBy::Impact));
        assert_eq!(SortBy::from_id(""), None);
    }
}
