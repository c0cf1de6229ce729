//! One evaluator for every scheme: its checks, each indicator as the best of its measures (a
//! range while an input is missing or self-rated), the groups' caps and minimums, the pass rule
//! (decided on the range's ends when both agree), the direct routes, and the facts it publishes.

use super::{all_pass, any_pass};
use crate::arith;
use crate::error::Issue;
use crate::facts::{Facts, Known, Missing, Val};
use crate::money::fmt;
use crate::policy::model::{empty, Shared};
use crate::policy::scheme::{Indicator, Scheme};
use crate::policy::{EvalScope, Policy};
use crate::report::{
    AssumptionOut, CheckOut, CheckStatus, GroupOut, IndicatorOut, ItemBasis, Points, Route,
    SchemeOut, SchemeStatus, ScoreRange, ValueKind,
};
use crate::text::Locale;
use rust_decimal::Decimal;

/// A prerequisite met on the figures alone: what its check says instead of an actual value.
pub fn not_held_note(locale: Locale) -> &'static str {
    crate::text::pick(
        locale,
        "按您的数据已符合标准，尚未取得称号：须先取得该称号",
        "qualified on your figures but not held: the title must be obtained first",
    )
}

fn range_text(lo: Decimal, hi: Decimal) -> String {
    if lo == hi {
        fmt(lo)
    } else {
        format!("{}–{}", fmt(lo), fmt(hi))
    }
}

/// An indicator's points: the best measure's band (its range up to `top`), raised to the maximum
/// while a measure that might score higher is missing; a self-rating as given; else its full range.
fn indicator(
    ind: &Indicator,
    policy: &Policy,
    scope: &EvalScope<'_>,
) -> Result<IndicatorOut, Issue> {
    let max = ind.max;
    let clamp = |x: Decimal| x.max(Decimal::ZERO).min(max);
    let mut out = IndicatorOut {
        id: ind.id.clone(),
        label: empty(),
        value: None,
        kind: None,
        measure: None,
        band: None,
        basis: ItemBasis::Unknown,
        min: Points(Decimal::ZERO),
        upper: Points(max),
        max: Points(max),
        missing: Missing::NONE,
    };
    if let Some(r) = &ind.rating {
        match r.expr.eval(scope, &r.path)? {
            Known::Yes(Val::Num(x)) => {
                out.basis = ItemBasis::SelfRated;
                out.min = Points(clamp(x));
                out.upper = out.min;
            }
            Known::Missing(m) if m.is_empty() => out.missing = Missing::of(&r.text),
            Known::Missing(m) => out.missing = m,
            Known::Yes(_) => {}
        }
        return Ok(out);
    }
    // The best row over the measures; unknown ones are skipped while another is known.
    let mut best: Option<(Decimal, Decimal, Decimal, usize, Option<Shared>)> = None;
    let mut missing_best: Option<Decimal> = None;
    for (i, m) in ind.measures.iter().enumerate() {
        match m.expr.eval(scope, &m.path)? {
            Known::Yes(Val::Num(x)) => {
                let row = match m.table_at {
                    Some(t) => policy.tables.get(t).and_then(|t| t.band(x)).map(|row| {
                        (
                            row.value.0,
                            row.top.unwrap_or(row.value).0,
                            row.label.clone(),
                        )
                    }),
                    None => Some((x, x, None)),
                };
                if let Some((lo, hi, label)) = row {
                    if best.as_ref().is_none_or(|b| lo > b.0) {
                        best = Some((lo, hi, x, i, label));
                    }
                }
            }
            Known::Missing(ms) => {
                out.missing = out.missing.union(ms);
                // The most this measure could give once known: its table's best row.
                let best = m
                    .table_at
                    .and_then(|t| policy.tables.get(t))
                    .and_then(|t| t.rows.iter().map(|r| r.top.unwrap_or(r.value).0).max())
                    .unwrap_or(max);
                missing_best = Some(missing_best.map_or(best, |b: Decimal| b.max(best)));
            }
            Known::Yes(_) => {}
        }
    }
    if let Some((lo, hi, x, i, label)) = best {
        let m = ind.measures.get(i);
        out.basis = ItemBasis::Computed;
        out.value = Some(fmt(x));
        out.kind = m.map(|m| m.kind);
        out.measure = m.map(|m| m.text.clone());
        out.band = label;
        out.min = Points(clamp(lo));
        // A measure not computed might score higher, unless the known one has the maximum.
        out.upper = match missing_best {
            Some(b) if out.min.0 < max => Points(clamp(hi.max(b))),
            _ => Points(clamp(hi)),
        };
        if out.exact() {
            out.missing = Missing::NONE;
        }
    }
    Ok(out)
}

