//! The card's own words in English and Simplified Chinese.

use citecard_core::style::Style;
use citecard_core::ItemType;

/// A language for the card's interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese (zh-CN).
    Zh,
}

impl Lang {
    /// The language a BCP 47 tag asks for: `zh`, `zh-CN`, `zh-Hans…` give
    /// Chinese; anything else English.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The BCP 47 tag for `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The language of the page the card is in (`<html lang>`), else the
    /// browser's preferred language, else English: an English page read in
    /// a Chinese browser keeps English cards.
    pub fn from_page() -> Lang {
        let window = web_sys::window();
        let page = window
            .as_ref()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|html| html.get_attribute("lang"))
            .filter(|tag| !tag.trim().is_empty());
        page.or_else(|| window.and_then(|w| w.navigator().language()))
            .map_or(Lang::En, |tag| Lang::from_tag(&tag))
    }

    /// A built-in style's name in this language: in 中文, GB/T 7714's two
    /// systems by the standard's own names (顺序编码制, the numeric one, and
    /// 著者-出版年制, author-date), as Chinese journals and libraries call
    /// them; the others are names in any language.
    pub fn style(self, style: Style) -> &'static str {
        match (self, style) {
            (Lang::Zh, Style::GbT7714Numeric) => "GB/T 7714（顺序编码制）",
            (Lang::Zh, Style::GbT7714AuthorDate) => "GB/T 7714（著者-出版年制）",
            _ => style.label(),
        }
    }

    /// The item type in this language.
    pub fn item_type(self, item_type: ItemType) -> &'static str {
        if self == Lang::En {
            return item_type.label();
        }
        match item_type {
            ItemType::ArticleJournal => "期刊论文",
            ItemType::ArticleMagazine => "杂志文章",
            ItemType::ArticleNewspaper => "报纸文章",
            ItemType::Preprint => "预印本",
            ItemType::Book => "图书",
            ItemType::Chapter => "图书章节",
            ItemType::PaperConference => "会议论文",
            ItemType::Thesis => "学位论文",
            ItemType::Report => "报告",
            ItemType::Webpage => "网页",
            ItemType::Dataset => "数据集",
            ItemType::Software => "软件",
            ItemType::Patent => "专利",
            ItemType::Manuscript => "手稿",
            ItemType::PostWeblog => "博客文章",
            ItemType::Post => "帖子",
            ItemType::EntryDictionary => "词典条目",
            ItemType::EntryEncyclopedia => "百科条目",
            ItemType::Entry => "条目",
            ItemType::Review => "评论",
            ItemType::ReviewBook => "书评",
            ItemType::Periodical => "期刊",
            ItemType::Collection => "文集",
            ItemType::Classic => "经典著作",
            ItemType::Pamphlet => "小册子",
            ItemType::Standard => "标准",
            ItemType::Regulation => "法规",
            ItemType::Legislation => "法律",
            ItemType::Bill => "法案",
            ItemType::LegalCase => "判例",
            ItemType::Hearing => "听证会",
            ItemType::Treaty => "条约",
            ItemType::Speech => "演讲",
            ItemType::Interview => "访谈",
            ItemType::PersonalCommunication => "私人通信",
            ItemType::Event => "活动",
            ItemType::Performance => "演出",
            ItemType::Broadcast => "广播",
            ItemType::MotionPicture => "电影",
            ItemType::Song => "录音",
            ItemType::MusicalScore => "乐谱",
            ItemType::Map => "地图",
            ItemType::Figure => "图",
            ItemType::Graphic => "图像",
            ItemType::Document => "文献",
            _ => "文献",
        }
    }

    /// The interface strings in this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
            Lang::Zh => &ZH,
        }
    }
}

