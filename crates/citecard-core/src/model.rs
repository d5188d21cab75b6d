//! The one internal model every input format converts into, shaped like CSL-JSON.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

use crate::detect::Format;
use crate::link::{Doi, HttpUrl};
use crate::rich_text::{Inline, RichText};

mod item_type;
mod json_values;

pub use item_type::ItemType;

/// One bibliographic record.
///
/// Fields follow CSL-JSON variables; anything a record does not state is
/// `None` (an unknown citation count is `None`, never 0).
///
/// Its serde form (field for field, links as text and checked again when
/// read back) is the model itself, not an interchange format: it is how
/// the card hands a reference to its citation module. For CSL-JSON, see
/// [`crate::export::csl_json`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Reference {
    /// What kind of work this is.
    pub item_type: ItemType,
    /// The title, without a trailing PubMed period.
    pub title: Option<String>,
    /// The title's formatting, when it has any (italics, bold, sub- and
    /// superscripts: "H₂O", a species name in italics): the same text as
    /// `title`, as inline content. Empty for a plain title.
    pub title_rich: Vec<Inline>,
    /// A Chinese translation of the title.
    pub title_zh: Option<String>,
    /// The authors in order.
    pub authors: Vec<Name>,
    /// Editors (of a book, proceedings or special issue).
    pub editors: Vec<Name>,
    /// The journal, book or proceedings the work appears in.
    pub container_title: Option<String>,
    /// A series the work or its container belongs to.
    pub collection_title: Option<String>,
    /// The work's number in that series (CSL `collection-number`).
    pub collection_number: Option<String>,
    /// The conference or other event the work was presented at.
    pub event_title: Option<String>,
    /// The publisher.
    pub publisher: Option<String>,
    /// Where the publisher is.
    pub publisher_place: Option<String>,
    /// The edition, such as `2`.
    pub edition: Option<String>,
    /// A report or working-paper number.
    pub number: Option<String>,
    /// A subtype, such as "PhD thesis" or "Technical report".
    pub genre: Option<String>,
    /// The volume.
    pub volume: Option<String>,
    /// The issue.
    pub issue: Option<String>,
    /// The page range, such as `12-34`.
    pub page: Option<String>,
    /// An article number, used instead of pages by many online journals.
    pub article_number: Option<String>,
    /// The date of (print) publication.
    pub issued: Option<Date>,
    /// The end of the publication date when it is a range, such as a
    /// multi-year work ("2014–2015"; CSL-JSON's second `date-parts`).
    pub issued_end: Option<Date>,
    /// The date of electronic publication.
    pub epub: Option<Date>,
    /// When a web page was read.
    pub accessed: Option<Date>,
    /// The DOI.
    pub doi: Option<Doi>,
    /// A landing page.
    pub url: Option<HttpUrl>,
    /// A full-text PDF.
    pub pdf_url: Option<HttpUrl>,
    /// Whether the work is open access.
    pub open_access: bool,
    /// The abstract.
    pub abstract_text: Option<RichText>,
    /// A Chinese translation of the abstract.
    pub abstract_zh: Option<RichText>,
    /// The language of the work, as a BCP 47 tag such as `en` or `zh-CN`.
    pub language: Option<String>,
    /// ISSNs of the journal.
    pub issn: Vec<String>,
    /// ISBNs of the book.
    pub isbn: Vec<String>,
    /// Subject tags.
    pub fields_of_study: Vec<String>,
    /// Journal metrics and counts, as provided by the record.
    pub metrics: Metrics,
    /// Where the record came from.
    pub provenance: Provenance,
    /// The key or id the record was read with (a BibTeX citation key, a
    /// CSL-JSON `id`), which exports reuse when they can.
    pub source_key: Option<String>,
    /// CSL variables citecard does not model (`translator`,
    /// `original-date`, `number-of-pages`, …), kept as their CSL-JSON
    /// values from a CSL-JSON input: styles read them and the CSL-JSON
    /// export writes them back.
    #[serde(with = "json_values")]
    pub csl_variables: BTreeMap<String, serde_json::Value>,
    /// Other fields of the source record, by their name there (a Semantic
    /// Scholar `paperId`, a BookSci `FirstCategoryId`, an unknown RIS tag or
    /// BibTeX field), kept for round trips under CSL-JSON's `custom`; no
    /// style or card shows them.
    pub source_fields: BTreeMap<String, String>,
    /// Other versions of the same work that the record names by DOI
    /// (Crossref's `relation`): a publication list shows a preprint and its
    /// published version as one entry.
    pub relations: Relations,
}

