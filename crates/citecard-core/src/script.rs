//! The language a piece of record text is written in, as far as its script
//! tells: what a card puts in `lang` so that the browser picks the right
//! glyphs (Chinese Han characters drawn with Japanese forms otherwise) and
//! line breaking.

/// The BCP 47 tag for text in a CJK script: `ja` when it has kana, `ko`
/// when it has Hangul, `zh-Hant` for Han text with traditional-only
/// characters among the most common ones, else `zh-Hans`; `None` for text
/// with no CJK characters, whose language the script does not tell.
///
/// ```
/// use citecard_core::script::cjk_lang;
/// assert_eq!(cjk_lang("新冠肺炎的流行病学研究"), Some("zh-Hans"));
/// assert_eq!(cjk_lang("臺灣的語言與文學"), Some("zh-Hant"));
/// assert_eq!(cjk_lang("日本語のテキスト"), Some("ja"));
/// assert_eq!(cjk_lang("한국어 제목"), Some("ko"));
/// assert_eq!(cjk_lang("A study of reading"), None);
/// ```
pub fn cjk_lang(text: &str) -> Option<&'static str> {
    let (mut han, mut kana, mut hangul, mut traditional) = (false, false, false, false);
    for c in text.chars() {
        match c as u32 {
            0x3040..=0x30FF | 0x31F0..=0x31FF => kana = true,
            0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F => hangul = true,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => {
                han = true;
                traditional |= TRADITIONAL.contains(c);
            }
            _ => {}
        }
    }
    match (han, kana, hangul) {
        (_, true, _) => Some("ja"),
        (_, _, true) => Some("ko"),
        (true, _, _) if traditional => Some("zh-Hant"),
        (true, _, _) => Some("zh-Hans"),
        _ => None,
    }
}

/// Common traditional characters whose simplified forms differ: one of them
/// in a Han text marks it as traditional Chinese.
const TRADITIONAL: &str =
    "們國學會經這說時來對與發實現當體關說點變題產業進動機義開問學報臺灣語處頭";

#[cfg(test)]
mod tests {
    use super::cjk_lang;

    #[test]
    fn mixed_text_takes_the_cjk_script() {
        assert_eq!(cjk_lang("COVID-19 与 情报学报"), Some("zh-Hans"));
        assert_eq!(cjk_lang("学報"), Some("zh-Hant"));
        assert_eq!(cjk_lang(""), None);
    }
}
