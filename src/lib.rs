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

pub mod assess;
pub mod cite;
pub mod engine;
pub mod error;
pub mod facts;
pub mod hints;
pub mod inputs;
pub mod json;
pub mod money;
pub mod plausibility;
pub mod policy;
pub mod profile;
pub mod questions;
pub mod report;
pub mod sample;
pub mod schema;
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

/// The built-in reference policy, compiled once.
pub fn builtin() -> Result<&'static Policy, Error> {
    static BUILTIN: OnceLock<Result<Policy, Error>> = OnceLock::new();
    BUILTIN
        .get_or_init(Policy::builtin)
        .as_ref()
        .map_err(Clone::clone)
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
