//! Harvard, as taught by Cite Them Right, transcribed from the official
//! `harvard-cite-them-right.csl`.

use crate::model::{Date, ItemType, Name, Reference};
use crate::style::csl::{
    self, date, group, is_numeric, macro_, ordinal, page_range, rendered, seq, term, var, DatePart,
    Node, Piece,
};

/// en-US month names (the style names no locale of its own for months).
const MONTHS_LONG: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_article(t: ItemType) -> bool {
    matches!(
        t,
        ItemType::ArticleJournal | ItemType::ArticleMagazine | ItemType::ArticleNewspaper
    )
}

/// What stood in for missing authors; CSL suppresses it where it would
/// appear again.
#[derive(Clone, Copy, PartialEq)]
enum Substitute {
    None,
    Editors,
    ContainerTitle,
    Title,
}

/// The bibliography entry.
pub(crate) fn body(r: &Reference) -> Node {
    let (author, substitute) = author(r);
    let no_author = author.node_ref().is_none();
    let title = if substitute == Substitute::Title {
        var(None)
    } else {
        macro_(title(r))
    };
    let container = if substitute == Substitute::ContainerTitle {
        Piece::default()
    } else {
        macro_(container_title(r))
    };
    let main = group(
        ". ",
        vec![
            group(
                " ",
                vec![
                    macro_(author),
                    macro_(year_date(r, no_author)).affixed("(", ")"),
                    group(
                        ", ",
                        vec![
                            title,
                            group(" ", vec![macro_(editor(r, substitute)), container]),
                        ],
                    ),
                ],
            ),
            macro_(secondary_contributors(r, substitute)),
            macro_(publisher(r)),
        ],
    );
    let details = group(
        ", ",
        vec![
            macro_(locator(r)),
            macro_(published_date(r)),
            macro_(pages(r)),
        ],
    )
    .affixed(", ", "");
    seq(vec![main, details, macro_(access(r)).affixed(". ", "")])
        .affixed("", ".")
        .node()
        .unwrap_or(Node::Seq(Vec::new()))
}

/// "Repper, J., Eve, J. and ImROC Research Group": family name first,
/// initials with periods and no spaces, "and" before the last name (", and"
/// before an organisation), et al. from four names.
fn author_names(list: &[Name]) -> Option<Node> {
    if list.is_empty() {
        return None;
    }
    if list.len() >= 4 {
        return Some(Node::Seq(vec![
            Node::Text(format!("{} ", sorted_name(&list[0], false))),
            Node::Italic(vec![Node::Text("et al.".to_owned())]),
        ]));
    }
    let written: Vec<String> = list
        .iter()
        .map(|name| {
            // disambiguate-add-givenname: identical initials get full given names.
            let ambiguous = name.literal.is_none()
                && list.iter().filter(|other| *other != name).any(|other| {
                    other.family == name.family
                        && other.given.as_deref().map(|g| initials(g, "."))
                            == name.given.as_deref().map(|g| initials(g, "."))
                });
            sorted_name(name, ambiguous)
        })
        .collect();
    Some(Node::Text(join_with_and(&written, list)))
}

fn join_with_and(written: &[String], list: &[Name]) -> String {
    let mut text = String::new();
    for (i, name) in written.iter().enumerate() {
        if i > 0 {
            if i == written.len() - 1 {
                let comma = if list[i].literal.is_some() && written.len() > 2 {
                    ","
                } else {
                    ""
                };
                text.push_str(comma);
                text.push_str(" and ");
            } else {
                text.push_str(", ");
            }
        }
        text.push_str(name);
    }
    text.replace('\'', "’")
}

