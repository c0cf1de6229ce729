//! Reads a JavaScript value into the input type (wasm only), with the limits of `json` and the
//! JSON path of every problem. A string is measured (its UTF-16 length, without copying it) before
//! it is copied into wasm memory, so a 100 MB name costs nothing; a lone surrogate is an error, not
//! silently replaced; a BigInt outside 64 bits, a Symbol or a function is a wrong type at its
//! path. Other values read as serde-wasm-bindgen read them (safe integers as integers, other
//! numbers as floats, object keys in `Object.entries` order), so reports do not change.

use crate::error::{index, join, Code, Issue};
use crate::json::{Json, MAX_DEPTH, MAX_STRING, MAX_VALUES};
use js_sys::{Array, JsString, Number, Object};
use wasm_bindgen::{JsCast, JsValue};

struct Reader {
    /// Values still allowed in this input.
    budget: usize,
    /// Whether every object and array read so far is frozen (asked only when `frozen` is wanted).
    frozen: Option<bool>,
}

/// Reads `v`; problems are at `path` and below it.
pub fn read(v: &JsValue, path: &str) -> Result<Json, Issue> {
    let mut r = Reader {
        budget: MAX_VALUES,
        frozen: None,
    };
    r.value(v, path, 0)
}

/// Reads `v`, and tells whether it is deeply frozen (`Object.freeze` on every object and array
/// in it): such a document cannot change, so a cache may trust its identity alone.
#[cfg(feature = "full")]
pub fn read_frozen(v: &JsValue, path: &str) -> Result<(Json, bool), Issue> {
    let mut r = Reader {
        budget: MAX_VALUES,
        frozen: Some(true),
    };
    let json = r.value(v, path, 0)?;
    Ok((json, r.frozen == Some(true)))
}

fn wrong(path: &str, got: &str) -> Issue {
    Issue::new(Code::WrongType, path)
        .with("jsonValue")
        .with(got)
}

impl Reader {
    fn value(&mut self, v: &JsValue, path: &str, depth: usize) -> Result<Json, Issue> {
        self.budget = self
            .budget
            .checked_sub(1)
            .ok_or_else(|| Issue::new(Code::TooLarge, path).with(format!("{MAX_VALUES} values")))?;
        if v.is_null() || v.is_undefined() {
            return Ok(Json::Null);
        }
        if let Some(b) = v.as_bool() {
            return Ok(Json::Bool(b));
        }
        if let Some(f) = v.as_f64() {
            return Ok(if Number::is_safe_integer(v) {
                // A safe integer is exact in an f64 and within i64.
                Json::Int(i128::from(f as i64))
            } else {
                Json::Float(f)
            });
        }
        if let Some(s) = v.dyn_ref::<JsString>() {
            return string(s, path).map(Json::Str);
        }
        if v.is_bigint() {
            return bigint(v, path);
        }
        if v.is_symbol() {
            return Err(wrong(path, "symbol"));
        }
        if v.is_function() {
            return Err(wrong(path, "function"));
        }
        if depth >= MAX_DEPTH {
            return Err(Issue::new(Code::TooDeep, path).with(MAX_DEPTH));
        }
        if self.frozen == Some(true) && !Object::is_frozen(v.unchecked_ref::<Object>()) {
            self.frozen = Some(false);
        }
        if let Some(a) = v.dyn_ref::<Array>() {
            let mut out = Vec::with_capacity(a.length().min(1024) as usize);
            for (i, item) in a.iter().enumerate() {
                out.push(self.value(&item, &index(path, i), depth + 1)?);
            }
            return Ok(Json::Array(out));
        }
        // A Map reads like an object, as serde-wasm-bindgen read it.
        if let Some(m) = v.dyn_ref::<js_sys::Map>() {
            return self.map(m, path, depth);
        }
        // typeof "object", as serde-wasm-bindgen has it (an Object.create(null) object too).
        if v.is_object() {
            return self.object(v.unchecked_ref::<Object>(), path, depth);
        }
        Err(wrong(path, "other"))
    }

    fn map(&mut self, m: &js_sys::Map, path: &str, depth: usize) -> Result<Json, Issue> {
        let entries = Array::from(m);
        self.entries(&entries, path, depth)
    }

    fn object(&mut self, o: &Object, path: &str, depth: usize) -> Result<Json, Issue> {
        self.entries(&Object::entries(o), path, depth)
    }

    /// `[key, value]` pairs; a key that is not a string is a wrong type.
    fn entries(&mut self, entries: &Array, path: &str, depth: usize) -> Result<Json, Issue> {
        let mut out: Vec<(String, Json)> = Vec::with_capacity(entries.length().min(1024) as usize);
        for pair in entries.iter() {
            let pair: Array = pair.unchecked_into();
            let key = pair.get(0);
            let key = match key.dyn_ref::<JsString>() {
                Some(k) => string(k, path)?,
                None => return Err(wrong(path, "other")),
            };
            let at = join(path, &key);
            let value = self.value(&pair.get(1), &at, depth + 1)?;
            // Object.entries and a Map give each key once: no repeated keys to merge.
            out.push((key, value));
        }
        Ok(Json::Object(out))
    }
}

/// A string within the limit, measured before it is copied: its UTF-8 form has at least as many
/// bytes as it has UTF-16 units.
fn string(s: &JsString, path: &str) -> Result<String, Issue> {
    let too_large =
        || Issue::new(Code::TooLarge, path).with(format!("{MAX_STRING} bytes per string"));
    if s.length() as usize > MAX_STRING {
        return Err(too_large());
    }
    let text = String::from(s);
    // The copy replaces a lone surrogate with U+FFFD: only then are the units looked at (one JS
    // call each), to tell a replaced surrogate from a real U+FFFD.
    if text.contains('\u{fffd}') && !s.is_valid_utf16() {
        return Err(Issue::new(Code::InvalidText, path));
    }
    if text.len() > MAX_STRING {
        return Err(too_large());
    }
    Ok(text)
}

/// A BigInt within 64 bits reads as an integer (as before); any other is a wrong type.
fn bigint(v: &JsValue, path: &str) -> Result<Json, Issue> {
    match i64::try_from(v.clone()) {
        Ok(i) => Ok(Json::Int(i128::from(i))),
        Err(v) => match u64::try_from(v) {
            Ok(u) => Ok(Json::Int(i128::from(u))),
            Err(_) => Err(wrong(path, "bigint")),
        },
    }
}
