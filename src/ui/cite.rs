//! The cite control: choose a citation style or an export, see it, copy it.

use std::rc::Rc;

use citecard_core::style::Style;
use citecard_core::Reference;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

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

impl Choice {
    /// Every choice, in menu order: the six styles, then the three exports.
    pub const ALL: [Choice; 9] = [
        Choice::Style(Style::Apa),
        Choice::Style(Style::Mla),
        Choice::Style(Style::Chicago),
        Choice::Style(Style::Harvard),
        Choice::Style(Style::Ieee),
        Choice::Style(Style::Vancouver),
        Choice::Bibtex,
        Choice::Ris,
        Choice::CslJson,
    ];

    /// A stable identifier (`apa`, …, `bibtex`, `ris`, `csl-json`).
    pub fn id(self) -> &'static str {
        match self {
            Choice::Style(style) => style.id(),
            Choice::Bibtex => "bibtex",
            Choice::Ris => "ris",
            Choice::CslJson => "csl-json",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Choice::Style(style) => style.label(),
            Choice::Bibtex => "BibTeX",
            Choice::Ris => "RIS",
            Choice::CslJson => "CSL-JSON",
        }
    }
}

/// Properties of [`CiteControl`].
#[derive(Properties, PartialEq)]
pub struct CiteControlProps {
    /// The reference to cite.
    pub reference: Rc<Reference>,
}

/// The module's answer for the current choice.
#[derive(Debug, Clone, PartialEq)]
enum Preview {
    Loading,
    Ready(Rc<crate::cite_module::Output>),
    Failed(String),
}

/// What copying did, announced in the live region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copy {
    Idle,
    Copied,
    Failed,
}

/// A "Cite" button that opens the cite panel: a menu of the six citation
/// styles and three exports, a preview of the current choice, and a copy
/// button. The citation module loads when the panel first opens (and is
/// fetched ahead when the pointer or focus reaches the button).
#[component]
pub fn CiteControl(props: &CiteControlProps) -> Html {
    let open = use_state(|| false);
    let id = use_state(next_panel_id);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let prefetch = Callback::from(|_: FocusEvent| crate::cite_module::preload());
    let prefetch_pointer = Callback::from(|_: PointerEvent| crate::cite_module::preload());
    html! {
        <div class="citecard-cite" part="cite">
            <button type="button" class="citecard-cite-toggle" aria-expanded={if *open { "true" } else { "false" }}
                aria-controls={(*id).clone()} onclick={toggle} onfocus={prefetch} onpointerenter={prefetch_pointer}
                data-testid="cite-toggle">
                { "Cite" }
            </button>
            if *open {
                <CitePanel id={(*id).clone()} reference={props.reference.clone()} />
            }
        </div>
    }
}

/// A page-unique id for a cite panel.
fn next_panel_id() -> AttrValue {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    AttrValue::from(format!(
        "citecard-cite-{}",
        NEXT.fetch_add(1, Ordering::Relaxed)
    ))
}

/// Properties of [`CitePanel`].
#[derive(Properties, PartialEq)]
struct CitePanelProps {
    id: AttrValue,
    reference: Rc<Reference>,
}

/// The open cite panel.
#[component]
fn CitePanel(props: &CitePanelProps) -> Html {
    let choice = use_state(|| Choice::Style(Style::Apa));
    let copy = use_state(|| Copy::Idle);
    let preview = use_state(|| Preview::Loading);
    {
        let preview = preview.clone();
        use_effect_with(
            (props.reference.clone(), *choice),
            move |(reference, choice)| {
                preview.set(Preview::Loading);
                let reference = reference.clone();
                let choice = *choice;
                wasm_bindgen_futures::spawn_local(async move {
                    preview.set(
                        match crate::cite_module::cite(&reference, choice.id()).await {
                            Ok(output) => Preview::Ready(Rc::new(output)),
                            Err(error) => Preview::Failed(error),
                        },
                    );
                });
            },
        );
    }
    let on_change = {
        let choice = choice.clone();
        let copy = copy.clone();
        Callback::from(move |event: Event| {
            let Some(select) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
            else {
                return;
            };
            if let Some(found) = Choice::ALL.into_iter().find(|c| c.id() == select.value()) {
                choice.set(found);
                copy.set(Copy::Idle);
            }
        })
    };
    let text = match &*preview {
        Preview::Ready(output) => Some(output.text.clone()),
        _ => None,
    };
    let on_copy = {
        let copy = copy.clone();
        let text = text.clone().unwrap_or_default();
        Callback::from(move |_: MouseEvent| {
            let copy = copy.clone();
            let text = text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let done = match web_sys::window().map(|w| w.navigator().clipboard()) {
                    Some(clipboard) => {
                        wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text))
                            .await
                            .is_ok()
                    }
                    None => false,
                };
                copy.set(if done { Copy::Copied } else { Copy::Failed });
            });
        })
    };
    let option = |c: Choice| {
        html! { <option value={c.id()} selected={c == *choice}>{ c.label() }</option> }
    };
    let preview = match &*preview {
        Preview::Loading => html! {
            <p class="citecard-cite-text citecard-cite-loading" data-testid="cite-preview" aria-busy="true">{ "Formatting…" }</p>
        },
        Preview::Failed(error) => html! {
            <p class="citecard-cite-text citecard-cite-error" data-testid="cite-preview" role="alert">{ format!("Could not format the citation: {error}") }</p>
        },
        Preview::Ready(output) if output.rich.is_some() => html! {
            <div class="citecard-cite-text" data-testid="cite-preview">
                { output.rich.as_ref().map(crate::ui::rich_text::rich_text).unwrap_or_default() }
            </div>
        },
        Preview::Ready(output) => html! {
            <pre class="citecard-cite-code" data-testid="cite-preview"><code>{ output.text.clone() }</code></pre>
        },
    };
    let status = match *copy {
        Copy::Idle => "",
        Copy::Copied => "Copied",
        Copy::Failed => "Copy failed: select the text and copy it",
    };
    html! {
        <section id={props.id.clone()} class="citecard-cite-panel" aria-label="Cite this reference">
            <div class="citecard-cite-bar">
                <label class="citecard-cite-label">
                    { "Cite as " }
                    <select class="citecard-cite-select" onchange={on_change} data-testid="cite-choice">
                        <optgroup label="Citation style">
                            { for Choice::ALL[..6].iter().copied().map(option) }
                        </optgroup>
                        <optgroup label="Export">
                            { for Choice::ALL[6..].iter().copied().map(option) }
                        </optgroup>
                    </select>
                </label>
                <button type="button" class="citecard-cite-copy" onclick={on_copy} disabled={text.is_none()} data-testid="cite-copy">{ "Copy" }</button>
                <span class="citecard-cite-status" role="status" aria-live="polite" data-testid="cite-status">{ status }</span>
            </div>
            { preview }
        </section>
    }
}
