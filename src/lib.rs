//! credit-check: does a Chinese technology enterprise qualify for science-and-technology credit,
//! and how large an unsecured (纯信用) line can it expect? Every reason and every step shown.
//!
//! Data flows one way: [`profile`] → [`facts`] → [`assess`] → [`engine`] (with [`policy`] and
//! [`hints`]) → [`report`] → bindings (`wasm`, the `credit-check` command).
//!
//! ```
//! let profile = serde_json::json!({
//!     "employees": 80, "techStaff": 20,
//!     "financials": [{ "revenue": "3000万", "rdExpense": "180万", "costsAndExpenses": "2500万" }],
//!     "ip": { "classOne": 2, "classTwo": 5 }
//! });
//! let report = credit_check::evaluate_value(&profile, &credit_check::Options::default()).unwrap();
//! assert_eq!(report.assessments.tech_sme.score.map(|p| p.0), Some(96.into()));
//! ```

pub mod assess;
pub mod engine;
pub mod error;
pub mod facts;
pub mod hints;
pub mod json;
pub mod money;
pub mod policy;
pub mod profile;
pub mod report;
pub mod subset;
pub mod text;
pub mod validate;

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
    let input =
        json::Json::parse(profile).map_err(|e| Issue::new(Code::InvalidJson, "").with(e))?;
    let policy = match policy {
        Some(p) => p,
        None => builtin()?,
    };
    let report = engine::evaluate(&input, policy, opts)?;
    Ok(to_json(&report))
}

/// The report's canonical JSON text (the same bytes natively and under Node).
pub fn to_json(report: &Report) -> String {
    serde_json::to_string(report).unwrap_or_default()
}