/// A range check: passes when its lower end reaches `bar`, fails when its upper end cannot.
fn bar_status(lo: Decimal, hi: Decimal, bar: Decimal) -> CheckStatus {
    if lo >= bar {
        CheckStatus::Pass
    } else if hi < bar {
        CheckStatus::Fail
    } else {
        CheckStatus::Incomplete
    }
}

pub fn assess(
    scheme: &Scheme,
    policy: &Policy,
    facts: &mut Facts,
    locale: Locale,
    detailed: bool,
) -> Result<SchemeOut, Issue> {
    // Its own assumptions, for this scheme only, each use listed in its result: set in place for
    // its evaluation and taken back after it (no copy of the facts).
    let mut assumed = Vec::new();
    let mut taken_back = Vec::new();
    for (at, v, message) in &scheme.assumptions {
        if let Some(Known::Missing(m)) = facts.at(*at).map(|x| &x.value) {
            taken_back.push((*at, Known::Missing(*m)));
            facts.set_at(*at, Known::Yes(v.clone()));
            if detailed {
                assumed.push(AssumptionOut {
                    field: facts.name_at(*at).unwrap_or_default().to_string(),
                    assumed: v.show(),
                    message: message.get(locale).to_string(),
                });
            }
        }
    }
    let out = evaluate(scheme, policy, facts, locale, detailed, assumed);
    for (at, was) in taken_back {
        facts.set_at(at, was);
    }
    out
}