/// Every string the card shows or announces.
#[derive(Debug)]
pub struct Strings {
    /// Shown for a record without a title.
    pub untitled: &'static str,
    /// "+ N more" authors, before the number.
    pub more_authors: &'static str,
    /// Collapses the author list again.
    pub fewer_authors: &'static str,
    /// After an editor list.
    pub editors: fn(usize) -> &'static str,
    /// The journal metrics list.
    pub metrics: &'static str,
    /// The legend's summary.
    pub about_metrics: &'static str,
    /// JCR quartile, before "Q1".
    pub jcr: &'static str,
    /// What a JCR quartile is.
    pub jcr_help: &'static str,
    /// What the impact factor is.
    pub jif_help: &'static str,
    /// "CAS Zone 2" / "中科院 2区".
    pub cas_zone: fn(u8) -> String,
    /// What a CAS zone is.
    pub cas_help: &'static str,
    /// "12 citations".
    pub citations: fn(u64) -> String,
    /// What the citation count is.
    pub citations_help: &'static str,
    /// The open-access badge.
    pub open_access: &'static str,
    /// The open-access badge with a PDF link.
    pub open_access_pdf: &'static str,
    /// What the open-access badge means.
    pub open_access_help: &'static str,
    /// Marks a PDF link that is not https.
    pub open_access_pdf_insecure: &'static str,
    /// Where the figures come from, said once under the legend.
    pub figures_source: &'static str,
    /// The heading of a card whose record could not be read or loaded.
    pub unavailable: &'static str,
    /// Metadata labels (screen readers).
    pub journal: &'static str,
    /// Metadata label.
    pub published: &'static str,
    /// Metadata label.
    pub volume: &'static str,
    /// Metadata label.
    pub pages: &'static str,
    /// "Article 107901".
    pub article: &'static str,
    /// Metadata label.
    pub publisher: &'static str,
    /// The DOI copy button.
    pub copy_doi: &'static str,
    /// The abstract heading.
    pub abstract_heading: &'static str,
    /// Expands the abstract.
    pub show_more: &'static str,
    /// Collapses the abstract.
    pub show_less: &'static str,
    /// The cite button.
    pub cite: &'static str,
    /// The cite panel's label.
    pub cite_panel: &'static str,
    /// The heading of a page that lists references (`citecard render --out`).
    pub references: &'static str,
    /// The style group in the menu.
    pub styles: &'static str,
    /// The export group in the menu.
    pub exports: &'static str,
    /// The copy button.
    pub copy: &'static str,
    /// Includes the abstract in the exports.
    pub include_abstract: &'static str,
    /// After an export link: it downloads a file.
    pub downloads: fn(&str) -> String,
    /// Announced after copying.
    pub copied: &'static str,
    /// Announced when the clipboard is denied and the text was selected.
    pub copy_selected: &'static str,
    /// While the citation module loads.
    pub formatting: &'static str,
    /// Before an error from the citation module.
    pub cite_failed: &'static str,
    /// The content-language switch's label.
    pub content_language: &'static str,
    /// The loading card.
    pub loading: &'static str,
    /// The error card's type label.
    pub cannot_read: &'static str,
    /// "Line 2, column 17".
    pub location: fn(usize, usize) -> String,
    /// "Show 25 more cards (40 left)".
    pub more_cards: fn(usize, usize) -> String,
    /// After the most names a card lists: how many more the record has.
    pub names_not_shown: fn(usize) -> String,
    /// Under an abstract too long to show whole.
    pub abstract_shortened: &'static str,
}

/// English.
pub static EN: Strings = Strings {
    untitled: "Untitled record",
    more_authors: "more",
    fewer_authors: "Show fewer",
    editors: |n| if n == 1 { "(ed.)" } else { "(eds.)" },
    metrics: "Journal metrics",
    about_metrics: "About these metrics",
    jcr: "JCR",
    jcr_help: "JCR quartile: the journal's rank by impact factor within its Web of Science category (Q1 = top 25%)",
    jif_help: "Journal Impact Factor (Clarivate JCR)",
    cas_zone: |zone| format!("CAS Zone {zone}"),
    cas_help: "CAS (中科院) journal zone: 1 is the top 5% of its discipline, 4 the rest",
    citations: |n| if n == 1 { "1 citation".to_owned() } else { format!("{} citations", grouped(n)) },
    citations_help: "Citation count",
    open_access: "Open Access",
    open_access_pdf: "Open Access PDF",
    open_access_help: "Free to read",
    open_access_pdf_insecure: "Open Access PDF (not secure: http)",
    figures_source: "All figures as provided by the record; citecard does not look them up.",
    unavailable: "Reference unavailable",
    journal: "Journal",
    published: "Published",
    volume: "Volume (issue)",
    pages: "Pages",
    article: "Article",
    publisher: "Publisher",
    copy_doi: "Copy DOI",
    abstract_heading: "Abstract",
    show_more: "Show more",
    show_less: "Show less",
    cite: "Cite",
    cite_panel: "Cite this reference",
    references: "References",
    styles: "Citation style",
    exports: "Export",
    copy: "Copy",
    include_abstract: "include abstract",
    downloads: |format| format!("Download {format}"),
    copied: "Copied",
    copy_selected: "Copying is blocked here: the text is selected, press Ctrl+C",
    formatting: "Formatting…",
    cite_failed: "Could not format the citation",
    content_language: "Language of the title and abstract",
    loading: "Loading the citation card…",
    cannot_read: "Cannot read this record",
    location: |line, column| format!("Line {line}, column {column}"),
    more_cards: |next, left| format!("Show {next} more cards ({left} left)"),
    names_not_shown: |n| format!("and {n} more, listed in the exports"),
    abstract_shortened: "Shortened here: the exports under Cite have the whole abstract.",
};

