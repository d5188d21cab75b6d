//! The cite control: choose a citation style or an export, see it, copy it.

use std::rc::Rc;

use citecard_core::style::Style;
use citecard_core::Reference;
use yew::prelude::*;

use crate::ui::hooks::{use_copy, CopyState};
use crate::ui::i18n::{Lang, Strings};
use crate::ui::next_id;
use crate::ui::options::CustomStyle;
use crate::ui::prerender::Prerender;
#[cfg(not(target_arch = "wasm32"))]
use crate::ui::prerender::StaticCite;

/// What the control shows: a citation style or an export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// A formatted reference in a citation style.
    Style(Style),
    /// BibTeX.
    Bibtex,
    /// RIS.
    Ris,
    /// CSL-JSON.
    CslJson,
}

/// The built-in styles in the Cite panel's order for `lang`: GB/T 7714
/// first in Chinese, as Google Scholar's Cite dialog puts it; otherwise
/// `Style::ALL`'s order, which starts with APA. (`csl/styles.tsv` lists
/// the two GB/T styles last; a test holds it to that.)
pub fn styles_for(lang: Lang) -> [Style; Style::ALL.len()] {
    let mut menu = Style::ALL;
    if lang == Lang::Zh {
        menu.rotate_right(2);
    }
    menu
}

impl Choice {
    /// The exports, in menu order (after the styles).
    pub const EXPORTS: [Choice; 3] = [Choice::Bibtex, Choice::Ris, Choice::CslJson];

    /// Every choice, in menu order: the built-in styles, then the exports.
    pub fn all() -> impl Iterator<Item = Choice> {
        Style::ALL
            .into_iter()
            .map(Choice::Style)
            .chain(Choice::EXPORTS)
    }

    /// A stable identifier (`apa`, …, `bibtex`, `ris`, `csl-json`).
    pub fn id(self) -> &'static str {
        match self {
            Choice::Style(style) => style.id(),
            Choice::Bibtex => "bibtex",
            Choice::Ris => "ris",
            Choice::CslJson => "csl-json",
        }
    }

    pub(crate) fn label(self, lang: Lang) -> &'static str {
        match self {
            Choice::Style(style) => lang.style(style),
            Choice::Bibtex => "BibTeX",
            Choice::Ris => "RIS",
            Choice::CslJson => "CSL-JSON",
        }
    }
}

impl Choice {
    /// The file a download of this choice is saved as, and its MIME type.
    pub(crate) fn file(self, key: &str) -> (String, &'static str) {
        match self {
            Choice::Style(_) => (format!("{key}.txt"), "text/plain;charset=utf-8"),
            Choice::Bibtex => (format!("{key}.bib"), "application/x-bibtex;charset=utf-8"),
            Choice::Ris => (
                format!("{key}.ris"),
                "application/x-research-info-systems;charset=utf-8",
            ),
            Choice::CslJson => (format!("{key}.json"), "application/json;charset=utf-8"),
        }
    }

    /// The choice with identifier `id`.
    pub fn from_id(id: &str) -> Option<Choice> {
        Choice::all().find(|c| c.id() == id.trim())
    }
}

/// Where the reader's last choice is kept (localStorage).
const REMEMBERED: &str = "citecard.cite";

/// Properties of [`CiteControl`].
#[derive(Properties, PartialEq)]
pub struct CiteControlProps {
    /// The reference to cite.
    pub reference: Rc<Reference>,
    /// The interface language.
    #[prop_or_default]
    pub lang: Lang,
    /// The style to open on when the reader has not chosen one; APA when `None`.
    #[prop_or_default]
    pub style: Option<Style>,
    /// A style the page gave at run time: listed first, and opened on.
    #[prop_or_default]
    pub custom: Option<CustomStyle>,
    /// Rendered ahead of time: the citations already formatted, shown as
    /// text (no script runs to format them).
    #[prop_or_default]
    pub prerender: Option<Prerender>,
}

/// The module's answer for the current style.
#[derive(Debug, Clone, PartialEq)]
enum Preview {
    Loading,
    Ready(Rc<crate::cite_module::Output>),
    Failed(String),
}

