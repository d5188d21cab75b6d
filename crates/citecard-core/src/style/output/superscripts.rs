//! Unicode superscript characters, which citeproc-js writes in HTML as
//! `<sup>` around their base text.

/// The superscript characters citeproc-js writes as `<sup>` in HTML, each
/// followed by its base text (Unicode's `<super>` decompositions, and a few
/// modifier letters): "™" → `<sup>TM</sup>`.
const SUPERSCRIPTS: &str = "ªa ²2 ³3 ¹1 ºo ʰh ʱɦ ʲj ʳr ʴɹ ʵɻ ʶʁ ʷw ʸy ˠɣ ˡl ˢs ˣx ˤʕ ᴬA \
    ᴭÆ ᴮB ᴰD ᴱE ᴲƎ ᴳG ᴴH ᴵI ᴶJ ᴷK ᴸL ᴹM ᴺN ᴼO ᴽȢ ᴾP ᴿR ᵀT ᵁU ᵂW \
    ᵃa ᵄɐ ᵅɑ ᵆᴂ ᵇb ᵈd ᵉe ᵊə ᵋɛ ᵌɜ ᵍg ᵏk ᵐm ᵑŋ ᵒo ᵓɔ ᵔᴖ ᵕᴗ ᵖp ᵗt \
    ᵘu ᵙᴝ ᵚɯ ᵛv ᵜᴥ ᵝβ ᵞγ ᵟδ ᵠφ ᵡχ ⁰0 ⁱi ⁴4 ⁵5 ⁶6 ⁷7 ⁸8 ⁹9 ⁺+ ⁻− \
    ⁼= ⁽( ⁾) ⁿn ℠SM ™TM ㆒一 ㆓二 ㆔三 ㆕四 ㆖上 ㆗中 ㆘下 ㆙甲 ㆚乙 ㆛丙 ㆜丁 ㆝天 ㆞地 \
    ㆟人 ˀʔ ˁʕ ۥو ۦي";

/// The base text of a superscript character, if citeproc-js writes it as one.
pub(super) fn superscript(c: char) -> Option<&'static str> {
    // Every one is in these few blocks (a test holds the table to them);
    // most of a citation, Latin or Han, is outside them.
    if !matches!(c, 'ª'..='º' | 'ʰ'..='ˤ' | 'ۥ'..='ۦ' | 'ᴬ'..='ᵡ' | '⁰'..='ⁿ' | '℠'..='™' | '㆒'..='㆟')
    {
        return None;
    }
    SUPERSCRIPTS
        .split(' ')
        .find_map(|pair| pair.strip_prefix(c))
        .filter(|base| !base.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_superscript_in_the_table_is_found() {
        for pair in SUPERSCRIPTS.split(' ') {
            let mut chars = pair.chars();
            let c = chars.next().expect("a pair");
            assert_eq!(superscript(c), Some(chars.as_str()), "{c}");
        }
    }

    #[test]
    fn text_outside_the_table_has_no_superscript() {
        for c in ['a', '2', '中', 'é', '₁'] {
            assert_eq!(superscript(c), None, "{c}");
        }
    }
}
