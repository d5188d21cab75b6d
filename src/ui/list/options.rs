//! The list's own options, beside the card's ([`CardOptions`]): how it
//! groups and sorts, whose name it highlights, which entries it pins, whether
//! it has a search box, and how many entries a page shows. One type for the
//! `<citation-list>` attributes, the component's props and `citecard render
//! --list`.
//!
//! [`CardOptions`]: crate::ui::options::CardOptions

use citecard_core::list::highlight::Person;
use citecard_core::list::order::{GroupBy, SortBy};
use yew::AttrValue;

/// How many entries a page shows when `page-size` does not say.
pub const DEFAULT_PAGE_SIZE: usize = 50;

/// The list's options; the default groups by year and sorts newest first,
/// highlights and pins nobody, has a search box, and shows 50 entries a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListOptions {
    /// The headings: year (newest first), type, or none.
    pub group_by: GroupBy,
    /// The order within a group, until the reader picks another.
    pub sort: SortBy,
    /// The page owner's names, separated by `;` (`Knuth, Donald E.; 高德纳`).
    pub highlight: AttrValue,
    /// Citation keys or DOIs of the entries pinned under "Selected
    /// publications", separated by white space.
    pub selected: AttrValue,
    /// Whether the list has its search box and filters.
    pub search: bool,
    /// Entries shown before "Show more" (1 to 1,000).
    pub page_size: usize,
}

impl Default for ListOptions {
    fn default() -> Self {
        ListOptions {
            group_by: GroupBy::Year,
            sort: SortBy::Year,
            highlight: AttrValue::default(),
            selected: AttrValue::default(),
            search: true,
            page_size: DEFAULT_PAGE_SIZE,
        }
    }
}

impl ListOptions {
    /// The attributes read by [`ListOptions::from_attributes`].
    pub const ATTRIBUTES: [&'static str; 6] = [
        "group-by",
        "sort",
        "highlight",
        "selected",
        "search",
        "page-size",
    ];

    /// The options from the element's attributes (`get` gives an
    /// attribute's value); a value that cannot be read keeps the default.
    pub fn from_attributes(get: impl Fn(&str) -> Option<String>) -> ListOptions {
        let default = ListOptions::default();
        ListOptions {
            group_by: get("group-by")
                .and_then(|id| GroupBy::from_id(&id))
                .unwrap_or(default.group_by),
            sort: get("sort")
                .and_then(|id| SortBy::from_id(&id))
                .unwrap_or(default.sort),
            highlight: get("highlight").map(AttrValue::from).unwrap_or_default(),
            selected: get("selected").map(AttrValue::from).unwrap_or_default(),
            search: get("search").is_none_or(|value| value.trim() != "off"),
            page_size: get("page-size")
                .and_then(|size| size.trim().parse::<usize>().ok())
                .filter(|&size| size > 0)
                .map_or(default.page_size, |size| {
                    size.min(citecard_core::limits::MAX_RECORDS)
                }),
        }
    }

    /// The attributes that give these options, defaults left out: what
    /// `citecard render --list` writes on the element.
    pub fn attributes(&self) -> Vec<(&'static str, String)> {
        let default = ListOptions::default();
        let mut attributes = Vec::new();
        if self.group_by != default.group_by {
            attributes.push(("group-by", self.group_by.id().to_owned()));
        }
        if self.sort != default.sort {
            attributes.push(("sort", self.sort.id().to_owned()));
        }
        if !self.highlight.is_empty() {
            attributes.push(("highlight", self.highlight.to_string()));
        }
        if !self.selected.is_empty() {
            attributes.push(("selected", self.selected.to_string()));
        }
        if !self.search {
            attributes.push(("search", "off".to_owned()));
        }
        if self.page_size != default.page_size {
            attributes.push(("page-size", self.page_size.to_string()));
        }
        attributes
    }

    /// The people [`ListOptions::highlight`] names.
    pub fn owners(&self) -> Vec<Person> {
        self.highlight
            .split(';')
            .filter_map(Person::parse)
            .collect()
    }

    /// The keys or DOIs [`ListOptions::selected`] names, in its order.
    pub fn selected_keys(&self) -> impl Iterator<Item = &str> {
        self.selected.split_whitespace()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&str, &str)]) -> ListOptions {
        ListOptions::from_attributes(|name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn attributes_are_read_and_bad_values_keep_the_defaults() {
        let options = read(&[
            ("group-by", "type"),
            ("sort", "citations"),
            ("highlight", "Knuth, Donald E.; 高德纳"),
            ("selected", "knuth1984 10.1/x"),
            ("search", "off"),
            ("page-size", "20"),
        ]);
        assert_eq!(options.group_by, GroupBy::Type);
        assert_eq!(options.sort, SortBy::Citations);
        assert_eq!(options.owners().len(), 2);
        assert_eq!(
            options.selected_keys().collect::<Vec<_>>(),
            ["knuth1984", "10.1/x"]
        );
        assert!(!options.search);
        assert_eq!(options.page_size, 20);
        let bad = read(&[
            ("group-by", "colour"),
            ("sort", "newest"),
            ("page-size", "0"),
            ("search", "yes"),
        ]);
        assert_eq!(bad, ListOptions::default());
        assert_eq!(read(&[("page-size", "100000")]).page_size, 1000);
    }

    #[test]
    fn attributes_written_read_back_the_same() {
        let options = read(&[
            ("group-by", "none"),
            ("sort", "title"),
            ("highlight", "Repper J"),
            ("page-size", "5"),
        ]);
        let written = options.attributes();
        let again = ListOptions::from_attributes(|name| {
            written
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.clone())
        });
        assert_eq!(again, options);
        assert!(ListOptions::default().attributes().is_empty());
    }
}
