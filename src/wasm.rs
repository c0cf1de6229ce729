//! The JavaScript facade: converts with serde-wasm-bindgen, calls the core, converts back.
//! No logic lives here. Errors become a thrown `Error` with `code`, `path` and `errors`.
//!
//! Two modules are built from it (scripts/build.sh): the full one (feature `full`: the npm
//! package, the studio, a bank's policy; its own functions are in `wasm/full.rs`) and the
//! widget's lean one, with the functions the element needs and the built-in policy only.

use crate::engine;
#[cfg(not(feature = "full"))]
use crate::engine::Options;
use crate::error::Error;
use crate::json::Json;
use crate::text::Locale;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[cfg(feature = "full")]
mod full;
#[cfg(feature = "full")]
use full::prepare;

/// Runs once when the module is instantiated: a last-resort report of an internal error to the
/// console. The design makes a panic unreachable from any input (checked arithmetic, no unwrap or
/// indexing in the core, enforced by clippy); this hook is only there to make a bug visible.
/// The full module only: the lean one is built with panics that trap at once (scripts/build.sh),
/// so a hook would never run, and its formatting of the panic was 1 KB of the module's gzip.
#[cfg(feature = "full")]
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!(
            "credit-check {}: internal error, please report it: {info}",
            engine::ENGINE_VERSION
        )));
    }));
}

/// A result as a JS object, built field by field (serde-wasm-bindgen): the full module.
#[cfg(feature = "full")]
fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// A result as a JS object, through its JSON text: the lean module, which writes a report's
/// JSON text anyway (for the sources it cites) and so carries one serializer instead of two.
/// The object is the same (JSON.stringify of either gives the same bytes).
/// Writing cannot fail for the module's own results (their maps have text keys and their numbers
/// are finite), so its error is not spelled out: serde_json's messages stay out of the module.
#[cfg(not(feature = "full"))]
fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(v).map_err(|_| {
        JsValue::from(js_sys::Error::new(
            "credit-check: a result could not be written",
        ))
    })?;
    js_sys::JSON::parse(&text)
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

/// The lean module answers in English once the page has given it its English texts (`useTexts`):
/// before, an English call is refused with code `localeNotLoaded` rather than answered in Chinese.
fn texts_for(locale: Locale) -> Result<Locale, JsValue> {
    if crate::text::has_texts(locale) {
        return Ok(locale);
    }
    let err = js_sys::Error::new(
        "the English texts are not loaded: give useTexts() the bytes of texts.en.bin (beside the module)",
    );
    let _ = js_sys::Reflect::set(err.as_ref(), &"code".into(), &"localeNotLoaded".into());
    let _ = js_sys::Reflect::set(err.as_ref(), &"path".into(), &"locale".into());
    Err(err.into())
}

/// `useTexts(bytes)`: the lean module's English texts (the file `texts.en.bin` beside it, which
/// the element fetches when its page switches to English); then it answers in English too.
#[cfg(not(feature = "full"))]
#[wasm_bindgen(js_name = useTexts)]
pub fn use_texts(bytes: Vec<u8>) -> Result<(), JsValue> {
    crate::text::load_english(bytes).map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

fn read_json(v: &JsValue, path: &str) -> Result<Json, Error> {
    crate::js_read::read(v, path).map_err(Error::from)
}

fn locale_of(options: &JsValue) -> Locale {
    js_sys::Reflect::get(options, &"locale".into())
        .ok()
        .and_then(|v| v.as_string())
        .and_then(|s| Locale::parse(&s, "").ok())
        .unwrap_or_default()
}

/// `evaluate(profile, options?)`: the report for one profile.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "Profile")] profile: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EvaluateOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    texts_for(locale_of(&options))?;
    match report_for(&profile, &options) {
        Ok(report) => to_js(&report),
        Err(e) => Err(throw(&e, locale_of(&options))),
    }
}

/// The lean module's options: the built-in policy only (the element loads the full module for a
/// bank's policy, README "On a web page"), read without the policy reader.
#[cfg(not(feature = "full"))]
fn prepare(options: &JsValue) -> Result<(Options, crate::PolicyRef), Error> {
    let given = options.is_object()
        && js_sys::Reflect::get(options, &"policy".into())
            .is_ok_and(|p| !p.is_undefined() && !p.is_null());
    if given {
        return Err(crate::lean_refuses_policy());
    }
    let opts = Options::read(&read_json(options, "options")?)?;
    Ok((opts, crate::PolicyRef::Builtin(crate::builtin()?)))
}

fn report_for(profile: &JsValue, options: &JsValue) -> Result<crate::report::Report, Error> {
    let (opts, policy) = prepare(options)?;
    if let Some(p) = plain_profile(profile) {
        return engine::report(&p, &policy, &opts);
    }
    engine::evaluate(&read_json(profile, "")?, &policy, &opts)
}

/// The profile read from its JSON text, when JSON.stringify gives exactly what the object reader
/// would see (plain objects and arrays of strings, finite numbers, booleans and null, no getter,
/// no toJSON, at most 4,096 values and no string over 64 K) and the text reader takes the text;
/// None otherwise, and the object is read as always (`js_read`), with the same errors. One call
/// into JavaScript instead of several per value: a summary's input 65 → 28 µs in Node. The full
/// module only: the lean one would carry the text reader besides the object reader.
#[cfg(feature = "full")]
fn plain_profile(profile: &JsValue) -> Option<crate::profile::Profile> {
    crate::profile::text::read(&plain_json_text(profile)?)
}

#[cfg(not(feature = "full"))]
fn plain_profile(_: &JsValue) -> Option<crate::profile::Profile> {
    None
}