/// "Cite", a `<details>` that opens the cite panel: the six citation styles
/// as one-click choices, a preview of the chosen one with a copy button, and
/// the three exports as links that each download a file in one click, as
/// Google Scholar's panel has them. Escape closes the panel and puts focus
/// back on "Cite". The citation module loads when the panel first opens
/// (and is fetched ahead when the pointer or focus reaches "Cite").
///
/// Rendered ahead of time, the panel holds every style's citation as text
/// and links to the exported files instead; the script removes it (it is
/// marked `data-citecard-static`) before it brings the card to life.
#[component]
pub fn CiteControl(props: &CiteControlProps) -> Html {
    let open = use_state(|| false);
    let id = use_state(|| next_id("citecard-cite"));
    let details = use_node_ref();
    let summary = use_node_ref();
    let t = props.lang.strings();
    let on_toggle = {
        let open = open.clone();
        let details = details.clone();
        Callback::from(move |_: Event| {
            if let Some(details) = details.cast::<web_sys::Element>() {
                open.set(details.has_attribute("open"));
            }
        })
    };
    // The panel is drawn on the click itself (Enter and Space on a summary
    // click it), before the details opens: the toggle event comes a task
    // later, and a keyboard user's next Tab must already find the panel.
    let on_click = {
        let open = open.clone();
        let details = details.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(details) = details.cast::<web_sys::Element>() {
                open.set(!details.has_attribute("open"));
            }
        })
    };
    let close = {
        let open = open.clone();
        let details = details.clone();
        let summary = summary.clone();
        Callback::from(move |()| {
            if let Some(details) = details.cast::<web_sys::Element>() {
                let _ = details.remove_attribute("open");
            }
            open.set(false);
            if let Some(summary) = summary.cast::<web_sys::HtmlElement>() {
                let _ = summary.focus();
            }
        })
    };
    let prefetch = Callback::from(|_: FocusEvent| crate::cite_module::preload());
    let prefetch_pointer = Callback::from(|_: PointerEvent| crate::cite_module::preload());
    let prerendered = prerendered_panel(props, &id, t);
    // The summary names the panel it controls only while there is one (a
    // reference to a missing element is an error for assistive technology).
    let controls = (prerendered.is_some() || *open).then(|| (*id).clone());
    let panel = match prerendered {
        Some(panel) => panel,
        None if *open => html! {
            <CitePanel id={(*id).clone()} reference={props.reference.clone()} lang={props.lang} style={props.style} custom={props.custom}
                on_close={close} />
        },
        None => Html::default(),
    };
    html! {
        <details ref={details} class="citecard-cite" part="cite" ontoggle={on_toggle} data-testid="cite">
            <summary ref={summary} class="citecard-cite-toggle" aria-controls={controls}
                onclick={on_click} onfocus={prefetch} onpointerenter={prefetch_pointer} data-testid="cite-toggle">
                { t.cite }
            </summary>
            { panel }
        </details>
    }
}

/// The panel of a card rendered ahead of time, when `props` asks for one.
#[cfg(not(target_arch = "wasm32"))]
fn prerendered_panel(props: &CiteControlProps, id: &AttrValue, t: &Strings) -> Option<Html> {
    let prerender = props.prerender.as_ref()?;
    Some(static_panel(&prerender.cite(&props.reference), id, t))
}

/// Only the server renders ahead of time: in the browser, Cite formats on
/// demand, and the static panel's code stays out of the wasm bundle.
#[cfg(target_arch = "wasm32")]
fn prerendered_panel(_: &CiteControlProps, _: &AttrValue, _: &Strings) -> Option<Html> {
    None
}

