//! What a reader chose to see in a list: the search, the order and the
//! filters. It lives in the page's URL fragment (`#q=sleep&type=book&from=
//! 2019`), so that a filtered view can be linked to and survives a reload; a
//! fragment that is not a view is a permalink to one entry (`#knuth1984`).

use citecard_core::list::order::SortBy;
use citecard_core::list::search::{Haystack, Query};
use citecard_core::{ItemType, Quartile, Reference};

/// The reader's search, order and filters; the default shows everything in
/// the list's own order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct View {
    /// What is typed in the search box.
    pub query: String,
    /// The order picked, when it is not the list's own.
    pub sort: Option<SortBy>,
    /// Only these types (none: every type).
    pub types: Vec<ItemType>,
    /// Only from this year on.
    pub from: Option<i32>,
    /// Only up to this year.
    pub to: Option<i32>,
    /// Only in journals of these JCR quartiles (none: any or no quartile).
    pub quartiles: Vec<Quartile>,
    /// Only open-access entries.
    pub open_access: bool,
}

/// The fragment's keys, in the order they are written.
const KEYS: [&str; 7] = ["q", "sort", "type", "from", "to", "jcr", "oa"];

impl View {
    /// The view a URL fragment (without `#`) describes; `None` when it is
    /// not one (empty, or a permalink such as `knuth1984`). Values that
    /// cannot be read are left out.
    pub fn from_fragment(fragment: &str) -> Option<View> {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(fragment.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .filter(|(k, _)| KEYS.contains(&k.as_str()))
            .collect();
        if pairs.is_empty() {
            return None;
        }
        let mut view = View::default();
        let list = |value: &str| -> Vec<String> {
            value
                .split(',')
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .collect()
        };
        for (key, value) in pairs {
            match key.as_str() {
                "q" => view.query = value,
                "sort" => view.sort = SortBy::from_id(&value),
                "type" => {
                    view.types = list(&value)
                        .iter()
                        .filter_map(|t| ItemType::from_csl(t))
                        .collect()
                }
                "from" => view.from = value.trim().parse().ok(),
                "to" => view.to = value.trim().parse().ok(),
                "jcr" => {
                    view.quartiles = list(&value)
                        .iter()
                        .filter_map(|q| Quartile::parse(q))
                        .collect()
                }
                "oa" => view.open_access = value == "1",
                _ => {}
            }
        }
        Some(view)
    }

    /// This view as a URL fragment (without `#`); empty for the default view.
    pub fn to_fragment(&self) -> String {
        let mut fragment = form_urlencoded::Serializer::new(String::new());
        let join = |names: Vec<&str>| names.join(",");
        if !self.query.is_empty() {
            fragment.append_pair("q", &self.query);
        }
        if let Some(sort) = self.sort {
            fragment.append_pair("sort", sort.id());
        }
        if !self.types.is_empty() {
            fragment.append_pair(
                "type",
                &join(self.types.iter().map(|t| t.csl_name()).collect()),
            );
        }
        if let Some(from) = self.from {
            fragment.append_pair("from", &from.to_string());
        }
        if let Some(to) = self.to {
            fragment.append_pair("to", &to.to_string());
        }
        if !self.quartiles.is_empty() {
            fragment.append_pair(
                "jcr",
                &join(self.quartiles.iter().map(|q| q.as_str()).collect()),
            );
        }
        if self.open_access {
            fragment.append_pair("oa", "1");
        }
        fragment.finish()
    }

    /// Whether any filter (not the search, not the order) is on.
    pub fn is_filtered(&self) -> bool {
        !self.types.is_empty()
            || self.from.is_some()
            || self.to.is_some()
            || !self.quartiles.is_empty()
            || self.open_access
    }

    /// Whether `reference` (whose texts are `haystack`) is shown: it passes
    /// every filter and has every word of `query`.
    pub fn keeps(&self, reference: &Reference, haystack: &Haystack, query: Option<&Query>) -> bool {
        let year = reference.issued.as_ref().map(|d| d.year);
        (self.types.is_empty() || self.types.contains(&reference.item_type))
            && self.from.is_none_or(|from| year.is_some_and(|y| y >= from))
            && self.to.is_none_or(|to| year.is_some_and(|y| y <= to))
            && (self.quartiles.is_empty()
                || reference
                    .metrics
                    .jcr_quartile
                    .is_some_and(|q| self.quartiles.contains(&q)))
            && (!self.open_access || reference.open_access)
            && query.is_none_or(|query| query.is_in(haystack))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use citecard_core::Date;

    #[test]
    fn a_view_survives_its_fragment() {
        let view = View {
            query: "Müller & co, 阅读".into(),
            sort: Some(SortBy::Citations),
            types: vec![ItemType::ArticleJournal, ItemType::Book],
            from: Some(2015),
            to: Some(2020),
            quartiles: vec![Quartile::Q1, Quartile::Q2],
            open_access: true,
        };
        let fragment = view.to_fragment();
        assert_eq!(
            fragment,
            "q=M%C3%BCller+%26+co%2C+%E9%98%85%E8%AF%BB&sort=citations&type=article-journal%2Cbook&from=2015&to=2020&jcr=Q1%2CQ2&oa=1"
        );
        assert_eq!(View::from_fragment(&fragment), Some(view));
        assert_eq!(View::default().to_fragment(), "");
    }

    #[test]
    fn a_permalink_or_nothing_is_not_a_view_and_bad_values_are_dropped() {
        assert_eq!(View::from_fragment(""), None);
        assert_eq!(View::from_fragment("knuth1984"), None);
        assert_eq!(View::from_fragment("utm=1"), None);
        let view = View::from_fragment("sort=newest&type=poem,book&from=x&jcr=Q9,q3").unwrap();
        assert_eq!(view.sort, None);
        assert_eq!(view.types, [ItemType::Book]);
        assert_eq!(view.from, None);
        assert_eq!(view.quartiles, [Quartile::Q3]);
    }

    #[test]
    fn filters_keep_only_what_they_name() {
        let mut reference = Reference {
            item_type: ItemType::ArticleJournal,
            issued: Some(Date {
                year: 2018,
                month: None,
                day: None,
            }),
            title: Some("Sleep".into()),
            ..Reference::default()
        };
        let haystack = Haystack::new(&["Sleep"]);
        let keeps = |view: &View, reference: &Reference| {
            view.keeps(reference, &haystack, Query::new(&view.query).as_ref())
        };
        assert!(keeps(&View::default(), &reference));
        assert!(keeps(
            &View {
                from: Some(2018),
                to: Some(2018),
                ..View::default()
            },
            &reference
        ));
        assert!(!keeps(
            &View {
                from: Some(2019),
                ..View::default()
            },
            &reference
        ));
        assert!(!keeps(
            &View {
                types: vec![ItemType::Book],
                ..View::default()
            },
            &reference
        ));
        assert!(!keeps(
            &View {
                quartiles: vec![Quartile::Q1],
                ..View::default()
            },
            &reference
        ));
        assert!(!keeps(
            &View {
                open_access: true,
                ..View::default()
            },
            &reference
        ));
        assert!(!keeps(
            &View {
                query: "wake".into(),
                ..View::default()
            },
            &reference
        ));
        reference.metrics.jcr_quartile = Some(Quartile::Q1);
        reference.open_access = true;
        assert!(keeps(
            &View {
                quartiles: vec![Quartile::Q1],
                open_access: true,
                query: "SLEEP".into(),
                ..View::default()
            },
            &reference
        ));
        // An undated entry is outside any year range.
        reference.issued = None;
        assert!(!keeps(
            &View {
                to: Some(2030),
                ..View::default()
            },
            &reference
        ));
    }
}
