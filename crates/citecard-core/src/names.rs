//! Splitting personal names written as text into their CSL parts.

use crate::model::Name;

/// Whether `word` is a generational suffix such as "Jr." or "III".
pub fn is_suffix(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.').to_ascii_lowercase().as_str(),
        "jr" | "sr" | "ii" | "iii" | "iv"
    )
}

/// Whether `c` belongs to a script written without spaces between names
/// (Chinese, Japanese, Korean).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Split a name written in reading order: "Given \[particles\] Family \[Suffix\]".
///
/// Lower-case words before the family name are a particle ("Ludwig van
/// Beethoven"); a name in a script without spaces ("张三") stays whole, as
/// a literal.
///
/// ```
/// use citecard_core::names::parse_display_name;
/// let name = parse_display_name("Ludwig van Beethoven");
/// assert_eq!(name.given.as_deref(), Some("Ludwig"));
/// assert_eq!(name.particle.as_deref(), Some("van"));
/// assert_eq!(name.family.as_deref(), Some("Beethoven"));
/// assert_eq!(parse_display_name("张三").literal.as_deref(), Some("张三"));
/// ```
pub fn parse_display_name(name: &str) -> Name {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [] => return Name::default(),
        [only] => {
            return if only.chars().any(is_cjk) {
                Name {
                    literal: Some((*only).to_owned()),
                    ..Name::default()
                }
            } else {
                Name {
                    family: Some((*only).to_owned()),
                    ..Name::default()
                }
            }
        }
        _ => {}
    }
    let suffix = match words.last() {
        Some(last) if words.len() > 2 && is_suffix(last) => words.pop().map(str::to_owned),
        _ => None,
    };
    let family_start = words.len() - 1;
    let particle_start = (1..family_start)
        .find(|&i| starts_lowercase(words[i]))
        .unwrap_or(family_start);
    Name {
        given: join(&words[..particle_start]),
        particle: join(&words[particle_start..family_start]),
        family: join(&words[family_start..]),
        suffix,
        ..Name::default()
    }
}

/// Split an inverted name: "Family, Given", "von Family, Given", or with a
/// suffix, "Family, Given, Suffix" (RIS order).
///
/// ```
/// use citecard_core::names::parse_inverted_name;
/// let name = parse_inverted_name("van der Berg, Anna, Jr.");
/// assert_eq!(name.particle.as_deref(), Some("van der"));
/// assert_eq!(name.family.as_deref(), Some("Berg"));
/// assert_eq!(name.given.as_deref(), Some("Anna"));
/// assert_eq!(name.suffix.as_deref(), Some("Jr."));
/// ```
pub fn parse_inverted_name(name: &str) -> Name {
    let parts: Vec<&str> = name.split(',').map(str::trim).collect();
    let (last, given, suffix) = match parts.as_slice() {
        [_] => return parse_display_name(name),
        [last, given] => (*last, *given, None),
        [last, given, suffix, ..] => (*last, *given, Some(*suffix)),
        [] => return Name::default(),
    };
    let words: Vec<&str> = last.split_whitespace().collect();
    let family_start = words
        .iter()
        .position(|w| !starts_lowercase(w))
        .unwrap_or(words.len().saturating_sub(1));
    Name {
        particle: join(&words[..family_start]),
        family: join(&words[family_start..]),
        given: Some(given.to_owned()).filter(|g| !g.is_empty()),
        suffix: suffix.filter(|s| !s.is_empty()).map(str::to_owned),
        ..Name::default()
    }
}

/// Whether a name written with commas is an organisation's rather than
/// "Family, Given": a part after the first comma reads like a phrase
/// ("Task Force on the Sexualization of Girls") or is long.
///
/// ```
/// use citecard_core::names::looks_like_organisation;
/// assert!(looks_like_organisation("American Psychological Association, Task Force on the Sexualization of Girls"));
/// assert!(!looks_like_organisation("de la Vallée Poussin, Charles Louis Xavier Joseph"));
/// assert!(!looks_like_organisation("Doe, John, Jr."));
/// ```
pub fn looks_like_organisation(name: &str) -> bool {
    const FUNCTION_WORDS: &[&str] = &["of", "on", "the", "and", "for", "in", "&"];
    name.split(',').skip(1).any(|part| {
        let words: Vec<&str> = part.split_whitespace().collect();
        words.len() >= 6 || words.iter().any(|w| FUNCTION_WORDS.contains(w))
    })
}

fn starts_lowercase(word: &str) -> bool {
    word.starts_with(|c: char| c.is_lowercase())
}

fn join(words: &[&str]) -> Option<String> {
    (!words.is_empty()).then(|| words.join(" "))
}
