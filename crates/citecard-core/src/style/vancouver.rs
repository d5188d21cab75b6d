//! Vancouver: "NLM/Vancouver: Citing Medicine 2nd edition
//! (citation-sequence)", transcribed from the official
//! `nlm-citation-sequence.csl` (the parent of `vancouver-nlm.csl`).

use crate::model::{ItemType, Reference};
use crate::style::csl::{
    self, date, group, is_numeric, macro_, names_inverted, ordinal, page_range_minimal, rendered,
    seq, term, var, DatePart, Node, Piece,
};

/// Short month names with the style's overrides (Jun., Jul., Sep.), periods stripped.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The bibliography's et-al rule: seven or more names become six and "et al.".
const ET_AL_MIN: usize = 7;
const ET_AL_USE_FIRST: usize = 6;

fn is_article(t: ItemType) -> bool {
    matches!(
        t,
        ItemType::ArticleJournal | ItemType::ArticleMagazine | ItemType::ArticleNewspaper
    )
}

/// The bibliography entry's body (everything after "1.").
pub(crate) fn body(r: &Reference) -> Node {
    let t = r.item_type;
    let container = r.container_title.is_some();
    // `<if type="webpage" variable="container-title">` or no container title.
    let medium_in_title = if t == ItemType::Webpage || !container {
        macro_(type_of_medium(r)).affixed("[", "]")
    } else {
        Piece::default()
    };
    let main = group(
        ". ",
        vec![
            macro_(author(r)),
            group(
                " ",
                vec![
                    macro_(title(r)),
                    macro_(var(r.genre.as_deref())).affixed("[", "]"),
                    medium_in_title,
                ],
            ),
            if container {
                Piece::default()
            } else {
                macro_(label_edition(r))
            },
            group(
                ": ",
                vec![
                    macro_(container_preposition(r)),
                    group(
                        ". ",
                        vec![macro_(secondary_authors(r)), macro_(container_title(r))],
                    ),
                ],
            ),
            group(
                "; ",
                vec![
                    macro_(publisher(r)),
                    group(
                        ";",
                        vec![macro_(date_macro(r)), macro_(identifier_serial(r))],
                    ),
                ],
            ),
            macro_(location_pagination_monographic(r)),
            macro_(webpage_part(r)),
            macro_(series(r)),
            macro_(report_number(r)),
        ],
    )
    .affixed("", ".");
    group(" ", vec![main, macro_(availability(r))])
        .node()
        .unwrap_or(Node::Seq(Vec::new()))
}

fn author(r: &Reference) -> Piece {
    if !r.authors.is_empty() {
        return rendered(names_inverted(&r.authors, ET_AL_MIN, ET_AL_USE_FIRST));
    }
    // <substitute>: the editors, with their label.
    editors(r)
}

fn editors(r: &Reference) -> Piece {
    let label = if r.editors.len() > 1 {
        ", editors"
    } else {
        ", editor"
    };
    rendered(names_inverted(&r.editors, ET_AL_MIN, ET_AL_USE_FIRST)).affixed("", label)
}

fn secondary_authors(r: &Reference) -> Piece {
    if r.authors.is_empty() {
        // Already used in place of the authors.
        return rendered(None);
    }
    editors(r)
}

fn title(r: &Reference) -> Piece {
    if r.item_type == ItemType::Webpage && r.container_title.is_some() {
        var(r.container_title.as_deref())
    } else {
        var(r.title.as_deref())
    }
}

fn type_of_medium(r: &Reference) -> Piece {
    if matches!(r.item_type, ItemType::Chapter | ItemType::PaperConference) {
        return Piece::default();
    }
    if r.url.is_some() {
        term("Internet")
    } else {
        Piece::default()
    }
}

fn container_preposition(r: &Reference) -> Piece {
    if matches!(r.item_type, ItemType::Chapter | ItemType::PaperConference) {
        term("In")
    } else {
        Piece::default()
    }
}

fn label_edition(r: &Reference) -> Piece {
    match r.edition.as_deref() {
        Some(edition) if is_numeric(edition) => group(
            " ",
            vec![rendered(Some(Node::Text(ordinal(edition)))), term("ed.")],
        ),
        edition => group(" ", vec![var(edition)]),
    }
}

fn container_title(r: &Reference) -> Piece {
    let t = r.item_type;
    let inner = if t == ItemType::Webpage {
        Piece::default()
    } else if let Some(container) = &r.container_title {
        let title = if t == ItemType::ArticleJournal {
            // form="short" strip-periods="true"; citecard keeps no short form.
            var(Some(&container.replace('.', "")))
        } else {
            var(Some(container))
        };
        let internet = if t == ItemType::ArticleJournal && r.doi.is_some() {
            Piece::default()
        } else if r.url.is_some() {
            term("Internet").affixed("[", "]")
        } else {
            Piece::default()
        };
        group(
            ". ",
            vec![group(" ", vec![title, internet]), macro_(label_edition(r))],
        )
    } else {
        seq(vec![
            group(", ", vec![macro_(label_volume(r)), var(None)]),
            group(", ", vec![var(None), var(None)]),
        ])
    };
    group(", ", vec![inner])
}

fn label_volume(r: &Reference) -> Piece {
    let label = match r.volume.as_deref() {
        Some(volume) if is_numeric(volume) => term("Vol."),
        _ => Piece::default(),
    };
    group(" ", vec![label, var(r.volume.as_deref())])
}

