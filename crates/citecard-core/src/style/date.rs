//! Dates (CSL 1.0.2, "Date", "Date-part" and localised dates): a record's
//! dates as a style's `<date>` asks, with the locale's month terms.

use crate::style::engine::Ctx;
use crate::style::number::ordinal;
use crate::style::output::{rendered, var, Node, Piece};
use crate::style::text_case::{self, Case};
use crate::style::tree::Element;

impl Ctx<'_> {
    /// `<date>`: a localised date (`form`) with the style's `<date-part>`
    /// overrides, or the style's own parts and delimiter.
    pub(crate) fn date(&self, el: &Element) -> Piece {
        let Some(name) = el.attr("variable") else {
            return Piece::default();
        };
        if self.is_suppressed(name) {
            return var(None);
        }
        let Some(date) = self.item.date(name) else {
            return var(None);
        };
        self.record(name);
        let mut parts: Vec<(&Element, Option<&Element>)> = Vec::new();
        let delimiter = match el.attr("form").and_then(|f| self.engine.locale.date(f)) {
            Some(localized) => {
                let wanted = match el.attr("date-parts") {
                    Some("year") => 1,
                    Some("year-month") => 2,
                    _ => 3,
                };
                for part in &localized.children {
                    let rank = match part.attr("name") {
                        Some("year") => 1,
                        Some("month") => 2,
                        _ => 3,
                    };
                    if rank <= wanted {
                        let local = el
                            .children
                            .iter()
                            .find(|p| p.attr("name") == part.attr("name"));
                        parts.push((part, local));
                    }
                }
                localized.attr("delimiter").unwrap_or("")
            }
            None => {
                parts.extend(el.children.iter().map(|p| (p, None)));
                el.attr("delimiter").unwrap_or("")
            }
        };
        let mut rendered_parts = Vec::new();
        for (part, local) in parts {
            let attr = |key: &str| local.and_then(|l| l.attr(key)).or_else(|| part.attr(key));
            let value = match part.attr("name") {
                Some("year") => Some(date.year.to_string()),
                Some("month") => date.month.and_then(|m| {
                    let m = usize::from(m);
                    match attr("form").unwrap_or("long") {
                        "numeric" => Some(m.to_string()),
                        "numeric-leading-zeros" => Some(format!("{m:02}")),
                        form => self
                            .engine
                            .locale
                            .term(&format!("month-{m:02}"), form, false)
                            .map(str::to_owned),
                    }
                }),
                Some("day") => date.day.map(|d| match attr("form") {
                    Some("numeric-leading-zeros") => format!("{d:02}"),
                    Some("ordinal") => ordinal(&d.to_string()),
                    _ => d.to_string(),
                }),
                _ => None,
            };
            let Some(mut value) = value else { continue };
            if attr("strip-periods") == Some("true") {
                value = value.replace('.', "");
            }
            if let Some(case) = attr("text-case").and_then(Case::from_csl) {
                value = text_case::convert(&value, case);
            }
            rendered_parts.push(format!(
                "{}{value}{}",
                attr("prefix").unwrap_or(""),
                attr("suffix").unwrap_or("")
            ));
        }
        // Affixes at the ends of a date do not outlast its first or last part.
        let text = rendered_parts.join(delimiter).trim().to_owned();
        let node = (!text.is_empty()).then_some(Node::Text(text));
        self.decorate(el, rendered(node))
    }
}

#[cfg(test)]
mod tests {
    use crate::style::fragments;

    /// Localised text and numeric dates with part overrides, non-localised
    /// dates with their own parts, month forms, ordinal days, year-month
    /// only and missing parts, against citeproc-js.
    #[test]
    fn dates_as_citeproc_js_writes_them() {
        fragments::check("date");
    }
}
