//! The JavaScript facade: converts with serde-wasm-bindgen, calls the core, converts back.
//! No logic lives here. Errors become a thrown `Error` with `code`, `path` and `errors`.

use crate::engine::{self, Options};
use crate::error::{Code, Error, Issue};
use crate::json::Json;
use crate::text::Locale;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Runs once when the module is instantiated: a last-resort report of an internal error to the
/// console. The design makes a panic unreachable from any input (checked arithmetic, no unwrap or
/// indexing in the core, enforced by clippy); this hook is only there to make a bug visible.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!(
            "credit-check {}: internal error, please report it: {info}",
            engine::ENGINE_VERSION
        )));
    }));
}

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
    crate::js_read::read(v, path).map_err(Error::from)
}

fn locale_of(options: &JsValue) -> Locale {
    js_sys::Reflect::get(options, &"locale".into())
        .ok()
        .and_then(|v| v.as_string())
        .and_then(|s| Locale::parse(&s, "").ok())
        .unwrap_or_default()
}

/// The options object as raw input, and its `policy` member as a JSON document.
fn read_options(options: &JsValue) -> Result<(Options, Option<serde_json::Value>), Error> {
    let opts = Options::read(&read_json(options, "options")?)?;
    let policy = if options.is_object() {
        let p = js_sys::Reflect::get(options, &"policy".into()).unwrap_or(JsValue::UNDEFINED);
        read_document(&p, "options.policy")?
    } else {
        None
    };
    Ok((opts, policy))
}

fn read_document(v: &JsValue, path: &str) -> Result<Option<serde_json::Value>, Error> {
    read_document_frozen(v, path).map(|d| d.map(|(doc, _)| doc))
}

/// The document, and whether it is deeply frozen (then it cannot change under a cache).
fn read_document_frozen(
    v: &JsValue,
    path: &str,
) -> Result<Option<(serde_json::Value, bool)>, Error> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    // Through the input type, so that deep, circular or huge objects fail cleanly here too.
    let (doc, frozen) = crate::js_read::read_frozen(v, path)?;
    let value = doc.to_value(path)?;
    Ok(Some((value, frozen)))
}

/// `evaluate(profile, options?)`: the report for one profile.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "Profile")] profile: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EvaluateOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    match report_for(&profile, &options) {
        Ok(report) => to_js(&report),
        Err(e) => Err(throw(&e, locale_of(&options))),
    }
}

/// The last custom policy object, its JSON text and its compiled form: the same object with the
/// same content again is neither read nor compiled (by identity and by content, so a document
/// changed in place is read again). A deeply frozen object cannot change: its identity is
/// enough, and a call costs what a call with the built-in policy costs.
struct LastPolicy {
    object: JsValue,
    /// None when the object is deeply frozen (no content to compare).
    text: Option<JsValue>,
    policy: crate::PolicyRef,
}

thread_local! {
    static LAST_OBJECT: std::cell::RefCell<Option<LastPolicy>> = const { std::cell::RefCell::new(None) };
}

/// The options and the policy they name (or the built-in one).
fn prepare(options: &JsValue) -> Result<(Options, crate::PolicyRef), Error> {
    let doc = options
        .is_object()
        .then(|| js_sys::Reflect::get(options, &"policy".into()).ok())
        .flatten()
        .filter(|p| p.is_object());
    let Some(doc) = doc else {
        let (opts, doc) = read_options(options)?;
        return Ok((opts, crate::resolve_policy(doc.as_ref())?));
    };
    // The options without the policy: the document is read once, below, or not at all.
    let rest = js_sys::Object::assign(&js_sys::Object::new(), options.unchecked_ref());
    let _ = js_sys::Reflect::delete_property(&rest, &"policy".into());
    let opts = Options::read(&read_json(&rest, "options")?)?;
    // The text is made only to compare with a stored one: a frozen document is trusted by identity.
    let text = || js_sys::JSON::stringify(&doc).map(JsValue::from).ok();
    let hit = LAST_OBJECT.with(|c| {
        c.borrow().as_ref().and_then(|last| {
            let same = last.object == doc
                && match &last.text {
                    None => true,
                    Some(t) => text().is_some_and(|now| now == *t),
                };
            same.then(|| last.policy.clone())
        })
    });
    if let Some(policy) = hit {
        return Ok((opts, policy));
    }
    let read = read_document_frozen(&doc, "options.policy")?;
    let frozen = read.as_ref().is_some_and(|(_, f)| *f);
    let policy = crate::resolve_policy(read.as_ref().map(|(d, _)| d))?;
    // A circular or BigInt document cannot be stringified: it was refused above.
    let text = if frozen { None } else { text() };
    if frozen || text.is_some() {
        LAST_OBJECT.with(|c| {
            *c.borrow_mut() = Some(LastPolicy {
                object: doc,
                text,
                policy: policy.clone(),
            })
        });
    }
    Ok((opts, policy))
}

fn report_for(profile: &JsValue, options: &JsValue) -> Result<crate::report::Report, Error> {
    let (opts, policy) = prepare(options)?;
    engine::evaluate(&read_json(profile, "")?, &policy, &opts)
}