/// How a work relates to other versions of itself, by DOI: Crossref's
/// `relation` object, `is-preprint-of` and `has-preprint`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Relations {
    /// The published versions this record is a preprint of.
    pub preprint_of: Vec<Doi>,
    /// The preprints of this (published) record.
    pub preprints: Vec<Doi>,
}

impl Reference {
    /// An empty reference whose provenance is `format`, for a reader to fill.
    pub fn read_as(format: Format) -> Self {
        Reference {
            provenance: Provenance {
                format: Some(format),
                inferred: Vec::new(),
            },
            ..Reference::default()
        }
    }

    /// A citation key built from the first author's family name, the year
    /// and the first significant title word, in ASCII: `repper2022embedding`.
    ///
    /// ```
    /// use citecard_core::{Date, Name, Reference};
    /// let mut reference = Reference::default();
    /// reference.title = Some("Über die Grundlagen".into());
    /// reference.authors.push(Name { family: Some("Müller-Lüdenscheidt".into()), ..Name::default() });
    /// reference.issued = Some(Date { year: 1999, month: None, day: None });
    /// assert_eq!(reference.citation_key(), "mullerludenscheidt1999uber");
    /// ```
    pub fn citation_key(&self) -> String {
        let name = self
            .authors
            .first()
            .or(self.editors.first())
            .and_then(|n| n.family.as_deref().or(n.literal.as_deref()))
            .map(ascii_word)
            .filter(|w| !w.is_empty())
            .unwrap_or_else(|| "anon".to_owned());
        let year = self
            .issued
            .map_or_else(|| "nd".to_owned(), |d| d.year.to_string());
        let word = self
            .title
            .as_deref()
            .unwrap_or_default()
            .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
            .map(ascii_word)
            .find(|w| !w.is_empty() && !STOP_WORDS.contains(&w.as_str()))
            .unwrap_or_default();
        format!("{name}{year}{word}")
    }

    /// CSL's `number` variable: the article number of an article, else its
    /// report or other number (CSL has no article-number variable, and
    /// styles read one from `number`).
    pub fn csl_number(&self) -> Option<&str> {
        self.article_number.as_deref().or(self.number.as_deref())
    }

    /// The first page and, for a range, the last: "580-592", "580–592" and
    /// "580--592" are `("580", Some("592"))`, "e1234" is `("e1234", None)`.
    ///
    /// ```
    /// use citecard_core::Reference;
    /// let reference = Reference { page: Some("580--592".into()), ..Reference::default() };
    /// assert_eq!(reference.page_range(), Some(("580", Some("592"))));
    /// ```
    pub fn page_range(&self) -> Option<(&str, Option<&str>)> {
        let page = self.page.as_deref()?;
        Some(match page.split_once(['-', '–']) {
            Some((first, last)) => (
                first.trim(),
                Some(last.trim_start_matches('-').trim()).filter(|l| !l.is_empty()),
            ),
            None => (page.trim(), None),
        })
    }

    /// The people the work is credited to: its authors, or its editors
    /// when it has no author; and whether they are the editors.
    pub fn credited(&self) -> (&[Name], bool) {
        if self.authors.is_empty() {
            (&self.editors, true)
        } else {
            (&self.authors, false)
        }
    }

    /// The link the card's title should point to: the DOI resolver, else the landing page.
    pub fn link(&self) -> Option<HttpUrl> {
        self.doi.as_ref().map(Doi::url).or_else(|| self.url.clone())
    }
}

/// Title words a citation key skips.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "on", "of", "in", "and", "for", "to", "at", "by", "with", "from", "is", "are",
];

