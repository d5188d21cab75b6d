//! Whose page a list is on: one name, as a page writes it, matched against
//! the authors of every record however each writes that person: initials
//! (`J. Repper`, `Repper J`, `Repper, J.`), abbreviated and hyphenated given
//! names, particles (`van der Berg`, `Berg, J. van der`), diacritics
//! (`Müller`, `Muller`, `Mueller`), either name order, and Chinese names
//! with or without a space; and nobody else.

use crate::list::fold::{fold, fold_umlauts_spelled_out};
use crate::model::Name;
use crate::names::{is_cjk, parse_display_name, parse_inverted_name};

/// Marks after a name that say something about its author: equal
/// contribution, corresponding author. They are not part of the name.
const MARKS: &[char] = &['*', '†', '‡', '§', '#'];

/// One part of a given name: a whole word, or an initial.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Given {
    Word(String),
    Initial(char),
}

impl Given {
    fn first(&self) -> Option<char> {
        match self {
            Given::Word(word) => word.chars().next(),
            Given::Initial(c) => Some(*c),
        }
    }

    /// Whether two given-name parts can name the same person: equal words,
    /// or an initial and a word (or initial) it begins.
    fn agrees(&self, other: &Given) -> bool {
        match (self, other) {
            (Given::Word(a), Given::Word(b)) => a == b,
            _ => self.first() == other.first(),
        }
    }
}

/// A person, as the matcher compares names: the family name with its
/// particles in each of the ways it may be spelled, the given names part by
/// part, and, for a name in Chinese, Japanese or Korean characters, the
/// whole name without spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    family: Vec<String>,
    given: Vec<Given>,
    cjk: Vec<String>,
}

impl Person {
    /// The person a `highlight` name names: `Knuth, Donald E.`,
    /// `Donald E. Knuth`, `Knuth DE` (family name, then initials), `张三`.
    /// `None` for a name with nothing to match on.
    ///
    /// ```
    /// use citecard_core::list::highlight::Person;
    /// use citecard_core::names::parse_display_name;
    /// let knuth = Person::parse("Knuth, Donald E.").unwrap();
    /// assert!(knuth.matches(&parse_display_name("D. E. Knuth")));
    /// assert!(!knuth.matches(&parse_display_name("Douglas E. Knuth")));
    /// ```
    pub fn parse(text: &str) -> Option<Person> {
        let text = text.trim().trim_end_matches(MARKS).trim();
        let name = if text.contains(',') {
            parse_inverted_name(text)
        } else {
            let words: Vec<&str> = text.split_whitespace().collect();
            match words.as_slice() {
                // "Repper JP": a family name, then its initials run together.
                [family @ .., initials] if !family.is_empty() && is_run_of_initials(initials) => {
                    Name {
                        family: Some(family.join(" ")),
                        given: Some((*initials).to_owned()),
                        ..Name::default()
                    }
                }
                _ => parse_display_name(text),
            }
        };
        Person::of(&name)
    }

    /// The person `name` names; `None` for a name with nothing to match on
    /// (an empty one).
    pub fn of(name: &Name) -> Option<Person> {
        let clean = clean_part;
        let whole: String = [&name.literal, &name.family, &name.given]
            .into_iter()
            .filter_map(clean)
            .collect();
        if whole.chars().any(is_cjk) {
            let squash = |text: String| -> String {
                fold(
                    &text
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .collect::<String>(),
                )
            };
            // Family name first, as Chinese, Japanese and Korean write it;
            // and given name first too, since a record that split the name
            // at a space read it as "Given Family" (BibTeX's `张 三`).
            let mut forms = vec![squash(whole)];
            if let (Some(family), Some(given)) = (clean(&name.family), clean(&name.given)) {
                let reversed = squash(format!("{given}{family}"));
                if !forms.contains(&reversed) {
                    forms.push(reversed);
                }
            }
            return Some(Person {
                family: Vec::new(),
                given: Vec::new(),
                cjk: forms,
            });
        }
        // Lower-case words at the end of the given names are the family
        // name's particles ("Berg, J. van der").
        let mut given_words: Vec<&str> =
            clean(&name.given).map_or_else(Vec::new, |g| g.split_whitespace().collect());
        let mut trailing = Vec::new();
        while given_words.len() > 1
            && given_words
                .last()
                .is_some_and(|w| w.starts_with(char::is_lowercase))
        {
            trailing.insert(0, given_words.pop().unwrap_or_default());
        }
        let family_words: Vec<&str> = [&name.dropping_particle, &name.particle]
            .into_iter()
            .filter_map(clean)
            .chain(trailing.iter().copied())
            .chain(clean(&name.family).or(clean(&name.literal)))
            .collect();
        let family = family_words.join(" ");
        if family.is_empty() {
            return None;
        }
        let squash = |text: String| {
            text.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        };
        let mut spellings = vec![squash(fold(&family))];
        let spelled_out = squash(fold_umlauts_spelled_out(&family));
        if !spellings.contains(&spelled_out) {
            spellings.push(spelled_out);
        }
        Some(Person {
            family: spellings,
            given: given_parts(&given_words.join(" ")),
            cjk: Vec::new(),
        })
    }

