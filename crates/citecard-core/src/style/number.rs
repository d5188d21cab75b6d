//! Numbers (CSL 1.0.2, "Number", "Ordinal Suffixes" and "Long Ordinals"):
//! `<number>`, what citeproc-js counts as numeric, and ordinals from the
//! locale's terms.

use crate::style::engine::Ctx;
use crate::style::locale::Locale;
use crate::style::output::{rendered, var, Node, Piece};
use crate::style::page_range::{leading_int, particle_and_value, range_pair};
use crate::style::tree::Element;

impl Ctx<'_> {
    /// `<number>`: a numeric value with its range dashes made the locale's
    /// (en dashes in English) and,
    /// in `form="ordinal"`, each number an ordinal; other text as it is.
    pub(crate) fn number(&self, el: &Element) -> Piece {
        let (_, value) = match self.called(el, |name| self.item.text(name)) {
            Ok(called) => called,
            Err(piece) => return piece,
        };
        let dash = self.range_dash();
        let text = if is_numeric(&value) && !prefixes_differ(&value) {
            let form = el.attr("form");
            let mut out = String::new();
            let mut digits = String::new();
            let flush = |digits: &mut String, out: &mut String| {
                if !digits.is_empty() {
                    out.push_str(&match form {
                        Some("ordinal") => ordinal(digits, self.locale),
                        Some("long-ordinal") => long_ordinal(digits, self.locale),
                        Some("roman") => roman(digits),
                        _ => digits.clone(),
                    });
                    digits.clear();
                }
            };
            for c in value.chars() {
                if c.is_ascii_digit() {
                    digits.push(c);
                } else {
                    flush(&mut digits, &mut out);
                    if c == '-' {
                        // citeproc-js joins a numeric range with the
                        // locale's page-range delimiter ("3-4" in zh-CN).
                        out.push_str(dash);
                    } else {
                        out.push(c);
                    }
                }
            }
            flush(&mut digits, &mut out);
            out
        } else if let Some(range) = self.falling_range(&value) {
            range
        } else {
            value.into_owned()
        };
        if text.is_empty() {
            // A number citeproc-js cannot write in Roman numerals is empty
            // but still rendered: the delimiter before it stays ("v,"),
            // without its affixes and fonts (and at the start of a group,
            // with no delimiter after it: see `output::group`).
            return rendered(Some(Node::Text(String::new())));
        }
        self.decorate(el, var(Some(&text)))
    }

    /// The locale's range dash (`page-range-delimiter`): an en dash unless
    /// it says otherwise ("3-4" in zh-CN).
    pub(crate) fn range_dash(&self) -> &'static str {
        self.locale
            .term("page-range-delimiter", "long", false)
            .unwrap_or("–")
    }

    /// A value that is not a number but one range whose first part's
    /// leading integer is the larger ("90 5-1", a volume and issue run
    /// together; "3 Suppl-1"), with the range dash for its hyphen, as
    /// citeproc-js writes it: its number tokenizer compares the two parts
    /// as `parseInt` reads them, and takes a falling pair for a range
    /// whatever follows the digits. A rising one ("3-4 x", "604.4-604") or
    /// a part that does not start with a digit ("x 3-4", "S5-1") stays as
    /// written: `None`. So does any value in a style with a
    /// `page-range-format`, where citeproc-js formats the pair as a page
    /// range, which such a value is not, and keeps it.
    pub(crate) fn falling_range(&self, value: &str) -> Option<String> {
        if self.engine.page_range_format.is_some() {
            return None;
        }
        let (left, right) = range_pair(value)?;
        let digit_first = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
        (digit_first(left) && digit_first(right) && leading_int(left)? > leading_int(right)?)
            .then(|| format!("{left}{}{right}", self.range_dash()))
    }
}

/// Whether a range's two numbers have different letter prefixes ("S5-1"),
/// which citeproc-js leaves as written rather than make a range of.
pub(crate) fn prefixes_differ(value: &str) -> bool {
    range_pair(value).is_some_and(|(a, b)| particle_and_value(a).0 != particle_and_value(b).0)
}

/// Whether a CSL number variable is numeric, as citeproc-js decides: each
/// part between range and list separators is digits with an optional
/// letter prefix and suffix ("12", "12-14", "2a", "e0229876", "S3") or a
/// lower-case roman numeral; "LIX" and "2401.01234" are not.
pub(crate) fn is_numeric(value: &str) -> bool {
    let value = value.trim();
    !value.is_empty()
        && value
            .split(['-', '–', ',', '&'])
            .all(|part| numeric_part(part.trim()))
}

