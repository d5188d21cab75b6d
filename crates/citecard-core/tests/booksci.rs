//! The shared BookSci records, read field by field.
#![cfg(feature = "html5gum")]

use citecard_core::rich_text::inline_text;
use citecard_core::{parse, Block, Date, Format, Name, Quartile, Reference, RichText};

fn only_reference(input: &str) -> Reference {
    let document = parse(input, None).expect("the record is readable");
    assert_eq!(document.format, Format::BookSci);
    assert_eq!(document.records.len(), 1);
    let record = document
        .records
        .into_iter()
        .next()
        .unwrap()
        .expect("the record parses");
    assert_eq!(record.warnings, vec![], "a clean record has no warnings");
    record.reference
}

fn person(given: &str, family: &str) -> Name {
    Name {
        given: Some(given.to_owned()),
        family: Some(family.to_owned()),
        ..Name::default()
    }
}

/// Each paragraph's section label (or "") and plain text.
fn paragraphs(text: &RichText) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for section in &text.sections {
        for block in &section.blocks {
            let Block::Paragraph(inlines) = block else {
                panic!("no lists expected: {block:?}");
            };
            let label = section.label.clone().unwrap_or_default();
            out.push((label, inline_text(inlines)));
        }
    }
    out
}

fn some(text: &str) -> Option<String> {
    Some(text.to_owned())
}

#[test]
fn reference_record_has_exact_fields() {
    let reference = only_reference(include_str!(
        "../../../static/records/seed-coproduction.txt"
    ));
    assert_eq!(
        reference.title,
        some("Embedding coproduction in organisational culture and practice: a case study")
    );
    assert_eq!(
        reference.authors,
        vec![person("Julie", "Repper"), person("Julian", "Eve")]
    );
    assert_eq!(
        reference.container_title,
        some("Leadership in Health Services")
    );
    assert_eq!(
        (reference.volume.clone(), reference.issue.clone()),
        (None, None)
    );
    assert_eq!(
        (reference.page.clone(), reference.article_number.clone()),
        (None, None)
    );
    assert_eq!(
        reference.issued,
        Some(Date {
            year: 2022,
            month: Some(7),
            day: Some(26)
        })
    );
    assert_eq!(reference.epub, None);
    assert_eq!(
        reference.doi.as_ref().unwrap().as_str(),
        "10.1108/LHS-04-2022-0039"
    );
    assert_eq!(
        reference.link().unwrap().as_str(),
        "https://doi.org/10.1108/LHS-04-2022-0039"
    );
    assert_eq!(
        reference.url, None,
        "ListUrlMain is the DOI link, not a landing page"
    );
    assert_eq!(reference.metrics.jcr_quartile, Some(Quartile::Q3));
    assert_eq!(
        reference.metrics.jcr_category,
        some("HEALTH POLICY & SERVICES")
    );
    assert_eq!(reference.metrics.impact_factor, Some(1.7));
    assert_eq!(reference.metrics.cas_zone, None);
    assert_eq!(reference.metrics.cas_category, None);
    assert_eq!(reference.metrics.citation_count, Some(1));
    assert!(!reference.open_access);
    assert_eq!(reference.pdf_url, None);

    let abstract_text = paragraphs(&reference.abstract_text.expect("an abstract"));
    let labels: Vec<_> = abstract_text
        .iter()
        .map(|(label, _)| label.as_str())
        .collect();
    assert_eq!(
        labels,
        [
            "Purpose",
            "Design/methodology/approach",
            "Findings",
            "Originality/value"
        ]
    );
    assert_eq!(
        abstract_text[0].1,
        "This paper aims to explore the challenges of coproduction at individual, team, service, \
         organisational and system level and critically describes the work of one organization \
         to describe ways in which coproduction can be facilitated."
    );
    assert!(abstract_text[3]
        .1
        .ends_with("with attention to ways of overcoming challenges."));
    assert_eq!(
        reference
            .source_fields
            .get("FirstCategoryId")
            .map(String::as_str),
        Some("1085")
    );
    assert_eq!(
        reference.provenance.inferred,
        Vec::<String>::new(),
        "the JSON had everything"
    );
}

#[test]
fn the_text_lines_after_the_json_fill_what_the_json_lacks() {
    let seed = include_str!("../../../static/records/seed-coproduction.txt");
    let stripped = seed
        .replace("\"citationCount\":\"1\"", "\"citationCount\":null")
        .replacen("\"abstract\":\"<p>", "\"abstract\":\"\",\"x\":\"", 1);
    let reference = only_reference(&stripped);
    assert_eq!(reference.metrics.citation_count, Some(1));
    let abstract_text = paragraphs(&reference.abstract_text.expect("the plain abstract"));
    assert_eq!(abstract_text.len(), 4);
    assert_eq!(abstract_text[2].0, "Findings");
    assert_eq!(
        reference.provenance.inferred,
        ["citation count", "abstract"]
    );
}

