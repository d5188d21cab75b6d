//! The playground: paste a record, see its card.

use citecard_core::Format;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::ui::records::RecordCards;
use crate::SAMPLE_RECORD;

/// The playground page: a record editor beside the live card.
#[component]
pub fn Playground() -> Html {
    let input = use_state(|| AttrValue::Static(SAMPLE_RECORD));
    let format = use_state(|| None::<Format>);
    let onformat = {
        let format = format.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            format.set(select.value().parse().ok());
        })
    };
    let oninput = {
        let input = input.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            input.set(AttrValue::from(area.value()));
        })
    };
    html! {
        <main class="playground">
            <header class="playground-header">
                <h1>{ "citecard" }</h1>
                <p>{ "Paste a bibliographic record and get an embeddable citation card. Everything runs in your browser; nothing is sent anywhere." }</p>
            </header>
            <div class="playground-panes">
                <section class="playground-editor" aria-labelledby="record-label">
                    <div class="playground-editor-bar">
                        <label id="record-label" for="record-input">{ "Record" }</label>
                        <label class="playground-format">
                            { "Format " }
                            <select data-testid="format-select" onchange={onformat}>
                                <option value="" selected={format.is_none()}>{ "Detect" }</option>
                                { for Format::ALL.iter().map(|f| html! {
                                    <option value={f.id()} selected={*format == Some(*f)}>{ f.label() }</option>
                                }) }
                            </select>
                        </label>
                    </div>
                    <textarea id="record-input" data-testid="record-input" spellcheck="false"
                        placeholder="Paste a BookSci, Crossref, Semantic Scholar, CSL-JSON, BibTeX or RIS record"
                        value={(*input).clone()} {oninput} />
                </section>
                <section class="playground-preview" aria-label="Card preview" aria-live="polite">
                    <RecordCards input={(*input).clone()} format={*format} />
                </section>
            </div>
        </main>
    }
}
