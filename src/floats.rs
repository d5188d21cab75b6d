//! The browser's float conversions (`parseFloat`, `String(number)`),
//! handed to the core once, for the floats it cannot convert exactly on its
//! own (over 15 significant digits, or far from one): the standard
//! library's and `serde_json`'s conversions would add 17 KB gzipped to a
//! bundle (BENCHMARKS.md). Included by path in the lazy modules that read
//! records, so that every bundle converts alike.

/// Hand the core the browser's conversions (the first call counts).
#[cfg(target_arch = "wasm32")]
pub fn hand_over() {
    citecard_core::input::set_float_text(citecard_core::input::FloatText {
        parse: |text| {
            let n = js_sys::Number::parse_float(text);
            (!n.is_nan()).then_some(n)
        },
        write: |n| {
            String::from(
                js_sys::Number::from(n)
                    .to_string_with_radix(10)
                    .unwrap_or_default(),
            )
        },
    });
}
