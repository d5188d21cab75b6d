//! The card's options, one type for every place that carries them: the
//! components' props, the `<citation-card>` attributes and the JS API's
//! options object, the playground's menus and its embed snippet.

use std::cell::RefCell;

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

/// A CSL style the page gave at run time (`csl-src`, or the JS API): the
/// citation module compiled it and knows it by an id (`csl-1`); Cite lists
/// it first, by its title. Its strings are kept for the page's life (once
/// per style: a page names few), so that the options stay `Copy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CustomStyle {
    id: &'static str,
    title: &'static str,
}

impl CustomStyle {
    /// The style the citation module knows as `id`, titled `title`.
    pub fn new(id: &str, title: &str) -> CustomStyle {
        thread_local! {
            static KNOWN: RefCell<Vec<CustomStyle>> = const { RefCell::new(Vec::new()) };
        }
        KNOWN.with_borrow_mut(|known| {
            if let Some(style) = known.iter().find(|s| s.id == id && s.title == title) {
                return *style;
            }
            let keep = |s: &str| -> &'static str { Box::leak(s.into()) };
            let style = CustomStyle {
                id: keep(id),
                title: keep(title),
            };
            known.push(style);
            style
        })
    }

    /// The id the citation module cites it by.
    pub fn id(self) -> &'static str {
        self.id
    }

    /// Its title (the CSL file's `<info><title>`).
    pub fn title(self) -> &'static str {
        self.title
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
    /// A style the page gave at run time, listed first in Cite and opened
    /// on (the script's `csl` and `csl-title`, from `csl-src`).
    pub csl: Option<CustomStyle>,
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
            // The citation module's ids are `csl-1`, `csl-2`, …
            csl: value("csl")
                .filter(|id| {
                    id.strip_prefix("csl-")
                        .is_some_and(|n| n.parse::<u32>().is_ok())
                })
                .map(|id| {
                    let title = value("csl-title").unwrap_or_else(|| id.clone());
                    CustomStyle::new(&id, &title)
                }),
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
    fn a_custom_style_is_read_from_its_id_and_title_once() {
        let given = |id: &'static str, title: Option<&'static str>| {
            CardOptions::from_attributes(move |name| match name {
                "csl" => Some(id.to_owned()),
                "csl-title" => title.map(str::to_owned),
                _ => None,
            })
            .csl
            .unwrap()
        };
        let nature = given("csl-1", Some("Nature"));
        assert_eq!((nature.id(), nature.title()), ("csl-1", "Nature"));
        assert_eq!(
            given("csl-1", Some("Nature")),
            nature,
            "the same style, the same handle"
        );
        // Without a title, its id names it.
        assert_eq!(given("csl-2", None).title(), "csl-2");
        assert_eq!(CardOptions::from_attributes(|_| None).csl, None);
    }

    #[test]
    fn attributes_round_trip_and_defaults_are_left_out() {
        let options = CardOptions {
            format: Some(Format::Ris),
            style: Some(Style::Ieee),
            theme: Theme::Dark,
            variant: Variant::Compact,
            lang: Some(Lang::Zh),
            csl: None,
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
