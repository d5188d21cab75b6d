//! The card's options, one type for every place that carries them: the
//! components' props, the `<citation-card>` attributes and the JS API's
//! options object, the playground's menus and its embed snippet.

use citecard_core::style::Style;
use citecard_core::Format;

use crate::ui::i18n::Lang;

/// The card's colour scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the reader's system setting (`prefers-color-scheme`).
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// Every theme, in menu order.
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    /// The value of the card's `data-theme` attribute and of the embed's
    /// `theme` attribute: `auto`, `light` or `dark`.
    pub fn id(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The theme named `id`, or `Auto`.
    pub fn from_id(id: &str) -> Theme {
        match id.trim() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        }
    }
}

/// How much the card shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Variant {
    /// Everything: metrics, DOI and abstract too.
    #[default]
    Full,
    /// Title, authors, venue and the cite button.
    Compact,
}

impl Variant {
    /// Every variant, in menu order.
    pub const ALL: [Variant; 2] = [Variant::Full, Variant::Compact];

    /// `full` or `compact`.
    pub fn id(self) -> &'static str {
        match self {
            Variant::Full => "full",
            Variant::Compact => "compact",
        }
    }

    /// The variant named `id`, or `Full`.
    pub fn from_id(id: &str) -> Variant {
        match id.trim() {
            "compact" => Variant::Compact,
            _ => Variant::Full,
        }
    }
}

/// How cards read and show records. The default detects the format, opens
/// Cite on APA, follows the reader's colour scheme and language, and shows
/// the full card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CardOptions {
    /// Read the input as this format instead of detecting it.
    pub format: Option<Format>,
    /// The citation style the cite panel opens on (unless the reader chose
    /// one before); APA when `None`.
    pub style: Option<Style>,
    /// The colour scheme.
    pub theme: Theme,
    /// Full or compact cards.
    pub variant: Variant,
    /// The interface language; the browser's when `None`.
    pub lang: Option<Lang>,
}

impl CardOptions {
    /// The options named by attribute values (`format="ris"`, `theme="dark"`,
    /// …), as `value(name)` gives them; an unknown or empty value means the
    /// default.
    ///
    /// ```
    /// use citecard::ui::options::{CardOptions, Theme};
    /// let options = CardOptions::from_attributes(|name| (name == "theme").then(|| "dark".to_owned()));
    /// assert_eq!(options.theme, Theme::Dark);
    /// assert_eq!(options.style, None);
    /// ```
    pub fn from_attributes(value: impl Fn(&str) -> Option<String>) -> CardOptions {
        let value = |name: &str| value(name).filter(|v| !v.trim().is_empty());
        CardOptions {
            format: value("format").and_then(|v| v.parse().ok()),
            style: value("style").and_then(|v| v.parse().ok()),
            theme: value("theme").map_or_else(Theme::default, |v| Theme::from_id(&v)),
            variant: value("variant").map_or_else(Variant::default, |v| Variant::from_id(&v)),
            lang: value("lang").map(|v| Lang::from_tag(&v)),
        }
    }

    /// The attributes that say these options on `<citation-card>`, leaving
    /// out the defaults: the inverse of [`CardOptions::from_attributes`].
    pub fn attributes(&self) -> Vec<(&'static str, &'static str)> {
        [
            ("format", self.format.map(Format::id)),
            ("style", self.style.map(Style::id)),
            (
                "theme",
                (self.theme != Theme::Auto).then(|| self.theme.id()),
            ),
            (
                "variant",
                (self.variant != Variant::Full).then(|| self.variant.id()),
            ),
            ("lang", self.lang.map(Lang::tag)),
        ]
        .into_iter()
        .filter_map(|(name, value)| Some((name, value?)))
        .collect()
    }
}

/// Whether record text must go in a `<citation-card>`'s `record` attribute
/// (escaped) rather than in its child `<script type="text/plain">`: when
/// it could end that script early, since no escape works inside one.
pub fn record_needs_attribute(record: &str) -> bool {
    let lower = record.to_ascii_lowercase();
    lower.contains("</script") || lower.contains("<!--")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_round_trip_and_defaults_are_left_out() {
        let options = CardOptions {
            format: Some(Format::Ris),
            style: Some(Style::Ieee),
            theme: Theme::Dark,
            variant: Variant::Compact,
            lang: Some(Lang::Zh),
        };
        let attributes = options.attributes();
        assert_eq!(
            attributes,
            [
                ("format", "ris"),
                ("style", "ieee"),
                ("theme", "dark"),
                ("variant", "compact"),
                ("lang", "zh-CN")
            ]
        );
        let read = CardOptions::from_attributes(|name| {
            attributes
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        });
        assert_eq!(read, options);
        assert!(CardOptions::default().attributes().is_empty());
    }

    #[test]
    fn unknown_and_empty_values_mean_the_default() {
        let read = CardOptions::from_attributes(|name| {
            Some(if name == "lang" { " " } else { "nonsense" }.to_owned())
        });
        assert_eq!(read, CardOptions::default());
    }
}
