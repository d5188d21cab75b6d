//! The list's own words in English and Simplified Chinese (the card's are in
//! `ui::i18n`); kept apart so that a page of cards does not carry them.

use citecard_core::list::order::SortBy;

use crate::ui::i18n::Lang;

/// Every string the list shows or announces, beside the card's.
#[derive(Debug)]
pub struct ListStrings {
    /// The list's accessible name.
    pub publications: &'static str,
    /// The search box's accessible name.
    pub search: &'static str,
    /// The search box's placeholder.
    pub search_hint: &'static str,
    /// "12 of 40 publications", announced as the list changes.
    pub count: fn(usize, usize) -> String,
    /// The order menu's label.
    pub sort: &'static str,
    /// Each order's name in the menu.
    pub sort_by: fn(SortBy) -> &'static str,
    /// The filters' group label.
    pub filters: &'static str,
    /// The type chips' label.
    pub type_filter: &'static str,
    /// The year range's label.
    pub years: &'static str,
    /// The first year's menu.
    pub from: &'static str,
    /// The last year's menu.
    pub to: &'static str,
    /// Either end of the year range left open.
    pub any_year: &'static str,
    /// The quartile chips' label.
    pub quartile: &'static str,
    /// The open-access chip.
    pub open_access_only: &'static str,
    /// Clears the search and the filters.
    pub clear: &'static str,
    /// The heading of the pinned entries.
    pub selected: &'static str,
    /// The heading of the undated entries.
    pub undated: &'static str,
    /// When nothing is left to show.
    pub nothing_found: &'static str,
    /// "Show 50 more (120 left)".
    pub show_more: fn(usize, usize) -> String,
    /// An entry's toggle, which opens its full card.
    pub details: &'static str,
    /// The link to an entry's preprint.
    pub preprint: &'static str,
    /// "* equal contribution", the mark's meaning.
    pub equal_contribution: &'static str,
    /// "† corresponding author".
    pub corresponding: &'static str,
    /// "2 duplicates merged".
    pub merged: fn(usize) -> String,
    /// "same DOI as “Title”".
    pub same_doi: fn(&str) -> String,
    /// "preprint of “Title”".
    pub preprint_of: fn(&str) -> String,
    /// "1 record could not be read".
    pub unreadable: fn(usize) -> String,
    /// The export control.
    pub export: &'static str,
    /// The export's format menu.
    pub format: &'static str,
    /// Export only what is shown: "Shown (12)".
    pub export_shown: fn(usize) -> String,
    /// Export everything: "All (40)".
    pub export_all: fn(usize) -> String,
    /// Downloads the export as a file.
    pub download: &'static str,
    /// While the export is written.
    pub exporting: &'static str,
    /// While the records are read.
    pub loading: &'static str,
}

/// English.
pub static EN: ListStrings = ListStrings {
    publications: "Publications",
    search: "Search publications",
    search_hint: "Title, author, venue, year, DOI…",
    count: |n, of| {
        if of == 1 {
            format!("{n} of 1 publication")
        } else {
            format!("{n} of {of} publications")
        }
    },
    sort: "Sort by",
    sort_by: |sort| match sort {
        SortBy::Year => "Newest",
        SortBy::Citations => "Most cited",
        SortBy::Impact => "Impact factor",
        SortBy::Title => "Title",
        SortBy::Author => "First author",
    },
    filters: "Filters",
    type_filter: "Type",
    years: "Years",
    from: "From",
    to: "To",
    any_year: "Any",
    quartile: "JCR quartile",
    open_access_only: "Open access only",
    clear: "Clear search and filters",
    selected: "Selected publications",
    undated: "Undated",
    nothing_found: "No publication matches the search and filters.",
    show_more: |n, left| format!("Show {n} more ({left} left)"),
    details: "Details",
    preprint: "Preprint",
    equal_contribution: "* equal contribution",
    corresponding: "† corresponding author",
    merged: |n| {
        if n == 1 {
            "1 duplicate merged".to_owned()
        } else {
            format!("{n} duplicates merged")
        }
    },
    same_doi: |title| format!("same DOI as “{title}”"),
    preprint_of: |title| format!("preprint or published version of “{title}”"),
    unreadable: |n| {
        if n == 1 {
            "1 record could not be read".to_owned()
        } else {
            format!("{n} records could not be read")
        }
    },
    export: "Export",
    format: "Format",
    export_shown: |n| format!("Shown ({n})"),
    export_all: |n| format!("All ({n})"),
    download: "Download",
    exporting: "Writing…",
    loading: "Loading publications…",
};

/// Simplified Chinese.
pub static ZH: ListStrings = ListStrings {
    publications: "文献列表",
    search: "搜索文献",
    search_hint: "标题、作者、期刊、年份、DOI…",
    count: |n, of| format!("显示 {n} 篇，共 {of} 篇"),
    sort: "排序",
    sort_by: |sort| match sort {
        SortBy::Year => "最新",
        SortBy::Citations => "被引最多",
        SortBy::Impact => "影响因子",
        SortBy::Title => "标题",
        SortBy::Author => "第一作者",
    },
    filters: "筛选",
    type_filter: "类型",
    years: "年份",
    from: "起",
    to: "止",
    any_year: "不限",
    quartile: "JCR 分区",
    open_access_only: "仅开放获取",
    clear: "清除搜索和筛选",
    selected: "代表性论文",
    undated: "未注明年份",
    nothing_found: "没有符合搜索和筛选条件的文献。",
    show_more: |n, left| format!("再显示 {n} 篇（还有 {left} 篇）"),
    details: "详情",
    preprint: "预印本",
    equal_contribution: "* 同等贡献",
    corresponding: "† 通讯作者",
    merged: |n| format!("已合并 {n} 条重复记录"),
    same_doi: |title| format!("与《{title}》DOI 相同"),
    preprint_of: |title| format!("《{title}》的预印本或正式发表版本"),
    unreadable: |n| format!("{n} 条记录无法读取"),
    export: "导出",
    format: "格式",
    export_shown: |n| format!("当前显示（{n}）"),
    export_all: |n| format!("全部（{n}）"),
    download: "下载",
    exporting: "正在生成…",
    loading: "正在加载文献列表…",
};

/// The list's strings in `lang`.
pub fn list_strings(lang: Lang) -> &'static ListStrings {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}
