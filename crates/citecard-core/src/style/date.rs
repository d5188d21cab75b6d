//! Dates (CSL 1.0.2, "Date", "Date-part" and localised dates): a record's
//! dates as a style's `<date>` asks, with the locale's month terms.

use crate::model::Date;
use crate::style::engine::Ctx;
use crate::style::formatting::font;
use crate::style::number::ordinal;
use crate::style::output::{rendered, Node, Piece};
use crate::style::text_case::{self, Case};
use crate::style::tree::Element;

impl Ctx<'_> {
    /// `<date>`: a localised date (`form`) with the style's `<date-part>`
    /// overrides, or the style's own parts and delimiter.
    pub(crate) fn date(&self, el: &Element) -> Piece {
        let (name, date) = match self.called(el, |name| self.item.date(name)) {
            Ok(called) => called,
            Err(piece) => return piece,
        };
        let end_date = self.item.date_end(name);
        let mut parts: Vec<(&Element, Option<&Element>)> = Vec::new();
        let delimiter = match el.attr("form").and_then(|f| self.locale.date(f)) {
            Some(localized) => {
                let wanted = match el.attr("date-parts") {
                    Some("year") => 1,
                    Some("year-month") => 2,
                    _ => 3,
                };
                for part in &localized.children {
                    if rank(part) <= wanted {
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
        // Each part, rendered for the start and (for a range) the end.
        let mut fonts: [Fonts; 3] = Default::default();
        let shown: Vec<RenderedPart> = parts
            .into_iter()
            .filter_map(|(part, local)| {
                let attr = |key: &str| local.and_then(|l| l.attr(key)).or_else(|| part.attr(key));
                let place = usize::from(rank(part) - 1);
                fonts[place] = part_fonts(&attr);
                // A part's fonts wrap its text in marks until the date is
                // laid out (see `with_part_fonts`).
                let marked = |value: String| {
                    if fonts[place].is_empty() {
                        return value;
                    }
                    let (open, close) = PART_MARKS[place];
                    format!("{open}{value}{close}")
                };
                let start = marked(self.date_part(part, &attr, date)?);
                let end = end_date
                    .and_then(|end| self.date_part(part, &attr, end))
                    .map(marked);
                Some(RenderedPart {
                    rank: rank(part),
                    prefix: attr("prefix").unwrap_or(""),
                    suffix: attr("suffix").unwrap_or(""),
                    range_delimiter: attr("range-delimiter").unwrap_or("–"),
                    era: (
                        self.era(part, date),
                        end_date.map_or("", |end| self.era(part, end)),
                    ),
                    start,
                    end,
                })
            })
            .collect();
        // Affixes at the ends of a date do not outlast its first or last part.
        let affixes = (
            el.attr("prefix").unwrap_or(""),
            el.attr("suffix").unwrap_or(""),
        );
        let text = range_text(&shown, delimiter, affixes);
        let node = (!text.is_empty()).then(|| with_part_fonts(text, &fonts));
        self.decorate(el, rendered(node))
    }

    /// One date part's value in `date`, with its form, strip-periods and
    /// text case; `None` when the date has no such part.
    fn date_part(
        &self,
        part: &Element,
        attr: &dyn Fn(&str) -> Option<&'static str>,
        date: Date,
    ) -> Option<String> {
        let mut value = match part.attr("name") {
            // citeproc-js writes nothing for a year 0, and a year before the
            // common era without its sign (its era term says it).
            Some("year") if date.year == 0 => None,
            Some("year") => {
                let year = date.year.unsigned_abs().to_string();
                // `form="short"`: the last two digits, as citeproc-js cuts them.
                Some(match attr("form") {
                    Some("short") => year[year.len().saturating_sub(2)..].to_owned(),
                    _ => year,
                })
            }
            Some("month") => date.month.and_then(|m| {
                let m = usize::from(m);
                match attr("form").unwrap_or("long") {
                    "numeric" => Some(m.to_string()),
                    "numeric-leading-zeros" => Some(format!("{m:02}")),
                    form => self
                        .locale
                        .term(&format!("month-{m:02}"), form, false)
                        .map(str::to_owned),
                }
            }),
            Some("day") => date.day.map(|d| match attr("form") {
                Some("numeric-leading-zeros") => format!("{d:02}"),
                Some("ordinal") if !self.locale.limit_day_ordinals || d == 1 => {
                    ordinal(&d.to_string(), self.locale)
                }
                _ => d.to_string(),
            }),
            _ => None,
        }?;
        if attr("strip-periods") == Some("true") {
            value = crate::style::formatting::strip_periods(&value);
        }
        if let Some(case) = attr("text-case").and_then(Case::from_csl) {
            value = text_case::convert(&value, case);
        }
        Some(value)
    }

    /// The era term after a year part, as citeproc-js writes it: " BC" (the
    /// locale's `bc`) after a year before the common era, " AD" (`ad`)
    /// after a year from 1 to 499, nothing after the others.
    fn era(&self, part: &Element, date: Date) -> &'static str {
        let term = match (part.attr("name"), date.year) {
            (Some("year"), year) if year < 0 => "bc",
            (Some("year"), 1..=499) => "ad",
            _ => return "",
        };
        self.locale.term(term, "long", false).unwrap_or("")
    }
}

/// The attributes that set a date part's fonts.
const FONT_ATTRIBUTES: [&str; 5] = [
    "font-style",
    "font-weight",
    "font-variant",
    "text-decoration",
    "vertical-align",
];

/// Marks around the year, month and day of a date whose `<date-part>`
/// sets fonts, in the date's text until [`with_part_fonts`] turns them
/// into formatted nodes. Private-use characters, which no record is read
/// with.
const PART_MARKS: [(char, char); 3] = [
    ('\u{E024}', '\u{E025}'),
    ('\u{E026}', '\u{E027}'),
    ('\u{E028}', '\u{E029}'),
];

/// The font attributes of a date part (with its localised overrides).
fn part_fonts(attr: &dyn Fn(&str) -> Option<&'static str>) -> Fonts {
    FONT_ATTRIBUTES
        .iter()
        .filter_map(|&key| attr(key).map(|value| (key, value)))
        .collect()
}

/// A date's text as nodes, each marked part in its fonts (`fonts`, by
/// rank: year, month, day).
fn with_part_fonts(text: String, fonts: &[Fonts; 3]) -> Node {
    if !text.contains(|c| PART_MARKS.iter().any(|m| m.0 == c)) {
        return Node::Text(text);
    }
    let mut nodes = Vec::new();
    let mut rest = text.as_str();
    while let Some((at, rank)) = rest
        .char_indices()
        .find_map(|(i, c)| PART_MARKS.iter().position(|m| m.0 == c).map(|r| (i, r)))
    {
        if at > 0 {
            nodes.push(Node::Text(rest[..at].to_owned()));
        }
        let (open, close) = PART_MARKS[rank];
        let inner = &rest[at + open.len_utf8()..];
        let end = inner.find(close).unwrap_or(inner.len());
        let node = fonts[rank]
            .iter()
            .fold(Node::Text(inner[..end].to_owned()), |node, (key, value)| {
                font(key, value, node)
            });
        nodes.push(node);
        rest = inner.get(end + close.len_utf8()..).unwrap_or("");
    }
    if !rest.is_empty() {
        nodes.push(Node::Text(rest.to_owned()));
    }
    Node::Seq(nodes)
}

/// A date part's font attributes and their values.
type Fonts = Vec<(&'static str, &'static str)>;

/// A date part's place in deciding ranges and `date-parts`: 1 for the
/// year, 2 the month, 3 the day.
fn rank(part: &Element) -> u8 {
    match part.attr("name") {
        Some("year") => 1,
        Some("month") => 2,
        _ => 3,
    }
}

/// A date part as rendered for the start of a date and, for a range, its end.
struct RenderedPart {
    /// 1 for the year, 2 the month, 3 the day: the order in which parts
    /// decide a range.
    rank: u8,
    prefix: &'static str,
    suffix: &'static str,
    range_delimiter: &'static str,
    /// The era term after the start's and the end's year (see `Ctx::era`).
    era: (&'static str, &'static str),
    start: String,
    end: Option<String>,
}

/// The parts joined by `delimiter`; for a range, as CSL 1.0.2 ("Date
/// Ranges") and citeproc-js write it: the parts from the largest one that
/// differs down are written for both dates around that part's
/// `range-delimiter` (the start's last suffix and the end's first prefix
/// left out), and the parts the dates share once ("May 3–5, 2014",
/// "May 2014–June 2015"). citeproc-js also repeats the `<date>`'s own
/// `affixes` around the end of a range ("\[2014–\[2015\]\]" for
/// `prefix="[" suffix="]"`), which the element adds around the whole.
fn range_text(parts: &[RenderedPart], delimiter: &str, affixes: (&str, &str)) -> String {
    let whole = |part: &RenderedPart, value: &str| {
        format!("{}{value}{}{}", part.prefix, part.suffix, part.era.0)
    };
    let largest_difference = parts
        .iter()
        .filter(|p| p.end.as_ref().is_some_and(|end| *end != p.start))
        .map(|p| p.rank)
        .min();
    let in_range = |p: &RenderedPart| largest_difference.is_some_and(|rank| p.rank >= rank);
    let first = parts.iter().position(in_range);
    let last = parts.iter().rposition(in_range);
    let (Some(rank), Some(first), Some(last)) = (largest_difference, first, last) else {
        let written: Vec<String> = parts.iter().map(|p| whole(p, &p.start)).collect();
        return join_parts(&written, delimiter);
    };
    let group = &parts[first..=last];
    let side = |value: fn(&RenderedPart) -> &str, start: bool| {
        let written = group
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let prefix = if !start && i == 0 { "" } else { p.prefix };
                let suffix = if start && i == group.len() - 1 {
                    ""
                } else {
                    p.suffix
                };
                let era = if start { p.era.0 } else { p.era.1 };
                format!("{prefix}{}{suffix}{era}", value(p))
            })
            .collect::<Vec<_>>();
        join_parts(&written, delimiter)
    };
    let range_delimiter = group
        .iter()
        .find(|p| p.rank == rank)
        .map_or("–", |p| p.range_delimiter);
    let range = format!(
        "{}{range_delimiter}{}{}{}",
        side(|p| &p.start, true),
        affixes.0,
        side(|p| p.end.as_deref().unwrap_or(&p.start), false),
        affixes.1
    );
    let written = parts[..first]
        .iter()
        .map(|p| whole(p, &p.start))
        .chain([range])
        .chain(parts[last + 1..].iter().map(|p| whole(p, &p.start)))
        .collect::<Vec<_>>();
    join_parts(&written, delimiter)
}

/// Date parts joined by the date's delimiter. As citeproc-js does, a part
/// whose suffix ends with the delimiter's first character (a space or a
/// punctuation mark) loses that character: a day's ", " before a " "
/// delimiter gives "31, 2024".
fn join_parts(parts: &[String], delimiter: &str) -> String {
    let first = delimiter
        .chars()
        .next()
        .filter(|c| *c == ' ' || matches!(c, '.' | ',' | ';' | ':' | '!' | '?'));
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(delimiter);
        }
        match first {
            Some(c) if i + 1 < parts.len() => out.push_str(part.strip_suffix(c).unwrap_or(part)),
            _ => out.push_str(part),
        }
    }
    out
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
