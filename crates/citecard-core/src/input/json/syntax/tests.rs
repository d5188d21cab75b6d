use super::*;

fn read(text: &str) -> Result<Value, SyntaxError> {
    document(text, 0).and_then(|raw| raw.value())
}

fn error(text: &str) -> (usize, &'static str) {
    let error = read(text).expect_err(text);
    (error.offset, error.message)
}

/// Values as `JSON.parse` reads them (RFC 8259's examples and edge cases).
#[test]
fn reads_what_the_rfc_allows() {
    let value = read(r#" {"a": [1, -2, 3.5, 1e2, -0.25E-1, true, false, null], "b\n": "\u00e9\"\\\/\ud83d\ude00"} "#).unwrap();
    assert_eq!(value["a"][0], 1);
    assert_eq!(value["a"][1], -2);
    assert_eq!(value["a"][2], 3.5);
    assert_eq!(value["a"][3], 100.0);
    assert_eq!(value["a"][4], -0.025);
    assert_eq!(value["a"][5], true);
    assert_eq!(value["a"][7], Value::Null);
    assert_eq!(value["b\n"], "é\"\\/😀");
    assert_eq!(read("18446744073709551615").unwrap(), u64::MAX);
    assert_eq!(read("-9223372036854775808").unwrap(), i64::MIN);
    assert_eq!(
        read("-0").unwrap(),
        Value::Number(Number::from_f64(-0.0).unwrap())
    );
    assert_eq!(
        read("18446744073709551616").unwrap(),
        18446744073709551616.0
    );
    // A lone surrogate cannot be held by a Rust string.
    assert_eq!(read(r#""\ud800x""#).unwrap(), "\u{FFFD}x");
    assert_eq!(read("[]").unwrap(), Value::Array(Vec::new()));
    assert_eq!(read("{}").unwrap(), Value::Object(Map::new()));
}

/// Each break of the grammar, at the byte that broke it (or, when the
/// text ends early, at its last character).
#[test]
fn locates_each_error() {
    assert_eq!(error(r#"{"a" 1}"#), (5, "expected `:`"));
    assert_eq!(error(r#"{"a":1 "b":2}"#), (7, "expected `,` or `}`"));
    assert_eq!(error("[1 2]"), (3, "expected `,` or `]`"));
    assert_eq!(
        error("{a:1}"),
        (1, "expected a field name in double quotes")
    );
    assert_eq!(
        error(r#"{"a":1,}"#),
        (
            7,
            "expected another field after the comma, or no comma before `}`"
        )
    );
    assert_eq!(
        error("[1,]"),
        (
            3,
            "expected another value after the comma, or no comma before `]`"
        )
    );
    assert_eq!(
        error(r#"{"a":"b"#),
        (
            6,
            "the record ends early: expected `\"` to close the string"
        )
    );
    assert_eq!(
        error("{\"a\":1\n"),
        (7, "the record ends early: expected `}` to close the object")
    );
    assert_eq!(error("[1,"), (2, "the record ends early: expected a value"));
    assert_eq!(
        error("\"a\u{1}\""),
        (
            2,
            "expected an escaped control character (such as \\n) inside the string"
        )
    );
    assert_eq!(
        error(r#""\x""#),
        (2, "expected an escape such as \\n or \\u00e9 after `\\`")
    );
    assert_eq!(
        error(r#""\u12g4""#),
        (5, "expected four hexadecimal digits after `\\u`")
    );
    assert_eq!(
        error("01"),
        (1, "expected the input to end after the JSON value")
    );
    assert_eq!(error("1."), (1, "the record ends early: expected a digit"));
    assert_eq!(error("-x"), (1, "expected a digit"));
    assert_eq!(error("nul"), (0, "expected a value"));
    assert_eq!(error("1e999"), (0, "the number is out of range"));
    let deep = "[".repeat(129);
    assert_eq!(
        error(&deep),
        (128, "nested too deeply (more than 128 levels)")
    );
    assert!(read(&format!("{}{}", "[".repeat(128), "]".repeat(128))).is_ok());
}

/// A value kept as text keeps its own digits, without the white space
/// between its tokens (inside strings it stays).
#[test]
fn compact_text_is_the_text_as_written() {
    let input = "{\"a\": [1.50, 1e2 , {\"b c\": \"x \\\" y\"}],\n \"a\": -0.0}";
    let raw = document(input, 0).unwrap();
    assert_eq!(
        raw.member("a").unwrap().compact(),
        "-0.0",
        "the last of a repeated key"
    );
    let first = &raw.members().unwrap()[0].1;
    assert_eq!(first.compact(), r#"[1.50,1e2,{"b c":"x \" y"}]"#);
    assert!(raw.member("z").is_none());
}

#[test]
fn finds_extents_without_reading() {
    let input = r#"  [ {"a": [1, 2]}, "x", 3 ] trailing"#;
    let raw = first_value(input, 0).unwrap();
    assert_eq!(raw.range(), (2, 27));
    let items = raw.elements().unwrap();
    let texts: Vec<&str> = items.iter().map(Raw::get).collect();
    assert_eq!(texts, [r#"{"a": [1, 2]}"#, r#""x""#, "3"]);
    let members = items[0].members().unwrap();
    assert_eq!(members[0].0, "a");
    assert_eq!(members[0].1.get(), "[1, 2]");
    assert!(document(input, 0).is_err());
}

/// `serde_json` (the reference) and this parser read every JSON file
/// of the fixtures and of the shared real records alike: the same
/// value, or both an error.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn agrees_with_serde_json_on_every_json_file() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![
        root.join("tests/fixtures"),
        root.join("../../../shared/records"),
    ];
    let mut compared = 0;
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.flatten().map(|e| e.path()) {
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            if !text.trim_start().starts_with(['{', '[']) {
                continue;
            }
            let reference = serde_json::from_str::<Value>(&text).ok();
            let ours = read(&text).ok();
            assert_eq!(ours, reference, "{}", path.display());
            compared += 1;
        }
    }
    assert!(compared > 50, "only {compared} JSON files");
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| Value::Number(n.into())),
            any::<u64>().prop_map(|n| Value::Number(n.into())),
            any::<f64>()
                .prop_filter_map("finite", Number::from_f64)
                .prop_map(Value::Number),
            any::<String>().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                prop::collection::btree_map(any::<String>(), inner, 0..8)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        /// The eight-bytes-at-a-time scan stops where a byte-by-byte one
        /// does.
        #[test]
        fn plain_runs_end_at_the_first_quote_backslash_or_control(
            bytes in prop::collection::vec(prop_oneof![
                Just(b'"'), Just(b'\\'), 0u8..0x20, 0x20u8..=0xff, 0x20u8..0x7f
            ], 0..40)
        ) {
            let naive = bytes
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(bytes.len());
            prop_assert_eq!(plain_run(&bytes), naive);
        }

        /// Whatever `serde_json` writes, compact or pretty, reads back
        /// as the same value.
        #[test]
        fn reads_back_what_serde_json_writes(value in json()) {
            let compact = serde_json::to_string(&value).unwrap();
            prop_assert_eq!(read(&compact).unwrap(), value.clone());
            let pretty = serde_json::to_string_pretty(&value).unwrap();
            prop_assert_eq!(read(&pretty).unwrap(), value);
        }

        /// Arbitrary text is accepted exactly when `serde_json` accepts
        /// it, and never panics. (No `u`: a lone surrogate escape,
        /// which `serde_json` refuses, is read here as U+FFFD, as
        /// RFC 8259 leaves it to the reader.)
        #[test]
        fn accepts_what_serde_json_accepts(text in "[\\[\\]{}\",:0-9.eE+ a-tv-z\\\\-]{0,24}") {
            let reference = serde_json::from_str::<Value>(&text).ok();
            prop_assert_eq!(read(&text).ok(), reference);
        }
    }
}
