//! credit-check: does a Chinese technology enterprise qualify for science-and-technology credit,
//! and how large an unsecured (纯信用) line can it expect? Every reason and every step shown.
//!
//! Data flows one way: [`profile`] → [`facts`] → [`assess`] → [`engine`] (with [`policy`],
//! [`hints`] and [`plausibility`]) → [`report`] → bindings (`wasm`, the `credit-check` command).
//!
//! ```
//! let profile = serde_json::json!({
//!     "employees": 80, "techStaff": 20,
//!     "financials": [{ "revenue": "3000万", "rdExpense": "180万", "costsAndExpenses": "2500万" }],
//!     "ip": { "classOne": 2, "classTwo": 5 }
//! });
//! let report = credit_check::evaluate_value(&profile, &credit_check::Options::default()).unwrap();
//! assert_eq!(report.assessments.get("techSme").and_then(|s| s.exact_score()).map(|p| p.0), Some(96.into()));
//! ```

// No input may make the core panic: a panic in wasm poisons the module for the rest of the page's
// life. These lints forbid the usual ways to write one; tests may still unwrap.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented,
    )
)]

pub mod arith;
pub mod assess;
pub mod cite;
pub mod engine;
pub mod error;
pub mod facts;
pub mod hints;
pub mod inputs;
pub mod json;
pub mod money;
#[cfg(not(target_arch = "wasm32"))]
pub mod native_alloc;
pub mod pack;
pub mod plausibility;
pub mod policy;
pub mod profile;
pub mod questions;
pub mod report;
pub mod sample;
pub mod schema;
pub mod sort;
pub mod subset;
pub mod text;
pub mod trace;
pub mod ui;
pub mod validate;

#[cfg(target_arch = "wasm32")]
mod js_read;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use engine::{Detail, Options};
pub use error::{Code, Error, Issue};
pub use policy::Policy;
pub use report::Report;
pub use text::Locale;

use std::sync::OnceLock;

/// The built-in reference policy, compiled once (the lean module reads it precompiled).
#[cfg(feature = "full")]
pub fn builtin() -> Result<&'static Policy, Error> {
    static BUILTIN: OnceLock<Result<Policy, Error>> = OnceLock::new();
    BUILTIN
        .get_or_init(load_builtin)
        .as_ref()
        .map_err(Clone::clone)
}

#[cfg(feature = "full")]
fn load_builtin() -> Result<Policy, Error> {
    Policy::builtin()
}

/// What the lean module's pack holds: the built-in policy compiled, and what each of its schemes
/// and products reads (`questions::compute_readers`, which the lean module does not carry).
pub type BuiltinPack = (Policy, Vec<questions::Reader>);

/// The lean module's built-in policy and its readers: compiled by the build (`builtin_pack`,
/// written by `cargo run --example pack_builtin`, see scripts/build.sh) and only read here, once.
/// Until the page has loaded the English texts (`text::load_english`) it is read without them (the
/// texts of zh-CN only), after that once more with them, for every language.
#[cfg(not(feature = "full"))]
fn lean_pack() -> Result<&'static BuiltinPack, Error> {
    static PACKED: OnceLock<Result<BuiltinPack, Error>> = OnceLock::new();
    static WITH_ENGLISH: OnceLock<Result<BuiltinPack, Error>> = OnceLock::new();
    match text::english() {
        Some(english) => WITH_ENGLISH.get_or_init(|| read_pack(Some(&english.pack))),
        None => PACKED.get_or_init(|| read_pack(None)),
    }
    .as_ref()
    .map_err(Clone::clone)
}

/// The built-in policy's readers, from the pack (none if it cannot be read: then neither can the
/// policy, and nothing is evaluated).
#[cfg(not(feature = "full"))]
pub fn builtin_readers() -> &'static [questions::Reader] {
    lean_pack().map_or(&[], |p| p.1.as_slice())
}

/// The built-in reference policy, read once from the lean module's pack.
#[cfg(not(feature = "full"))]
pub fn builtin() -> Result<&'static Policy, Error> {
    lean_pack().map(|p| &p.0)
}

#[cfg(not(feature = "full"))]
fn read_pack(english: Option<&'static [&'static str]>) -> Result<BuiltinPack, Error> {
    const PACK: &[u8] = include_bytes!(env!(
        "CREDIT_CHECK_BUILTIN_PACK",
        "the lean build (no feature `full`) reads the precompiled built-in policy from the file \
         CREDIT_CHECK_BUILTIN_PACK names: `cargo run --example pack_builtin -- <file>` writes it \
         (scripts/build.sh does both)"
    ));
    pack::from_bytes(PACK, english)
        .map_err(|e| Issue::new(Code::PolicyShape, "").with(e.to_string()).into())
}

/// The built-in policy as the lean module carries it (`pack`): compiled, without what only
/// validation reads and without the document's own form of what the compiled policy holds
/// (see [`lean`]). `tests/pack.rs` checks that it reads back to `lean(builtin)` and that the
/// vectors' reports do not change.
/// Its English texts are apart, with the engine's own (`pack::Packed`).
#[cfg(feature = "full")]
pub fn builtin_pack() -> Result<pack::Packed, Error> {
    let policy = Policy::builtin()?;
    let readers = questions::compute_readers(&policy);
    let statics = text::english_statics()
        .map_err(|e| Error::from(Issue::new(Code::MissingTranslation, "").with(e)))?;
    Ok(pack::to_bytes(&(policy, readers), &statics))
}