/// Simplified Chinese.
pub static ZH: Strings = Strings {
    untitled: "无标题记录",
    more_authors: "更多",
    fewer_authors: "收起",
    editors: |_| "（编）",
    metrics: "期刊指标",
    about_metrics: "关于这些指标",
    jcr: "JCR",
    jcr_help: "JCR 分区：期刊在其 Web of Science 学科中按影响因子的排名（Q1 为前 25%）",
    jif_help: "期刊影响因子（科睿唯安 JCR）",
    cas_zone: |zone| format!("中科院 {zone}区"),
    cas_help: "中科院期刊分区：1 区为本学科前 5%，4 区为其余",
    citations: |n| format!("被引 {} 次", grouped(n)),
    citations_help: "被引次数",
    open_access: "开放获取",
    open_access_pdf: "开放获取 PDF",
    open_access_help: "可免费阅读",
    open_access_pdf_insecure: "开放获取 PDF（不安全：http）",
    figures_source: "以上数据均来自记录本身，citecard 不另行查询。",
    unavailable: "文献信息不可用",
    journal: "期刊",
    published: "出版",
    volume: "卷（期）",
    pages: "页码",
    article: "文章号",
    publisher: "出版者",
    copy_doi: "复制 DOI",
    abstract_heading: "摘要",
    show_more: "展开",
    show_less: "收起",
    cite: "引用",
    cite_panel: "引用本文",
    references: "参考文献",
    styles: "引文格式",
    exports: "导出",
    copy: "复制",
    include_abstract: "包含摘要",
    downloads: |format| format!("下载 {format}"),
    copied: "已复制",
    copy_selected: "此处无法写入剪贴板：已选中文本，请按 Ctrl+C",
    formatting: "正在生成…",
    cite_failed: "无法生成引文",
    content_language: "标题和摘要的语言",
    loading: "正在加载引用卡片…",
    cannot_read: "无法读取此记录",
    location: |line, column| format!("第 {line} 行，第 {column} 列"),
    more_cards: |next, left| format!("再显示 {next} 张卡片（还有 {left} 张）"),
    names_not_shown: |n| format!("等另外 {n} 人（见导出）"),
    abstract_shortened: "摘要在此处已截断；“引用”中的导出包含完整摘要。",
};

/// A count with its digits grouped by threes, as both interface languages
/// write it (`Intl.NumberFormat` gives the same for `en` and `zh-CN`):
/// 124538 → "124,538".
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_are_grouped_by_threes() {
        assert_eq!(super::grouped(0), "0");
        assert_eq!(super::grouped(999), "999");
        assert_eq!(super::grouped(1000), "1,000");
        assert_eq!(super::grouped(124538), "124,538");
        assert_eq!(super::grouped(1234567), "1,234,567");
    }

    use super::*;

    #[test]
    fn browser_tags_choose_the_language() {
        for tag in ["zh", "zh-CN", "ZH-hans", "zh-TW"] {
            assert_eq!(Lang::from_tag(tag), Lang::Zh, "{tag}");
        }
        for tag in ["en", "en-US", "fr", ""] {
            assert_eq!(Lang::from_tag(tag), Lang::En, "{tag}");
        }
    }
}
