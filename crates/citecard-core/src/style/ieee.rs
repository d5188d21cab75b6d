//! IEEE (Institute of Electrical and Electronics Engineers), transcribed from
//! the official `ieee.csl` ("IEEE Reference Guide version 11.29.2023").

use crate::model::{ItemType, Reference};
use crate::style::csl::{
    self, date, group, is_numeric, is_plural_page, names, ordinal, page_range, rendered, seq, term,
    var, DatePart, NameStyle, Node, Piece,
};

/// en-US short month names with the IEEE locale's overrides (Jun., Jul., Sep.).
const MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec.",
];

const AUTHOR_NAMES: NameStyle = NameStyle {
    initialize_with: Some(". "),
    and: Some("and"),
    et_al_min: 7,
    et_al_use_first: 1,
    et_al_italic: true,
};

const EDITOR_NAMES: NameStyle = NameStyle {
    initialize_with: Some(". "),
    and: Some("and"),
    et_al_min: 0,
    et_al_use_first: 0,
    et_al_italic: false,
};

/// The bibliography entry's body (everything after "[1]").
pub(crate) fn body(r: &Reference) -> Node {
    let t = r.item_type;
    let rest = match t {
        ItemType::ArticleJournal => seq(vec![
            group(
                ", ",
                vec![
                    title(r),
                    var(r.container_title.as_deref()).italic(),
                    locators(r),
                    page(r),
                    issued(r),
                ],
            ),
            if r.url.is_none() && r.doi.is_none() {
                term(".")
            } else {
                term(",")
            },
            access(r),
        ]),
        ItemType::PaperConference => seq(vec![
            group(", ", vec![title(r), event(r), editor(r)]).affixed("", ", "),
            collection(r),
            group(", ", vec![publisher(r), issued(r), page(r)]).affixed("", "."),
            access(r),
        ]),
        ItemType::Chapter => seq(vec![
            group(
                ", ",
                vec![
                    title(r),
                    group(
                        " ",
                        vec![
                            term("in").affixed("", " "),
                            var(r.container_title.as_deref()).italic(),
                        ],
                    ),
                    locators(r),
                    editor(r),
                    collection(r),
                    publisher(r),
                    issued(r),
                    page(r),
                ],
            )
            .affixed("", "."),
            access(r),
        ]),
        ItemType::Report => seq(vec![
            group(
                ", ",
                vec![
                    title(r),
                    publisher(r),
                    group(" ", vec![var(r.genre.as_deref()), var(csl::number(r))]),
                    issued(r),
                ],
            )
            .affixed("", "."),
            access(r),
        ]),
        ItemType::Thesis => seq(vec![
            group(
                ", ",
                vec![title(r), var(r.genre.as_deref()), publisher(r), issued(r)],
            )
            .affixed("", "."),
            access(r),
        ]),
        ItemType::Software => seq(vec![
            group(
                ". ",
                vec![
                    title(r),
                    issued(r).affixed("(", ")"),
                    var(r.genre.as_deref()),
                    publisher(r),
                ],
            )
            .affixed("", "."),
            access(r),
        ]),
        ItemType::Preprint => seq(vec![
            group(
                ", ",
                vec![
                    title(r),
                    issued(r),
                    group(": ", vec![publisher(r).italic(), var(csl::number(r))]),
                ],
            )
            .affixed("", "."),
            access(r),
        ]),
        ItemType::Webpage => seq(vec![
            group(", ", vec![title(r), var(r.container_title.as_deref())]).affixed("", "."),
            access(r),
        ]),
        ItemType::Patent => seq(vec![
            group(", ", vec![title(r), var(csl::number(r)), issued(r)]),
            access(r),
        ]),
        ItemType::Book => seq(vec![
            group(", ", vec![title(r), locators(r)]).affixed("", ". "),
            collection(r),
            group(", ", vec![publisher(r), issued(r), page(r)]).affixed("", "."),
            access(r),
        ]),
        ItemType::ArticleMagazine | ItemType::ArticleNewspaper => seq(vec![
            group(
                ", ",
                vec![
                    title(r),
                    var(r.container_title.as_deref()).italic(),
                    locators(r),
                    publisher(r),
                    page(r),
                    issued(r),
                ],
            )
            .affixed("", "."),
            access(r),
        ]),
        _ => seq(vec![
            group(
                ", ",
                vec![
                    title(r),
                    var(r.container_title.as_deref()).italic(),
                    locators(r),
                ],
            )
            .affixed("", ". "),
            collection(r),
            group(", ", vec![publisher(r), page(r), issued(r)]).affixed("", "."),
            access(r),
        ]),
    };
    let author = author(r).affixed("", ", ");
    seq(vec![author, rest])
        .node()
        .unwrap_or(Node::Seq(Vec::new()))
}

fn author(r: &Reference) -> Piece {
    if !r.authors.is_empty() {
        return rendered(names(&r.authors, &AUTHOR_NAMES));
    }
    // <substitute>: the editors, with their label.
    editor_names(r)
}

fn editor_names(r: &Reference) -> Piece {
    let label = if r.editors.len() > 1 {
        ", Eds."
    } else {
        ", Ed."
    };
    rendered(names(&r.editors, &EDITOR_NAMES)).affixed("", label)
}