/// The panel of a card rendered ahead of time: each style's citation as
/// text to select and copy, then the exported files.
#[cfg(not(target_arch = "wasm32"))]
fn static_panel(cite: &StaticCite, id: &AttrValue, t: &Strings) -> Html {
    let mut files: Vec<Html> = Vec::new();
    for (i, file) in cite.files.iter().enumerate() {
        if i > 0 {
            files.push(
                html! { <span class="citecard-export-dot" aria-hidden="true">{ "·" }</span> },
            );
        }
        files.push(html! {
            <a class="citecard-export" href={file.href.clone()} download="" aria-label={(t.downloads)(file.label)}
                data-testid="static-export">{ file.label }</a>
        });
    }
    html! {
        <section id={id.clone()} class="citecard-cite-panel" aria-label={t.cite_panel} data-citecard-static="">
            <dl class="citecard-cite-list" data-testid="static-citations">
                { for cite.citations.iter().map(|citation| html! {
                    <div>
                        <dt>{ citation.label }</dt>
                        <dd class="citecard-cite-text">{ crate::ui::rich_text::inlines(&citation.inlines) }</dd>
                    </div>
                }) }
            </dl>
            if !files.is_empty() {
                <div class="citecard-cite-exports" role="group" aria-label={t.exports}>
                    <span class="citecard-cite-exports-label">{ t.exports }</span>
                    { for files }
                </div>
            }
        </section>
    }
}

/// Properties of [`CitePanel`].
#[derive(Properties, PartialEq)]
struct CitePanelProps {
    id: AttrValue,
    reference: Rc<Reference>,
    lang: Lang,
    style: Option<Style>,
    custom: Option<CustomStyle>,
    on_close: Callback<()>,
}

/// A style the panel offers: built in, or the page's own.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Pick {
    BuiltIn(Style),
    Custom(CustomStyle),
}

impl Pick {
    /// What the citation module cites it by.
    fn id(self) -> &'static str {
        match self {
            Pick::BuiltIn(style) => style.id(),
            Pick::Custom(custom) => custom.id(),
        }
    }
}