fn evaluate(
    scheme: &Scheme,
    policy: &Policy,
    facts: &Facts,
    locale: Locale,
    detailed: bool,
    assumed: Vec<AssumptionOut>,
) -> Result<SchemeOut, Issue> {
    let scope = EvalScope::new(policy, facts);
    let held = match &scheme.held {
        Some(h) => Some(h.evaluate(&scope, locale, false)?.status == CheckStatus::Pass),
        None => None,
    };
    let mut checks: Vec<CheckOut> = scheme
        .checks
        .iter()
        .map(|c| c.evaluate(&scope, locale, detailed))
        .collect::<Result<_, _>>()?;
    // A prerequisite met because the lower title is qualified, not held: it counts, and the
    // report says the title must be obtained first (domain.md §6.10).
    for (at, held_check) in &scheme.prerequisites {
        let Some(c) = checks.get_mut(*at) else {
            continue;
        };
        if c.status != CheckStatus::Pass
            || held_check.evaluate(&scope, locale, false)?.status == CheckStatus::Pass
        {
            continue;
        }
        if detailed {
            c.actual = Some(not_held_note(locale).to_string());
        }
    }

    let mut indicators = Vec::with_capacity(scheme.indicators.len());
    for ind in &scheme.indicators {
        let mut out = indicator(ind, policy, &scope)?;
        out.label = ind.label.shared(locale);
        indicators.push(out);
    }
    // Group totals, capped; the score is the ungrouped indicators plus every group.
    let mut sums = vec![(Decimal::ZERO, Decimal::ZERO, Missing::NONE); scheme.groups.len()];
    let (mut lo, mut hi) = (Decimal::ZERO, Decimal::ZERO);
    let mut all_missing = Missing::NONE;
    for (ind, out) in scheme.indicators.iter().zip(&indicators) {
        if !out.exact() {
            all_missing = all_missing.union(out.missing);
        }
        match ind.group.and_then(|g| sums.get_mut(g)) {
            Some(s) => {
                s.0 = arith::saturating_add(s.0, out.min.0);
                s.1 = arith::saturating_add(s.1, out.upper.0);
                if !out.exact() {
                    s.2 = s.2.union(out.missing);
                }
            }
            None => {
                lo = arith::saturating_add(lo, out.min.0);
                hi = arith::saturating_add(hi, out.upper.0);
            }
        }
    }
    let mut groups = Vec::with_capacity(scheme.groups.len());
    for (g, (glo, ghi, _)) in scheme.groups.iter().zip(sums.iter_mut()) {
        if let Some(cap) = g.cap {
            *glo = (*glo).min(cap);
            *ghi = (*ghi).min(cap);
        }
        lo = arith::saturating_add(lo, *glo);
        hi = arith::saturating_add(hi, *ghi);
        groups.push(GroupOut {
            id: g.id.clone(),
            label: if detailed {
                g.label.shared(locale)
            } else {
                empty()
            },
            min: Points(*glo),
            max: Points(*ghi),
            cap: g.cap.map(Points),
            required: g.min.map(Points),
        });
    }

    // The pass rule's locals (`Scheme::locals`): exact values, then each end of the range.
    let local = |end: Option<bool>| -> Vec<Known> {
        let pick = |a: Decimal, b: Decimal, missing: Missing| match end {
            Some(false) => Known::Yes(Val::Num(a)),
            Some(true) => Known::Yes(Val::Num(b)),
            None if a == b => Known::Yes(Val::Num(a)),
            None => Known::Missing(missing),
        };
        let mut v: Vec<Known> = indicators
            .iter()
            .map(|i| pick(i.min.0, i.upper.0, i.missing))
            .collect();
        v.extend(sums.iter().map(|(a, b, m)| pick(*a, *b, *m)));
        v.push(pick(lo, hi, all_missing));
        v
    };
    let mut score_checks = Vec::new();
    if let Some(pass) = &scheme.pass {
        let exact = local(None);
        let on = |values: &[Known]| {
            pass.evaluate(
                &EvalScope {
                    local: values,
                    ..EvalScope::new(policy, facts)
                },
                locale,
                detailed,
            )
        };
        let mut check = on(&exact)?;
        if check.status == CheckStatus::Incomplete {
            // The rule rises with the points: it holds if it holds on the lower ends, and fails
            // if it fails on the upper ones.
            let lower = on(&local(Some(false)))?;
            if lower.status == CheckStatus::Pass {
                check = lower;
            } else {
                let upper = on(&local(Some(true)))?;
                if upper.status == CheckStatus::Fail {
                    check = upper;
                }
            }
        }
        if detailed && lo != hi {
            check.actual = Some(range_text(lo, hi));
        }
        score_checks.push(check);
    }
    for (g, (glo, ghi, missing)) in scheme.groups.iter().zip(&sums) {
        let Some(min) = g.min else { continue };
        let status = bar_status(*glo, *ghi, min);
        score_checks.push(CheckOut {
            id: if detailed { g.id.clone() } else { empty() },
            status,
            actual: detailed.then(|| range_text(*glo, *ghi)),
            required: detailed.then(|| format!("≥ {}", fmt(min))),
            message: if detailed {
                g.label.shared(locale)
            } else {
                empty()
            },
            kind: ValueKind::Points,
            missing: if detailed && status == CheckStatus::Incomplete {
                *missing
            } else {
                Missing::NONE
            },
        });
    }
    let routes: Vec<CheckOut> = scheme
        .routes
        .iter()
        .map(|c| c.evaluate(&scope, locale, detailed))
        .collect::<Result<_, _>>()?;

    let basics = all_pass(&checks);
    let by_score = if !score_checks.is_empty() {
        all_pass(&score_checks)
    } else {
        Some(routes.is_empty())
    };
    let by_route = any_pass(&routes);
    let either = match (by_score, by_route) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (Some(false), Some(false)) => Some(false),
        _ => None,
    };
    let figures = match (basics, either) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    };
    let names = &scheme.statuses;
    let (status, status_name) = match (held, &names.held, figures) {
        (Some(true), Some(n), _) => (SchemeStatus::Held, n.clone()),
        (_, _, Some(true)) => (SchemeStatus::Qualified, names.qualified.clone()),
        (_, _, Some(false)) => (SchemeStatus::NotQualified, names.not_qualified.clone()),
        _ if basics == Some(true) && by_route != Some(true) && by_score.is_none() => {
            (SchemeStatus::Borderline, names.borderline.clone())
        }
        _ => (SchemeStatus::Incomplete, names.incomplete.clone()),
    };
    // A status named by the figures (the size band), unknown → the incomplete name.
    let status_name = match (&scheme.status_of, status) {
        (Some(e), s) if s != SchemeStatus::Held => match e.eval(&scope, &scheme.id)? {
            Known::Yes(Val::Str(name)) => name.clone(),
            _ => names.incomplete.clone(),
        },
        _ => status_name,
    };
    let route = (!scheme.routes.is_empty()).then(|| match figures {
        Some(true) if by_score == Some(true) => Some(Route::Score),
        Some(true) => Some(Route::Direct),
        _ => None,
    });
    let route_count = routes.len();
    // A summary lists no checks: they are not put together only to be dropped.
    let all_checks = detailed.then(|| {
        let mut all = checks;
        all.reserve(score_checks.len() + routes.len());
        all.extend(score_checks);
        all.extend(routes);
        all
    });
    Ok(SchemeOut {
        id: scheme.id.clone(),
        title: scheme.title.shared(locale),
        status,
        status_name,
        held,
        qualified: figures,
        route,
        score: ScoreRange {
            min: Points(lo),
            max: Points(hi),
        },
        indicators,
        groups,
        checks: all_checks,
        routes: route_count,
        // The report adds the policy's next steps (full reports only).
        apply: None,
        range: scheme.layout.range,
        score_key: scheme.layout.score.clone(),
        indicators_key: scheme.layout.indicators.clone(),
        detailed,
        out_of: Points(out_of(scheme)),
        pass_id: scheme.pass.as_ref().map(|p| p.id.clone()),
        score_label: scheme
            .pass
            .as_ref()
            .map(|p| p.label.shared(locale))
            .unwrap_or_else(empty),
        hints: Vec::new(),
        ladder: scheme.layout.ladder,
        qualified_key: scheme.layout.qualified.clone(),
        assumptions: assumed,
    })
}