fn publisher(r: &Reference) -> Piece {
    if is_article(r.item_type) {
        return Piece::default();
    }
    let place = if r.item_type == ItemType::Thesis {
        var(r.publisher_place.as_deref()).affixed("[", "]")
    } else {
        var(r.publisher_place.as_deref())
    };
    group(": ", vec![macro_(place), var(r.publisher.as_deref())])
}

/// `form="text"`: "2022 Jul 26".
fn text_date(value: Option<crate::model::Date>) -> Option<Node> {
    use DatePart::{Day, Month, Year};
    date(
        value,
        &[(Year, "", ""), (Month, " ", ""), (Day, " ", "")],
        &MONTHS,
    )
}

fn year(value: Option<crate::model::Date>) -> Option<Node> {
    date(value, &[(DatePart::Year, "", "")], &MONTHS)
}

fn date_of_citation(r: &Reference) -> Piece {
    if r.url.is_none() {
        return Piece::default();
    }
    group(" ", vec![term("cited"), rendered(text_date(r.accessed))]).affixed("[", "]")
}

fn date_macro(r: &Reference) -> Piece {
    let t = r.item_type;
    let inner = if is_article(t) {
        let citation_date = if t == ItemType::ArticleJournal && r.doi.is_some() {
            Piece::default()
        } else {
            macro_(date_of_citation(r))
        };
        let page = if t == ItemType::ArticleNewspaper {
            var(r.page.as_deref())
        } else {
            Piece::default()
        };
        group(
            ":",
            vec![
                group(" ", vec![rendered(text_date(r.issued)), citation_date]),
                page,
            ],
        )
    } else if t == ItemType::Report {
        use DatePart::{Month, Year};
        group(
            " ",
            vec![
                rendered(date(r.issued, &[(Year, "", ""), (Month, " ", "")], &MONTHS)),
                macro_(date_of_citation(r)),
            ],
        )
    } else if t == ItemType::Patent {
        group(
            " ",
            vec![
                group(", ", vec![var(csl::number(r)), rendered(year(r.issued))]),
                macro_(date_of_citation(r)),
            ],
        )
    } else {
        group(
            " ",
            vec![rendered(year(r.issued)), macro_(date_of_citation(r))],
        )
    };
    group(" ", vec![inner])
}

fn identifier_serial(r: &Reference) -> Piece {
    if !matches!(
        r.item_type,
        ItemType::ArticleJournal | ItemType::ArticleMagazine
    ) {
        return Piece::default();
    }
    let location = match (&r.article_number, &r.page) {
        (Some(number), _) => var(Some(number)),
        (None, page) => var(page.as_deref().map(page_range_minimal).as_deref()),
    };
    group(
        ":",
        vec![
            group(
                "",
                vec![
                    var(r.collection_title.as_deref()),
                    var(r.volume.as_deref()),
                    group(" ", vec![var(r.issue.as_deref())]).affixed("(", ")"),
                ],
            ),
            macro_(location),
        ],
    )
}

fn location_pagination_monographic(r: &Reference) -> Piece {
    let t = r.item_type;
    let inner = if is_article(t) || t == ItemType::Book {
        // Books show their number of pages, which citecard does not keep.
        Piece::default()
    } else {
        group(
            " ",
            vec![
                term("p."),
                var(r.page.as_deref().map(page_range_minimal).as_deref()),
            ],
        )
    };
    group(" ", vec![inner])
}

fn webpage_part(r: &Reference) -> Piece {
    if r.item_type == ItemType::Webpage && r.container_title.is_some() {
        var(r.title.as_deref())
    } else {
        Piece::default()
    }
}

fn series(r: &Reference) -> Piece {
    if is_article(r.item_type) || r.collection_title.is_none() {
        return Piece::default();
    }
    group(
        ". ",
        vec![
            rendered(None),
            group("; ", vec![var(r.collection_title.as_deref()), var(None)]),
        ],
    )
    .affixed("(", ")")
}

fn report_number(r: &Reference) -> Piece {
    if r.item_type != ItemType::Report || csl::number(r).is_none() {
        return Piece::default();
    }
    let kind = match &r.genre {
        Some(genre) => var(Some(&csl::capitalize_first(genre))),
        None => term("Report"),
    };
    group(" ", vec![kind, group(": ", vec![var(csl::number(r))])])
}

fn availability(r: &Reference) -> Piece {
    let url = if r.item_type == ItemType::ArticleJournal && r.doi.is_some() {
        Piece::default()
    } else {
        group(
            ": ",
            vec![
                term("Available from"),
                var(r.url.as_ref().map(|u| u.as_str())),
            ],
        )
    };
    group(
        ". ",
        vec![
            // "Located at" an archive: citecard keeps no archive variables.
            group(
                ": ",
                vec![term("Located at"), group("; ", vec![var(None), var(None)])],
            ),
            group(
                " ",
                vec![
                    url,
                    var(r.doi.as_ref().map(|d| d.as_str())).affixed("doi:", ""),
                ],
            ),
        ],
    )
}

/// The whole entry as citeproc-js writes a one-item Vancouver bibliography.
pub(crate) fn entry(r: &Reference) -> (String, String) {
    csl::numbered_entry("1.", &body(r))
}
