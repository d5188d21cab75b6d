//! Page ranges (CSL 1.0.2, "Appendix V - Page Range Formats") as citeproc-js
//! reads a page variable: the value splits into numbers joined by ranges
//! (`-`, `–`) and lists (`, `, `; `, `&`, ` and `). A range of two numbers
//! with the same letter prefix ("S47-S49") takes the style's
//! `page-range-format` and an en dash; anything else ("No-Specified",
//! "604.4-604", "S47-49") is written as it came. The label is plural only
//! for two or more numbers.

/// A page variable as citeproc-js writes it, its ranges in `format` (a CSL
/// `page-range-format`, or `None` to keep their numbers) joined by `dash`
/// (the locale's `page-range-delimiter`, an en dash unless it says).
pub(crate) fn pages(page: &str, format: Option<&str>, dash: &str) -> String {
    let page = without_label(page);
    let (values, joiners) = split(page);
    let mut text = String::with_capacity(page.len() + 4);
    let mut i = 0;
    while i < values.len() {
        let range_follows = joiners.get(i).is_some_and(|j| is_range(j));
        if range_follows {
            text.push_str(&range(values[i], values[i + 1], format, dash));
            if let Some(joiner) = joiners.get(i + 1) {
                text.push_str(&list_joiner(joiner, values[i + 1], values.get(i + 2)));
            }
            i += 2;
        } else {
            text.push_str(values[i]);
            if let Some(joiner) = joiners.get(i) {
                text.push_str(&list_joiner(joiner, values[i], values.get(i + 1)));
            }
            i += 1;
        }
    }
    text
}

/// The two numbers of a value that is one range and nothing else
/// ("12-14", "90 5-1"), as citeproc-js's number tokenizer splits it.
pub(crate) fn range_pair(value: &str) -> Option<(&str, &str)> {
    let (values, joiners) = split(value);
    match (values.as_slice(), joiners.as_slice()) {
        ([a, b], [joiner]) if is_range(joiner) => Some((a, b)),
        _ => None,
    }
}

/// Whether a number variable holds more than one number ("1-2", "5, 7").
pub(crate) fn is_plural(value: &str) -> bool {
    let (values, _) = split(without_label(value));
    values.len() > 1 && counts_as_several(values[0])
}

/// The value without a page label written into it ("pp. 12-14"): the
/// label is the style's job.
fn without_label(value: &str) -> &str {
    let value = value.trim();
    ["pp. ", "p. "]
        .iter()
        .find_map(|label| value.strip_prefix(label))
        .map_or(value, str::trim_start)
}