/// The most a scheme's score can be: every indicator at its maximum, each group at its cap.
fn out_of(scheme: &Scheme) -> Decimal {
    let mut groups = vec![Decimal::ZERO; scheme.groups.len()];
    let mut total = Decimal::ZERO;
    for ind in &scheme.indicators {
        match ind.group.and_then(|g| groups.get_mut(g)) {
            Some(g) => *g = arith::saturating_add(*g, ind.max),
            None => total = arith::saturating_add(total, ind.max),
        }
    }
    for (g, sum) in scheme.groups.iter().zip(groups) {
        total = arith::saturating_add(total, g.cap.map_or(sum, |c| sum.min(c)));
    }
    total
}

/// The facts a scheme's result gives what follows, in `published` order.
pub fn publish(out: &SchemeOut, scheme: &Scheme, facts: &mut Facts) {
    let missing = || {
        Known::Missing(
            out.checks
                .iter()
                .flatten()
                .fold(Missing::NONE, |m, c| m.union(c.missing)),
        )
    };
    let mut values = vec![
        Known::Yes(Val::Str(out.status_name.clone())),
        match out.qualified {
            Some(q) => Known::Yes(Val::Bool(q)),
            None => missing(),
        },
        Known::Yes(Val::Bool(out.held == Some(true))),
        match out.exact_score() {
            Some(p) => Known::Yes(Val::Num(p.0)),
            None => missing(),
        },
    ];
    values.extend(out.indicators.iter().map(|i| match i.points() {
        Some(p) => Known::Yes(Val::Num(p.0)),
        None => Known::Missing(i.missing),
    }));
    for ((name, ty), v) in scheme.published.iter().zip(values) {
        facts.push(name.clone(), *ty, v);
    }
}

/// A scheme not computed (a probe that does not need it): its facts unknown, in their places.
pub fn skip(scheme: &Scheme, facts: &mut Facts) {
    for (name, ty) in &scheme.published {
        facts.push(
            name.clone(),
            *ty,
            Known::Missing(crate::facts::Missing::NONE),
        );
    }
}
