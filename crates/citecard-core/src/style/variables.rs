//! Variables (CSL 1.0.2, "Appendix IV - Variables"): a record's standard,
//! number, name and date variables as a style asks for them by name.

use std::borrow::Cow;

use serde_json::Value;

use crate::model::{Date, Name, Reference};

/// A record's CSL variables.
pub(crate) struct Item<'a> {
    r: &'a Reference,
}

impl<'a> Item<'a> {
    /// The variables of `r`.
    pub(crate) fn new(r: &'a Reference) -> Self {
        Item { r }
    }

    /// The record itself.
    pub(crate) fn reference(&self) -> &'a Reference {
        self.r
    }

    /// A CSL variable citecard does not model, kept from a CSL-JSON input.
    fn unmodelled(&self, name: &str) -> Option<&'a Value> {
        self.r.csl_variables.get(name)
    }

    /// A text or number variable.
    pub(crate) fn text(&self, name: &str) -> Option<Cow<'a, str>> {
        let r = self.r;
        let field: Option<Cow<'a, str>> = match name {
            // A formatted title reaches the processor as CSL-JSON carries
            // it, in CSL's markup within fields.
            "title" if !r.title_rich.is_empty() => {
                Some(Cow::Owned(crate::rich_text::csl_markup(&r.title_rich)))
            }
            "title" => r.title.as_deref().map(Cow::Borrowed),
            "container-title" => r.container_title.as_deref().map(Cow::Borrowed),
            "collection-title" => r.collection_title.as_deref().map(Cow::Borrowed),
            "collection-number" => r.collection_number.as_deref().map(Cow::Borrowed),
            // citeproc-js does not read CSL-JSON `event` as `event-title`.
            "event" => r.event_title.as_deref().map(Cow::Borrowed),
            "publisher" => r.publisher.as_deref().map(Cow::Borrowed),
            "publisher-place" => r.publisher_place.as_deref().map(Cow::Borrowed),
            "edition" => r.edition.as_deref().map(Cow::Borrowed),
            "genre" => r.genre.as_deref().map(Cow::Borrowed),
            "volume" => r.volume.as_deref().map(Cow::Borrowed),
            "issue" => r.issue.as_deref().map(Cow::Borrowed),
            "page" => r.page.as_deref().map(Cow::Borrowed),
            "page-first" => r
                .page
                .as_deref()
                .and_then(|p| p.split(['-', '–', ',', '&']).next())
                .map(|p| Cow::Borrowed(p.trim())),
            "number" => r.csl_number().map(Cow::Borrowed),
            "DOI" => r.doi.as_ref().map(|d| Cow::Borrowed(d.as_str())),
            "URL" => r.url.as_ref().map(|u| Cow::Borrowed(u.as_str())),
            // Every ISSN and ISBN, as CSL-JSON carries several in one
            // field ("9783030123449, 9783030123456").
            "ISSN" => (!r.issn.is_empty()).then(|| Cow::Owned(r.issn.join(", "))),
            "ISBN" => (!r.isbn.is_empty()).then(|| Cow::Owned(r.isbn.join(", "))),
            "language" => r.language.as_deref().map(Cow::Borrowed),
            "citation-number" => Some(Cow::Borrowed("1")),
            _ => match self.unmodelled(name)? {
                Value::String(s) => Some(Cow::Borrowed(s.as_str())),
                // Whole numbers only: float formatting would cost ~10 KB of
                // wasm, and CSL number variables are whole in practice.
                Value::Number(n) => n
                    .as_i64()
                    .map(|i| i.to_string())
                    .or_else(|| n.as_u64().map(|u| u.to_string()))
                    .map(Cow::Owned),
                _ => None,
            },
        };
        field.filter(|v| !v.trim().is_empty())
    }

    /// A name variable.
    pub(crate) fn names(&self, name: &str) -> Cow<'a, [Name]> {
        match name {
            "author" => Cow::Borrowed(&self.r.authors),
            "editor" => Cow::Borrowed(&self.r.editors),
            _ => match self.unmodelled(name) {
                Some(Value::Array(list)) => Cow::Owned(list.iter().filter_map(json_name).collect()),
                _ => Cow::Borrowed(&[]),
            },
        }
    }

    /// A date variable.
    pub(crate) fn date(&self, name: &str) -> Option<Date> {
        match name {
            "issued" => self.r.issued,
            "accessed" => self.r.accessed,
            _ => date_at(self.unmodelled(name)?, 0),
        }
    }

    /// The end of a date variable that is a range (CSL-JSON's second
    /// `date-parts`).
    pub(crate) fn date_end(&self, name: &str) -> Option<Date> {
        match name {
            "issued" => self.r.issued_end,
            "accessed" => None,
            _ => date_at(self.unmodelled(name)?, 1),
        }
    }

    /// Whether names keep their written order, family name first: in an
    /// item in Chinese or Japanese, Vietnamese or Hungarian (citeproc-js
    /// reads the first two letters of the language for the first two, the
    /// whole tag for the others).
    pub(crate) fn family_first(&self) -> bool {
        let Some(language) = self.r.language.as_deref() else {
            return false;
        };
        matches!(language.get(..2), Some("zh" | "ja")) || matches!(language, "vi" | "hu")
    }

    /// Whether the variable has a value (CSL's `variable` condition).
    pub(crate) fn has(&self, name: &str) -> bool {
        match name {
            "author" => !self.r.authors.is_empty(),
            "editor" => !self.r.editors.is_empty(),
            "issued" => self.r.issued.is_some(),
            "accessed" => self.r.accessed.is_some(),
            _ => {
                self.text(name).is_some()
                    || (!self.r.csl_variables.is_empty()
                        && (!self.names(name).is_empty() || self.date(name).is_some()))
            }
        }
    }
}

/// Date `index` (0, or 1 for the end of a range) of a CSL-JSON date object.
fn date_at(value: &Value, index: usize) -> Option<Date> {
    let parts = value.get("date-parts")?.get(index)?;
    // Parts may be numbers or numeric strings (`[["1930"]]`), as
    // citeproc-js reads them.
    let part = |i: usize| {
        let value = parts.get(i)?;
        value
            .as_i64()
            .or_else(|| value.as_str().and_then(|s| s.trim().parse().ok()))
    };
    Some(Date {
        year: i32::try_from(part(0)?).ok()?,
        month: part(1)
            .and_then(|m| u8::try_from(m).ok())
            .filter(|m| (1..=12).contains(m)),
        day: part(2)
            .and_then(|d| u8::try_from(d).ok())
            .filter(|d| (1..=31).contains(d)),
    })
}

/// A CSL-JSON name object.
fn json_name(value: &Value) -> Option<Name> {
    let text = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_owned);
    let name = Name {
        family: text("family"),
        given: text("given"),
        particle: text("non-dropping-particle"),
        dropping_particle: text("dropping-particle"),
        suffix: text("suffix"),
        literal: text("literal"),
    };
    (name != Name::default()).then_some(name)
}

#[cfg(test)]
mod tests {
    use crate::style::fragments;

    /// Modelled and unmodelled variables (a CSL-JSON `translator`, a
    /// `number-of-pages`, an `original-date`), `page-first` and short forms,
    /// against citeproc-js.
    #[test]
    fn variables_as_citeproc_js_reads_them() {
        fragments::check("variables");
    }
}
