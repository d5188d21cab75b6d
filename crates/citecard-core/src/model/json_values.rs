//! The unmodelled CSL variables in the model's serde form: each value as
//! its compact JSON text. A `serde_json::Value` can only be read back from a
//! self-describing format; as text, the form suits any, and the card hands
//! references to its citation module in postcard, which is not one.

use std::collections::BTreeMap;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serializer};
use serde_json::Value;

use crate::input::json::{document, value_text};

/// Each value as its JSON text.
pub(super) fn serialize<S: Serializer>(
    values: &BTreeMap<String, Value>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(values.iter().map(|(name, value)| (name, value_text(value))))
}

/// Each value read back from its JSON text; text that is not JSON is an
/// error that names the variable.
pub(super) fn deserialize<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, Value>, D::Error> {
    let texts = BTreeMap::<String, String>::deserialize(deserializer)?;
    // Inserted one by one: collecting would sort them again, with code of
    // its own, though they come sorted.
    let mut values = BTreeMap::new();
    for (name, text) in texts {
        let value = document(&text, 0)
            .and_then(|raw| raw.value())
            .map_err(|e| D::Error::custom(format_args!("{name}: {}", e.message)))?;
        values.insert(name, value);
    }
    Ok(values)
}
