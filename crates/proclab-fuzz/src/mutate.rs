//! Mutations of JSON values and of text: the shapes of input a student's file or link can take
//! when it is edited by hand, cut short, or written by another program.

use proclab_core::rng::Pcg32;
use serde_json::{Map, Number, Value};

/// A random index below `length` (0 when empty).
pub fn pick(rng: &mut Pcg32, length: usize) -> usize {
    rng.below(length as u64) as usize
}

/// A number a hand-edited file might hold: mostly small, sometimes at or past every limit.
pub fn number(rng: &mut Pcg32, mild: bool) -> Value {
    if mild && rng.below(8) != 0 {
        return Value::from(rng.below(20));
    }
    match rng.below(12) {
        0 => Value::from(0),
        1 => Value::from(1),
        2 => Value::from(rng.below(1000)),
        3 => Value::from(u32::MAX),
        4 => Value::from(u64::from(u32::MAX) + 1),
        5 => Value::from(u64::MAX),
        6 => Value::from(-1),
        7 => Value::from(i64::MIN),
        8 => Number::from_f64(1.5).map_or(Value::Null, Value::Number),
        9 => Number::from_f64(1e300).map_or(Value::Null, Value::Number),
        10 => Value::from(1_000_000_000u64 + rng.below(3)),
        _ => Value::from(rng.next_u64() >> rng.below(64)),
    }
}

/// A string a hand-edited file might hold: empty, long, markup, right-to-left, control characters.
pub fn string(rng: &mut Pcg32) -> String {
    match rng.below(10) {
        0 => String::new(),
        1 => "x".repeat(33),
        2 => "가".repeat(rng.between(1, 2000) as usize),
        3 => String::from("<script>alert(1)</script><b>P</b>"),
        4 => String::from("\u{202e}שלום עולם\u{200f}"),
        5 => String::from("\0\u{1}\t\n\r\u{7f}"),
        6 => [
            "fcfs", "rr", "mlfq", "sjf", "lottery", "priority", "shared", "per_cpu", "affinity",
        ][pick(rng, 9)]
        .to_string(),
        7 => (0..rng.between(1, 12))
            .map(|_| char::from(b'a' + rng.below(26) as u8))
            .collect(),
        8 => String::from("🧵🧵🧵"),
        _ => format!("P{}", rng.below(100)),
    }
}

/// Changes one node somewhere in `value`: `mild` keeps numbers small, so that most results
/// still validate (the simulation door wants scenarios that pass).
pub fn mutate(rng: &mut Pcg32, value: &mut Value, mild: bool) {
    // Go down a random path, stopping at each level with some chance.
    let descend = rng.below(4) != 0;
    match value {
        Value::Object(map) if descend && !map.is_empty() => {
            let key = map
                .keys()
                .nth(pick(rng, map.len()))
                .cloned()
                .unwrap_or_default();
            if let Some(child) = map.get_mut(&key) {
                return mutate(rng, child, mild);
            }
        }
        Value::Array(items) if descend && !items.is_empty() => {
            let index = pick(rng, items.len());
            return mutate(rng, &mut items[index], mild);
        }
        _ => {}
    }
    match value {
        Value::Number(_) => *value = number(rng, mild),
        Value::String(text) if mild && rng.below(2) == 0 => {
            *text = text.chars().take(8).collect();
        }
        Value::String(_) => *value = Value::String(string(rng)),
        Value::Bool(flag) => *flag = !*flag,
        Value::Array(items) => match rng.below(if mild { 3 } else { 5 }) {
            0 if !items.is_empty() => {
                let index = pick(rng, items.len());
                items.remove(index);
            }
            1 | 2 if !items.is_empty() => {
                let copy = items[pick(rng, items.len())].clone();
                let copies = if mild { 1 } else { rng.between(1, 64) };
                for _ in 0..copies {
                    items.push(copy.clone());
                }
            }
            3 => items.clear(),
            _ => items.push(number(rng, mild)),
        },
        Value::Object(map) => match rng.below(if mild { 1 } else { 4 }) {
            0 if !map.is_empty() => {
                let key = map
                    .keys()
                    .nth(pick(rng, map.len()))
                    .cloned()
                    .unwrap_or_default();
                map.remove(&key);
            }
            1 => {
                map.insert(string(rng), number(rng, false));
            }
            2 => {
                let key = map
                    .keys()
                    .nth(pick(rng, map.len().max(1)))
                    .cloned()
                    .unwrap_or_default();
                map.insert(key, Value::Null);
            }
            _ => {
                let key = map
                    .keys()
                    .nth(pick(rng, map.len().max(1)))
                    .cloned()
                    .unwrap_or_default();
                map.insert(key, Value::Object(Map::new()));
            }
        },
        Value::Null => *value = number(rng, mild),
    }
}

/// Byte-level damage to text: flips, insertions, deletions, a cut. The result is made valid
/// UTF-8 again lossily (what a browser's file reader or the CLI's reader hand on is text).
pub fn damage(rng: &mut Pcg32, text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..rng.between(1, 4) {
        if bytes.is_empty() {
            bytes.push(rng.next_u32() as u8);
            continue;
        }
        let at = pick(rng, bytes.len());
        match rng.below(5) {
            0 => bytes[at] ^= 1 << rng.below(8),
            1 => bytes[at] = rng.next_u32() as u8,
            2 => bytes.insert(at, b"{}[]\",:0-9e."[pick(rng, 12)]),
            3 => {
                bytes.remove(at);
            }
            _ => bytes.truncate(at),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Random bytes, as text.
pub fn random_text(rng: &mut Pcg32, max: u64) -> String {
    let length = rng.below(max + 1) as usize;
    let bytes: Vec<u8> = (0..length).map(|_| rng.next_u32() as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}
