//! What real exports carry is read, not lost or misread. Each case is a
//! shape seen in public records (Ovid, Embase and Scopus RIS exports; Better
//! BibTeX exports), and each expected value is what the format's
//! specification says the field means: the RIS specification (and Zotero's
//! RIS translator, which follows it), the BibLaTeX manual, and the DOI
//! Foundation's shortDOI service.
#![cfg(all(feature = "html5gum", feature = "bibtex"))]

use citecard_core::export::csl_json;
use citecard_core::{parse, Format, ItemType, Reference};
use serde_json::json;

fn read(input: &str) -> Vec<Reference> {
    let document = parse(input, None).expect("readable");
    document
        .records
        .into_iter()
        .map(|r| r.expect("a record").reference)
        .collect()
}

#[test]
fn ris_exports_that_number_their_records_are_read() {
    // Ovid writes `1.` on a line of its own before each record.
    let input = "1.\nTY  - JOUR\nTI  - One\nER  - \n\n2.\nTY  - JOUR\nTI  - Two\nER  - \n";
    let document = parse(input, None).unwrap();
    assert_eq!(document.format, Format::Ris);
    let titles: Vec<_> = document
        .records
        .iter()
        .map(|r| r.as_ref().unwrap().reference.title.clone().unwrap())
        .collect();
    assert_eq!(titles, ["One", "Two"]);
}

#[test]
fn ris_m1_of_an_article_is_not_its_number() {
    // Embase puts author addresses in M1 ("miscellaneous"); for a journal
    // article the RIS specification gives it no meaning, and Zotero keeps it
    // in `extra`. A citation must not print it as an article number.
    let input = "TY  - JOUR\nTI  - T\nM1  - (Eloubeidi M.A., meloubeidi@example.org)\nER  - \n";
    let reference = &read(input)[0];
    assert_eq!(reference.article_number, None);
    assert_eq!(reference.number, None);
    assert_eq!(
        reference.source_fields.get("RIS:M1").map(String::as_str),
        Some("(Eloubeidi M.A., meloubeidi@example.org)")
    );
    // A report's number is in M1 (and a patent's application number).
    let report = &read("TY  - RPRT\nTI  - R\nM1  - TR-17\nER  - \n")[0];
    assert_eq!(report.number.as_deref(), Some("TR-17"));
}

#[test]
fn ris_month_in_da_joins_the_year_in_py() {
    // Web of Science writes the month alone in DA, the year in PY.
    let input = "TY  - JOUR\nTI  - A\nPY  - 2018\nDA  - SEP\nER  - \n\n\
                 TY  - JOUR\nTI  - B\nDA  - JUN 19\nPY  - 2023\nER  - \n";
    let references = read(input);
    let dates: Vec<_> = references
        .iter()
        .map(|r| r.issued.map(|d| (d.year, d.month, d.day)))
        .collect();
    assert_eq!(
        dates,
        [Some((2018, Some(9), None)), Some((2023, Some(6), Some(19)))]
    );
}

#[test]
fn ris_sn_is_an_issn_in_a_journal_and_its_note_is_read() {
    // Scopus notes the kind of number after it; a journal's SN is its ISSN.
    let input = "TY  - JOUR\nTI  - A\nSN  - 03064530 (ISSN)\nER  - \n\n\
                 TY  - JOUR\nTI  - B\nSN  - 2226-7190\nSN  - 2226-7190\nER  - \n\n\
                 TY  - BOOK\nTI  - C\nSN  - 978-3-16-148410-0\nER  - \n";
    let references = read(input);
    assert_eq!(references[0].issn, ["0306-4530"]);
    assert!(references[0].isbn.is_empty());
    assert_eq!(
        references[1].issn,
        ["2226-7190"],
        "a repeated number is kept once"
    );
    assert_eq!(references[2].isbn, ["978-3-16-148410-0"]);
}

#[test]
fn ris_c7_is_the_article_number() {
    // Scopus: "…, 111, Article 104501".
    let input = "TY  - JOUR\nTI  - T\nVL  - 111\nC7  - 104501\nER  - \n";
    let reference = &read(input)[0];
    assert_eq!(reference.article_number.as_deref(), Some("104501"));
    assert_eq!(reference.csl_number(), Some("104501"));
}

#[test]
fn a_bibtex_url_keeps_its_tilde() {
    // `url` is a verbatim field (BibLaTeX manual, 2.2.2 and 3.1.1): `~` is
    // part of the address, not a tie.
    let reference = &read("@misc{k, title = {T}, url = {https://example.org/~user/page}}")[0];
    assert_eq!(
        reference.url.as_ref().map(|u| u.as_str()),
        Some("https://example.org/~user/page")
    );
}