/// The values and the joiners between them. A range joiner is one hyphen,
/// spaces around it allowed ("12--14" is no range). citeproc-js keeps a
/// lettered sub-range whole ("12a-c").
fn split(value: &str) -> (Vec<&str>, Vec<&str>) {
    let mut values = Vec::new();
    let mut joiners = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < value.len() {
        match joiner_at(value, i) {
            Some(end) if i > start => {
                values.push(value[start..i].trim());
                joiners.push(&value[i..end]);
                start = end;
                i = end;
            }
            _ => i += value[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    values.push(value[start..].trim());
    // "12a-c": a number with letters, then letters only, is one page.
    let mut k = joiners.len();
    while k > 0 {
        k -= 1;
        let is_hyphen = is_range(joiners[k]);
        let lettered = |s: &str| {
            let digits = s.bytes().take_while(u8::is_ascii_digit).count();
            digits > 0
                && digits < s.len()
                && s[digits..]
                    .bytes()
                    .all(|b| b.is_ascii_alphabetic() || b == b',')
        };
        let letters =
            |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphabetic() || b == b',');
        if is_hyphen && lettered(values[k]) && letters(values[k + 1]) {
            let from = values[k].as_ptr() as usize - value.as_ptr() as usize;
            let to =
                values[k + 1].as_ptr() as usize - value.as_ptr() as usize + values[k + 1].len();
            values[k] = &value[from..to];
            values.remove(k + 1);
            joiners.remove(k);
        }
    }
    (values, joiners)
}

/// The end of a joiner starting at byte `i`, as citeproc-js's number
/// tokenizer finds them: `\s*&\s*`, `,\s+and\s+`, `\s+and\s+`, `;\s+`,
/// `,\s+` and `\s*-+\s*` (en dashes read as hyphens).
fn joiner_at(value: &str, i: usize) -> Option<usize> {
    let rest = &value[i..];
    let spaces = |s: &str| s.len() - s.trim_start().len();
    let lead = spaces(rest);
    let after_lead = &rest[lead..];
    let end_after = |skip: usize| {
        let s = &rest[skip..];
        i + skip + spaces(s)
    };
    if after_lead.starts_with('&') {
        return Some(end_after(lead + 1));
    }
    if let Some(tail) = rest.strip_prefix(',') {
        let gap = spaces(tail);
        if gap > 0 {
            let after = &tail[gap..];
            if let Some(and) = after.strip_prefix("and") {
                if spaces(and) > 0 {
                    return Some(end_after(1 + gap + 3));
                }
            }
            return Some(end_after(1));
        }
    }
    if lead > 0 {
        if let Some(and) = after_lead.strip_prefix("and") {
            if spaces(and) > 0 {
                return Some(end_after(lead + 3));
            }
        }
    }
    if let Some(tail) = rest.strip_prefix(';') {
        if spaces(tail) > 0 {
            return Some(end_after(1));
        }
    }
    let dashes = after_lead.len() - after_lead.trim_start_matches(['-', '–']).len();
    (dashes > 0).then(|| end_after(lead + dashes))
}

/// Whether a joiner is a range: one hyphen or en dash, spaces allowed.
fn is_range(joiner: &str) -> bool {
    matches!(joiner.trim(), "-" | "–")
}

/// A list joiner as citeproc-js writes it: `&` spaced unless it joins two
/// letters ("A&B"), the others as they came.
fn list_joiner(joiner: &str, left: &str, right: Option<&&str>) -> String {
    if joiner.trim() != "&" {
        return joiner.to_owned();
    }
    let letter_before = left.chars().last().is_some_and(|c| c.is_ascii_alphabetic());
    let letter_after = right
        .and_then(|r| r.chars().next())
        .is_some_and(|c| c.is_ascii_alphabetic());
    if letter_before && letter_after {
        "&".into()
    } else {
        " & ".into()
    }
}

/// Whether the first number of a list makes its label plural: it reads as
/// a number (digits or Roman numerals, then letters at most), as
/// citeproc-js decides it.
fn counts_as_several(first: &str) -> bool {
    let (_, value) = particle_and_value(first);
    let digits = value.bytes().take_while(u8::is_ascii_digit).count();
    let roman_lower = value
        .bytes()
        .take_while(|b| matches!(b, b'i' | b'x' | b'v'))
        .count();
    let head = digits.max(roman_lower);
    let tail = &value[head..];
    let numeric = head > 0
        && (tail
            .bytes()
            .all(|b| b.is_ascii_alphabetic() || matches!(b, b'-' | b',' | b':'))
            || tail
                .strip_prefix('-')
                .is_some_and(|t| t.bytes().all(|b| b.is_ascii_digit() || b == b'-')));
    numeric && (digits > 0 || is_roman(value))
}

fn is_roman(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|b| b"ivxlcmIVXLCM".contains(&b))
}

/// A number's letter prefix and the rest ("S47" → "S", "47"; "e001" →
/// "e00", "1"), by citeproc-js's pattern `([0-9]*[a-zA-Z]+0*)?([0-9]+…)`,
/// where the rest may end in letters (`strict`: lowercase letters only;
/// otherwise letters, hyphens and commas). `None` if it does not fit.
fn prefixed_number(value: &str, strict: bool) -> Option<(&str, &str)> {
    let tail_ok = |t: &str| {
        if strict {
            t.bytes().all(|b| b.is_ascii_lowercase())
        } else {
            t.bytes().all(|b| b.is_ascii_alphabetic())
                || t.bytes()
                    .all(|b| b.is_ascii_alphabetic() || matches!(b, b'-' | b','))
        }
    };
    let number = |s: &str| {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && tail_ok(&s[digits..])
    };
    if number(value) {
        return Some(("", value));
    }
    // The prefix: digits, letters, then zeros; fewer zeros if need be.
    let digits = value.bytes().take_while(u8::is_ascii_digit).count();
    let letters = value[digits..]
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    if letters == 0 {
        return None;
    }
    let zeros_at = digits + letters;
    let zeros = value[zeros_at..].bytes().take_while(|b| *b == b'0').count();
    (0..=zeros)
        .rev()
        .map(|z| zeros_at + z)
        .find(|&end| number(&value[end..]))
        .map(|end| value.split_at(end))
}

/// [`prefixed_number`] where it fits, else no prefix and the whole value.
pub(crate) fn particle_and_value(value: &str) -> (&str, &str) {
    prefixed_number(value, false).unwrap_or(("", value))
}

/// The leading integer, as JavaScript's `parseInt` reads it.
pub(crate) fn leading_int(value: &str) -> Option<u64> {
    let digits = value.bytes().take_while(u8::is_ascii_digit).count();
    value[..digits.min(18)].parse().ok()
}

/// One range `a-b`, as citeproc-js writes it.
fn range(a: &str, b: &str, format: Option<&str>, dash: &str) -> String {
    let (pa, va) = particle_and_value(a);
    let (pb, vb) = particle_and_value(b);
    let raw = |dash: &str| format!("{a}{dash}{b}");
    // Different prefixes ("S47-49", "12-A3"): no range.
    if pa != pb {
        return raw("-");
    }
    let (ia, ib) = (leading_int(va), leading_int(vb));
    match (ia, ib) {
        (Some(x), Some(y)) => {
            // Without a format, a falling range only gets its en dash.
            if format.is_none() && x > y {
                return raw(dash);
            }
            match (prefixed_number(a, true), prefixed_number(b, true)) {
                (Some((p, start)), Some((_, end))) => format_range(p, start, end, format, dash),
                _ => raw("-"),
            }
        }
        _ if (is_roman(va) || va.bytes().all(|c| c.is_ascii_digit()))
            && (is_roman(vb) || vb.bytes().all(|c| c.is_ascii_digit())) =>
        {
            raw(dash)
        }
        _ => raw("-"),
    }
}

/// A range of two numbers with the same prefix `p` in a CSL
/// `page-range-format`: a shortened end is expanded first ("321-28" →
/// "321–328"), and only a rising range is shortened again.
fn format_range(p: &str, start: &str, end: &str, format: Option<&str>, dash: &str) -> String {
    let expanded = if end.len() < start.len() {
        format!("{}{end}", &start[..start.len() - end.len()])
    } else {
        end.to_owned()
    };
    let rising = matches!(
        (leading_int(start), leading_int(&expanded)),
        (Some(x), Some(y)) if x < y
    );
    if !rising {
        return format!("{p}{start}{dash}{p}{end}");
    }
    let (begin, last) = (
        leading_int(start).unwrap_or(0),
        leading_int(&expanded).unwrap_or(0),
    );
    match format {
        Some("minimal") => format!("{p}{start}{dash}{}", minimize(start, &expanded, 0)),
        Some("minimal-two") => format!("{p}{start}{dash}{}", minimize(start, &expanded, 2)),
        Some("chicago-16") => {
            let mut shown = expanded.clone();
            if begin > 100 && begin % 100 != 0 {
                let digits = last.to_string().len();
                for power in 2..digits {
                    let divisor = 10u64.pow(power as u32);
                    if begin / divisor == last / divisor {
                        shown = (last % divisor).to_string();
                        break;
                    }
                }
            }
            format!("{p}{start}{dash}{shown}")
        }
        Some("chicago" | "chicago-15") => {
            let shown = if begin > 100 && begin % 100 != 0 && begin / 100 == last / 100 {
                (last % 100).to_string()
            } else if begin >= 10000 {
                (last % 1000).to_string()
            } else {
                expanded.clone()
            };
            format!("{p}{start}{dash}{shown}")
        }
        _ => format!("{p}{start}{dash}{p}{expanded}"),
    }
}

/// The end of a range without the leading characters it shares with the
/// start, keeping at least `keep` ("321", "328" → "8"; keep 2 → "28").
fn minimize(start: &str, end: &str, keep: usize) -> String {
    if start.len() != end.len() {
        return end.to_owned();
    }
    let shared = start
        .bytes()
        .zip(end.bytes())
        .take_while(|(a, b)| a == b)
        .count()
        .min(end.len().saturating_sub(keep));
    end[shared..].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::fragments;

    /// The examples of the specification's appendix, format by format.
    #[test]
    fn page_ranges_in_every_format() {
        let format = |page: &str, format: &str| pages(page, Some(format), "–");
        assert_eq!(format("321-328", "expanded"), "321–328");
        assert_eq!(format("321-28", "expanded"), "321–328");
        assert_eq!(format("321-328", "minimal"), "321–8");
        assert_eq!(format("321-328", "minimal-two"), "321–28");
        assert_eq!(format("101-108", "chicago-16"), "101–8");
        assert_eq!(format("321-328", "chicago-16"), "321–28");
        assert_eq!(format("71-72", "chicago-16"), "71–72");
        assert_eq!(format("e12-e14", "minimal"), "e12–4");
    }

    /// What is not a range of two numbers stays as written, with a singular
    /// label where citeproc-js reads no number.
    #[test]
    fn text_that_is_not_a_range_stays() {
        for (page, text, plural) in [
            ("No-Specified", "No-Specified", false),
            ("604.4-604", "604.4-604", false),
            ("12a-c", "12a-c", false),
            ("S47-49", "S47-49", true),
            ("12--14", "12--14", true),
            ("5,7", "5,7", false),
            ("iv-x", "iv–x", true),
            ("pp. 12-14", "12–14", true),
            ("10-12 & 15", "10–12 & 15", true),
        ] {
            assert_eq!(
                (pages(page, None, "–").as_str(), is_plural(page)),
                (text, plural),
                "{page}"
            );
        }
    }

    /// Each format through a whole style, and the plural page label,
    /// against citeproc-js.
    #[test]
    fn page_ranges_as_citeproc_js_writes_them() {
        fragments::check("page_range");
    }
}
