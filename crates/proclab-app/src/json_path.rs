//! Where in a JSON text a place is, as a path (`processes[1].arrival`): the reader says where it
//! stopped by line and column, and a teacher who wrote a file by hand looks for a field.
//!
//! The text is scanned once up to the place, keeping the containers open there and, for each,
//! the key or index being read. It is meant for text the JSON reader has already read up to that
//! place (its error's position), so it does not check the syntax it walks over.

/// One container open at the place: an object with the key being read, or a list with the
/// index of the element being read.
enum Open {
    Object {
        key: Option<String>,
        wants_key: bool,
    },
    List {
        index: usize,
    },
}

/// The path of the value the reader stopped at with `error` in `bytes`, or `None` at the top
/// level. Keys are written `.key`, list elements `[i]`, the first key without its dot.
pub fn error_path(bytes: &[u8], error: &serde_json::Error) -> Option<String> {
    // A name the reader did not know as a choice (`{"cpux": 5}` where a burst goes) is not a
    // field: the place is the value it was to choose.
    let variant = error.to_string().starts_with("unknown variant");
    path_at(bytes, error.line(), error.column(), variant)
}

/// The path of the value being read at `line` and `column` of `bytes` (counted as the JSON
/// reader counts: lines from 1, and the bytes of the line read so far); `variant`: the last key
/// read names a variant of the value, not a field of it.
fn path_at(bytes: &[u8], line: usize, column: usize, variant: bool) -> Option<String> {
    let mut end = offset_of(bytes, line, column);
    // A place just past a comma is the value before it: the reader may have read on to the
    // comma when it complains of a value it held (a multilevel queue's queue).
    if last_significant(bytes, end) == Some(b',') {
        end = bytes[..end]
            .iter()
            .rposition(|byte| *byte == b',')
            .unwrap_or(end);
    }
    let mut open: Vec<Open> = Vec::new();
    let mut at = 0;
    while at < end {
        match bytes[at] {
            b'{' => open.push(Open::Object {
                key: None,
                wants_key: true,
            }),
            b'[' => open.push(Open::List { index: 0 }),
            b'}' | b']' => {
                // A value the reader holds until its object closes (a policy, read by its
                // "kind") is told where the file ends: it is the last one the top level read.
                if open.len() == 1 {
                    break;
                }
                open.pop();
            }
            b':' => {
                if let Some(Open::Object { wants_key, .. }) = open.last_mut() {
                    *wants_key = false;
                }
            }
            b',' => match open.last_mut() {
                Some(Open::Object { key, wants_key }) => {
                    *key = None;
                    *wants_key = true;
                }
                Some(Open::List { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                let (text, next) = string_at(bytes, at + 1, end);
                if let Some(Open::Object {
                    key,
                    wants_key: true,
                }) = open.last_mut()
                {
                    *key = Some(text);
                }
                at = next;
                continue;
            }
            _ => {}
        }
        at += 1;
    }
    // The reader stops at the opening of a list where none goes: the place is where the list
    // was put. (After a key it does not know, the place is that key.)
    if matches!(open.last(), Some(Open::List { .. })) && last_significant(bytes, end) == Some(b'[')
    {
        open.pop();
    }
    if variant {
        // A key (before its colon), not a text value (`"pick_order": "x"`, a field's choice).
        if let Some(Open::Object {
            key,
            wants_key: true,
        }) = open.last_mut()
        {
            *key = None;
        }
    }
    path_of(&open)
}

/// The last byte before `end` that is not white space.
fn last_significant(bytes: &[u8], end: usize) -> Option<u8> {
    bytes[..end]
        .iter()
        .rev()
        .find(|byte| !byte.is_ascii_whitespace())
        .copied()
}

/// The path the open containers make.
fn path_of(open: &[Open]) -> Option<String> {
    let mut path = String::new();
    for container in open {
        match container {
            Open::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            // An object whose key is not read yet adds nothing: the place is the object itself.
            Open::Object { key: None, .. } => {}
            Open::List { index } => path.push_str(&format!("[{index}]")),
        }
    }
    (!path.is_empty()).then_some(path)
}

/// The byte offset of `column` bytes into line `line` (both as the reader counts), at most the
/// text's length.
pub(crate) fn offset_of(bytes: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match bytes[start..].iter().position(|byte| *byte == b'\n') {
            Some(newline) => start += newline + 1,
            None => return bytes.len(),
        }
    }
    (start + column).min(bytes.len())
}

/// The text of the string that starts at `from` (after its opening quote), read no further than
/// `end`, and where reading goes on (after its closing quote). Escapes other than `\"` and `\\`
/// are kept as written: the path only shows names.
fn string_at(bytes: &[u8], from: usize, end: usize) -> (String, usize) {
    let mut text = Vec::new();
    let mut at = from;
    while at < end {
        match bytes[at] {
            b'"' => return (String::from_utf8_lossy(&text).into_owned(), at + 1),
            b'\\' if at + 1 < end && matches!(bytes[at + 1], b'"' | b'\\') => {
                text.push(bytes[at + 1]);
                at += 2;
            }
            byte => {
                text.push(byte);
                at += 1;
            }
        }
    }
    (String::from_utf8_lossy(&text).into_owned(), end)
}

/// One member of a JSON object as written: its key, where the key starts (its opening quote),
/// and where its value starts and ends.
pub(crate) struct Member {
    pub key: String,
    pub key_start: usize,
    pub value: core::ops::Range<usize>,
}

/// The members of the object whose `{` is at `open`, in order; empty where the text is not a
/// well-formed object there (the caller has the reader's own word for that).
pub(crate) fn members(bytes: &[u8], open: usize) -> Vec<Member> {
    let mut found = Vec::new();
    if bytes.get(open) != Some(&b'{') {
        return found;
    }
    let mut at = skip_space(bytes, open + 1);
    while bytes.get(at) == Some(&b'"') {
        let key_start = at;
        let (key, next) = string_at(bytes, at + 1, bytes.len());
        at = skip_space(bytes, next);
        if bytes.get(at) != Some(&b':') {
            return Vec::new();
        }
        let start = skip_space(bytes, at + 1);
        let end = value_end(bytes, start);
        found.push(Member {
            key,
            key_start,
            value: start..end,
        });
        at = skip_space(bytes, end);
        match bytes.get(at) {
            Some(b',') => at = skip_space(bytes, at + 1),
            Some(b'}') => return found,
            _ => return Vec::new(),
        }
    }
    if bytes.get(at) == Some(&b'}') {
        found
    } else {
        Vec::new()
    }
}

/// Where each element of the list whose `[` is at `open` is, in order; empty where the text is
/// not a well-formed list there.
pub(crate) fn elements(bytes: &[u8], open: usize) -> Vec<core::ops::Range<usize>> {
    let mut found = Vec::new();
    if bytes.get(open) != Some(&b'[') {
        return found;
    }
    let mut at = skip_space(bytes, open + 1);
    if bytes.get(at) == Some(&b']') {
        return found;
    }
    loop {
        let end = value_end(bytes, at);
        found.push(at..end);
        at = skip_space(bytes, end);
        match bytes.get(at) {
            Some(b',') => at = skip_space(bytes, at + 1),
            Some(b']') => return found,
            _ => return Vec::new(),
        }
    }
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

/// Where the value that starts at `start` ends (exclusive).
fn value_end(bytes: &[u8], start: usize) -> usize {
    match bytes.get(start) {
        Some(b'"') => string_at(bytes, start + 1, bytes.len()).1,
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            let mut at = start;
            while at < bytes.len() {
                match bytes[at] {
                    b'"' => {
                        at = string_at(bytes, at + 1, bytes.len()).1;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return at + 1;
                        }
                    }
                    _ => {}
                }
                at += 1;
            }
            bytes.len()
        }
        _ => {
            let mut at = start;
            while at < bytes.len() && !matches!(bytes[at], b',' | b'}' | b']') {
                at += 1;
            }
            // Trailing white space is not the value's.
            while at > start && bytes[at - 1].is_ascii_whitespace() {
                at -= 1;
            }
            at
        }
    }
}

