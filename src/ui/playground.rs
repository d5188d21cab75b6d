//! The playground: paste a record, see its card.

use citecard_core::Format;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::ui::card::{Theme, Variant};
use crate::ui::i18n::Lang;
use crate::ui::records::RecordCards;
use crate::SAMPLE_RECORD;

/// The playground page: a record editor beside the live card.
#[component]
pub fn Playground() -> Html {
    let input = use_state(|| AttrValue::Static(SAMPLE_RECORD));
    let format = use_state(|| None::<Format>);
    let theme = use_state(Theme::default);
    let variant = use_state(Variant::default);
    let lang = use_state(|| None::<Lang>);
    let ontheme = {
        let theme = theme.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            theme.set(Theme::from_id(&select.value()));
        })
    };
    let onvariant = {
        let variant = variant.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            variant.set(Variant::from_id(&select.value()));
        })
    };
    let onlang = {
        let lang = lang.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let value = select.value();
            lang.set((!value.is_empty()).then(|| Lang::from_tag(&value)));
        })
    };
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
                <section class="playground-preview" aria-label="Card preview">
                    <div class="playground-options">
                        <label>{ "Theme " }
                            <select data-testid="theme-select" onchange={ontheme}>
                                { for [Theme::Auto, Theme::Light, Theme::Dark].into_iter().map(|t| html! {
                                    <option value={t.id()} selected={*theme == t}>{ t.id() }</option>
                                }) }
                            </select>
                        </label>
                        <label>{ "Variant " }
                            <select data-testid="variant-select" onchange={onvariant}>
                                { for [Variant::Full, Variant::Compact].into_iter().map(|v| html! {
                                    <option value={v.id()} selected={*variant == v}>{ v.id() }</option>
                                }) }
                            </select>
                        </label>
                        <label>{ "Language " }
                            <select data-testid="lang-select" onchange={onlang}>
                                <option value="" selected={lang.is_none()}>{ "browser" }</option>
                                <option value="en" selected={*lang == Some(Lang::En)}>{ "English" }</option>
                                <option value="zh-CN" selected={*lang == Some(Lang::Zh)}>{ "中文" }</option>
                            </select>
                        </label>
                    </div>
                    <RecordCards input={(*input).clone()} format={*format} theme={*theme} variant={*variant} lang={*lang} />
                </section>
            </div>
        </main>
    }
}
