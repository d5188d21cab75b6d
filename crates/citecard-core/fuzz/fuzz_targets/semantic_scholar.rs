//! Any bytes read as SemanticScholar: records or located errors, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        citecard_core_fuzz::read(text, citecard_core::Format::SemanticScholar);
    }
});
