//! The item types of CSL 1.0.2, with their CSL names and labels.

/// A CSL 1.0.2 item type: every type the CSL specification defines.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[non_exhaustive]
pub enum ItemType {
    /// A journal article (CSL `article-journal`).
    #[default]
    ArticleJournal,
    /// A magazine article.
    ArticleMagazine,
    /// A newspaper article.
    ArticleNewspaper,
    /// A preprint or working paper (CSL `article`).
    Preprint,
    /// A book.
    Book,
    /// A chapter or other part of a book.
    Chapter,
    /// A paper in conference proceedings.
    PaperConference,
    /// A thesis or dissertation.
    Thesis,
    /// A report or working paper of an institution.
    Report,
    /// A web page.
    Webpage,
    /// A dataset.
    Dataset,
    /// Software.
    Software,
    /// A patent.
    Patent,
    /// An unpublished manuscript (BibTeX `@unpublished`).
    Manuscript,
    /// A blog post.
    PostWeblog,
    /// A post on a forum or social media.
    Post,
    /// An entry in a dictionary.
    EntryDictionary,
    /// An entry in an encyclopedia.
    EntryEncyclopedia,
    /// An entry in another reference work.
    Entry,
    /// A review.
    Review,
    /// A book review.
    ReviewBook,
    /// A whole periodical or one of its issues.
    Periodical,
    /// A collection, such as an archive or an edited set.
    Collection,
    /// A classical work cited by its traditional reference.
    Classic,
    /// A pamphlet.
    Pamphlet,
    /// A standard.
    Standard,
    /// A regulation.
    Regulation,
    /// A law or statute.
    Legislation,
    /// A bill.
    Bill,
    /// A legal case.
    LegalCase,
    /// A hearing.
    Hearing,
    /// A treaty.
    Treaty,
    /// A speech or presentation.
    Speech,
    /// An interview.
    Interview,
    /// A letter, email or other personal communication.
    PersonalCommunication,
    /// An event.
    Event,
    /// A performance.
    Performance,
    /// A radio or television broadcast.
    Broadcast,
    /// A film or video.
    MotionPicture,
    /// A song or other audio recording.
    Song,
    /// A musical score.
    MusicalScore,
    /// A map.
    Map,
    /// A figure.
    Figure,
    /// A graphic, such as an artwork or a photograph.
    Graphic,
    /// Anything else (CSL `document`).
    Document,
}

impl ItemType {
    pub(crate) const ALL: [ItemType; 45] = [
        ItemType::ArticleJournal,
        ItemType::ArticleMagazine,
        ItemType::ArticleNewspaper,
        ItemType::Preprint,
        ItemType::Book,
        ItemType::Chapter,
        ItemType::PaperConference,
        ItemType::Thesis,
        ItemType::Report,
        ItemType::Webpage,
        ItemType::Dataset,
        ItemType::Software,
        ItemType::Patent,
        ItemType::Manuscript,
        ItemType::PostWeblog,
        ItemType::Post,
        ItemType::EntryDictionary,
        ItemType::EntryEncyclopedia,
        ItemType::Entry,
        ItemType::Review,
        ItemType::ReviewBook,
        ItemType::Periodical,
        ItemType::Collection,
        ItemType::Classic,
        ItemType::Pamphlet,
        ItemType::Standard,
        ItemType::Regulation,
        ItemType::Legislation,
        ItemType::Bill,
        ItemType::LegalCase,
        ItemType::Hearing,
        ItemType::Treaty,
        ItemType::Speech,
        ItemType::Interview,
        ItemType::PersonalCommunication,
        ItemType::Event,
        ItemType::Performance,
        ItemType::Broadcast,
        ItemType::MotionPicture,
        ItemType::Song,
        ItemType::MusicalScore,
        ItemType::Map,
        ItemType::Figure,
        ItemType::Graphic,
        ItemType::Document,
    ];

