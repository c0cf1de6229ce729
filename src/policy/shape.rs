//! Reading a policy document's text into the model. When its shape is wrong (a missing field, a
//! value of the wrong type, an unknown key), serde_json says where in the text; this turns that
//! position into the JSON path the error reports (`products[0].limit.steps[2].expr`), so no
//! path-tracking layer has to wrap every deserializer (what kept the module large).

use super::model::PolicyDoc;
use crate::error::{Code, Issue};

/// The document, or the first shape error with its path.
pub fn read(text: &str) -> Result<PolicyDoc, Issue> {
    serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        // serde_json appends the position; the path replaces it.
        let message = match message.rsplit_once(" at line ") {
            Some((m, _)) => m.to_string(),
            None => message,
        };
        let offset = offset_of(text, e.line(), e.column());
        // A missing field is the object's problem, found once its closing brace has been read:
        // step back inside the object, and name it.
        let object = message.starts_with("missing field");
        let offset = if object {
            offset.saturating_sub(1)
        } else {
            offset
        };
        let path = path_at(text, offset, object);
        if path == "schemes" && message.contains("expected a sequence") {
            // A format-1 document (schemes as an object with techSme and highTech): refused with
            // how to migrate (README, "Writing a policy": the format).
            return Issue::new(Code::PolicyShape, path).with(FORMAT_1);
        }
        Issue::new(Code::PolicyShape, path).with(message)
    })
}

/// What a format-1 document is told.
pub const FORMAT_1: &str = "this document is in format 1 (`schemes` an object of techSme and highTech); format 2 lists the schemes, each with its `id`: write `\"format\": 2` and move each scheme into the list as README \"Writing a policy\" shows (techSme: conditions → checks, pass and passText → pass {id: \"score\", label, pass, actual: \"score\", required}, directRoutes → routes; highTech: certified → held, innovation.items → indicators, innovation.groups → groups, innovation.pass → pass {id: \"innovationScore\", pass: \"score >= 71\"}), or start again from defaultPolicy()";

/// The byte offset of serde_json's (line, column): lines count from 1, columns are bytes from 0.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column).min(text.len())
}

enum Frame {
    Object {
        key: Option<String>,
        /// The key's value has been read in full.
        done: bool,
    },
    Array {
        index: usize,
        /// The value at `index` has been read in full.
        done: bool,
    },
}

/// The path of the value being read at `offset` of a valid JSON text: every enclosing object's
/// key and array's index (inside an array, the position is at its current element). With `object`, a value read in full names its container instead.
pub fn path_at(text: &str, offset: usize, object: bool) -> String {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    let value_done = |stack: &mut Vec<Frame>| match stack.last_mut() {
        Some(Frame::Object { done, .. }) => *done = true,
        Some(Frame::Array { done, .. }) => *done = true,
        None => {}
    };
    while i < end {
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'{' | b'[' => {
                stack.push(if b == b'{' {
                    Frame::Object {
                        key: None,
                        done: false,
                    }
                } else {
                    Frame::Array {
                        index: 0,
                        done: false,
                    }
                });
                i += 1;
            }
            b'}' | b']' => {
                stack.pop();
                value_done(&mut stack);
                i += 1;
            }
            b',' => {
                match stack.last_mut() {
                    Some(Frame::Object { key, done }) => {
                        *key = None;
                        *done = false;
                    }
                    Some(Frame::Array { index, done }) => {
                        *index += 1;
                        *done = false;
                    }
                    None => {}
                }
                i += 1;
            }
            b'"' => {
                let (s, next) = string_at(bytes, i + 1);
                i = next;
                match stack.last_mut() {
                    Some(Frame::Object { key: k @ None, .. }) => *k = Some(s),
                    _ => value_done(&mut stack),
                }
            }
            b':' | b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            _ => {
                // A number, true, false or null: read to its end.
                while i < end
                    && !matches!(
                        bytes.get(i),
                        Some(b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t') | None
                    )
                {
                    i += 1;
                }
                value_done(&mut stack);
            }
        }
    }
    let mut path = String::new();
    let depth = stack.len();
    for (n, frame) in stack.iter().enumerate() {
        let innermost = n + 1 == depth;
        match frame {
            Frame::Object { key: Some(k), done } if !(innermost && object && *done) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Array { index, done } if !(innermost && object && *done) => {
                path.push_str(&format!("[{index}]"));
            }
            _ => {}
        }
    }
    path
}

/// A JSON string's text from just after its opening quote, and the offset after its closing one.
fn string_at(bytes: &[u8], from: usize) -> (String, usize) {
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' => break,
            _ => i += 1,
        }
    }
    let raw = bytes.get(from..i.min(bytes.len())).unwrap_or_default();
    let text: String = serde_json::from_slice(&[b"\"", raw, b"\""].concat())
        .unwrap_or_else(|_| String::from_utf8_lossy(raw).into_owned());
    (text, i + 1)
}

#[cfg(test)]
mod tests {
    use super::path_at;

    fn at(text: &str, marker: &str, object: bool) -> String {
        path_at(text, text.find(marker).unwrap(), object)
    }

    #[test]
    fn positions_become_paths() {
        let t = r#"{"a":{"b":[1,{"c":"x"}]},"d":[]}"#;
        assert_eq!(at(t, r#""x""#, false), "a.b[1].c");
        assert_eq!(at(t, "1,", false), "a.b[0]");
        assert_eq!(at(t, "[]", false), "d");
        // The end of an object: the object itself when a field is missing.
        assert_eq!(path_at(t, t.len() - 1, true), "");
        assert_eq!(at(t, "}]}", true), "a.b[1]");
        let escaped = r#"{"k\"ey":{"z":1}}"#;
        assert_eq!(at(escaped, "1}", false), "k\"ey.z");
    }
}