/// Lower-case ASCII letters and digits of `text`, with Latin accents removed.
fn ascii_word(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let folded = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä'
            | 'Å' => "a",
            'æ' | 'Æ' => "ae",
            'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
            'ď' | 'đ' | 'Ď' | 'Đ' | 'ð' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ě' => {
                "e"
            }
            'ğ' | 'Ğ' => "g",
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'İ' => "i",
            'ł' | 'ľ' | 'Ł' | 'Ľ' => "l",
            'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø'
            | 'Ő' => "o",
            'œ' | 'Œ' => "oe",
            'ř' | 'Ř' => "r",
            'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => "s",
            'ß' => "ss",
            'ť' | 'ţ' | 'Ť' | 'Ţ' => "t",
            'þ' | 'Þ' => "th",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ů' | 'Ű' => {
                "u"
            }
            'ý' | 'ÿ' | 'Ý' => "y",
            'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
            _ => "",
        };
        out.push_str(folded);
    }
    out
}

/// A person's or an organisation's name, split as CSL does.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Name {
    /// Family name (surname).
    pub family: Option<String>,
    /// Given names.
    pub given: Option<String>,
    /// A particle kept with the family name when sorting and citing, such as
    /// "van" in "van Gogh" (CSL `non-dropping-particle`).
    pub particle: Option<String>,
    /// A particle dropped when the family name stands alone, such as "de"
    /// in "Jean de La Fontaine" (CSL `dropping-particle`).
    pub dropping_particle: Option<String>,
    /// A suffix such as "Jr.".
    pub suffix: Option<String>,
    /// A name that must not be split: an organisation, or a name in a script
    /// without spaces.
    pub literal: Option<String>,
}

impl Name {
    /// Names as a CSL-JSON name list (`[{"family": …, "given": …}, …]`), the
    /// shape `Reference::csl_variables` keeps name variables in.
    ///
    /// ```
    /// use citecard_core::Name;
    /// let name = Name { family: Some("Doe".into()), given: Some("Jane".into()), ..Name::default() };
    /// assert_eq!(Name::csl_list(&[name]).to_string(), r#"[{"family":"Doe","given":"Jane"}]"#);
    /// ```
    pub fn csl_list(names: &[Name]) -> serde_json::Value {
        let names = names
            .iter()
            .map(|name| {
                let mut object = serde_json::Map::new();
                for (key, value) in [
                    ("family", &name.family),
                    ("given", &name.given),
                    ("non-dropping-particle", &name.particle),
                    ("dropping-particle", &name.dropping_particle),
                    ("suffix", &name.suffix),
                    ("literal", &name.literal),
                ] {
                    if let Some(value) = value {
                        object.insert(key.to_owned(), serde_json::Value::String(value.clone()));
                    }
                }
                serde_json::Value::Object(object)
            })
            .collect();
        serde_json::Value::Array(names)
    }

    /// The name as it is read: "Julie Repper", "Ludwig van Beethoven Jr.".
    ///
    /// ```
    /// use citecard_core::Name;
    /// let name = Name { given: Some("Julie".into()), family: Some("Repper".into()), ..Name::default() };
    /// assert_eq!(name.display(), "Julie Repper");
    /// ```
    pub fn display(&self) -> String {
        if let Some(literal) = &self.literal {
            return literal.clone();
        }
        [
            &self.given,
            &self.dropping_particle,
            &self.particle,
            &self.family,
            &self.suffix,
        ]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ")
    }
}

/// A calendar date in which the month and day may be unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: Option<u8>,
    /// The day of the month, 1–31; only present with a month.
    pub day: Option<u8>,
}