    /// The CSL type name.
    pub fn csl_name(self) -> &'static str {
        match self {
            ItemType::ArticleJournal => "article-journal",
            ItemType::ArticleMagazine => "article-magazine",
            ItemType::ArticleNewspaper => "article-newspaper",
            ItemType::Preprint => "article",
            ItemType::Book => "book",
            ItemType::Chapter => "chapter",
            ItemType::PaperConference => "paper-conference",
            ItemType::Thesis => "thesis",
            ItemType::Report => "report",
            ItemType::Webpage => "webpage",
            ItemType::Dataset => "dataset",
            ItemType::Software => "software",
            ItemType::Patent => "patent",
            ItemType::Manuscript => "manuscript",
            ItemType::PostWeblog => "post-weblog",
            ItemType::Post => "post",
            ItemType::EntryDictionary => "entry-dictionary",
            ItemType::EntryEncyclopedia => "entry-encyclopedia",
            ItemType::Entry => "entry",
            ItemType::Review => "review",
            ItemType::ReviewBook => "review-book",
            ItemType::Periodical => "periodical",
            ItemType::Collection => "collection",
            ItemType::Classic => "classic",
            ItemType::Pamphlet => "pamphlet",
            ItemType::Standard => "standard",
            ItemType::Regulation => "regulation",
            ItemType::Legislation => "legislation",
            ItemType::Bill => "bill",
            ItemType::LegalCase => "legal_case",
            ItemType::Hearing => "hearing",
            ItemType::Treaty => "treaty",
            ItemType::Speech => "speech",
            ItemType::Interview => "interview",
            ItemType::PersonalCommunication => "personal_communication",
            ItemType::Event => "event",
            ItemType::Performance => "performance",
            ItemType::Broadcast => "broadcast",
            ItemType::MotionPicture => "motion_picture",
            ItemType::Song => "song",
            ItemType::MusicalScore => "musical_score",
            ItemType::Map => "map",
            ItemType::Figure => "figure",
            ItemType::Graphic => "graphic",
            ItemType::Document => "document",
        }
    }

    /// Whether this is an article in a periodical (journal, magazine or
    /// newspaper) or a preprint of one: its container is a periodical, and a
    /// CSL `number` of it is an article number rather than a report or other
    /// number.
    pub fn is_article(self) -> bool {
        matches!(
            self,
            ItemType::ArticleJournal
                | ItemType::ArticleMagazine
                | ItemType::ArticleNewspaper
                | ItemType::Preprint
        )
    }

    /// The item type with CSL name `name`, if citecard knows it.
    ///
    /// ```
    /// use citecard_core::ItemType;
    /// assert_eq!(ItemType::from_csl("paper-conference"), Some(ItemType::PaperConference));
    /// assert_eq!(ItemType::from_csl("article"), Some(ItemType::Preprint));
    /// ```
    pub fn from_csl(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.csl_name() == name)
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            ItemType::ArticleJournal => "Journal article",
            ItemType::ArticleMagazine => "Magazine article",
            ItemType::ArticleNewspaper => "Newspaper article",
            ItemType::Preprint => "Preprint",
            ItemType::Book => "Book",
            ItemType::Chapter => "Book chapter",
            ItemType::PaperConference => "Conference paper",
            ItemType::Thesis => "Thesis",
            ItemType::Report => "Report",
            ItemType::Webpage => "Web page",
            ItemType::Dataset => "Dataset",
            ItemType::Software => "Software",
            ItemType::Patent => "Patent",
            ItemType::Manuscript => "Manuscript",
            ItemType::PostWeblog => "Blog post",
            ItemType::Post => "Post",
            ItemType::EntryDictionary => "Dictionary entry",
            ItemType::EntryEncyclopedia => "Encyclopedia entry",
            ItemType::Entry => "Entry",
            ItemType::Review => "Review",
            ItemType::ReviewBook => "Book review",
            ItemType::Periodical => "Periodical",
            ItemType::Collection => "Collection",
            ItemType::Classic => "Classic",
            ItemType::Pamphlet => "Pamphlet",
            ItemType::Standard => "Standard",
            ItemType::Regulation => "Regulation",
            ItemType::Legislation => "Legislation",
            ItemType::Bill => "Bill",
            ItemType::LegalCase => "Legal case",
            ItemType::Hearing => "Hearing",
            ItemType::Treaty => "Treaty",
            ItemType::Speech => "Speech",
            ItemType::Interview => "Interview",
            ItemType::PersonalCommunication => "Personal communication",
            ItemType::Event => "Event",
            ItemType::Performance => "Performance",
            ItemType::Broadcast => "Broadcast",
            ItemType::MotionPicture => "Film",
            ItemType::Song => "Recording",
            ItemType::MusicalScore => "Musical score",
            ItemType::Map => "Map",
            ItemType::Figure => "Figure",
            ItemType::Graphic => "Graphic",
            ItemType::Document => "Document",
        }
    }
}
