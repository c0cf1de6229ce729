//! A compiled check and its evaluation into a reported result with actual and required values.

use crate::error::Issue;
use crate::facts::{Known, Missing, Val};
use crate::policy::expr::{as_comparison, Expr, Op, Scope};
use crate::policy::model::{empty, Shared, Text};
use crate::report::{CheckOut, CheckStatus, ValueKind};
use crate::text::Locale;

#[derive(Debug, Clone)]
pub struct Check {
    pub id: Shared,
    pub label: Text,
    pub expr: Expr,
    pub actual: Option<Expr>,
    pub required: Option<Text>,
    /// What its actual and required values are.
    pub kind: ValueKind,
    /// Missing inputs make the check pass (a rule that applies only where the field is given).
    pub missing_passes: bool,
    /// Where this check sits in the policy, for evaluation errors.
    pub path: String,
    /// Every fact it reads, through the policy's facts and the steps (set by `resolve`).
    pub reads: crate::policy::resolve::Reads,
}

/// `≥ 0.1`: an operator's symbol, a space and the value (written without `format!`, whose
/// machinery cost several times the copy in a full report's ninety such texts).
fn requirement(op: Op, value: &str) -> String {
    let symbol = op.symbol();
    let mut out = String::with_capacity(symbol.len() + 1 + value.len());
    out.push_str(symbol);
    out.push(' ');
    out.push_str(value);
    out
}

fn shown(k: &Known) -> Option<String> {
    match k {
        Known::Yes(v) => Some(v.show()),
        Known::Missing(_) => None,
    }
}

impl Check {
    /// Evaluates the check: status, the compared values, and the missing fields if any.
    /// Without `detailed`, only the status is computed (ids, values and texts stay empty):
    /// what summaries and hint searches need, without formatting a single number.
    pub fn evaluate(
        &self,
        scope: &dyn Scope,
        locale: Locale,
        detailed: bool,
    ) -> Result<CheckOut, Issue> {
        let result = self.expr.eval(scope, &self.path)?;
        if !detailed {
            let status = match result {
                Known::Yes(Val::Bool(true)) => CheckStatus::Pass,
                Known::Yes(_) => CheckStatus::Fail,
                Known::Missing(_) if self.missing_passes => CheckStatus::Pass,
                Known::Missing(_) => CheckStatus::Incomplete,
            };
            return Ok(CheckOut {
                id: empty(),
                status,
                actual: None,
                required: None,
                message: empty(),
                kind: self.kind,
                missing: Missing::NONE,
            });
        }
        let (actual, required) = match as_comparison(&self.expr) {
            Some((lhs, op, rhs)) => {
                let a = lhs.eval(scope, &self.path)?;
                let r = rhs.eval(scope, &self.path)?;
                (shown(&a), shown(&r).map(|r| requirement(op, &r)))
            }
            None => match &self.expr {
                // `not flag`: show the flag and that it must be false.
                Expr::Not(inner) => (
                    shown(&inner.eval(scope, &self.path)?),
                    Some(requirement(Op::Eq, "false")),
                ),
                _ => (shown(&result), Some(requirement(Op::Eq, "true"))),
            },
        };
        let actual = match &self.actual {
            Some(e) => shown(&e.eval(scope, &self.path)?),
            None => actual,
        };
        let required = match &self.required {
            Some(t) => Some(t.get(locale).to_string()),
            None => required,
        };
        let (status, missing) = match result {
            Known::Yes(Val::Bool(true)) => (CheckStatus::Pass, Missing::NONE),
            Known::Yes(_) => (CheckStatus::Fail, Missing::NONE),
            Known::Missing(_) if self.missing_passes => (CheckStatus::Pass, Missing::NONE),
            Known::Missing(m) => (CheckStatus::Incomplete, m),
        };
        Ok(CheckOut {
            id: self.id.clone(),
            status,
            actual,
            required,
            message: self.label.shared(locale),
            kind: self.kind,
            missing,
        })
    }
}
