//! The raw input value. Unlike `serde_json::Value` it keeps what a JavaScript caller can send and
//! JSON cannot hold (NaN, Infinity), so that such values become typed errors instead of a silent
//! `null`. It is built natively from JSON text and in wasm from a `JsValue` by serde-wasm-bindgen,
//! with limits on depth, on the number of values and on string length, so that hostile input (deep
//! or circular objects, huge documents) fails cleanly instead of exhausting the stack or memory.

use crate::error::{Code, Issue};
use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cell::Cell;
use std::fmt;

/// Nesting deeper than this is refused while reading, before any recursion can run away.
pub const MAX_DEPTH: usize = 32;
/// At most this many values (objects, arrays, numbers, strings …) in one input.
pub const MAX_VALUES: usize = 200_000;
/// At most this many bytes in one string.
pub const MAX_STRING: usize = 20_000;

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// One JSON value as a field reads it, borrowed: a scalar, or the kind of anything else (for the
/// type error). The tree reader and the text reader both hand a field this, so that reading a
/// value copies nothing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scalar<'a> {
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(&'a str),
    Other(&'static str),
}

impl Scalar<'_> {
    pub fn kind(&self) -> &'static str {
        match self {
            Scalar::Bool(_) => "boolean",
            Scalar::Int(_) | Scalar::Float(_) => "number",
            Scalar::Str(_) => "string",
            Scalar::Other(kind) => kind,
        }
    }
}

impl Json {
    pub fn scalar(&self) -> Scalar<'_> {
        match self {
            Json::Bool(b) => Scalar::Bool(*b),
            Json::Int(i) => Scalar::Int(*i),
            Json::Float(f) => Scalar::Float(*f),
            Json::Str(s) => Scalar::Str(s),
            other => Scalar::Other(other.kind()),
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Int(_) | Json::Float(_) => "number",
            Json::Str(_) => "string",
            Json::Array(_) => "array",
            Json::Object(_) => "object",
        }
    }

    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Parses JSON text within the limits.
    pub fn parse(text: &str) -> Result<Json, String> {
        let mut de = serde_json::Deserializer::from_str(text);
        let v = Json::read(&mut de).map_err(|e| e.to_string())?;
        de.end().map_err(|e| e.to_string())?;
        Ok(v)
    }

    /// Reads any serde input (JSON text, a `JsValue`) within the limits.
    pub fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        let budget = Cell::new(MAX_VALUES);
        NestedSeed {
            depth: 0,
            budget: &budget,
        }
        .deserialize(d)
        .map(|Nested(v)| v)
    }

    /// Converts a serde_json value (policy test profiles, vectors) into the input type.
    pub fn from_value(v: &serde_json::Value) -> Json {
        match v {
            serde_json::Value::Null => Json::Null,
            serde_json::Value::Bool(b) => Json::Bool(*b),
            serde_json::Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    Json::Int(i128::from(i))
                } else if let Some(u) = n.as_u64() {
                    Json::Int(i128::from(u))
                } else {
                    Json::Float(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            serde_json::Value::String(s) => Json::Str(s.clone()),
            serde_json::Value::Array(a) => Json::Array(a.iter().map(Json::from_value).collect()),
            serde_json::Value::Object(o) => Json::Object(
                o.iter()
                    .map(|(k, v)| (k.clone(), Json::from_value(v)))
                    .collect(),
            ),
        }
    }

    /// Into a serde_json value (for policy documents); NaN or Infinity is an error at its path.
    pub fn to_value(&self, path: &str) -> Result<serde_json::Value, Issue> {
        Ok(match self {
            Json::Null => serde_json::Value::Null,
            Json::Bool(b) => serde_json::Value::Bool(*b),
            Json::Int(i) => match i64::try_from(*i) {
                Ok(v) => serde_json::Value::from(v),
                Err(_) => serde_json::Value::String(i.to_string()),
            },
            Json::Float(f) => serde_json::Number::from_f64(*f)
                .map(serde_json::Value::Number)
                .ok_or_else(|| Issue::new(Code::NotFinite, path))?,
            Json::Str(s) => serde_json::Value::String(s.clone()),
            Json::Array(items) => serde_json::Value::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| v.to_value(&format!("{path}[{i}]")))
                    .collect::<Result<_, _>>()?,
            ),
            Json::Object(entries) => serde_json::Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| Ok((k.clone(), v.to_value(&crate::error::join(path, k))?)))
                    .collect::<Result<_, Issue>>()?,
            ),
        })
    }
}

/// Marks the JSON path a limit error carries up through the nested values (see `at`).
const PATH_MARK: char = '\u{1}';

/// A limit error from inside the value at `seg` (a key or `[i]`), with that segment put in
/// front of the path it already carries, so the issue names where the limit was hit. Other
/// errors (JSON syntax) pass unchanged.
fn at<E: de::Error>(seg: &str, e: E) -> E {
    let msg = e.to_string();
    if ![LIMIT_DEPTH, LIMIT_VALUES, LIMIT_STRING]
        .iter()
        .any(|l| msg.contains(l))
    {
        return e;
    }
    let (inner, rest) = split_path(&msg);
    let path = match inner {
        "" => seg.to_string(),
        p if p.starts_with('[') => format!("{seg}{p}"),
        p => format!("{seg}.{p}"),
    };
    E::custom(format!("{PATH_MARK}{path}{PATH_MARK}{rest}"))
}

/// (path, message) of an error message, the path empty when it carries none.
fn split_path(msg: &str) -> (&str, &str) {
    msg.strip_prefix(PATH_MARK)
        .and_then(|m| m.split_once(PATH_MARK))
        .unwrap_or(("", msg))
}

