//! The playground: paste a record, see its card, copy the embed snippet.

use citecard_core::style::Style;
use citecard_core::Format;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::ui::hooks::{use_copy, CopyState};
use crate::ui::i18n::Lang;
use crate::ui::options::{record_needs_attribute, CardOptions, Theme, Variant};
use crate::ui::records::RecordCards;
use crate::SAMPLE_RECORD;

/// Where the snippet tells site owners to put the embed bundle.
const BUNDLE_URL: &str = "https://your.host/citecard/citecard.js";

/// A `<select>`'s change handler that sets one of the options from its value.
fn on_select(
    options: &UseStateHandle<CardOptions>,
    set: fn(&mut CardOptions, &str),
) -> Callback<Event> {
    let options = options.clone();
    Callback::from(move |event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        let mut changed = *options;
        set(&mut changed, &select.value());
        options.set(changed);
    })
}

/// The two lines a site owner pastes: the script and the element holding
/// `record` verbatim (in a `record` attribute when the text would end a
/// `<script>` early), with the chosen options as attributes.
pub fn embed_snippet(record: &str, options: &CardOptions) -> String {
    let attributes: String = options
        .attributes()
        .into_iter()
        .map(|(name, value)| format!(" {name}=\"{value}\""))
        .collect();
    let record = record.trim();
    let element = if record_needs_attribute(record) {
        let mut escaped = String::new();
        citecard_core::rich_text::escape_into(record, &mut escaped);
        format!("<citation-card{attributes} record=\"{escaped}\"></citation-card>")
    } else {
        format!("<citation-card{attributes}><script type=\"text/plain\">\n{record}\n</script></citation-card>")
    };
    format!("<script type=\"module\" src=\"{BUNDLE_URL}\"></script>\n{element}\n")
}

/// The text of the editor, line by line, with the lines where a record
/// failed marked: drawn behind the text area, which is transparent, so the
/// marks sit under the text they point at.
fn marked_lines(text: &str, marked: &[usize]) -> Html {
    text.split('\n')
        .enumerate()
        .map(|(i, line)| {
            let mark = marked.contains(&(i + 1));
            html! {
                <div class={classes!("playground-line", mark.then_some("playground-line-error"))}
                    data-testid={mark.then_some("error-line")}>{ format!("{line}\u{200b}") }</div>
            }
        })
        .collect()
}

/// The playground page: a record editor beside the live card.
#[component]
pub fn Playground() -> Html {
    let input = use_state(|| AttrValue::Static(SAMPLE_RECORD));
    let options = use_state(CardOptions::default);
    let copy = use_copy();
    let oninput = {
        let input = input.clone();
        let copy = copy.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            input.set(AttrValue::from(area.value()));
            copy.reset();
        })
    };
    // The lines where a record failed, marked behind the text.
    let error_lines = use_state(Vec::<usize>::new);
    let on_error_lines = {
        let error_lines = error_lines.clone();
        Callback::from(move |lines: Vec<usize>| error_lines.set(lines))
    };
    let backdrop = use_node_ref();
    let onscroll = {
        let backdrop = backdrop.clone();
        Callback::from(move |event: Event| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            if let Some(backdrop) = backdrop.cast::<web_sys::Element>() {
                backdrop.set_scroll_top(area.scroll_top());
            }
        })
    };
    let snippet = embed_snippet(&input, &options);
    let oncopy = copy.on_click(snippet.clone(), String::new());
    let CardOptions {
        format,
        style,
        theme,
        variant,
        lang,
        ..
    } = *options;
    let option = |value: &'static str, label: &'static str, selected: bool| {
        html! { <option {value} {selected}>{ label }</option> }
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
                            <select data-testid="format-select" onchange={on_select(&options, |o, v| o.format = v.parse().ok())}>
                                { option("", "Detect", format.is_none()) }
                                { for Format::ALL.iter().map(|f| option(f.id(), f.label(), format == Some(*f))) }
                            </select>
                        </label>
                    </div>
                    <div class="playground-field">
                        <div ref={backdrop} class="playground-backdrop" aria-hidden="true">
                            { marked_lines(&input, &error_lines) }
                        </div>
                        <textarea id="record-input" data-testid="record-input" spellcheck="false"
                            placeholder="Paste a BookSci, Crossref, Semantic Scholar, CSL-JSON, BibTeX or RIS record"
                            value={(*input).clone()} {oninput} {onscroll} />
                    </div>
                    <div class="playground-snippet">
                        <div class="playground-editor-bar">
                            <label for="snippet-output">{ "Embed it" }</label>
                            <button type="button" onclick={oncopy} data-testid="snippet-copy">{ "Copy snippet" }</button>
                            <span role="status" data-testid="snippet-status">{ if copy.state() == CopyState::Copied { "Copied" } else { "" } }</span>
                        </div>
                        <textarea id="snippet-output" data-testid="snippet" readonly=true spellcheck="false" value={snippet} />
                    </div>
                </section>
                <section class="playground-preview" aria-label="Card preview">
                    <div class="playground-options">
                        <label>{ "Style " }
                            <select data-testid="style-select" onchange={on_select(&options, |o, v| o.style = v.parse().ok())}>
                                { option("", "default (APA)", style.is_none()) }
                                { for Style::ALL.iter().map(|s| option(s.id(), s.label(), style == Some(*s))) }
                            </select>
                        </label>
                        <label>{ "Theme " }
                            <select data-testid="theme-select" onchange={on_select(&options, |o, v| o.theme = Theme::from_id(v))}>
                                { for Theme::ALL.into_iter().map(|t| option(t.id(), t.id(), theme == t)) }
                            </select>
                        </label>
                        <label>{ "Variant " }
                            <select data-testid="variant-select" onchange={on_select(&options, |o, v| o.variant = Variant::from_id(v))}>
                                { for Variant::ALL.into_iter().map(|v| option(v.id(), v.id(), variant == v)) }
                            </select>
                        </label>
                        <label>{ "Language " }
                            <select data-testid="lang-select" onchange={on_select(&options, |o, v| o.lang = (!v.is_empty()).then(|| Lang::from_tag(v)))}>
                                { option("", "the page's", lang.is_none()) }
                                { option("en", "English", lang == Some(Lang::En)) }
                                { option("zh-CN", "中文", lang == Some(Lang::Zh)) }
                            </select>
                        </label>
                    </div>
                    <RecordCards input={(*input).clone()} options={*options} {on_error_lines} />
                </section>
            </div>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_holds_the_record_verbatim_and_the_options() {
        let options = CardOptions {
            style: Some(Style::Ieee),
            theme: Theme::Dark,
            ..CardOptions::default()
        };
        let snippet = embed_snippet("TY  - JOUR\nER  - ", &options);
        assert_eq!(
            snippet,
            "<script type=\"module\" src=\"https://your.host/citecard/citecard.js\"></script>\n\
             <citation-card style=\"ieee\" theme=\"dark\"><script type=\"text/plain\">\nTY  - JOUR\nER  -\n</script></citation-card>\n"
        );
    }

    #[test]
    fn a_record_that_would_close_the_script_goes_in_an_attribute() {
        let snippet = embed_snippet(r#"{"title":"a </script><b>"}"#, &CardOptions::default());
        assert!(
            snippet
                .contains(r#"record="{&quot;title&quot;:&quot;a &lt;/script&gt;&lt;b&gt;&quot;}""#),
            "{snippet}"
        );
        assert_eq!(snippet.matches("</script>").count(), 1);
    }
}