/// `evaluateMany(profiles, options?)`: one entry per profile, in order; a bad profile gives
/// `{ error: { index, code, path, message } }` in its place and the others are kept.
#[wasm_bindgen(js_name = evaluateMany, unchecked_return_type = "ManyResult[]")]
pub fn evaluate_many(
    #[wasm_bindgen(unchecked_param_type = "Profile[]")] profiles: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EvaluateOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let locale = locale_of(&options);
    let (opts, policy) = prepare(&options).map_err(|e| throw(&e, locale))?;
    // Each profile is read on its own, with its own limits: one oversized or hostile entry
    // becomes an error at its index, and a large batch is not refused as a whole.
    let array = profiles.dyn_ref::<js_sys::Array>().ok_or_else(|| {
        throw(
            &Issue::new(Code::WrongType, "profiles").with("array").into(),
            locale,
        )
    })?;
    // Each report becomes a JS object as soon as it is made, so wasm memory holds one report at
    // a time, not the whole batch (it is never given back to the page once grown).
    let out = js_sys::Array::new_with_length(array.length());
    for (index, item) in array.iter().enumerate() {
        let input = read_json(&item, "");
        let entry =
            crate::evaluate_one(index, input.as_ref().map_err(Clone::clone), &policy, &opts);
        out.set(u32::try_from(index).unwrap_or(u32::MAX), to_js(&entry)?);
    }
    Ok(out.into())
}

/// `validatePolicy(policy, options?)`: `{ ok, errors: [{ code, path, message }], tests: { passed, failed } }`.
#[wasm_bindgen(js_name = validatePolicy, unchecked_return_type = "Validation")]
pub fn validate_policy(
    #[wasm_bindgen(unchecked_param_type = "PolicyDoc")] policy: JsValue,
    #[wasm_bindgen(unchecked_param_type = "{ locale?: LocaleTag }")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let locale = locale_of(&options);
    // A document that cannot even be read (NaN, circular) is still an answer, not a throw.
    let validation = match read_document(&policy, "") {
        Ok(doc) => crate::validate::validate(&doc.unwrap_or_default(), locale),
        Err(e) => crate::validate::Validation::failed(&e, locale),
    };
    to_js(&validation)
}

/// `defaultPolicy()`: the built-in policy document.
#[wasm_bindgen(js_name = defaultPolicy, unchecked_return_type = "PolicyDoc")]
pub fn default_policy() -> Result<JsValue, JsValue> {
    match crate::builtin() {
        Ok(p) => to_js(&p.doc),
        Err(e) => Err(throw(&e, Locale::En)),
    }
}

/// `profileSchema()`: the JSON Schema of a profile.
#[wasm_bindgen(js_name = profileSchema, unchecked_return_type = "JsonSchema")]
pub fn profile_schema() -> Result<JsValue, JsValue> {
    schema(crate::schema::PROFILE_SCHEMA)
}

/// `policySchema()`: the JSON Schema of a policy document.
#[wasm_bindgen(js_name = policySchema, unchecked_return_type = "JsonSchema")]
pub fn policy_schema() -> Result<JsValue, JsValue> {
    schema(crate::schema::POLICY_SCHEMA)
}

fn schema(text: &str) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(text)
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
    let locale = locale_of(&options);
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
    let locale = parse_locale(locale);
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let (_, policy) = prepare(&options).map_err(|e| throw(&e, locale))?;
    to_js(&crate::ui::form::spec_for(&policy, locale))
}

/// `uiTexts(locale?)`: the page's texts by key.
#[wasm_bindgen(js_name = uiTexts, unchecked_return_type = "Record<string, string>")]
pub fn ui_texts(
    #[wasm_bindgen(unchecked_param_type = "LocaleTag")] locale: Option<String>,
) -> Result<JsValue, JsValue> {
    to_js(&crate::ui::texts(parse_locale(locale)))
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
    let locale = parse_locale(locale);
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
    let locale = locale_of(&options);
    let (opts, policy) = prepare(&options).map_err(|e| throw(&e, locale))?;
    to_js(&crate::ui::inputs::policy_inputs(&policy, opts.locale))
}

// ---- helper F: the policy studio (www/studio.html, issue #16) ----

/// `explain(profile, options?)`: the trace of one evaluation under `options.policy` (or the
/// built-in one): every knock-out, product check and limit step with its expression, the facts it
/// reads with their values, the value it gave, the tables it matched, and each product's binding cap.
#[wasm_bindgen(unchecked_return_type = "Trace")]
pub fn explain(
    #[wasm_bindgen(unchecked_param_type = "Profile")] profile: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EvaluateOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let locale = locale_of(&options);
    let trace = prepare(&options).and_then(|(opts, policy)| {
        crate::trace::explain(&read_json(&profile, "")?, &policy, opts.locale)
    });
    match trace {
        Ok(t) => to_js(&t),
        Err(e) => Err(throw(&e, locale)),
    }
}

/// At most this many seeded profiles in one call.
const MAX_SAMPLE: u32 = 100_000;

/// `sampleProfiles(count, seed?)`: seeded, varied profiles, the same as `credit-check generate`.
#[wasm_bindgen(js_name = sampleProfiles, unchecked_return_type = "Profile[]")]
pub fn sample_profiles(count: u32, seed: Option<u32>) -> Result<JsValue, JsValue> {
    let mut rng = crate::sample::Rng::new(u64::from(seed.unwrap_or(42)));
    let list: Vec<serde_json::Value> = (0..count.min(MAX_SAMPLE))
        .map(|_| crate::sample::profile(&mut rng))
        .collect();
    to_js(&list)
}