#[cfg(feature = "full")]
#[wasm_bindgen(inline_js = r#"
const desc = Object.getOwnPropertyDescriptor, proto = Object.getPrototypeOf, isArray = Array.isArray;
const OBJECT = Object.prototype, ARRAY = Array.prototype;
let values = 0;
// The replacer looks at each value as given (before toJSON; an accessor sends the object to the
// object reader) and stops at the first one JSON.stringify would change or drop.
function plain(key, value) {
  const d = desc(this, key);
  if (d === undefined || !("value" in d) || ++values > 4096) throw plain;
  const raw = d.value;
  switch (typeof raw) {
    case "boolean": break;
    case "string": if (raw.length > 65536) throw plain; break;
    case "number": if (!Number.isFinite(raw)) throw plain; break;
    case "object":
      if (raw === null) break;
      if (isArray(raw) ? proto(raw) !== ARRAY : proto(raw) !== OBJECT && proto(raw) !== null) throw plain;
      if ("toJSON" in raw) throw plain;
      break;
    default: throw plain;
  }
  return value;
}
export function plainJsonText(v) {
  values = 0;
  try { return JSON.stringify(v, plain); } catch { return undefined; }
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = plainJsonText)]
    fn plain_json_text(value: &JsValue) -> Option<String>;
}

/// `evaluateInto(host, profile, options?)`: evaluates, renders the report into `host` (replacing
/// its content; texts as text nodes) and returns the report.
#[wasm_bindgen(js_name = evaluateInto, unchecked_return_type = "Report")]
pub fn evaluate_into(
    host: web_sys::Element,
    #[wasm_bindgen(unchecked_param_type = "Profile")] profile: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EvaluateOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let locale = texts_for(locale_of(&options))?;
    let report = report_for(&profile, &options).map_err(|e| throw(&e, locale))?;
    crate::ui::dom::render(&host, &report, locale)?;
    to_js(&report)
}

/// `formSpec(locale?, options?)`: the self-check form's sections and fields for the policy in
/// `options.policy` (or the built-in one): only the fields it reads, with labels, help texts and
/// the policy's own notes.
#[wasm_bindgen(js_name = formSpec, unchecked_return_type = "FormSection[]")]
pub fn form_spec(
    #[wasm_bindgen(unchecked_param_type = "LocaleTag")] locale: Option<String>,
    #[wasm_bindgen(unchecked_param_type = "{ policy?: PolicyDoc }")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let locale = texts_for(parse_locale(locale))?;
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let (_, policy) = prepare(&options).map_err(|e| throw(&e, locale))?;
    to_js(&crate::ui::form::spec_for(&policy, locale))
}

/// `uiTexts(locale?)`: the page's texts by key.
#[wasm_bindgen(js_name = uiTexts, unchecked_return_type = "Record<string, string>")]
pub fn ui_texts(
    #[wasm_bindgen(unchecked_param_type = "LocaleTag")] locale: Option<String>,
) -> Result<JsValue, JsValue> {
    to_js(&crate::ui::texts(texts_for(parse_locale(locale))?))
}

/// `formatAmount(yuan, locale?)`: an amount for people (万 in Chinese, grouped yuan in English).
#[wasm_bindgen(js_name = formatAmount)]
pub fn format_amount(
    yuan: &str,
    #[wasm_bindgen(unchecked_param_type = "LocaleTag")] locale: Option<String>,
) -> String {
    match crate::money::parse_decimal_text(yuan, false) {
        Some(d) => crate::text::money(d, parse_locale(locale)),
        None => String::new(),
    }
}

fn parse_locale(tag: Option<String>) -> Locale {
    tag.and_then(|t| Locale::parse(&t, "").ok())
        .unwrap_or_default()
}

/// `version()`: the engine version.
#[wasm_bindgen]
pub fn version() -> String {
    engine::ENGINE_VERSION.to_string()
}

// ---- Helper A: reading the form as people write numbers (issue #12 item 2) ----

/// `readForm(values, locale?)`: the form's raw values (profile path → what was typed) read as
/// people write numbers: `{ profile, errors: [{ path, code, message }], values: [{ path, value,
/// display }] }`. Never throws for bad values: they are errors at their fields.
#[wasm_bindgen(js_name = readForm, unchecked_return_type = "FormRead")]
pub fn read_form(
    #[wasm_bindgen(unchecked_param_type = "Record<string, string | boolean>")] values: JsValue,
    #[wasm_bindgen(unchecked_param_type = "LocaleTag")] locale: Option<String>,
) -> Result<JsValue, JsValue> {
    let locale = texts_for(parse_locale(locale))?;
    let form = match read_json(&values, "") {
        Ok(v) => crate::ui::form::read(&v, locale),
        Err(e) => crate::ui::form::FormRead::refused(&e, locale),
    };
    to_js(&form)
}

// ---- helper B: readable values and the next questions ----

/// `policyInputs(options?)`: for the policy in `options.policy` (or the built-in one), each scheme
/// and product with the profile paths it reads: `[{ id, kind: "product" | "scheme", name, inputs }]`.
#[wasm_bindgen(js_name = policyInputs, unchecked_return_type = "PolicyInput[]")]
pub fn policy_inputs(
    #[wasm_bindgen(unchecked_param_type = "{ policy?: PolicyDoc, locale?: LocaleTag }")]
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let locale = texts_for(locale_of(&options))?;
    let (opts, policy) = prepare(&options).map_err(|e| throw(&e, locale))?;
    to_js(&crate::ui::inputs::policy_inputs(&policy, opts.locale))
}
