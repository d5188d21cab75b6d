//! The playground: paste a record, see its card.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::ui::records::RecordCards;
use crate::SAMPLE_RECORD;

/// The playground page: a record editor beside the live card.
#[component]
pub fn Playground() -> Html {
    let input = use_state(|| AttrValue::Static(SAMPLE_RECORD));
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
                <p>{ "Paste a bibliographic record and get an embeddable citation card. Everything runs in your browser." }</p>
            </header>
            <div class="playground-panes">
                <section class="playground-editor" aria-labelledby="record-label">
                    <label id="record-label" for="record-input">{ "Record (BookSci JSON)" }</label>
                    <textarea id="record-input" data-testid="record-input" spellcheck="false"
                        value={(*input).clone()} {oninput} />
                </section>
                <section class="playground-preview" aria-label="Card preview" aria-live="polite">
                    <RecordCards input={(*input).clone()} />
                </section>
            </div>
        </main>
    }
}