#[cfg(test)]
mod tests {
    use super::error_path;

    /// The path at the reader's error for `text` read as a scenario.
    fn path_of_error(text: &str) -> Option<String> {
        let error = serde_json::from_str::<proclab_core::ScenarioSpec>(text).unwrap_err();
        error_path(text.as_bytes(), &error)
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn a_value_of_the_wrong_kind_is_found_by_its_field() {
        let text = "{\"processes\": [\n  {\"bursts\": [{\"cpu\": 5}]},\n  {\"arrival\": -3, \"bursts\": [{\"cpu\": 2}]}\n]}";
        assert_eq!(path_of_error(text).as_deref(), Some("processes[1].arrival"));
        let text = "{\"processes\": [{\"bursts\": [{\"cpu\": 5}, {\"cpu\": \"x\"}]}]}";
        assert_eq!(
            path_of_error(text).as_deref(),
            Some("processes[0].bursts[1].cpu")
        );
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn a_missing_field_is_found_by_the_object_that_lacks_it() {
        let text =
            "{\"processes\": [{\"bursts\": [{\"cpu\": 5}]}], \"policy\": {\"kind\": \"rr\"}}";
        assert_eq!(path_of_error(text).as_deref(), Some("policy"));
        // The top level has no path.
        assert_eq!(
            path_of_error("{\"processes\": 3}"),
            Some(String::from("processes"))
        );
        // A field the reader does not know is named; a burst of a kind it does not know is the burst.
        assert_eq!(path_of_error("{\"x\": 1}").as_deref(), Some("x"));
        let text = "{\"processes\": [{\"bursts\": [{\"cpu\": 5}, {\"cpux\": 5}]}]}";
        assert_eq!(
            path_of_error(text).as_deref(),
            Some("processes[0].bursts[1]")
        );
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn keys_with_quotes_and_strings_with_brackets_do_not_lose_the_place() {
        let text = "{\"processes\": [{\"name\": \"a[\\\"{\", \"bursts\": [{\"cpu\": 1}], \"priority\": \"high\"}]}";
        assert_eq!(
            path_of_error(text).as_deref(),
            Some("processes[0].priority")
        );
    }
}
