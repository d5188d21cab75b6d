//! The list bundle: the embed (`src/bin/citecard-embed.rs`) with
//! `<citation-list>`'s publication lists, loaded instead of it by pages that
//! hold a list, so that one wasm serves the page's cards and lists. Built
//! with `hydration`, like `citecard-hydrate`, for pre-rendered cards beside
//! the list. A page of cards alone never loads the list's code.

#[path = "shared/embed.rs"]
mod embed;
#[path = "shared/list.rs"]
mod list;

fn main() {}