#[test]
fn bibtex_translators_and_editor_roles_are_kept() {
    let input = "@book{k, title = {T}, translator = {Doe, Jane and Roe, Ann},
        editor = {Kubrick, Stanley}, editortype = {director}}";
    let reference = &read(input)[0];
    assert_eq!(
        reference.csl_variables.get("translator"),
        Some(&json!([{"family": "Doe", "given": "Jane"}, {"family": "Roe", "given": "Ann"}]))
    );
    // `editortype = {director}` names the editor's role (BibLaTeX manual,
    // 2.2.2): a director, not an editor.
    assert!(reference.editors.is_empty());
    assert_eq!(
        reference.csl_variables.get("director"),
        Some(&json!([{"family": "Kubrick", "given": "Stanley"}]))
    );
}

#[test]
fn a_bibtex_cjk_name_with_a_space_has_a_given_name_not_a_particle() {
    // BibTeX's von part is the words beginning with a lower-case letter
    // (Patashnik, "Designing BibTeX Styles"); a caseless Han word is not one.
    let references = read("@article{k, author = {张 三 and van der Berg, Anna}, title = {T}}");
    let zhang = &references[0].authors[0];
    assert_eq!(
        (zhang.given.as_deref(), zhang.family.as_deref()),
        (Some("张"), Some("三"))
    );
    assert_eq!(zhang.particle, None);
    assert_eq!(
        references[0].authors[1].particle.as_deref(),
        Some("van der")
    );
}

#[test]
fn crossref_relations_between_versions_are_read_and_kept() {
    // The Crossref REST API's `relation`: for each relation type an array of
    // `{"id-type", "id", "asserted-by"}`; only DOIs name a version citecard
    // can find in a list.
    let input = r#"{"status":"ok","message-type":"work","message":{
        "DOI":"10.1101/2020.01.01.000001","type":"posted-content","title":["A preprint"],
        "relation":{"is-preprint-of":[{"id-type":"doi","id":"10.1000/Published","asserted-by":"subject"},
                                      {"id-type":"uri","id":"https://example.org/x","asserted-by":"subject"}],
                    "has-review":[{"id-type":"doi","id":"10.1000/review","asserted-by":"object"}]}}}"#;
    let reference = &read(input)[0];
    let published = citecard_core::Doi::parse("10.1000/published").unwrap();
    assert_eq!(
        reference.relations.preprint_of,
        std::slice::from_ref(&published)
    );
    assert!(reference.relations.preprints.is_empty());
    // Through CSL-JSON (citecard's `custom`), as the card and the modules
    // hand records over, the relation stays.
    let json = csl_json::write(std::slice::from_ref(reference));
    assert!(
        json.contains("\"is-preprint-of\": [\n        \"10.1000/Published\"\n      ]"),
        "{json}"
    );
    assert_eq!(read(&json)[0].relations.preprint_of, [published]);
}

#[test]
fn bibtex_unpublished_is_a_manuscript() {
    let reference = &read("@unpublished{k, title = {Draft}, author = {Doe, J.}, year = 2020}")[0];
    assert_eq!(reference.item_type, ItemType::Manuscript);
    assert_eq!(reference.item_type.csl_name(), "manuscript");
}

#[test]
fn biblatex_types_keep_their_kind_of_work() {
    // The biblatex manual's types (2.1.1, 2.1.3) as CSL names the same
    // works; citation.js 0.9 reads these the same way.
    for (kind, csl) in [
        ("inreference", "entry"),
        ("artwork", "graphic"),
        ("image", "graphic"),
        ("video", "motion_picture"),
        ("audio", "song"),
        ("letter", "personal_communication"),
        ("standard", "standard"),
        ("legislation", "legislation"),
    ] {
        let reference = &read(&format!("@{kind}{{k, title = {{T}}, year = 2020}}"))[0];
        assert_eq!(reference.item_type.csl_name(), csl, "@{kind}");
    }
}

#[test]
fn bibtex_series_number_of_a_book_is_the_collection_number() {
    // In a book of a series, `number` is its number in the series (BibLaTeX
    // manual, 2.2.2: "number … the number of a book in a series").
    let input =
        "@book{k, title = {B}, series = {Lecture Notes in Computer Science}, number = {42}}";
    let reference = &read(input)[0];
    assert_eq!(
        reference.collection_title.as_deref(),
        Some("Lecture Notes in Computer Science")
    );
    assert_eq!(reference.collection_number.as_deref(), Some("42"));
    assert_eq!(reference.number, None);
    // A report's number stays its number.
    let report =
        &read("@techreport{r, title = {R}, series = {S}, number = {7}, institution = {I}}")[0];
    assert_eq!(report.number.as_deref(), Some("7"));
}