    /// Whether `name` names this person.
    ///
    /// The family names (with their particles) must be the same, in one of
    /// their spellings (`Müller` is `Muller` and `Mueller`). The given
    /// names must agree part by part as far as both go: a word with the
    /// same word, an initial with any word it begins; a middle name one
    /// side leaves out is no difference (`Donald Knuth`, `D. E. Knuth`).
    /// A name in either order matches when every part is a whole word
    /// (`Zhang San`, `San Zhang`). A name given without given names matches
    /// every bearer of the family name.
    pub fn matches(&self, name: &Name) -> bool {
        let Some(other) = Person::of(name) else {
            return false;
        };
        if !self.cjk.is_empty() || !other.cjk.is_empty() {
            return self.cjk.iter().any(|form| other.cjk.contains(form));
        }
        self.same_order(&other) || self.swapped(&other)
    }

    fn same_family(&self, other: &Person) -> bool {
        self.family.iter().any(|f| other.family.contains(f))
    }

    fn same_order(&self, other: &Person) -> bool {
        if !self.same_family(other) {
            return false;
        }
        match (self.given.as_slice(), other.given.as_slice()) {
            ([], _) => true,
            (_, []) => false,
            (mine, theirs) => mine.iter().zip(theirs).all(|(a, b)| a.agrees(b)),
        }
    }

    /// Family and given names the other way round, whole words only.
    fn swapped(&self, other: &Person) -> bool {
        let word = |given: &[Given]| match given {
            [Given::Word(word)] => Some(word.clone()),
            _ => None,
        };
        match (word(&self.given), word(&other.given)) {
            (Some(mine), Some(theirs)) => {
                self.family.contains(&theirs) && other.family.contains(&mine)
            }
            _ => false,
        }
    }
}

/// A part of a name without the marks around it; `None` when nothing is
/// left.
fn clean_part(part: &Option<String>) -> Option<&str> {
    part.as_deref()
        .map(|p| p.trim_matches(|c: char| MARKS.contains(&c) || c.is_whitespace()))
        .filter(|p| !p.is_empty())
}

/// Whether `word` is initials run together, as in `Repper JP`: one to three
/// capital letters and nothing else.
fn is_run_of_initials(word: &str) -> bool {
    let letters = word.chars().count();
    (1..=3).contains(&letters) && word.chars().all(char::is_uppercase)
}

