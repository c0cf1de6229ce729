//! The full module's own functions (feature `full`): a bank's policy read, compiled and cached,
//! `evaluateMany`, `validatePolicy`, `defaultPolicy`, the schemas and the studio's functions. The
//! widget's lean module has none of them (see `wasm.rs`).

use super::{locale_of, read_json, throw, to_js};
use crate::engine::Options;
use crate::error::{Code, Error, Issue};
use crate::text::Locale;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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
pub(super) fn prepare(options: &JsValue) -> Result<(Options, crate::PolicyRef), Error> {
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
        let entry = match super::plain_profile(&item) {
            // Read as text (see `plain_profile`); an error is the entry's as `evaluate_one` has it.
            Some(p) => match crate::engine::report(&p, &policy, &opts) {
                Ok(r) => crate::ManyResult::Report(Box::new(r)),
                Err(e) => crate::evaluate_one(index, Err(e), &policy, &opts),
            },
            None => {
                let input = read_json(&item, "");
                crate::evaluate_one(index, input.as_ref().map_err(Clone::clone), &policy, &opts)
            }
        };
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
