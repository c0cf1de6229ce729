//! The JavaScript facade: converts with serde-wasm-bindgen, calls the core, converts back.
//! No logic lives here. Errors become a thrown `Error` with `code`, `path` and `errors`.

use crate::engine::{self, Options};
use crate::error::{Code, Error, Issue};
use crate::json::Json;
use crate::policy::Policy;
use crate::text::Locale;
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn serializer() -> serde_wasm_bindgen::Serializer {
    serde_wasm_bindgen::Serializer::json_compatible()
}

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serializer())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// A JS `Error` with the first issue's code, path and localized message, and every issue in `errors`.
fn throw(e: &Error, locale: Locale) -> JsValue {
    let first = e.first();
    let err = js_sys::Error::new(&first.message(locale));
    let obj: &JsValue = err.as_ref();
    let _ = js_sys::Reflect::set(obj, &"code".into(), &first.code.as_str().into());
    let _ = js_sys::Reflect::set(obj, &"path".into(), &first.path.as_str().into());
    let all: Vec<_> = e.issues.iter().map(|i| i.localized(locale)).collect();
    if let Ok(list) = to_js(&all) {
        let _ = js_sys::Reflect::set(obj, &"errors".into(), &list);
    }
    err.into()
}

fn read_json(v: &JsValue, path: &str) -> Result<Json, Error> {
    if v.is_undefined() || v.is_null() {
        return Ok(Json::Null);
    }
    serde_wasm_bindgen::from_value::<Json>(v.clone()).map_err(|e| {
        Issue::new(Code::WrongType, path)
            .with("object")
            .with(e.to_string())
            .into()
    })
}

fn locale_of(options: &JsValue) -> Locale {
    js_sys::Reflect::get(options, &"locale".into())
        .ok()
        .and_then(|v| v.as_string())
        .and_then(|s| Locale::parse(&s, "").ok())
        .unwrap_or_default()
}

/// `evaluate(profile, options?)`: the report for one profile.
#[wasm_bindgen]
pub fn evaluate(profile: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let locale = locale_of(&options);
    let run = || -> Result<crate::report::Report, Error> {
        let opts = Options::read(&read_json(&options, "options")?)?;
        let input = read_json(&profile, "")?;
        engine::evaluate(&input, crate::builtin()?, &opts)
    };
    match run() {
        Ok(report) => to_js(&report),
        Err(e) => Err(throw(&e, locale)),
    }
}

/// `defaultPolicy()`: the built-in policy document.
#[wasm_bindgen(js_name = defaultPolicy)]
pub fn default_policy() -> Result<JsValue, JsValue> {
    match crate::builtin() {
        Ok(p) => to_js(&p.doc),
        Err(e) => Err(throw(&e, Locale::En)),
    }
}

/// `version()`: the engine version.
#[wasm_bindgen]
pub fn version() -> String {
    engine::ENGINE_VERSION.to_string()
}

#[allow(dead_code)]
fn _policy(_: &Policy) {}