/// Given names part by part: words and initials, split at spaces, hyphens
/// and full stops (`Jean-Pierre`, `J.-P.`, `D.E.`), folded; initials run
/// together (`JP`) are split.
fn given_parts(given: &str) -> Vec<Given> {
    let mut parts = Vec::new();
    for word in given.split(|c: char| c.is_whitespace() || c == '-' || c == '.' || c == '‐') {
        if word.is_empty() {
            continue;
        }
        if word.chars().count() > 1 && is_run_of_initials(word) {
            parts.extend(fold(word).chars().map(Given::Initial));
            continue;
        }
        let folded: String = fold(word).chars().filter(|c| c.is_alphanumeric()).collect();
        let mut chars = folded.chars();
        match (chars.next(), chars.next()) {
            (Some(initial), None) => parts.push(Given::Initial(initial)),
            (Some(_), Some(_)) => parts.push(Given::Word(folded)),
            _ => {}
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Name;

    fn name(family: &str, given: &str) -> Name {
        Name {
            family: Some(family.into()),
            given: Some(given.into()).filter(|g: &String| !g.is_empty()),
            ..Name::default()
        }
    }

    /// The same person, however a record writes them: each highlight name
    /// against the names it must match and those it must not.
    #[test]
    fn one_highlight_name_matches_every_form_of_that_person_and_nobody_else() {
        let table: &[(&str, &[Name], &[Name])] = &[
            (
                "Repper, Julie",
                &[
                    name("Repper", "Julie"),
                    name("Repper", "J."),
                    name("Repper", "J"),
                    name("REPPER", "JULIE"),
                    name("Repper", "Julie A."),
                    parse_display_name("J. Repper"),
                    parse_inverted_name("Repper, J."),
                ],
                &[
                    name("Repper", "Julian"),
                    name("Repper", "K."),
                    name("Reper", "Julie"),
                    name("Repper", ""),
                ],
            ),
            (
                "Repper J",
                &[
                    name("Repper", "Julie"),
                    name("Repper", "J."),
                    name("Repper", "Julian"),
                ],
                &[name("Repper", "Kate"), name("Pepper", "J.")],
            ),
            (
                "Knuth, Donald E.",
                &[
                    name("Knuth", "Donald"),
                    name("Knuth", "D. E."),
                    name("Knuth", "D.E."),
                    name("Knuth", "DE"),
                    name("Knuth", "Donald Ervin"),
                    name("Knuth", "D."),
                ],
                &[
                    name("Knuth", "Douglas"),
                    name("Knuth", "D. F."),
                    name("Knuth", "Donald F."),
                ],
            ),
            (
                "Jean-Pierre Serre",
                &[
                    name("Serre", "J.-P."),
                    name("Serre", "Jean-Pierre"),
                    name("Serre", "J. P."),
                    name("Serre", "JP"),
                    name("Serre", "Jean Pierre"),
                ],
                &[name("Serre", "Jean-Paul"), name("Serre", "J.-M.")],
            ),
            (
                "Anna van der Berg",
                &[
                    parse_inverted_name("van der Berg, Anna"),
                    parse_inverted_name("Berg, A. van der"),
                    parse_display_name("A. van der Berg"),
                    Name {
                        particle: Some("Van der".into()),
                        ..name("Berg", "Anna")
                    },
                ],
                &[name("Berg", "Anna"), parse_display_name("Anna van Berg")],
            ),
            (
                "Müller, Hans",
                &[
                    name("Muller", "Hans"),
                    name("Mueller", "Hans"),
                    name("MÜLLER", "H."),
                ],
                &[name("Miller", "Hans"), name("Müller", "Heinz")],
            ),
            (
                "Mueller, Hans",
                &[name("Müller", "Hans"), name("Mueller", "H.")],
                &[name("Muller", "Hans")],
            ),
            (
                "José Ortega",
                &[name("Ortega", "Jose"), name("ORTEGA", "J.")],
                &[name("Ortega", "Josefina")],
            ),
            (
                "Zhang San",
                &[
                    name("Zhang", "San"),
                    name("San", "Zhang"),
                    parse_display_name("San Zhang"),
                ],
                &[name("Zhang", "Wei"), name("Zhang", "S. T.")],
            ),
            (
                "张三",
                &[
                    Name {
                        literal: Some("张三".into()),
                        ..Name::default()
                    },
                    Name {
                        literal: Some("张 三".into()),
                        ..Name::default()
                    },
                    name("张", "三"),
                    // BibTeX's `张 三`, read as "Given Family".
                    name("三", "张"),
                ],
                &[
                    Name {
                        literal: Some("张三丰".into()),
                        ..Name::default()
                    },
                    name("李", "三"),
                    name("四", "张"),
                    name("Zhang", "San"),
                ],
            ),
            (
                "Lovelace",
                &[name("Lovelace", "Ada"), name("Lovelace", "A.")],
                &[name("Lovelock", "Ada")],
            ),
        ];
        for (highlight, same, others) in table {
            let person = Person::parse(highlight).unwrap_or_else(|| panic!("{highlight}"));
            for name in *same {
                assert!(person.matches(name), "{highlight} should match {name:?}");
            }
            for name in *others {
                assert!(
                    !person.matches(name),
                    "{highlight} should not match {name:?}"
                );
            }
        }
    }

    #[test]
    fn contribution_marks_are_not_part_of_the_name() {
        let person = Person::parse("Repper, Julie").unwrap();
        assert!(person.matches(&name("Repper*", "Julie")));
        assert!(person.matches(&name("Repper", "Julie†")));
        assert_eq!(Person::parse("  "), None);
    }
}