/// Turns a reader error into a typed issue: the limits have their own codes, at the path where
/// they were hit below `path`.
pub fn read_error(message: &str, path: &str) -> Issue {
    let (inner, message) = split_path(message);
    let path = match inner {
        "" => path.to_string(),
        p if p.starts_with('[') => format!("{path}{p}"),
        p => crate::error::join(path, p),
    };
    let path = path.as_str();
    let code = if message.contains(LIMIT_DEPTH) {
        Code::TooDeep
    } else if message.contains(LIMIT_VALUES) || message.contains(LIMIT_STRING) {
        Code::TooLarge
    } else {
        Code::InvalidJson
    };
    let arg = match code {
        Code::TooDeep => MAX_DEPTH.to_string(),
        Code::TooLarge if message.contains(LIMIT_STRING) => {
            format!("{MAX_STRING} bytes per string")
        }
        Code::TooLarge => format!("{MAX_VALUES} values"),
        _ => message.chars().take(200).collect(),
    };
    Issue::new(code, path).with(arg)
}

const LIMIT_DEPTH: &str = "nesting deeper than";
const LIMIT_VALUES: &str = "more values than";
const LIMIT_STRING: &str = "a string longer than";

/// Reads nested values while counting depth and values, so hostile input fails cleanly.
struct JsonVisitor<'b> {
    depth: usize,
    budget: &'b Cell<usize>,
}

struct Nested(Json);

struct NestedSeed<'b> {
    depth: usize,
    budget: &'b Cell<usize>,
}

impl<'de> DeserializeSeed<'de> for NestedSeed<'_> {
    type Value = Nested;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Nested, D::Error> {
        let left = self.budget.get();
        if left == 0 {
            return Err(de::Error::custom(format!("{LIMIT_VALUES} {MAX_VALUES}")));
        }
        self.budget.set(left - 1);
        d.deserialize_any(JsonVisitor {
            depth: self.depth,
            budget: self.budget,
        })
        .map(Nested)
    }
}

impl<'de> Visitor<'de> for JsonVisitor<'_> {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Int(i128::from(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Int(i128::from(v)))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Json, E> {
        Ok(Json::Int(v))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Json, E> {
        i128::try_from(v)
            .map(Json::Int)
            .map_err(|_| E::custom("integer too large"))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
        if v.len() > MAX_STRING {
            return Err(E::custom(format!("{LIMIT_STRING} {MAX_STRING} bytes")));
        }
        Ok(Json::Str(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Json, E> {
        self.visit_str(&v)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        if self.depth >= MAX_DEPTH {
            return Err(de::Error::custom(format!("{LIMIT_DEPTH} {MAX_DEPTH}")));
        }
        let mut out = Vec::new();
        while let Some(Nested(v)) = seq
            .next_element_seed(NestedSeed {
                depth: self.depth + 1,
                budget: self.budget,
            })
            .map_err(|e| at(&format!("[{}]", out.len()), e))?
        {
            out.push(v);
        }
        Ok(Json::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        if self.depth >= MAX_DEPTH {
            return Err(de::Error::custom(format!("{LIMIT_DEPTH} {MAX_DEPTH}")));
        }
        let mut out: Vec<(String, Json)> = Vec::new();
        // A repeated key keeps its last value, as JSON.parse does. A small object (a profile's
        // are) is scanned; past SCAN_KEYS keys an index of where each key stands keeps a large
        // one linear.
        const SCAN_KEYS: usize = 16;
        let mut seen: Option<std::collections::HashMap<String, usize>> = None;
        while let Some(key) = map.next_key::<String>()? {
            if key.len() > MAX_STRING {
                return Err(de::Error::custom(format!(
                    "{LIMIT_STRING} {MAX_STRING} bytes"
                )));
            }
            let Nested(v) = map
                .next_value_seed(NestedSeed {
                    depth: self.depth + 1,
                    budget: self.budget,
                })
                .map_err(|e| at(&key, e))?;
            if seen.is_none() && out.len() >= SCAN_KEYS {
                seen = Some(
                    out.iter()
                        .enumerate()
                        .map(|(i, (k, _))| (k.clone(), i))
                        .collect(),
                );
            }
            let at = match &seen {
                Some(index) => index.get(&key).copied(),
                None => out.iter().position(|(k, _)| *k == key),
            };
            match at.and_then(|i| out.get_mut(i)) {
                Some(slot) => slot.1 = v,
                None => {
                    if let Some(index) = &mut seen {
                        index.insert(key.clone(), out.len());
                    }
                    out.push((key, v));
                }
            }
        }
        Ok(Json::Object(out))
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        Json::read(d)
    }
}

#[cfg(test)]
mod tests {
    use super::Json;

    fn keys(n: usize, repeat: usize) -> String {
        let mut parts: Vec<String> = (0..n).map(|i| format!("\"k{i}\":{i}")).collect();
        parts.push(format!("\"k{repeat}\":\"last\""));
        format!("{{{}}}", parts.join(","))
    }

    /// A repeated key keeps its place and its last value, in a small object (scanned) and in a
    /// large one (indexed).
    #[test]
    fn a_repeated_key_keeps_its_last_value_in_small_and_large_objects() {
        for n in [3, 16, 40] {
            let text = keys(n, 1);
            let mut de = serde_json::Deserializer::from_str(&text);
            let Ok(Json::Object(entries)) = Json::read(&mut de) else {
                panic!("not an object: {text}");
            };
            assert_eq!(entries.len(), n);
            assert_eq!(entries[1].0, "k1");
            assert_eq!(entries[1].1, Json::Str("last".into()));
        }
    }
}
