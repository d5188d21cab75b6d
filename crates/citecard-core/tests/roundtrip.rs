//! Property: writing references as CSL-JSON and reading them back gives the
//! same references.
#![cfg(all(feature = "html5gum", not(target_arch = "wasm32")))]

use citecard_core::export::csl_json;
use citecard_core::rich_text::{Block, CanonicalHtml, Inline, Section};

mod common;
use citecard_core::{
    parse, Date, Doi, Format, HttpUrl, ItemType, Metrics, Name, Provenance, Quartile, Reference,
    RichText,
};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

/// Words as they survive HTML reading: no markup characters, no spare spaces.
fn words(max: usize) -> impl Strategy<Value = String> {
    vec("[A-Za-z0-9éüßøçł中文の]{1,9}[.,:;?!']?", 1..=max).prop_map(|w| w.join(" "))
}

fn name() -> impl Strategy<Value = Name> {
    prop_oneof![
        (
            words(2),
            option::of(words(2)),
            option::of("(van|de|von der)"),
            option::of("(Jr\\.|III)")
        )
            .prop_map(|(family, given, particle, suffix)| Name {
                family: Some(family),
                given,
                particle,
                suffix,
                ..Name::default()
            }),
        words(4).prop_map(|literal| Name {
            literal: Some(literal),
            ..Name::default()
        }),
    ]
}

fn date() -> impl Strategy<Value = Date> {
    (1000..2100i32, option::of((1..=12u8, option::of(1..=28u8)))).prop_map(|(year, md)| Date {
        year,
        month: md.map(|(m, _)| m),
        day: md.and_then(|(_, d)| d),
    })
}

fn inline() -> impl Strategy<Value = Vec<Inline>> {
    // Text, then marked-up words, alternating, so that no two texts touch.
    (words(6), vec((0..4usize, words(3), words(3)), 0..3)).prop_map(|(first, rest)| {
        let mut out = vec![Inline::Text(first)];
        for (kind, marked, after) in rest {
            if let Some(Inline::Text(last)) = out.last_mut() {
                last.push(' ');
            }
            let marked = vec![Inline::Text(marked)];
            out.push(match kind {
                0 => Inline::Emphasis(marked),
                1 => Inline::Strong(marked),
                2 => Inline::Superscript(marked),
                _ => Inline::Subscript(marked),
            });
            out.push(Inline::Text(format!(" {after}")));
        }
        out
    })
}

fn rich_text() -> impl Strategy<Value = RichText> {
    vec(
        (
            option::of("(Purpose|Findings|Results)"),
            vec(inline(), 1..3),
        ),
        1..4,
    )
    .prop_map(|sections| RichText {
        sections: sections
            .into_iter()
            .enumerate()
            .map(|(i, (label, paragraphs))| Section {
                // Only the first section may be unlabelled: a later unlabelled
                // paragraph belongs to the section before it.
                label: if i == 0 {
                    label
                } else {
                    label.or(Some("Results".into()))
                },
                blocks: paragraphs.into_iter().map(Block::Paragraph).collect(),
            })
            .collect(),
    })
}

fn item_type() -> impl Strategy<Value = ItemType> {
    prop_oneof![
        Just(ItemType::ArticleJournal),
        Just(ItemType::Book),
        Just(ItemType::Chapter),
        Just(ItemType::PaperConference),
        Just(ItemType::Thesis),
        Just(ItemType::Report),
        Just(ItemType::Preprint),
        Just(ItemType::Webpage),
        Just(ItemType::Dataset),
    ]
}

prop_compose! {
    fn reference()(
        item_type in item_type(),
        title in option::of(words(10)),
        title_zh in option::of("[中文标题研究]{2,12}"),
        authors in vec(name(), 0..5),
        editors in vec(name(), 0..2),
        container_title in option::of(words(5)),
        publisher in option::of(words(3)),
        volume in option::of("[1-9][0-9]{0,3}"),
        issue in option::of("[1-9][0-9]?"),
        page in option::of("[1-9][0-9]{0,2}-[1-9][0-9]{0,3}"),
        number in option::of("[1-9][0-9]{3,6}"),
        issued in option::of(date()),
        doi in option::of("10\\.[0-9]{4,5}/[A-Za-z0-9.()_-]{1,20}"),
        url in option::of("https://example\\.org/[a-z0-9/]{0,20}"),
        abstract_text in option::of(rich_text()),
        quartile in option::of(prop_oneof![Just(Quartile::Q1), Just(Quartile::Q4)]),
        impact in option::of(1..500u32),
        zone in option::of(1..=4u8),
        count in option::of(0..100_000u64),
    ) -> Reference {
        let article = matches!(item_type, ItemType::ArticleJournal | ItemType::Preprint);
        Reference {
            item_type,
            title,
            title_zh,
            authors,
            editors,
            container_title,
            publisher,
            volume,
            issue,
            page,
            article_number: number.clone().filter(|_| article),
            number: number.filter(|_| !article),
            issued,
            doi: doi.and_then(|d| Doi::parse(&d)),
            url: url.and_then(|u| HttpUrl::parse(&u)),
            abstract_text,
            metrics: Metrics {
                jcr_quartile: quartile,
                impact_factor: impact.map(|i| f64::from(i) / 10.0),
                cas_zone: zone,
                citation_count: count,
                ..Metrics::default()
            },
            provenance: Provenance { format: Some(Format::BookSci), inferred: Vec::new() },
            ..Reference::default()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn csl_json_round_trips(references in vec(reference(), 1..4)) {
        let json = csl_json::write(&references);
        let document = parse(&json, Some(Format::CslJson)).unwrap();
        let read: Vec<Reference> = document
            .records
            .into_iter()
            .map(|record| {
                let mut reference = record.unwrap().reference;
                reference.source_key = None;
                reference
            })
            .collect();
        prop_assert_eq!(read, references);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The citation module reads the card's abstracts back with
    /// `CanonicalHtml` instead of a full tokenizer: nothing may change.
    #[test]
    fn canonical_html_reads_back_what_to_html_writes(text in rich_text()) {
        let html = text.to_html();
        prop_assert_eq!(RichText::from_html_with(&html, &CanonicalHtml), text);
    }
}

#[test]
fn canonical_html_reads_back_every_corpus_abstract() {
    let mut checked = 0;
    for (name, reference) in common::corpus() {
        for text in [&reference.abstract_text, &reference.abstract_zh]
            .into_iter()
            .flatten()
        {
            let html = text.to_html();
            assert_eq!(
                &RichText::from_html_with(&html, &CanonicalHtml),
                text,
                "{name}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 5, "only {checked} abstracts in the corpus");
}
