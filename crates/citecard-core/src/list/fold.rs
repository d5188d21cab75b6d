//! Text folded for matching: lower case, without diacritics, the same for
//! `Müller` and `muller`, `Ｔｏｋｙｏ` and `tokyo`, and left as it is for
//! scripts without case (`阅读`). Used by the list's search and by name
//! matching.

use std::sync::OnceLock;

#[cfg(feature = "unicode-normalization")]
use unicode_normalization::UnicodeNormalization;

/// The two Unicode normalization forms folding needs, for a build without
/// the `unicode-normalization` feature: the browser's list hands
/// `String.prototype.normalize`, which is the same normalization without
/// 61 KB of tables in the wasm.
#[derive(Debug, Clone, Copy)]
pub struct Normalizer {
    /// Compatibility decomposition (NFKD).
    pub nfkd: fn(&str) -> String,
    /// Canonical composition (NFC).
    pub nfc: fn(&str) -> String,
}

static NORMALIZER: OnceLock<Normalizer> = OnceLock::new();

/// Normalize with `normalizer` from now on (the first call wins). With the
/// `unicode-normalization` feature the crate's own tables are used and
/// this is not needed; without it and without a normalizer, text is folded
/// by case only.
pub fn set_normalizer(normalizer: Normalizer) {
    let _ = NORMALIZER.set(normalizer);
}

/// The normalizer in use: the crate's own tables when built with them, else
/// the one handed to [`set_normalizer`], if any.
fn normalizer() -> Option<Normalizer> {
    #[cfg(feature = "unicode-normalization")]
    return Some(Normalizer {
        nfkd: |text| text.nfkd().collect(),
        nfc: |text| text.nfc().collect(),
    });
    #[cfg(not(feature = "unicode-normalization"))]
    NORMALIZER.get().copied()
}

/// `text` in the normalization form `form` picks (as it is, without a
/// normalizer).
fn normalize(text: &str, form: fn(&Normalizer) -> fn(&str) -> String) -> String {
    normalizer().map_or_else(|| text.to_owned(), |n| form(&n)(text))
}

/// The combining diacritical marks (U+0300–U+036F): accents, cedillas,
/// umlauts, … of Latin, Greek and Cyrillic letters. Other combining marks
/// (the kana voicing marks, Indic vowel signs) carry meaning and stay.
fn is_diacritic(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// `text` folded: compatibility-decomposed (NFKD: full-width forms,
/// ligatures), diacritics dropped, lower-cased, and the Latin letters
/// that do not decompose spelled out (`ß` → `ss`, `æ` → `ae`, `ø` → `o`,
/// `ł` → `l`, …).
///
/// ```
/// use citecard_core::list::fold::fold;
/// assert_eq!(fold("Müller-Lüdenscheidt"), "muller-ludenscheidt");
/// assert_eq!(fold("Łukasz Øster Straße"), "lukasz oster strasse");
/// assert_eq!(fold("Ｔｏｋｙｏ"), "tokyo");
/// assert_eq!(fold("阅读研究"), "阅读研究");
/// ```
pub fn fold(text: &str) -> String {
    // ASCII is its own decomposition and has no diacritics: most of a
    // list's text, folded on every entry and every search.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in normalize(text, |n| n.nfkd)
        .chars()
        .filter(|&c| !is_diacritic(c))
    {
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' => out.push('d'),
            'ð' | 'Ð' => out.push('d'),
            'þ' | 'Þ' => out.push_str("th"),
            'ı' => out.push('i'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// `text` with German umlauts spelled out (`ü` → `ue`) before folding: the
/// other way `Müller` is written (`Mueller`).
///
/// ```
/// use citecard_core::list::fold::fold_umlauts_spelled_out;
/// assert_eq!(fold_umlauts_spelled_out("Müller"), "mueller");
/// assert_eq!(fold_umlauts_spelled_out("Ärzte"), "aerzte");
/// ```
pub fn fold_umlauts_spelled_out(text: &str) -> String {
    if text.is_ascii() {
        return fold(text);
    }
    let mut spelled = String::with_capacity(text.len() + 4);
    for c in normalize(text, |n| n.nfc).chars() {
        match c {
            'ä' | 'Ä' => spelled.push_str("ae"),
            'ö' | 'Ö' => spelled.push_str("oe"),
            'ü' | 'Ü' => spelled.push_str("ue"),
            c => spelled.push(c),
        }
    }
    fold(&spelled)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_diacritics_fold_away_and_cjk_is_kept() {
        for (text, folded) in [
            ("ÉCOLE Normale", "ecole normale"),
            ("São Paulo", "sao paulo"),
            ("Dvořák", "dvorak"),
            ("İstanbul", "istanbul"),
            ("ﬁnance", "finance"),
            ("Zürich", "zurich"),
            ("Ångström", "angstrom"),
            ("中文摘要。", "中文摘要。"),
            ("ｶﾀｶﾅ", "カタカナ"),
            // The voicing mark is kept: ガ and カ are different sounds.
            ("ガ", "カ\u{3099}"),
        ] {
            assert_eq!(fold(text), folded, "{text}");
        }
    }
}
