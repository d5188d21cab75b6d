//! A JSON value written as compact text, for a value kept as text that was
//! not read from text (an object handed over from JavaScript). With the
//! `std-floats` feature this is `serde_json`'s writer; without it, floats
//! are written by [`super::float::write`], so that `serde_json`'s float
//! formatting and its tables stay out of the first card.

use serde_json::Value;

/// `value` as compact JSON text.
pub(crate) fn value_text(value: &Value) -> String {
    #[cfg(feature = "std-floats")]
    return value.to_string();
    #[cfg(not(feature = "std-floats"))]
    {
        let mut out = String::new();
        write(value, &mut out);
        out
    }
}

#[cfg(not(feature = "std-floats"))]
fn write(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => out.push_str(&u.to_string()),
            (None, Some(i), _) => out.push_str(&i.to_string()),
            (_, _, Some(f)) => out.push_str(&super::float::write(f)),
            _ => out.push_str("null"),
        },
        Value::String(s) => string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(key, out);
                out.push(':');
                write(item, out);
            }
            out.push('}');
        }
    }
}

/// A string in double quotes, escaped as RFC 8259 requires.
#[cfg(not(feature = "std-floats"))]
fn string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}