fn numeric_part(part: &str) -> bool {
    let letters = |s: &str| s.bytes().all(|b| b.is_ascii_alphabetic() || b == b':');
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    // citeproc-js: an optional prefix `[0-9]*[a-zA-Z]+0*`, then `[0-9]+[a-zA-Z]*`.
    let number = |s: &str| {
        let d = digits(s);
        d > 0 && letters(&s[d..])
    };
    let prefix = |s: &str| {
        let t = s.trim_start_matches(|c: char| c.is_ascii_digit());
        let t2 = t.trim_end_matches('0');
        !t2.is_empty() && t2.bytes().all(|b| b.is_ascii_alphabetic())
    };
    if number(part) {
        return true;
    }
    // Numbers joined by slashes ("1/2", an issue of two numbers).
    if part.contains('/')
        && part
            .split('/')
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    {
        return true;
    }
    if (1..part.len()).any(|k| part.is_char_boundary(k) && prefix(&part[..k]) && number(&part[k..]))
    {
        return true;
    }
    let roman = part
        .bytes()
        .take_while(|b| matches!(b, b'i' | b'v' | b'x'))
        .count();
    roman > 0 && letters(&part[roman..])
}

/// An ordinal with the locale's suffix: `ordinal-10` to `ordinal-99` match
/// the last two digits, `ordinal-00` to `ordinal-09` the last one, else
/// `ordinal` (1st, 2nd, 11th, 21st in English; 3 with zh-CN's empty term).
pub(crate) fn ordinal(value: &str, locale: &Locale) -> String {
    let Ok(n) = value.trim().parse::<u64>() else {
        return value.to_owned();
    };
    let term = |name: String| locale.term(&name, "long", false);
    let suffix = (n % 100 >= 10)
        .then(|| term(format!("ordinal-{:02}", n % 100)))
        .flatten()
        .or_else(|| term(format!("ordinal-{:02}", n % 10)))
        .or_else(|| term("ordinal".to_owned()))
        .unwrap_or("");
    format!("{n}{suffix}")
}

/// A number in lower-case Roman numerals ("xliv"), as citeproc-js writes
/// them: from 1 to 5999 (thousands as repeated "m"), nothing for 0 or
/// anything larger, so that a volume of 9697 is left out, not written.
fn roman(value: &str) -> String {
    const DIGITS: [[&str; 10]; 3] = [
        ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"],
        ["", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx", "xc"],
        ["", "c", "cc", "ccc", "cd", "d", "dc", "dcc", "dccc", "cm"],
    ];
    let Some(n) = value.parse::<u64>().ok().filter(|n| *n < 6000) else {
        return String::new();
    };
    let mut out = "m".repeat((n / 1000) as usize);
    for (place, digits) in DIGITS.iter().enumerate().rev() {
        let digit = (n / 10u64.pow(place as u32)) % 10;
        out.push_str(digits[digit as usize]);
    }
    out
}

/// A long ordinal (`long-ordinal-01` to `-10`: "first", "一"); beyond ten,
/// the ordinal.
fn long_ordinal(value: &str, locale: &Locale) -> String {
    let long = value
        .trim()
        .parse::<u64>()
        .ok()
        .filter(|n| (1..=10).contains(n))
        .and_then(|n| locale.term(&format!("long-ordinal-{n:02}"), "long", false));
    match long {
        Some(word) => word.to_owned(),
        None => ordinal(value, locale),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::fragments;

    /// Each case decides a label in a golden record: MLA writes
    /// "no. e0229876", APA no "No." before "2401.01234".
    #[test]
    fn numeric_as_citeproc_js_reads_it() {
        for numeric in [
            "12", "12-14", "2a", "e0229876", "S3", "12, 14", "1/2", "1-2/3",
        ] {
            assert!(is_numeric(numeric), "{numeric}");
        }
        for text in ["2401.01234", "LIX", "", "first", "12 b c", "1/2a", "1 / 2"] {
            assert!(!is_numeric(text), "{text}");
        }
    }

    #[test]
    fn english_ordinals() {
        let en = fragments::en_us();
        let written: Vec<String> = ["1", "2", "3", "4", "11", "12", "13", "21", "102", "x"]
            .iter()
            .map(|n| ordinal(n, &en))
            .collect();
        assert_eq!(
            written,
            ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "102nd", "x"]
        );
    }

    /// `<number>` in its forms, numeric and not, against citeproc-js.
    #[test]
    fn numbers_as_citeproc_js_writes_them() {
        fragments::check("number");
    }
}
