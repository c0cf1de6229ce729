//! `validatePolicy`: compile a policy document (every problem at once, each with code and path),
//! then run the tests it carries against the engine.

use crate::engine::{self, Options};
use crate::error::{Code, Issue, IssueOut};
use crate::json::Json;
use crate::policy::Policy;
use crate::subset::differences;
use crate::text::Locale;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TestCount {
    pub passed: usize,
    pub failed: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Validation {
    pub ok: bool,
    pub errors: Vec<IssueOut>,
    /// What may fail on some profiles without making the policy invalid (`mayDivideByZero`).
    pub warnings: Vec<IssueOut>,
    pub tests: TestCount,
}

/// Runs a compiled policy's embedded tests; each failure is an issue at `tests[i]`.
pub fn run_tests(policy: &Policy) -> (TestCount, Vec<Issue>) {
    let mut issues = Vec::new();
    let mut passed = 0;
    let opts = Options {
        locale: Locale::En,
        ..Options::default()
    };
    for (i, t) in policy.doc.tests.iter().enumerate() {
        let path = format!("tests[{i}]");
        let input = Json::from_value(&t.profile);
        let problems = match engine::evaluate(&input, policy, &opts) {
            Ok(report) => {
                let actual = serde_json::to_value(&report).unwrap_or_default();
                let mut d = Vec::new();
                differences(&t.expect, &actual, "", &mut d);
                d
            }
            Err(e) => {
                let first = e.first();
                vec![format!("{} at {}", first.code.as_str(), first.path)]
            }
        };
        if problems.is_empty() {
            passed += 1;
        } else {
            issues.push(
                Issue::new(Code::EmbeddedTestFailed, path)
                    .with(&t.name)
                    .with(problems.join("; ")),
            );
        }
    }
    let failed = issues.len();
    (TestCount { passed, failed }, issues)
}

impl Validation {
    /// The answer for a document that could not be read or compiled.
    pub fn failed(e: &crate::error::Error, locale: Locale) -> Validation {
        Validation {
            ok: false,
            errors: e.issues.iter().map(|i| i.localized(locale)).collect(),
            warnings: Vec::new(),
            tests: TestCount {
                passed: 0,
                failed: 0,
            },
        }
    }
}

pub fn validate(value: &serde_json::Value, locale: Locale) -> Validation {
    match Policy::from_value(value) {
        Ok(policy) => {
            let (tests, issues) = run_tests(&policy);
            Validation {
                ok: issues.is_empty(),
                errors: issues.iter().map(|i| i.localized(locale)).collect(),
                warnings: policy
                    .warnings
                    .iter()
                    .map(|i| i.localized(locale))
                    .collect(),
                tests,
            }
        }
        Err(e) => Validation::failed(&e, locale),
    }
}
