//! Floats read from and written as decimal text. Reading is exact on
//! Clinger's fast path, which covers the numbers records hold (impact
//! factors, scores). The rest, and writing, use the standard library and
//! `serde_json` when the `std-floats` feature is on, else the conversions
//! the page hands over ([`set_float_text`]: JavaScript's). The standard
//! library's and `serde_json`'s tables would add 14 KB and 3 KB gzipped to
//! the first card (BENCHMARKS.md).

use std::sync::OnceLock;

/// Conversions between floats and their shortest decimal text that a
/// build without the `std-floats` feature is handed.
#[derive(Debug, Clone, Copy)]
pub struct FloatText {
    /// A JSON number's text (already checked) as the nearest float.
    pub parse: fn(&str) -> Option<f64>,
    /// A finite float as the shortest text that reads back as it.
    pub write: fn(f64) -> String,
}

static CONVERSIONS: OnceLock<FloatText> = OnceLock::new();

/// Read and write the floats that the core cannot on its own with
/// `conversions` from now on (the first call wins): in a browser,
/// JavaScript's `parseFloat` and `String(number)`, which round correctly.
/// Not needed with the `std-floats` feature.
pub fn set_float_text(conversions: FloatText) {
    let _ = CONVERSIONS.set(conversions);
}

/// `value` as the shortest text that reads back as it, by the page's
/// writer (without the `std-floats` feature, whose builds write floats
/// with `serde_json`). Without one, a float that is not a whole number is
/// written to six decimal places.
#[cfg(not(feature = "std-floats"))]
pub(crate) fn write(value: f64) -> String {
    if let Some(conversions) = CONVERSIONS.get() {
        return (conversions.write)(value);
    }
    if value.fract() == 0.0 && value.abs() < 9e15 {
        return format!("{}.0", value as i64);
    }
    let scaled = (value * 1e6).round();
    let sign = if scaled < 0.0 { "-" } else { "" };
    let digits = format!("{:0>7}", scaled.abs() as u64);
    let (whole, fraction) = digits.split_at(digits.len() - 6);
    format!("{sign}{whole}.{}", fraction.trim_end_matches('0'))
}

/// Powers of ten that an `f64` holds exactly.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A JSON number's text (already checked) as the nearest `f64`.
///
/// Clinger's fast path is exact: a significand below 2^53 and a power of ten
/// up to 22 are both exact floats, so one multiplication or division rounds
/// once, correctly. Other numbers (over 15 significant digits, or far from
/// one) go to the standard library's parser (feature `std-floats`), or
/// to the one given to [`set_float_text`]; without either they are
/// computed with powers of ten, within a few units in the last place.
pub(crate) fn parse(text: &str) -> Option<f64> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (number, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], rest[i + 1..].parse::<i32>().ok()?),
        None => (rest, 0),
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits = || whole.bytes().chain(fraction.bytes()).map(|d| d - b'0');
    let significand = digits().try_fold(0u64, |s, d| s.checked_mul(10)?.checked_add(d.into()));
    let exponent = exponent.checked_sub(i32::try_from(fraction.len()).ok()?)?;
    let value = match significand {
        Some(significand) if significand < 1 << 53 && exponent.unsigned_abs() < 23 => {
            let power = EXACT_POWERS[exponent.unsigned_abs() as usize];
            let significand = significand as f64;
            if exponent < 0 {
                significand / power
            } else {
                significand * power
            }
        }
        _ => {
            #[cfg(feature = "std-floats")]
            return text.parse().ok();
            #[cfg(not(feature = "std-floats"))]
            match CONVERSIONS.get() {
                Some(conversions) => return (conversions.parse)(text),
                None => digits().fold(0.0, |s, d| s * 10.0 + f64::from(d)) * 10f64.powi(exponent),
            }
        }
    };
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path gives what the standard library's correctly rounded
    /// parser gives.
    #[test]
    fn fast_path_is_exact() {
        for text in [
            "0",
            "-0",
            "1",
            "3.5",
            "0.1",
            "0.2",
            "4.123",
            "-0.025",
            "12345.6789",
            "1e22",
            "9007199254740991",
            "2.5e-3",
            "123456789012345e-22",
            "0.000001",
        ] {
            let expected: f64 = text.parse().unwrap();
            let got = parse(text).unwrap();
            assert_eq!(got.to_bits(), expected.to_bits(), "{text}");
        }
    }
}