#[test]
fn short_dois_are_dois() {
    // Better BibTeX writes shortDOIs; the resolver answers `10/…` like the
    // DOI it stands for.
    let reference = &read("@article{k, title = {T}, doi = {10/fqd6hj}}")[0];
    let doi = reference.doi.as_ref().expect("a DOI");
    assert_eq!(doi.as_str(), "10/fqd6hj");
    assert_eq!(doi.url().as_str(), "https://doi.org/10/fqd6hj");
}

#[test]
fn inline_markup_in_a_title_adds_no_white_space() {
    // Crossref and PubMed titles carry JATS/HTML inline markup; an inline
    // element is not a word break (HTML's rendering of `<i>`, `<sub>`).
    let item = r#"[{"type": "article-journal",
        "title": "Synthesis of <i>p</i>-Bromostyrene and (g<sub>1</sub>), <i>c</i><sub>p</sub><br>Part&nbsp;2"}]"#;
    let reference = &read(item)[0];
    assert_eq!(
        reference.title.as_deref(),
        Some("Synthesis of p-Bromostyrene and (g1), cp Part 2")
    );
}

#[test]
fn latex_math_and_formatting_in_titles_become_rich_text() {
    // `H$_2$O` is a subscript, not raw text; `\textit{give}` is italics
    // (CSL-JSON carries both as markup within the field, CSL 1.0.2
    // Appendix VI, as citation.js writes them).
    let reference =
        &read(r"@article{k, title = {H$_2$O at 10$^{3}$ K: the syntax of \textit{give}}}")[0];
    assert_eq!(
        reference.title.as_deref(),
        Some("H2O at 103 K: the syntax of give")
    );
    let written = csl_json::write(std::slice::from_ref(reference));
    let item: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(
        item[0]["title"],
        "H<sub>2</sub>O at 10<sup>3</sup> K: the syntax of <i>give</i>"
    );
    // The BibTeX writer keeps the formatting, and reading it back gives the
    // same title.
    let bibtex = citecard_core::export::bibtex::write(std::slice::from_ref(reference));
    assert!(bibtex.contains(r"H\textsubscript{2}O"), "{bibtex}");
    assert_eq!(read(&bibtex)[0].title_rich, reference.title_rich);
    // Math citecard cannot read stays as written.
    let reference = &read(r"@article{k, title = {The $\alpha$ test}}")[0];
    assert_eq!(reference.title.as_deref(), Some("The $\\alpha$ test"));
    assert!(reference.title_rich.is_empty());
}

#[test]
fn inline_markup_in_titles_is_kept_through_csl_json() {
    // A Crossref title's inline HTML: its text as before, its formatting kept
    // and written back as CSL markup.
    let item = r#"{"status": "ok", "message-type": "work", "message": {
        "type": "journal-article", "DOI": "10.1/x",
        "title": ["<i>In vitro</i> uptake of CO<sub>2</sub>"]}}"#;
    let reference = &read(item)[0];
    assert_eq!(reference.title.as_deref(), Some("In vitro uptake of CO2"));
    let written = csl_json::write(std::slice::from_ref(reference));
    let again = &read(&written)[0];
    assert_eq!(again.title_rich, reference.title_rich);
    assert!(written.contains("<i>In vitro</i> uptake of CO<sub>2</sub>"));
}

#[test]
fn bibtex_crossref_inherits_what_the_entry_lacks() {
    // biblatex manual, 2.4.1: a chapter takes its book's editors, publisher
    // and date, and the book's title as its booktitle; what it has stays.
    let input = "@incollection{ch, title = {A chapter}, author = {Doe, Jane}, crossref = {bk}, pages = {1--9}}\n\
                 @book{bk, title = {The book}, editor = {Roe, Ann}, publisher = {P}, year = 2001}\n\
                 @book{loop, title = {Itself}, crossref = {loop}}";
    let references = read(input);
    let chapter = &references[0];
    assert_eq!(chapter.authors[0].family.as_deref(), Some("Doe"));
    assert_eq!(chapter.editors[0].family.as_deref(), Some("Roe"));
    assert_eq!(chapter.container_title.as_deref(), Some("The book"));
    assert_eq!(chapter.publisher.as_deref(), Some("P"));
    assert_eq!(chapter.issued.map(|d| d.year), Some(2001));
    assert_eq!(chapter.page.as_deref(), Some("1-9"));
    assert_eq!(references[2].title.as_deref(), Some("Itself"));
}

#[test]
fn a_literal_tilde_is_no_tie() {
    // `\textasciitilde{}` is the character ~; `~` alone is a tie (a space).
    let reference = &read(r"@misc{k, title = {a\textasciitilde{}b and c~d}}")[0];
    assert_eq!(reference.title.as_deref(), Some("a~b and c d"));
}

