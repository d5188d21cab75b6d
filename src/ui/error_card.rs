//! The card shown for input that could not be read.

use citecard_core::ParseError;
use yew::prelude::*;

use crate::ui::i18n::Lang;
use crate::ui::options::Theme;

/// Properties of [`ErrorCard`].
#[derive(Properties, PartialEq)]
pub struct ErrorCardProps {
    /// What went wrong, and where.
    pub error: ParseError,
    /// The input the error points into, for the excerpt.
    pub input: AttrValue,
    /// The colour scheme.
    #[prop_or_default]
    pub theme: Theme,
    /// The interface language; the browser's when `None`.
    #[prop_or_default]
    pub lang: Option<Lang>,
}

/// A card with the error message, its line and column, and the offending
/// line with a caret under the column.
#[component]
pub fn ErrorCard(props: &ErrorCardProps) -> Html {
    let error = &props.error;
    let lang = props.lang.unwrap_or_else(Lang::from_page);
    let t = lang.strings();
    let excerpt = error.span.excerpt(&props.input, 64);
    let (before, rest) = split_at_char(&excerpt.text, excerpt.caret);
    let (at, after) = split_at_char(rest, 1);
    let details = html! {
        <>
            <p class="citecard-error-location" data-testid="error-location">
                { (t.location)(error.span.line, error.span.column) }
            </p>
            if !excerpt.text.is_empty() {
                <pre class="citecard-excerpt"><code>{ before }<mark>{ if at.is_empty() { " " } else { at } }</mark>{ after }</code></pre>
            }
        </>
    };
    error_card(&error.kind.to_string(), props.theme, lang, details)
}

/// The card for a record that could not be loaded at all, such as a `src`
/// that answered 404 (`message` says why): the error card without a
/// location.
pub fn load_error_card(message: &str, theme: Theme, lang: Option<Lang>) -> Html {
    error_card(
        message,
        theme,
        lang.unwrap_or_else(Lang::from_page),
        Html::default(),
    )
}

/// The error card's frame: what a reader of the page needs ("Reference
/// unavailable", in the interface language), and folded under it what the
/// page's author needs: the message (English, from the reader or the
/// browser), then `details`.
fn error_card(message: &str, theme: Theme, lang: Lang, details: Html) -> Html {
    let t = lang.strings();
    html! {
        <article class="citecard citecard-error" role="alert" part="card error" lang={lang.tag()}
            data-theme={theme.id()} data-testid="error-card">
            <p class="citecard-error-heading" data-testid="error-heading">{ t.unavailable }</p>
            <details class="citecard-error-details" data-testid="error-details">
                <summary>{ t.cannot_read }</summary>
                <p class="citecard-error-message" lang="en" data-testid="error-message">{ message.to_owned() }</p>
                { details }
            </details>
        </article>
    }
}

fn split_at_char(text: &str, chars: usize) -> (&str, &str) {
    let index = text
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i);
    text.split_at(index)
}