/// A compiled policy with only what an evaluation reads, as the pack holds it: the document's
/// embedded tests, its schemes, facts, knock-outs and products (compiled, they are the policy's
/// own fields), its assumptions' values as written (the policy holds the values they give), and
/// the warnings and cost bounds that validation reports are left out.
#[cfg(feature = "full")]
pub fn lean(mut policy: Policy) -> Policy {
    let doc = &mut policy.doc;
    doc.tests.clear();
    doc.schemes.clear();
    doc.facts.clear();
    doc.knockouts.clear();
    doc.products.clear();
    for a in &mut doc.assumptions {
        a.value = serde_json::Value::Null;
    }
    policy.warnings.clear();
    policy.cost = Default::default();
    policy
}

/// Evaluates a profile given as a serde_json value against the built-in policy.
pub fn evaluate_value(profile: &serde_json::Value, opts: &Options) -> Result<Report, Error> {
    engine::evaluate(&json::Json::from_value(profile), builtin()?, opts)
}

/// Evaluates a profile given as JSON text; the report as JSON text.
pub fn evaluate_str(
    profile: &str,
    opts: &Options,
    policy: Option<&Policy>,
) -> Result<String, Error> {
    let policy = match policy {
        Some(p) => p,
        None => builtin()?,
    };
    let report = engine::evaluate_text(profile, policy, opts)?;
    Ok(to_json(&report))
}

/// The report's canonical JSON text (the same bytes natively and under Node).
pub fn to_json(report: &Report) -> String {
    serde_json::to_string(report).unwrap_or_default()
}

/// A compiled policy: the built-in one, or a caller's document compiled once and reused while
/// the same document keeps coming (parse once, evaluate many).
#[derive(Clone)]
pub enum PolicyRef {
    Builtin(&'static Policy),
    Custom(std::rc::Rc<Policy>),
}

impl std::ops::Deref for PolicyRef {
    type Target = Policy;
    fn deref(&self) -> &Policy {
        match self {
            PolicyRef::Builtin(p) => p,
            PolicyRef::Custom(p) => p,
        }
    }
}

thread_local! {
    static LAST_POLICY: std::cell::RefCell<Option<(String, std::rc::Rc<Policy>)>> =
        const { std::cell::RefCell::new(None) };
}

/// The policy to use: the document given (compiled, cached by its canonical text) or the built-in.
pub fn resolve_policy(doc: Option<&serde_json::Value>) -> Result<PolicyRef, Error> {
    let Some(doc) = doc.filter(|d| !d.is_null()) else {
        return builtin().map(PolicyRef::Builtin);
    };
    custom_policy(doc)
}

/// The lean module evaluates the built-in policy only: a document is not one of its options.
#[cfg(not(feature = "full"))]
fn custom_policy(_: &serde_json::Value) -> Result<PolicyRef, Error> {
    Err(lean_refuses_policy())
}

/// What the lean module says when given a policy: load the full module for that.
pub fn lean_refuses_policy() -> Error {
    Issue::new(Code::UnknownField, "options.policy")
        .with("policy (this module evaluates the built-in policy only: a bank's policy needs credit_check.js)")
        .into()
}

#[cfg(feature = "full")]
fn custom_policy(doc: &serde_json::Value) -> Result<PolicyRef, Error> {
    let key = serde_json::to_string(doc).unwrap_or_default();
    if let Some(hit) = LAST_POLICY.with(|c| {
        c.borrow()
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, p)| p.clone())
    }) {
        return Ok(PolicyRef::Custom(hit));
    }
    let policy = std::rc::Rc::new(Policy::from_value(doc).map_err(|mut e| {
        for i in &mut e.issues {
            i.path = if i.path.is_empty() {
                "options.policy".into()
            } else {
                format!("options.policy.{}", i.path)
            };
        }
        e
    })?);
    LAST_POLICY.with(|c| *c.borrow_mut() = Some((key, policy.clone())));
    Ok(PolicyRef::Custom(policy))
}

/// One entry of `evaluateMany`: a report, or the error of that profile with its index.
#[derive(serde::Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum ManyResult {
    Report(Box<Report>),
    Error { error: ManyError },
}

#[derive(serde::Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ManyError {
    pub index: usize,
    pub code: Code,
    pub path: String,
    pub message: String,
}

/// Evaluates many profiles with one policy; a bad profile gives an error entry at its index.
pub fn evaluate_many(profiles: &[json::Json], policy: &Policy, opts: &Options) -> Vec<ManyResult> {
    profiles
        .iter()
        .enumerate()
        .map(|(index, p)| evaluate_one(index, Ok(p), policy, opts))
        .collect()
}

/// One entry of a batch: the profile's report, or its error (also one met while reading it).
pub fn evaluate_one(
    index: usize,
    profile: Result<&json::Json, Error>,
    policy: &Policy,
    opts: &Options,
) -> ManyResult {
    match profile.and_then(|p| engine::evaluate(p, policy, opts)) {
        Ok(r) => ManyResult::Report(Box::new(r)),
        Err(e) => {
            let first = e.first();
            ManyResult::Error {
                error: ManyError {
                    index,
                    code: first.code,
                    path: first.path.clone(),
                    message: first.message(opts.locale),
                },
            }
        }
    }
}
