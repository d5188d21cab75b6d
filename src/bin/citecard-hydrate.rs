//! The embed bundle with hydration: `citecard.js` loads it instead of
//! `citecard-embed` when the page holds cards rendered ahead of time
//! (`citecard render`), and it hydrates them in place. The same source,
//! built with the `hydration` feature (see `index.html`).

#[path = "shared/embed.rs"]
mod embed;

fn main() {}