#[test]
fn elsevier_bare_doi_and_article_number() {
    let reference = only_reference(include_str!(
        "fixtures/valid/booksci/elsevier record with a bare DOI and an article number.json"
    ));
    assert_eq!(
        reference.title,
        some("ProSpec: Profile-guided Specialization for GPU Kernels")
    );
    assert_eq!(reference.authors.len(), 5);
    assert_eq!(reference.authors[4], person("Yuming", "Zhou"));
    assert_eq!(
        reference.link().unwrap().as_str(),
        "https://doi.org/10.1016/j.infsof.2025.107901"
    );
    assert_eq!(reference.volume, some("188"));
    assert_eq!(reference.issue, None);
    assert_eq!(reference.article_number, some("107901"));
    assert_eq!(reference.page, None);
    assert_eq!(reference.metrics.jcr_quartile, Some(Quartile::Q1));
    assert_eq!(reference.metrics.cas_zone, Some(2));
    assert_eq!(reference.metrics.cas_category, some("计算机科学"));
    assert_eq!(
        reference.metrics.citation_count, None,
        "null is unknown, not 0"
    );
    assert_eq!(
        paragraphs(&reference.abstract_text.unwrap()).len(),
        5,
        "one paragraph per nested <div>"
    );
}

#[test]
fn pubmed_preprint_with_unknown_metrics() {
    let reference = only_reference(include_str!(
        "fixtures/valid/booksci/pubmed record with a preprint volume and unknown metrics.json"
    ));
    assert_eq!(
        reference.title,
        some(
            "A Differential Impedance Flow Cytometry Front-End with Baseline Current Cancellation"
        )
    );
    assert_eq!(reference.authors[2], person("Matthew L", "Johnston"));
    assert_eq!(
        reference.volume, None,
        "\"PP\" marks a preprint, not a volume"
    );
    assert_eq!(reference.metrics.impact_factor, None, "IF 0.0 is unknown");
    assert_eq!(reference.metrics.cas_zone, None, "RegionNum 0 is unknown");
    assert_eq!(reference.metrics.jcr_quartile, None);
    assert_eq!(reference.metrics.jcr_category, None);
    let abstract_text = paragraphs(&reference.abstract_text.unwrap());
    assert_eq!(abstract_text.len(), 1, "<p><p> is one paragraph");
    assert!(abstract_text[0].1.starts_with("In this work, we present"));
}

#[test]
fn wiley_nuls_and_open_access_pdf() {
    let reference = only_reference(include_str!(
        "fixtures/valid/booksci/wiley record with NULs and an open-access PDF.json"
    ));
    assert_eq!(
        (reference.volume.clone(), reference.issue.clone()),
        (some("2025"), some("1"))
    );
    assert!(reference.open_access, "a PDF URL beats isOpenAccess: false");
    assert_eq!(
        reference.pdf_url.unwrap().as_str(),
        "https://onlinelibrary.wiley.com/doi/epdf/10.1049/sfw2/8832164"
    );
    assert_eq!(reference.metrics.cas_zone, Some(4));
    let abstract_text = paragraphs(&reference.abstract_text.unwrap());
    assert_eq!(abstract_text.len(), 1);
    assert!(!abstract_text[0].1.contains('\0'));
    assert!(abstract_text[0].1.starts_with("Software defect prediction"));
}

#[test]
fn listing_page_header_lines_before_the_json() {
    let reference = only_reference(include_str!(
        "fixtures/valid/booksci/listing page with header lines before the JSON.txt"
    ));
    assert_eq!(
        reference.title,
        some("Irr and equivalence of cash-flow streams, loans, and portfolios of bonds")
    );
    assert_eq!(
        (reference.volume.clone(), reference.issue.clone()),
        (some("41"), some("1"))
    );
    assert_eq!(reference.metrics.jcr_quartile, Some(Quartile::Q4));
    let abstract_text = paragraphs(&reference.abstract_text.unwrap());
    assert_eq!(abstract_text.len(), 1);
    assert_eq!(abstract_text[0].0, "");
    assert!(abstract_text[0].1.contains("(irr, either constant"));
}

#[test]
fn several_records_in_one_input_keep_their_order() {
    let one = include_str!(
        "fixtures/valid/booksci/elsevier record with a bare DOI and an article number.json"
    );
    let two =
        include_str!("fixtures/valid/booksci/wiley record with NULs and an open-access PDF.json");
    let document = parse(&format!("{}\n{}\n", one.trim(), two.trim()), None).unwrap();
    let titles: Vec<_> = document
        .records
        .iter()
        .map(|r| r.as_ref().unwrap().reference.title.clone().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "ProSpec: Profile-guided Specialization for GPU Kernels",
            "Predicting Software Perfection Through Advanced Models to Uncover and Prevent Defects"
        ]
    );
}
