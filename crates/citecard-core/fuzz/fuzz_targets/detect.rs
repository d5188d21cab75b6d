//! Any bytes, format detected: detection and whichever reader it picks
//! never panic, and what is read formats (one style per input, all six over
//! a campaign) and exports without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        citecard_core_fuzz::read_and_cite(text);
    }
});
