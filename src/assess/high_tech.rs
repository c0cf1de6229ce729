//! 高新技术企业 (国科发火〔2016〕32号), indicative: a declared certificate, else every hard
//! condition with actual and required values, and the innovation-capability score as an honest
//! range — computed items give their band's range, self-rated items their rating, unknown items
//! their full range.

use crate::assess::best_measure;
use crate::assess::tech_sme::all_pass;
use crate::error::Issue;
use crate::facts::{Facts, Known, Ty, Val};
use crate::money::fmt;
use crate::policy::{EvalScope, Policy};
use crate::report::{
    CheckOut, CheckStatus, HighTechOut, HighTechStatus, InnovationItemOut, ItemBasis, Points,
    ScoreRange, ValueKind,
};
use crate::text::Locale;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

pub fn assess(
    policy: &Policy,
    facts: &Facts,
    locale: Locale,
    detailed: bool,
) -> Result<HighTechOut, Issue> {
    let scope = EvalScope::new(policy, facts);
    let mut checks: Vec<CheckOut> = policy
        .hnte_checks
        .iter()
        .map(|c| c.evaluate(&scope, locale, detailed))
        .collect::<Result<_, _>>()?;

    let innovation = &policy.doc.schemes.high_tech.innovation;
    let mut items = Vec::new();
    let (mut lo, mut hi) = (Decimal::ZERO, Decimal::ZERO);
    let mut unknown_fields = Vec::new();
    let mut groups: BTreeMap<&str, (Decimal, Decimal)> = BTreeMap::new();
    let resolved = policy.hnte_measures.iter().zip(&policy.hnte_ratings);
    for (item, (measures, rating)) in innovation.items.iter().zip(resolved) {
        let max = item.max.0;
        let (basis, min_v, max_v) = if let Some(fact) = &item.self_rating {
            match rating.and_then(|at| facts.at(at)).map(|f| &f.value) {
                Some(Known::Yes(Val::Num(r))) => {
                    (ItemBasis::SelfRated, (*r).min(max), (*r).min(max))
                }
                _ => {
                    unknown_fields.push(fact.clone());
                    (ItemBasis::Unknown, Decimal::ZERO, max)
                }
            }
        } else {
            match best_measure(measures, facts, &policy.tables) {
                (Some(b), _) => {
                    let top = b.row.top.unwrap_or(b.row.value).0;
                    (ItemBasis::Computed, b.row.value.0.min(max), top.min(max))
                }
                (None, missing) => {
                    unknown_fields.extend(missing);
                    (ItemBasis::Unknown, Decimal::ZERO, max)
                }
            }
        };
        match item.group.as_deref() {
            Some(g) => {
                let sums = groups.entry(g).or_insert((Decimal::ZERO, Decimal::ZERO));
                sums.0 = sums.0.saturating_add(min_v);
                sums.1 = sums.1.saturating_add(max_v);
            }
            None => {
                lo = lo.saturating_add(min_v);
                hi = hi.saturating_add(max_v);
            }
        }
        // The items are shown in a full report only.
        if !detailed {
            continue;
        }
        items.push(InnovationItemOut {
            id: item.id.clone(),
            label: item.label.get(locale).to_string(),
            basis,
            min: Points(min_v),
            max: Points(max_v),
            of: Points(max),
        });
    }
    // A capped block (the IP block with its standards bonus) counts at most its cap.
    for (id, (gmin, gmax)) in groups {
        let cap = innovation
            .groups
            .iter()
            .find(|g| g.id == id)
            .map_or(Decimal::MAX, |g| g.cap.0);
        lo = lo.saturating_add(gmin.min(cap));
        hi = hi.saturating_add(gmax.min(cap));
    }
    let pass = innovation.pass.0;
    let innovation_status = if lo >= pass {
        CheckStatus::Pass
    } else if hi < pass {
        CheckStatus::Fail
    } else {
        CheckStatus::Incomplete
    };
    unknown_fields.sort();
    unknown_fields.dedup();
    if detailed {
        checks.push(CheckOut {
            id: "innovationScore".into(),
            status: innovation_status,
            actual: Some(if lo == hi {
                fmt(lo)
            } else {
                format!("{}–{}", fmt(lo), fmt(hi))
            }),
            required: Some(format!("≥ {}", fmt(pass))),
            message: innovation.label.get(locale).to_string(),
            kind: ValueKind::Points,
            missing: if innovation_status == CheckStatus::Incomplete {
                unknown_fields
            } else {
                Vec::new()
            },
        });
    }

    let certified = policy
        .hnte_certified
        .evaluate(&scope, locale, detailed)?
        .status
        == CheckStatus::Pass;
    let hard = checks.get(..policy.hnte_checks.len()).unwrap_or(&checks);
    let status = if certified {
        HighTechStatus::Certified
    } else {
        match (all_pass(hard), innovation_status) {
            (Some(false), _) | (_, CheckStatus::Fail) => HighTechStatus::Fails,
            (None, _) => HighTechStatus::Incomplete,
            (Some(true), CheckStatus::Pass) => HighTechStatus::Meets,
            (Some(true), CheckStatus::Incomplete) => HighTechStatus::Borderline,
        }
    };
    Ok(HighTechOut {
        status,
        innovation_score: ScoreRange {
            min: Points(lo),
            max: Points(hi),
        },
        innovation_items: detailed.then_some(items),
        checks: detailed.then_some(checks),
        // The report adds the policy's next steps (full reports only).
        apply: None,
    })
}

/// The facts this assessment gives the products.
pub fn publish(out: &HighTechOut, facts: &mut Facts) {
    let status = out.status.as_str();
    facts.push(
        "highTech.status",
        Ty::Str,
        Known::Yes(Val::Str(status.into())),
    );
    facts.push(
        "highTech.certified",
        Ty::Bool,
        Known::Yes(Val::Bool(out.status == HighTechStatus::Certified)),
    );
    facts.push(
        "highTech.meets",
        Ty::Bool,
        Known::Yes(Val::Bool(matches!(
            out.status,
            HighTechStatus::Certified | HighTechStatus::Meets
        ))),
    );
}
