//! Names as citeproc-js registers them for given-name disambiguation.

use crate::model::Name;

use super::initials;

/// A personal name as citeproc-js registers it for given-name
/// disambiguation: family name, given names and their initials, each
/// without periods.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NameKey {
    family: String,
    given: String,
    initials: String,
}

impl NameKey {
    /// The key of a personal name with a family name; `None` for a
    /// literal (institutional) name.
    pub(super) fn of(name: &Name) -> Option<NameKey> {
        if name.literal.is_some() {
            return None;
        }
        let plain = |s: &str| {
            s.replace('.', " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        let family = plain(name.family.as_deref()?);
        let given = plain(name.given.as_deref().unwrap_or(""));
        let initials = initials(&given, "", true);
        Some(NameKey {
            family,
            given,
            initials,
        })
    }

    /// Whether `other` is another person with the same family name and
    /// initials, whose given names are written in full to tell them apart.
    pub(super) fn clashes_with(&self, other: &NameKey) -> bool {
        other.family == self.family && other.initials == self.initials && other.given != self.given
    }
}
