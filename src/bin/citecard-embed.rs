//! The embed bundle: the wasm behind `<citation-card>` and `window.citecard`
//! (`static/embed/citecard.js`). It renders cards into elements the script
//! gives it and reads records into CSL-JSON; nothing starts on its own.
//! Values cross the JS boundary as serde values (`serde-wasm-bindgen`).
//!
//! Built twice: as `citecard-embed`, and with the `hydration` feature as
//! `citecard-hydrate` (`src/bin/citecard-hydrate.rs`), which brings cards
//! rendered ahead of time to life in place. Hydration costs the bundle
//! about 16 KB gzipped (BENCHMARKS.md), which a page of script-drawn cards
//! should not pay; a page of pre-rendered cards shows them before any wasm
//! arrives.

#[path = "shared/embed.rs"]
mod embed;

fn main() {}