fn editor(r: &Reference) -> Piece {
    // Editors already used in place of authors are not repeated.
    if r.authors.is_empty() {
        return Piece::default();
    }
    editor_names(r)
}

fn title(r: &Reference) -> Piece {
    match r.item_type {
        ItemType::Book | ItemType::Software => var(r.title.as_deref()).italic(),
        _ => var(r.title.as_deref()).quoted(),
    }
}

fn edition(r: &Reference) -> Piece {
    if !matches!(
        r.item_type,
        ItemType::Book | ItemType::Chapter | ItemType::PaperConference | ItemType::Report
    ) {
        return Piece::default();
    }
    match r.edition.as_deref() {
        Some(edition) if is_numeric(edition) => group(
            " ",
            vec![rendered(Some(Node::Text(ordinal(edition)))), term("ed.")],
        ),
        Some(edition) => var(Some(&csl::capitalize_first(edition))).affixed("", "."),
        None => Piece::default(),
    }
}

fn locators(r: &Reference) -> Piece {
    group(
        ", ",
        vec![
            edition(r),
            group(" ", vec![term("vol."), var(r.volume.as_deref())]),
            group(" ", vec![term("no."), var(r.issue.as_deref())]),
        ],
    )
}

fn page(r: &Reference) -> Piece {
    if r.item_type == ItemType::ArticleJournal && r.article_number.is_some() {
        return group(
            " ",
            vec![term("Art."), term("no."), var(r.article_number.as_deref())],
        );
    }
    match r.page.as_deref() {
        Some(page) => {
            let label = if is_plural_page(page) { "pp." } else { "p." };
            group(" ", vec![term(label), var(Some(&page_range(page)))])
        }
        None => var(None),
    }
}

fn issued(r: &Reference) -> Piece {
    use DatePart::{Month, Year};
    let node = match r.item_type {
        ItemType::ArticleJournal | ItemType::Report => {
            date(r.issued, &[(Month, "", " "), (Year, "", "")], &MONTHS)
        }
        ItemType::Book | ItemType::Chapter | ItemType::Thesis => {
            date(r.issued, &[(Year, "", "")], &MONTHS)
        }
        ItemType::PaperConference => date(r.issued, &[(Month, "", ""), (Year, " ", "")], &MONTHS),
        _ => text_date(r.issued),
    };
    rendered(node)
}

/// The IEEE locale's `form="text"` date: "Jan. 31, 2024".
fn text_date(value: Option<crate::model::Date>) -> Option<Node> {
    use DatePart::{DayLeadingZeros, Month, Year};
    date(
        value,
        &[
            (Month, "", " "),
            (DayLeadingZeros, "", ", "),
            (Year, "", ""),
        ],
        &MONTHS,
    )
}

fn publisher(r: &Reference) -> Piece {
    match r.item_type {
        ItemType::Book | ItemType::Chapter | ItemType::PaperConference => group(
            ": ",
            vec![
                var(r.publisher_place.as_deref()),
                var(r.publisher.as_deref()),
            ],
        ),
        _ => group(
            ", ",
            vec![
                var(r.publisher.as_deref()),
                var(r.publisher_place.as_deref()),
            ],
        ),
    }
}

fn event(r: &Reference) -> Piece {
    if r.container_title.is_some() {
        group(
            " ",
            vec![term("in"), var(r.container_title.as_deref()).italic()],
        )
    } else {
        group(
            " ",
            vec![term("presented at the"), var(r.event_title.as_deref())],
        )
    }
}

fn collection(r: &Reference) -> Piece {
    if r.collection_title.is_none() {
        return Piece::default();
    }
    seq(vec![
        term("in").affixed("", " "),
        group(
            ", ",
            vec![
                var(r.collection_title.as_deref()),
                var(r.volume.as_deref()).affixed("vol. ", ""),
            ],
        )
        .affixed("", ". "),
    ])
}

fn access(r: &Reference) -> Piece {
    let url = r.url.as_ref().map(|u| u.as_str());
    if r.item_type == ItemType::Webpage {
        if url.is_none() {
            return Piece::default();
        }
        return group(
            ". ",
            vec![
                group(
                    ": ",
                    vec![term("Accessed"), rendered(text_date(r.accessed))],
                ),
                term("Online").affixed("[", "]"),
                group(": ", vec![term("Available"), var(url)]),
            ],
        )
        .affixed(" ", "");
    }
    if let Some(doi) = &r.doi {
        return var(Some(doi.as_str())).affixed(" doi: ", ".");
    }
    if url.is_some() {
        return seq(vec![
            group(
                ". ",
                vec![
                    group(
                        ": ",
                        vec![term("Accessed"), rendered(text_date(r.accessed))],
                    ),
                    group(" ", vec![term("Online")]).affixed("[", "]"),
                ],
            )
            .affixed(" ", ". "),
            group(": ", vec![term("Available"), var(url)]).affixed(" ", ""),
        ]);
    }
    Piece::default()
}

/// The whole entry as citeproc-js writes a one-item IEEE bibliography.
pub(crate) fn entry(r: &Reference) -> (String, String) {
    csl::numbered_entry("[1]", &body(r))
}