impl Date {
    /// Read `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (also with `/` separators).
    ///
    /// ```
    /// use citecard_core::Date;
    /// assert_eq!(Date::parse("2022-07-26").unwrap().to_string(), "2022-07-26");
    /// assert_eq!(Date::parse("2019/03").unwrap().month, Some(3));
    /// assert!(Date::parse("2022-13-01").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.trim().split(['-', '/']);
        let year_text = parts.next()?;
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year = year_text.parse().ok()?;
        let number = |part: Option<&str>, max: u8| -> Result<Option<u8>, ()> {
            match part {
                None | Some("") => Ok(None),
                Some(p) if p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
                    let n: u8 = p.parse().map_err(|_| ())?;
                    if (1..=max).contains(&n) {
                        Ok(Some(n))
                    } else {
                        Err(())
                    }
                }
                Some(_) => Err(()),
            }
        };
        let month = number(parts.next(), 12).ok()?;
        let day = number(parts.next(), 31).ok()?;
        if parts.next().is_some() || (month.is_none() && day.is_some()) {
            return None;
        }
        Some(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
            if let Some(day) = self.day {
                write!(f, "-{day:02}")?;
            }
        }
        Ok(())
    }
}

/// Journal metrics and counts, as provided by the record; citecard never looks them up.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Metrics {
    /// The journal's JCR quartile in [`Metrics::jcr_category`].
    pub jcr_quartile: Option<Quartile>,
    /// The Web of Science category the quartile is for.
    pub jcr_category: Option<String>,
    /// The Journal Impact Factor; only known (positive) values are kept.
    pub impact_factor: Option<f64>,
    /// The CAS (中科院) journal zone, 1–4.
    pub cas_zone: Option<u8>,
    /// The CAS major discipline of that zone.
    pub cas_category: Option<String>,
    /// How often the work has been cited.
    pub citation_count: Option<u64>,
}

impl Metrics {
    /// The impact factor as it is printed: at most three decimals, no
    /// trailing zeros (`1.7`, `12.345`, `4`).
    ///
    /// Formatted with integer arithmetic, so the browser bundle carries no
    /// float-formatting code.
    ///
    /// ```
    /// use citecard_core::Metrics;
    /// let metrics = |f| Metrics { impact_factor: Some(f), ..Metrics::default() };
    /// assert_eq!(metrics(1.7000).impact_factor_text().as_deref(), Some("1.7"));
    /// assert_eq!(metrics(12.3456).impact_factor_text().as_deref(), Some("12.346"));
    /// assert_eq!(metrics(4.0).impact_factor_text().as_deref(), Some("4"));
    /// ```
    pub fn impact_factor_text(&self) -> Option<String> {
        let value = self.impact_factor.filter(|f| f.is_finite() && *f > 0.0)?;
        let thousandths = (value * 1000.0).round() as u64;
        let mut text = (thousandths / 1000).to_string();
        let fraction = thousandths % 1000;
        if fraction > 0 {
            let digits = [fraction / 100, fraction / 10 % 10, fraction % 10];
            let used = if fraction % 100 == 0 {
                1
            } else if fraction % 10 == 0 {
                2
            } else {
                3
            };
            text.push('.');
            for digit in &digits[..used] {
                text.push(char::from(b'0' + *digit as u8));
            }
        }
        Some(text)
    }
}

/// A JCR quartile: Q1 is the top 25% of a category by impact factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Quartile {
    /// Top 25%.
    Q1,
    /// 25–50%.
    Q2,
    /// 50–75%.
    Q3,
    /// Bottom 25%.
    Q4,
}

impl Quartile {
    /// Read `Q1`…`Q4` in any case.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_uppercase().as_str() {
            "Q1" => Some(Quartile::Q1),
            "Q2" => Some(Quartile::Q2),
            "Q3" => Some(Quartile::Q3),
            "Q4" => Some(Quartile::Q4),
            _ => None,
        }
    }

    /// `Q1`…`Q4`.
    pub fn as_str(self) -> &'static str {
        match self {
            Quartile::Q1 => "Q1",
            Quartile::Q2 => "Q2",
            Quartile::Q3 => "Q3",
            Quartile::Q4 => "Q4",
        }
    }
}

impl fmt::Display for Quartile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a record came from and what was filled in rather than read.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Provenance {
    /// The input format, when the reference was read from text.
    pub format: Option<Format>,
    /// Fields taken from a fallback (such as the plain-text lines after a
    /// BookSci JSON line) rather than from the record proper.
    pub inferred: Vec<String>,
}