/// The open cite panel.
#[component]
fn CitePanel(props: &CitePanelProps) -> Html {
    let t = props.lang.strings();
    let menu = styles_for(props.lang);
    // The page's own style first; else the reader's last choice; else the
    // page's `style`, else the first in the menu.
    let custom = props.custom.map(Pick::Custom);
    let fallback = Pick::BuiltIn(props.style.unwrap_or(menu[0]));
    let style = use_state(|| {
        custom.unwrap_or_else(|| {
            crate::browser::remembered(REMEMBERED)
                .and_then(|id| Choice::from_id(&id))
                .and_then(|choice| match choice {
                    Choice::Style(style) => Some(Pick::BuiltIn(style)),
                    _ => None,
                })
                .unwrap_or(fallback)
        })
    });
    let with_abstract = use_state(|| false);
    let copy = use_copy();
    let preview = use_state(|| Preview::Loading);
    let preview_ref = use_node_ref();
    {
        let preview = preview.clone();
        use_effect_with(
            (props.reference.clone(), *style),
            move |(reference, style)| {
                preview.set(Preview::Loading);
                let reference = reference.clone();
                let style = *style;
                wasm_bindgen_futures::spawn_local(async move {
                    preview.set(
                        match crate::cite_module::cite(&reference, style.id(), true).await {
                            Ok(output) => Preview::Ready(Rc::new(output)),
                            Err(error) => Preview::Failed(error),
                        },
                    );
                });
            },
        );
    }
    let ready = match &*preview {
        Preview::Ready(output) => Some(output.clone()),
        _ => None,
    };
    let on_copy = {
        let copy = copy.clone();
        let ready = ready.clone();
        let preview_ref = preview_ref.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(output) = ready.clone() else {
                return;
            };
            let preview_ref = preview_ref.clone();
            copy.copy(
                output.text.clone(),
                output.html.clone(),
                Box::new(move || {
                    // The clipboard is denied: select the text for Ctrl+C.
                    if let Some(node) = preview_ref.get() {
                        crate::browser::select_contents(&node);
                    }
                }),
            );
        })
    };
    let style_button = |choice: Pick| {
        let pressed = *style == choice;
        let style = style.clone();
        let copy = copy.clone();
        let (id, label) = match choice {
            Pick::BuiltIn(s) => (s.id(), props.lang.style(s)),
            // The page's own style: tested as `cite-style-custom`.
            Pick::Custom(custom) => ("custom", custom.title()),
        };
        let onclick = Callback::from(move |_: MouseEvent| {
            // Only a built-in style is remembered: the page's own is there
            // only on its page.
            if let Pick::BuiltIn(s) = choice {
                crate::browser::remember(REMEMBERED, s.id());
            }
            style.set(choice);
            copy.reset();
        });
        html! {
            <button type="button" class="citecard-cite-style" aria-pressed={if pressed { "true" } else { "false" }}
                onclick={onclick} data-testid={format!("cite-style-{id}")}>{ label }</button>
        }
    };
    let export_link = |choice: Choice| {
        let reference = props.reference.clone();
        let with_abstract = *with_abstract;
        let onclick = Callback::from(move |_: MouseEvent| {
            let reference = reference.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // The abstract only when asked: it is long, and a
                // reference manager seldom wants it.
                if let Ok(output) =
                    crate::cite_module::cite(&reference, choice.id(), with_abstract).await
                {
                    let (name, mime) = choice.file(&output.key);
                    crate::browser::download(&name, mime, &output.text);
                }
            });
        });
        html! {
            <button type="button" class="citecard-link-button citecard-export" onclick={onclick}
                aria-label={(t.downloads)(choice.label(props.lang))} data-testid={format!("export-{}", choice.id())}>
                { choice.label(props.lang) }
            </button>
        }
    };
    let on_abstract = {
        let with_abstract = with_abstract.clone();
        Callback::from(move |_: Event| with_abstract.set(!*with_abstract))
    };
    let on_keydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.prevent_default();
                on_close.emit(());
            }
        })
    };
    let body = match &*preview {
        Preview::Loading => html! {
            <p class="citecard-cite-text citecard-cite-loading" aria-busy="true">{ t.formatting }</p>
        },
        Preview::Failed(error) => html! {
            <p class="citecard-cite-text citecard-cite-error" role="alert">{ format!("{}: {error}", t.cite_failed) }</p>
        },
        Preview::Ready(output) => match &output.rich {
            Some(rich) => html! {
                <div class="citecard-cite-text">{ crate::ui::rich_text::rich_text(rich) }</div>
            },
            None => html! {
                <pre class="citecard-cite-code"><code>{ output.text.clone() }</code></pre>
            },
        },
    };
    let status = match copy.state() {
        CopyState::Idle => "",
        CopyState::Copied => t.copied,
        CopyState::Denied => t.copy_selected,
    };
    let mut exports: Vec<Html> = Vec::new();
    for (i, choice) in Choice::EXPORTS.into_iter().enumerate() {
        if i > 0 {
            exports.push(
                html! { <span class="citecard-export-dot" aria-hidden="true">{ "·" }</span> },
            );
        }
        exports.push(export_link(choice));
    }
    html! {
        <section id={props.id.clone()} class="citecard-cite-panel" aria-label={t.cite_panel} onkeydown={on_keydown}>
            <div class="citecard-cite-styles" role="group" aria-label={t.styles}>
                { for custom.into_iter().chain(menu.into_iter().map(Pick::BuiltIn)).map(style_button) }
            </div>
            <div ref={preview_ref} data-testid="cite-preview">{ body }</div>
            <div class="citecard-cite-bar">
                <button type="button" class="citecard-cite-copy" onclick={on_copy} disabled={ready.is_none()} data-testid="cite-copy">{ t.copy }</button>
                <span class="citecard-status" role="status" aria-live="polite" data-testid="cite-status">{ status }</span>
            </div>
            <div class="citecard-cite-exports" role="group" aria-label={t.exports}>
                <span class="citecard-cite-exports-label">{ t.exports }</span>
                { for exports }
                <label class="citecard-cite-abstract">
                    <input type="checkbox" checked={*with_abstract} onchange={on_abstract} data-testid="include-abstract" />
                    { t.include_abstract }
                </label>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_readers_see_gb_t_7714_first_and_every_style_once() {
        let zh = styles_for(Lang::Zh);
        assert_eq!(zh[..2], [Style::GbT7714Numeric, Style::GbT7714AuthorDate]);
        assert_eq!(styles_for(Lang::En), Style::ALL);
        assert_eq!(styles_for(Lang::En)[0], Style::Apa);
        let mut sorted = zh.map(Style::id);
        sorted.sort_unstable();
        let mut all = Style::ALL.map(Style::id);
        all.sort_unstable();
        assert_eq!(sorted, all);
    }
}
