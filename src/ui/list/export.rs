//! The list's Export: the entries shown, or all of them, as BibTeX, RIS,
//! CSL-JSON or citations in a style, copied or downloaded. Written by the
//! citation module, loaded on first use as the card's Cite loads it.

use std::rc::Rc;

use citecard_core::Reference;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::cite::Choice;
use crate::ui::hooks::{use_copy, CopyState};
use crate::ui::i18n::Lang;
use crate::ui::list::strings::list_strings;
use crate::ui::list::toolbar::value;
use crate::ui::list::Same;

/// Properties of [`ListExport`].
#[derive(Properties, PartialEq)]
pub struct ListExportProps {
    /// The entries shown now, in order.
    pub shown: Same<Vec<Rc<Reference>>>,
    /// Every entry.
    pub all: Same<Vec<Rc<Reference>>>,
    /// The interface language.
    pub lang: Lang,
}

/// What the export is doing.
#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Writing,
    Failed(String),
}

/// Export: a format menu, shown or all, Copy and Download. A `<details>`
/// that needs script, so hidden on a page rendered ahead of time until the
/// script takes the list over (`citecard-scripted`).
#[component]
pub fn ListExport(props: &ListExportProps) -> Html {
    let ui = props.lang;
    let (t, c) = (list_strings(ui), ui.strings());
    let choice = use_state(|| Choice::Bibtex);
    let everything = use_state(|| false);
    let status = use_state(|| Status::Idle);
    let copy = use_copy();
    // The text, shown for copying by hand when the clipboard is refused.
    let by_hand = use_state(|| None::<String>);
    let references = if *everything {
        props.all.0.clone()
    } else {
        props.shown.0.clone()
    };
    // Write the export, then hand it to `then`.
    let run = |then: Rc<dyn Fn(String, Choice)>| {
        let (choice, status, references) = (*choice, status.clone(), references.clone());
        Callback::from(move |_: MouseEvent| {
            let (status, references, then) = (status.clone(), references.clone(), then.clone());
            status.set(Status::Writing);
            wasm_bindgen_futures::spawn_local(async move {
                match crate::cite_module::export_all(&references, choice.id(), false).await {
                    Ok(text) => {
                        status.set(Status::Idle);
                        then(text, choice);
                    }
                    Err(error) => status.set(Status::Failed(error)),
                }
            });
        })
    };
    let on_copy = {
        let (copy, by_hand) = (copy.clone(), by_hand.clone());
        run(Rc::new(move |text: String, _| {
            by_hand.set(None);
            let (shown, again) = (by_hand.clone(), text.clone());
            copy.copy(
                text,
                String::new(),
                Box::new(move || shown.set(Some(again))),
            );
        }))
    };
    let on_download = run(Rc::new(|text: String, choice: Choice| {
        let (name, mime) = choice.file("publications");
        crate::browser::download(&name, mime, &text);
    }));
    let on_format = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            if let Some(picked) = Choice::from_id(&value(&e)) {
                choice.set(picked);
            }
        })
    };
    let scope = |all: bool, label: String, testid: &'static str| {
        let everything = everything.clone();
        html! {
            <label class="citecard-list-scope">
                <input type="radio" name="citecard-export-scope" checked={*everything == all} data-testid={testid}
                    onchange={Callback::from(move |_: Event| everything.set(all))} />
                { label }
            </label>
        }
    };
    let said = match (&*status, copy.state()) {
        (Status::Writing, _) => t.exporting.to_owned(),
        (Status::Failed(error), _) => format!("{}: {error}", c.cite_failed),
        (Status::Idle, CopyState::Copied) => c.copied.to_owned(),
        (Status::Idle, CopyState::Denied) => c.copy_selected.to_owned(),
        (Status::Idle, CopyState::Idle) => String::new(),
    };
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(area) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            area.select();
        }
    });
    html! {
        <details class="citecard-list-export citecard-scripted" data-testid="list-export">
            <summary class="citecard-cite-toggle">{ t.export }</summary>
            <div class="citecard-list-export-panel">
                <label class="citecard-list-format">
                    <span>{ t.format }</span>
                    <select onchange={on_format} data-testid="export-format">
                        <optgroup label={c.exports}>
                            { for Choice::EXPORTS.into_iter().map(|o| html! {
                                <option value={o.id()} selected={o == *choice}>{ o.label(ui) }</option>
                            }) }
                        </optgroup>
                        <optgroup label={c.styles}>
                            { for Choice::all().filter(|o| !Choice::EXPORTS.contains(o)).map(|o| html! {
                                <option value={o.id()} selected={o == *choice}>{ o.label(ui) }</option>
                            }) }
                        </optgroup>
                    </select>
                </label>
                <div class="citecard-list-scopes" role="radiogroup" aria-label={t.export}>
                    { scope(false, (t.export_shown)(props.shown.0.len()), "export-shown") }
                    { scope(true, (t.export_all)(props.all.0.len()), "export-all") }
                </div>
                <div class="citecard-list-export-actions">
                    <button type="button" class="citecard-cite-copy" onclick={on_copy} data-testid="export-copy">{ c.copy }</button>
                    <button type="button" class="citecard-cite-copy" onclick={on_download} data-testid="export-download">{ t.download }</button>
                </div>
                if let Some(text) = &*by_hand {
                    <textarea class="citecard-list-export-text" readonly=true aria-label={t.export} value={text.clone()}
                        onfocus={select_all} data-testid="export-text" />
                }
                <p class="citecard-list-export-status" role="status" aria-live="polite" data-testid="export-status">{ said }</p>
            </div>
        </details>
    }
}
