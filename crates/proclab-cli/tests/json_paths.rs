//! The page finds where a scenario file's reading stopped by scanning the text to the reader's
//! line and column (`proclab_app::json_path`); `serde_path_to_error` follows the reading itself.
//! Over every example, each value in turn replaced by one of the wrong form, the two must name
//! the same place.

use proclab_app::json_path::error_path;
use proclab_core::ScenarioSpec;

/// The place `serde_path_to_error` names, `None` at the top level.
fn followed(text: &str) -> Option<String> {
    let reader = &mut serde_json::Deserializer::from_str(text);
    let error = serde_path_to_error::deserialize::<_, ScenarioSpec>(reader).err()?;
    let path = error.path().to_string();
    (path != ".").then_some(path)
}

/// The place the scanner names at the reader's error.
fn scanned(text: &str) -> Option<String> {
    let error = serde_json::from_str::<ScenarioSpec>(text).err()?;
    error_path(text.as_bytes(), &error)
}

/// Every scalar value of `text` (numbers, `true`, `false`, strings after a colon) as byte ranges.
fn values(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b':' {
            let mut start = at + 1;
            while bytes[start] == b' ' {
                start += 1;
            }
            let end = if bytes[start] == b'"' {
                start + 1 + text[start + 1..].find('"').unwrap() + 1
            } else {
                start + text[start..].find([',', '}', ']', '\n']).unwrap()
            };
            if !matches!(bytes[start], b'{' | b'[') {
                found.push((start, end));
            }
            at = end;
        } else {
            at += 1;
        }
    }
    found
}

#[test]
fn the_scanned_place_is_the_place_the_reading_followed() {
    let mut compared = 0;
    let mut differing = Vec::new();
    for preset in proclab_core::presets::presets() {
        let text = serde_json::to_string_pretty(&preset.spec).unwrap();
        let mut broken_texts = Vec::new();
        for (start, end) in values(&text) {
            for wrong in ["-3", "\"x\"", "true", "[1]", "{\"a\": 1}"] {
                broken_texts.push(format!("{}{wrong}{}", &text[..start], &text[end..]));
            }
        }
        // Each key misspelt.
        for (at, _) in text.match_indices("\": ") {
            broken_texts.push(format!("{}x{}", &text[..at], &text[at..]));
        }
        for broken in broken_texts {
            if serde_json::from_str::<ScenarioSpec>(&broken).is_ok() {
                continue;
            }
            compared += 1;
            let (got, expected) = (scanned(&broken), followed(&broken));
            if got != expected {
                differing.push(format!(
                    "{got:?} where {expected:?} is expected in {broken}"
                ));
            }
        }
    }
    assert!(compared > 10_000, "{compared} files compared");
    assert!(
        differing.is_empty(),
        "{} of {compared} differ, the first: {}",
        differing.len(),
        differing[0]
    );
}
