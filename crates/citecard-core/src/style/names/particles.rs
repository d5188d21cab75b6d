//! Name particles read off a family name, as citeproc-js reads them.

/// The non-dropping particle at the front of a family name, and the rest,
/// as citeproc-js parses them (`CSL.parseParticles`): leading pieces that
/// start with a lower-case letter, each a word and its spaces ("de la
/// Cruz") or, in a family name of one word, everything up to its last
/// hyphen or apostrophe ("al-Hakim", and "d'Alché-Buc" as "d'Alché-" +
/// "Buc"). `None` when there is none, or nothing would be left.
pub(super) fn split_family_particle(family: &str) -> Option<(&str, &str)> {
    let mut taken = 0;
    loop {
        let rest = &family[taken..];
        let word_end = rest.find(' ').unwrap_or(rest.len());
        let after_spaces = rest[word_end..].trim_start_matches(' ');
        let piece = if word_end > 0 && word_end < rest.len() && !after_spaces.is_empty() {
            rest.len() - after_spaces.len()
        } else {
            // No space after the first word: up to its last hyphen or
            // apostrophe with something after it.
            match rest[..word_end]
                .char_indices()
                .filter(|&(i, c)| i > 0 && matches!(c, '-' | '\'' | '’' | 'ʻ'))
                .map(|(i, c)| i + c.len_utf8())
                .rfind(|&end| end < rest.len())
            {
                Some(end) => end,
                None => break,
            }
        };
        let lower = rest[..piece]
            .trim_start_matches(['-', '\'', '’', 'ʻ', ' '])
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        if !lower {
            break;
        }
        taken += piece;
    }
    if taken == 0 {
        return None;
    }
    // A particle that ends in an apostrophe and a space keeps the space
    // ("d' Artagnan"); otherwise the spaces go.
    let lead = &family[..taken];
    let trimmed = lead.trim();
    let lead = if lead.ends_with(' ') && trimmed.ends_with(['\'', '’']) {
        &lead[..trimmed.len() + 1]
    } else {
        trimmed
    };
    Some((lead, &family[taken..]))
}