/// "van Beethoven, L.", "La Fontaine, J. de", "King, M.L., Jr.".
fn sorted_name(name: &Name, full_given: bool) -> String {
    if let Some(literal) = &name.literal {
        return literal.clone();
    }
    let mut text = [&name.particle, &name.family]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ");
    let given = name.given.as_deref().map(|g| {
        if full_given {
            g.to_owned()
        } else {
            initials(g, ".")
        }
    });
    let given = [given.as_deref(), name.dropping_particle.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    if !given.is_empty() {
        text.push_str(", ");
        text.push_str(&given);
    }
    if let Some(suffix) = &name.suffix {
        text.push_str(", ");
        text.push_str(suffix);
    }
    text
}

/// "R. Okafor": given initials first.
fn display_names(list: &[Name]) -> Option<Node> {
    if list.is_empty() {
        return None;
    }
    let written: Vec<String> = list
        .iter()
        .map(|name| {
            if let Some(literal) = &name.literal {
                return literal.clone();
            }
            [
                name.given.as_deref().map(|g| initials(g, ".")),
                name.dropping_particle.clone(),
                name.particle.clone(),
                name.family.clone(),
                name.suffix.clone(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
        })
        .collect();
    Some(Node::Text(join_with_and(&written, list)))
}

/// "Matthew L" → "M.L.", "Klaus-Peter" → "K.-P.".
fn initials(given: &str, with: &str) -> String {
    let mut out = String::new();
    for word in given.split_whitespace() {
        for (j, piece) in word.split('-').enumerate() {
            if j > 0 {
                out.push('-');
            }
            if let Some(first) = piece.chars().next() {
                out.extend(first.to_uppercase());
                out.push_str(with);
            }
        }
    }
    out
}

fn author(r: &Reference) -> (Piece, Substitute) {
    if !r.authors.is_empty() {
        return (rendered(author_names(&r.authors)), Substitute::None);
    }
    if !r.editors.is_empty() {
        let label = if r.editors.len() > 1 {
            " (eds.)"
        } else {
            " (ed.)"
        };
        return (
            rendered(author_names(&r.editors)).affixed("", label),
            Substitute::Editors,
        );
    }
    if is_article(r.item_type) {
        let container = r.container_title.as_deref().map(title_case);
        let piece = var(container.as_deref()).italic();
        let used = if piece.node_ref().is_some() {
            Substitute::ContainerTitle
        } else {
            Substitute::None
        };
        return (piece, used);
    }
    let title = macro_(title(r));
    let used = if title.node_ref().is_some() {
        Substitute::Title
    } else {
        Substitute::None
    };
    (title, used)
}

fn year_date(r: &Reference, first: bool) -> Piece {
    match r.issued {
        Some(issued) => rendered(date(
            Some(issued),
            &[(DatePart::Year, "", "")],
            &MONTHS_LONG,
        )),
        None if first => term("No date"),
        None => term("no date"),
    }
}

fn title(r: &Reference) -> Piece {
    if matches!(
        r.item_type,
        ItemType::Book | ItemType::Report | ItemType::Thesis | ItemType::Webpage
    ) {
        group(
            ". ",
            vec![
                group(
                    " ",
                    vec![group(" ", vec![var(r.title.as_deref()).italic()])],
                ),
                macro_(edition(r)),
            ],
        )
    } else {
        var(r.title.as_deref()).quoted()
    }
}

fn edition(r: &Reference) -> Piece {
    match r.edition.as_deref() {
        Some(edition) if is_numeric(edition) => group(
            " ",
            // The term "ed." with strip-periods.
            vec![rendered(Some(Node::Text(ordinal(edition)))), term("ed")],
        ),
        edition => var(edition),
    }
}

fn editor(r: &Reference, substitute: Substitute) -> Piece {
    if !matches!(r.item_type, ItemType::Chapter | ItemType::PaperConference) {
        return Piece::default();
    }
    let editors = if substitute == Substitute::Editors {
        rendered(None)
    } else {
        let label = if r.editors.len() > 1 {
            " (eds.)"
        } else {
            " (ed.)"
        };
        rendered(display_names(&r.editors)).affixed("", label)
    };
    group(" ", vec![term("in"), rendered(None), editors])
}

fn container_title(r: &Reference) -> Piece {
    let Some(container) = &r.container_title else {
        return Piece::default();
    };
    let preprint = if matches!(r.item_type, ItemType::Preprint | ItemType::ArticleJournal)
        && r.page.is_none()
        && r.volume.is_none()
    {
        term("Preprint").affixed("[", "]")
    } else {
        Piece::default()
    };
    group(
        ". ",
        vec![
            group(" ", vec![var(Some(container)).italic(), preprint]),
            macro_(edition(r)),
        ],
    )
}

fn secondary_contributors(r: &Reference, substitute: Substitute) -> Piece {
    if matches!(r.item_type, ItemType::Chapter | ItemType::PaperConference)
        || substitute == Substitute::Editors
        || r.editors.is_empty()
    {
        return Piece::default();
    }
    seq(vec![
        term("Edited by "),
        rendered(display_names(&r.editors)),
    ])
}

fn publisher(r: &Reference) -> Piece {
    match r.item_type {
        ItemType::Thesis => group(
            ". ",
            vec![var(r.genre.as_deref()), var(r.publisher.as_deref())],
        ),
        ItemType::Report => group(
            ". ",
            vec![
                group(" ", vec![var(r.genre.as_deref()), var(csl::number(r))]),
                group(
                    ": ",
                    vec![
                        var(r.publisher_place.as_deref()),
                        var(r.publisher.as_deref()),
                    ],
                ),
            ],
        ),
        t if is_article(t) => Piece::default(),
        _ => group(
            " ",
            vec![
                group(
                    ", ",
                    vec![
                        var(r.event_title.as_deref()).italic(),
                        group(
                            ": ",
                            vec![
                                var(r.publisher_place.as_deref()),
                                var(r.publisher.as_deref()),
                            ],
                        ),
                    ],
                ),
                group(", ", vec![var(r.collection_title.as_deref()), var(None)]).affixed("(", ")"),
            ],
        ),
    }
}

fn locator(r: &Reference) -> Piece {
    if r.item_type != ItemType::ArticleJournal {
        return Piece::default();
    }
    seq(vec![
        var(r.volume.as_deref()),
        var(r.issue.as_deref()).affixed("(", ")"),
    ])
}

fn published_date(r: &Reference) -> Piece {
    if !matches!(
        r.item_type,
        ItemType::ArticleMagazine | ItemType::ArticleNewspaper
    ) {
        return Piece::default();
    }
    use DatePart::{Day, Month};
    rendered(date(
        r.issued,
        &[(Day, "", " "), (Month, "", "")],
        &MONTHS_LONG,
    ))
}

fn pages(r: &Reference) -> Piece {
    if !matches!(
        r.item_type,
        ItemType::Chapter
            | ItemType::PaperConference
            | ItemType::ArticleJournal
            | ItemType::Preprint
            | ItemType::ArticleMagazine
            | ItemType::ArticleNewspaper
            | ItemType::Book
            | ItemType::Report
    ) {
        return Piece::default();
    }
    match r.page.as_deref() {
        Some(page) => {
            let label = if csl::is_plural_page(page) {
                "pp."
            } else {
                "p."
            };
            group(" ", vec![term(label), var(Some(&page_range(page)))])
        }
        None => var(None),
    }
}

/// en-US `form="text"`: "January 31, 2024".
fn text_date(value: Option<Date>) -> Option<Node> {
    use DatePart::{Day, Month, Year};
    date(
        value,
        &[(Month, "", " "), (Day, "", ", "), (Year, "", "")],
        &MONTHS_LONG,
    )
}

fn access(r: &Reference) -> Piece {
    if let Some(doi) = &r.doi {
        return group(
            ": ",
            vec![
                term("Available at"),
                var(Some(&format!("https://doi.org/{}", doi.as_str()))),
            ],
        );
    }
    if let Some(url) = &r.url {
        return seq(vec![
            term("Available at").affixed("", ": "),
            var(Some(url.as_str())),
            group(
                ": ",
                vec![term("Accessed"), rendered(text_date(r.accessed))],
            )
            .affixed(" (", ")"),
        ]);
    }
    Piece::default()
}

/// citeproc-js's English title case, for the few words this style cases:
/// every word capitalised except short function words after the first.
fn title_case(text: &str) -> String {
    const SMALL: &[&str] = &[
        "a", "an", "and", "as", "at", "but", "by", "down", "for", "from", "in", "into", "nor",
        "of", "on", "onto", "or", "over", "so", "the", "till", "to", "up", "via", "with", "yet",
    ];
    text.split(' ')
        .enumerate()
        .map(|(i, word)| {
            if i > 0 && SMALL.contains(&word) {
                return word.to_owned();
            }
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The whole entry as citeproc-js writes a one-item Harvard bibliography.
pub(crate) fn entry(r: &Reference) -> (String, String) {
    csl::plain_entry(&body(r))
}
