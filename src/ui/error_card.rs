//! The card shown for input that could not be read.

use citecard_core::ParseError;
use yew::prelude::*;

use crate::ui::card::Theme;
use crate::ui::i18n::Lang;

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
    let lang = props.lang.unwrap_or_else(Lang::from_browser);
    let t = lang.strings();
    let excerpt = error.span.excerpt(&props.input, 64);
    let (before, rest) = split_at_char(&excerpt.text, excerpt.caret);
    let (at, after) = split_at_char(rest, 1);
    html! {
        <article class="citecard citecard-error" role="alert" part="card error" lang={lang.tag()}
            data-theme={props.theme.id()} data-testid="error-card">
            <p class="citecard-type">{ t.cannot_read }</p>
            <p class="citecard-error-message" lang="en" data-testid="error-message">{ error.kind.to_string() }</p>
            <p class="citecard-error-location" data-testid="error-location">
                { (t.location)(error.span.line, error.span.column) }
            </p>
            if !excerpt.text.is_empty() {
                <pre class="citecard-excerpt"><code>{ before }<mark>{ if at.is_empty() { " " } else { at } }</mark>{ after }</code></pre>
            }
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
