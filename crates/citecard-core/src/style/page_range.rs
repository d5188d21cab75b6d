//! Page ranges (CSL 1.0.2, "Appendix V - Page Range Formats"): the
//! `page-range-format` of a style, and the en dash citeproc-js puts in a
//! range when a style sets none.

/// A page range in CSL's "minimal" format: "3323-3330" → "3323–30",
/// "10-12" → "10–2", "1-12" → "1–12".
pub(crate) fn page_range_minimal(page: &str) -> String {
    let Some((start, end)) = page.split_once(['-', '–']) else {
        return page.to_owned();
    };
    let (start, end) = (start.trim(), end.trim_start_matches('-').trim());
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(start) || !digits(end) || start.len() != end.len() {
        return format!("{start}–{end}");
    }
    let common = start
        .bytes()
        .zip(end.bytes())
        .take_while(|(a, b)| a == b)
        .count()
        .min(end.len() - 1);
    format!("{start}–{}", &end[common..])
}

/// A page range in a CSL `page-range-format`: `expanded` ("321–328"),
/// `minimal` ("321–8"), `minimal-two` ("321–28") or `chicago`/`chicago-16`
/// (CMOS 16: all digits below 100 and at hundreds, changed digits within a
/// hundred's first ten, else at least two).
pub(crate) fn page_range_format(page: &str, format: &str) -> String {
    if format == "minimal" {
        return page_range_minimal(page);
    }
    let Some((start, end)) = page.split_once(['-', '–']) else {
        return page.to_owned();
    };
    let (start, end) = (start.trim(), end.trim_start_matches('-').trim());
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(start) || !digits(end) {
        return format!("{start}–{end}");
    }
    // Expand a shortened end ("321-8" → "328") first.
    let end = if end.len() < start.len() {
        format!("{}{end}", &start[..start.len() - end.len()])
    } else {
        end.to_owned()
    };
    let keep = |min: usize| {
        if start.len() != end.len() {
            return end.clone();
        }
        let common = start
            .bytes()
            .zip(end.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        let kept = (end.len() - common).max(min).min(end.len());
        end[end.len() - kept..].to_owned()
    };
    let end = match format {
        "minimal-two" => keep(2),
        "chicago" | "chicago-15" | "chicago-16" => {
            let n: u64 = start.parse().unwrap_or(0);
            if n < 100 || n % 100 == 0 {
                end
            } else if n % 100 < 10 {
                keep(1)
            } else {
                keep(2)
            }
        }
        _ => end,
    };
    format!("{start}–{end}")
}

/// A page range with an en dash ("10-12" → "10–12").
pub(crate) fn page_range(page: &str) -> String {
    page.replace("--", "–").replace('-', "–")
}

/// Whether a page variable holds more than one page.
pub(crate) fn is_plural_page(page: &str) -> bool {
    page.contains(['-', '–', ',', '&'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::fragments;

    /// The examples of the specification's appendix, format by format.
    #[test]
    fn page_ranges_in_every_format() {
        assert_eq!(page_range_format("321-328", "expanded"), "321–328");
        assert_eq!(page_range_format("321-28", "expanded"), "321–328");
        assert_eq!(page_range_format("321-328", "minimal"), "321–8");
        assert_eq!(page_range_format("321-328", "minimal-two"), "321–28");
        assert_eq!(page_range_format("101-108", "chicago-16"), "101–8");
        assert_eq!(page_range_format("321-328", "chicago-16"), "321–28");
        assert_eq!(page_range_format("71-72", "chicago-16"), "71–72");
        assert_eq!(page_range_format("e12-e14", "minimal"), "e12–e14");
    }

    /// Each format through a whole style, and the plural page label,
    /// against citeproc-js.
    #[test]
    fn page_ranges_as_citeproc_js_writes_them() {
        fragments::check("page_range");
    }
}