#[test]
fn latex_spacing_commands_vanish() {
    let reference = &read(r"@book{k, title = {Lorenzo de’\hspace{0pt}Medici}}")[0];
    assert_eq!(reference.title.as_deref(), Some("Lorenzo de’Medici"));
}

#[test]
fn every_csl_type_survives_a_csl_json_round_trip() {
    // Every item type of the CSL 1.0.2 specification, read from CSL-JSON and
    // written back unchanged (before, a `post-weblog` became a `document`).
    let types = [
        "article",
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "bill",
        "book",
        "broadcast",
        "chapter",
        "classic",
        "collection",
        "dataset",
        "document",
        "entry",
        "entry-dictionary",
        "entry-encyclopedia",
        "event",
        "figure",
        "graphic",
        "hearing",
        "interview",
        "legal_case",
        "legislation",
        "manuscript",
        "map",
        "motion_picture",
        "musical_score",
        "pamphlet",
        "paper-conference",
        "patent",
        "performance",
        "periodical",
        "personal_communication",
        "post",
        "post-weblog",
        "regulation",
        "report",
        "review",
        "review-book",
        "software",
        "song",
        "speech",
        "standard",
        "thesis",
        "treaty",
        "webpage",
    ];
    let items: Vec<_> = types
        .iter()
        .map(|t| json!({"id": t, "type": t, "title": "T"}))
        .collect();
    let references = read(&serde_json::to_string(&items).unwrap());
    let written = citecard_core::export::csl_json::items(&references);
    let read_back: Vec<&str> = written
        .iter()
        .map(|i| i["type"].as_str().unwrap())
        .collect();
    assert_eq!(read_back, types);
}

#[test]
fn ris_blog_posts_are_blog_posts() {
    let reference = &read("TY  - BLOG\nTI  - A post\nER  - \n")[0];
    assert_eq!(reference.item_type, ItemType::PostWeblog);
}

#[test]
fn a_csl_json_date_range_is_kept() {
    // CSL-JSON writes a range as two `date-parts` (CSL data schema); the
    // reader keeps both, and the writer gives them back.
    let item = r#"[{"id": "r", "type": "book", "title": "T", "issued": {"date-parts": [[2014], [2015]]}}]"#;
    let references = read(item);
    assert_eq!(references[0].issued.map(|d| d.year), Some(2014));
    assert_eq!(references[0].issued_end.map(|d| d.year), Some(2015));
    let written = citecard_core::export::csl_json::items(&references);
    assert_eq!(
        written[0]["issued"],
        json!({"date-parts": [[2014], [2015]]})
    );
}

#[test]
fn a_biblatex_date_range_is_kept() {
    let reference = &read("@book{k, title = {T}, date = {2014/2015}}")[0];
    assert_eq!(reference.issued.map(|d| d.year), Some(2014));
    assert_eq!(reference.issued_end.map(|d| d.year), Some(2015));
}

#[test]
fn an_ovid_records_trailer_is_not_a_record() {
    // Ovid writes tags after a record's `ER` (its journal abbreviation in
    // `NL`) and a link line, then the next record's number. No `ER` closes
    // them: they trail the record, they are no record without a `TY`.
    let input = "1.\nTY  - JOUR\nTI  - One\nER  -\nNL  - Clin Psychol\n\nLink to the Ovid Full Text or citation: https://example.org/x\n\n2.\nTY  - JOUR\nTI  - Two\nER  -\nNL  - J Health Psychol\n";
    let document = parse(input, None).unwrap();
    assert_eq!(document.records.len(), 2);
    assert!(document.records.iter().all(Result::is_ok));
    // Tags that an `ER` closes without a `TY` are still an error.
    let broken = "TY  - JOUR\nTI  - One\nER  - \nAU  - Doe, J.\nTI  - No type\nER  - \n";
    let document = parse(broken, None).unwrap();
    assert_eq!(document.records.len(), 2);
    assert!(document.records[1].is_err());
}

/// A JSON number kept as text (a CSL number variable, a `custom` field
/// citecard has no place for) keeps the digits it was written with (RFC 8259 gives a
/// number's text, not a binary value); the browser reads it the same
/// (`tests/json_numbers.rs`).
#[test]
fn json_numbers_kept_as_text_keep_their_digits() {
    let item = r#"{"type": "book", "title": "T", "volume": 1e2, "issue": 2.50,
        "custom": {"x-score": [1.5, 1e-7, {"a": 100.0}]}}"#;
    let reference = read(item).remove(0);
    assert_eq!(reference.volume.as_deref(), Some("1e2"));
    assert_eq!(reference.issue.as_deref(), Some("2.50"));
    assert_eq!(
        reference.source_fields["x-score"],
        r#"[1.5,1e-7,{"a":100.0}]"#
    );
}
