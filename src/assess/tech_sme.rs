//! 科技型中小企业评价 (国科发政〔2017〕115号): basic conditions, the 100-point score from the
//! policy's band tables, the pass rule and the direct routes. Every check is evaluated.

use crate::assess::best_measure;
use crate::error::Issue;
use crate::facts::{Facts, Known, Ty, Val};
use crate::policy::{EvalScope, Policy};
use crate::report::{
    CheckOut, CheckStatus, IndicatorOut, Points, Route, TechSmeOut, TechSmeStatus,
};
use crate::text::Locale;
use rust_decimal::Decimal;

/// Kleene truth of a list of checks: all pass (`and`) or any passes (`or`).
pub fn all_pass(checks: &[CheckOut]) -> Option<bool> {
    if checks.iter().any(|c| c.status == CheckStatus::Fail) {
        Some(false)
    } else if checks.iter().any(|c| c.status == CheckStatus::Incomplete) {
        None
    } else {
        Some(true)
    }
}

pub fn any_pass(checks: &[CheckOut]) -> Option<bool> {
    if checks.iter().any(|c| c.status == CheckStatus::Pass) {
        Some(true)
    } else if checks.iter().any(|c| c.status == CheckStatus::Incomplete) {
        None
    } else {
        Some(false)
    }
}

fn missing_of(checks: &[CheckOut]) -> Vec<String> {
    checks
        .iter()
        .flat_map(|c| c.missing.iter().cloned())
        .collect()
}

pub fn assess(
    policy: &Policy,
    facts: &Facts,
    locale: Locale,
    detailed: bool,
) -> Result<TechSmeOut, Issue> {
    let scope = EvalScope::new(policy, facts);
    let conditions: Vec<CheckOut> = policy
        .sme_conditions
        .iter()
        .map(|c| c.evaluate(&scope, locale, detailed))
        .collect::<Result<_, _>>()?;

    let mut indicators = Vec::new();
    // The pass rule's local values: each indicator's points, then the score (`resolve::sme_locals`).
    let mut local: Vec<Known> = Vec::with_capacity(policy.sme_indicators.len() + 1);
    let mut score = Some(Decimal::ZERO);
    let mut score_missing = Vec::new();
    // Lower bounds stand in for unknown points: a pass on them is a pass whatever the rest.
    let mut lower_local: Vec<Known> = Vec::with_capacity(policy.sme_indicators.len() + 1);
    let mut lower_score = Decimal::ZERO;
    for ind in &policy.sme_indicators {
        let (best, missing) = best_measure(&ind.measures, facts, &policy.tables);
        let best_points = best.as_ref().map(|b| b.row.value.0);
        // A measure that could not be computed might score higher than the known one, unless the
        // known one already has the indicator's maximum: only then are the points final.
        let complete = missing.is_empty() || best_points.is_some_and(|p| p >= ind.max);
        let points = best_points.filter(|_| complete);
        match points {
            Some(p) => score = score.and_then(|s| s.checked_add(p)),
            None => {
                score = None;
                score_missing.extend(missing.iter().cloned());
            }
        }
        let lower = best_points.unwrap_or(Decimal::ZERO);
        lower_score = lower_score.saturating_add(lower);
        lower_local.push(Known::Yes(Val::Num(lower)));
        local.push(match points {
            Some(p) => Known::Yes(Val::Num(p)),
            None => Known::missing(missing.clone()),
        });
        indicators.push(IndicatorOut {
            id: ind.id.clone(),
            label: ind.label.get(locale).to_string(),
            value: best.as_ref().map(|b| crate::money::fmt(b.value)),
            kind: best.as_ref().and_then(|b| {
                ind.measures
                    .iter()
                    .find(|m| m.fact == b.fact)
                    .map(|m| m.kind)
            }),
            measure: best.as_ref().map(|b| b.fact.to_string()),
            band: best.as_ref().and_then(|b| b.row.label.clone()),
            points: points.map(Points),
            max: Points(ind.max),
            missing: if complete { Vec::new() } else { missing },
        });
    }
    lower_local.push(Known::Yes(Val::Num(lower_score)));
    local.push(match score {
        Some(s) => Known::Yes(Val::Num(s)),
        None => Known::missing(score_missing),
    });
    let pass_scope = EvalScope {
        local: &local,
        ..EvalScope::new(policy, facts)
    };
    let mut score_check = policy.sme_pass.evaluate(&pass_scope, locale, detailed)?;
    if score_check.status == CheckStatus::Incomplete {
        // The pass rule rises with points: if it holds on the lower bounds, it holds.
        let lower_scope = EvalScope {
            local: &lower_local,
            ..EvalScope::new(policy, facts)
        };
        let on_lower = policy.sme_pass.evaluate(&lower_scope, locale, detailed)?;
        if on_lower.status == CheckStatus::Pass {
            score_check = on_lower;
            if detailed {
                score_check.actual = Some(format!("≥ {}", crate::money::fmt(lower_score)));
            }
        }
    }
    if detailed {
        score_check.id = "score".into();
    }
    let routes: Vec<CheckOut> = policy
        .sme_routes
        .iter()
        .map(|c| c.evaluate(&scope, locale, detailed))
        .collect::<Result<_, _>>()?;

    let basics = all_pass(&conditions);
    let by_score = all_pass(std::slice::from_ref(&score_check));
    let by_route = any_pass(&routes);
    let either = match (by_score, by_route) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (Some(false), Some(false)) => Some(false),
        _ => None,
    };
    let qualifies = match (basics, either) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    };
    let (status, route) = match qualifies {
        Some(true) if by_score == Some(true) => (TechSmeStatus::Qualified, Some(Route::Score)),
        Some(true) => (TechSmeStatus::Qualified, Some(Route::Direct)),
        Some(false) => (TechSmeStatus::NotQualified, None),
        None => (TechSmeStatus::Incomplete, None),
    };
    let mut checks = conditions;
    checks.push(score_check);
    checks.extend(routes);
    Ok(TechSmeOut {
        status,
        route,
        score: score.map(Points),
        indicators,
        checks: detailed.then_some(checks),
        // The report adds the policy's next steps (full reports only).
        apply: None,
    })
}

/// The facts this assessment gives the products.
pub fn publish(out: &TechSmeOut, facts: &mut Facts) {
    let missing = || Known::missing(out.checks.as_deref().map(missing_of).unwrap_or_default());
    let status = out.status.as_str();
    facts.push(
        "techSme.status",
        Ty::Str,
        Known::Yes(Val::Str(status.into())),
    );
    let qualified = match out.status {
        TechSmeStatus::Incomplete => missing(),
        s => Known::Yes(Val::Bool(s == TechSmeStatus::Qualified)),
    };
    facts.push("techSme.qualified", Ty::Bool, qualified);
    let score = match out.score {
        Some(p) => Known::Yes(Val::Num(p.0)),
        None => missing(),
    };
    facts.push("techSme.score", Ty::Num, score);
}
