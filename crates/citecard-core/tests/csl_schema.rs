//! The CSL-JSON export of the whole fixture corpus validates against the
//! official CSL data schema (tests/schema/csl-data.json).
//!
//! The validator below implements the JSON Schema keywords that schema uses:
//! `type`, `enum`, `properties`, `required`, `additionalProperties: false`,
//! `items`, `minItems`, `maxItems`, `anyOf` and local `$ref`s. (`pattern`
//! appears once, with a character class that every string matches.)
#![cfg(all(feature = "html5gum", feature = "bibtex"))]

use std::fs;
use std::path::Path;

mod common;

use citecard_core::export::csl_json;
use serde_json::Value;

fn schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schema/csl-data.json");
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

fn type_matches(expected: &str, value: &Value) -> bool {
    match expected {
        "string" => value.is_string(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        "null" => value.is_null(),
        other => panic!("schema type {other} is not handled"),
    }
}

/// Every violation of `schema` by `value`, with its JSON path.
fn validate(root: &Value, schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/definitions/");
        return validate(root, &root["definitions"][name], value, path, errors);
    }
    if let Some(options) = schema.get("anyOf").and_then(Value::as_array) {
        let fits = options.iter().any(|option| {
            let mut inner = Vec::new();
            validate(root, option, value, path, &mut inner);
            inner.is_empty()
        });
        if !fits {
            errors.push(format!(
                "{path}: matches none of the allowed shapes: {value}"
            ));
        }
        return;
    }
    match schema.get("type") {
        Some(Value::String(t)) if !type_matches(t, value) => {
            return errors.push(format!("{path}: should be {t}: {value}"))
        }
        Some(Value::Array(types))
            if !types
                .iter()
                .any(|t| type_matches(t.as_str().unwrap(), value)) =>
        {
            return errors.push(format!("{path}: should be one of {types:?}: {value}"))
        }
        _ => {}
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
        if !allowed.contains(value) {
            errors.push(format!("{path}: {value} is not one of the allowed values"));
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        if let Some(min) = schema.get("minItems").and_then(Value::as_u64) {
            if (array.len() as u64) < min {
                errors.push(format!("{path}: fewer than {min} items"));
            }
        }
        if let Some(max) = schema.get("maxItems").and_then(Value::as_u64) {
            if array.len() as u64 > max {
                errors.push(format!("{path}: more than {max} items"));
            }
        }
        for (i, item) in array.iter().enumerate() {
            validate(root, items, item, &format!("{path}[{i}]"), errors);
        }
    }
    if let Some(object) = value.as_object() {
        let properties = schema.get("properties").and_then(Value::as_object);
        for required in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !object.contains_key(required.as_str().unwrap()) {
                errors.push(format!("{path}: missing {required}"));
            }
        }
        for (key, child) in object {
            match properties.and_then(|p| p.get(key)) {
                Some(property) => validate(root, property, child, &format!("{path}.{key}"), errors),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{path}: `{key}` is not a CSL variable"))
                }
                None => {}
            }
        }
    }
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    let schema = schema();
    let bad = serde_json::json!([
        {"id": "a"},
        {"id": "b", "type": "novel"},
        {"id": "c", "type": "book", "journal": "x"},
        {"id": "d", "type": "book", "author": [{"family": "X", "initials": "Y"}]},
        {"id": "e", "type": "book", "issued": {"date-parts": [[2020, 1, 2, 3]]}},
        {"id": 5, "type": "book", "volume": true}
    ]);
    let mut errors = Vec::new();
    validate(&schema, &schema, &bad, "$", &mut errors);
    assert_eq!(errors.len(), 6, "{errors:#?}");
}

#[test]
fn csl_json_export_of_the_corpus_is_valid() {
    let references: Vec<_> = common::corpus().into_iter().map(|(_, r)| r).collect();
    let exported: Value = serde_json::from_str(&csl_json::write(&references)).unwrap();
    let schema = schema();
    let mut errors = Vec::new();
    validate(&schema, &schema, &exported, "$", &mut errors);
    assert!(errors.is_empty(), "{errors:#?}");
}
