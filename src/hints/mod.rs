//! What would help: for each failing check, the smallest change of one profile field that makes it
//! pass; for an eligible product, a change that raises its line. Every hint is found by evaluating
//! the changed profile — the targeted check alone, with everything it reads (`engine::probe`), or
//! the whole policy for a line — so a hint never promises what the engine would not give.
//! A changed profile is evaluated from the report's own run (`Origin`): only the facts that read
//! the changed field are derived again (`facts::derive_changed`), and a scheme or a product's
//! steps whose inputs are as they were are taken from the run (`engine::probe_variant`,
//! `engine::outcomes`).

mod fields;
mod search;

use crate::engine::{binding, Needs, ProductRun, Run};
use crate::error::Issue;
use crate::policy::check::Check;
use crate::policy::expr::{Expr, Func};
use crate::policy::resolve::Reads;
use crate::policy::scheme::Scheme;
use crate::policy::{Policy, Product};
use crate::profile::Profile;
use crate::report::{CheckStatus, HintKind, HintOut, ProductStatus};
use crate::text::{self, Locale};
use fields::{fields, Dir, Field};
use rust_decimal::Decimal;
use search::{Based, Lifted, Search};

/// How many re-evaluations one report's hints may use, across all its products: keeps a
/// keystroke cheap and bounds the cost of a policy with many products.
pub const BUDGET: usize = 240;
/// At most this many "pass" hints per product, and per check.
pub const MAX_PASS_HINTS: usize = 4;
const PER_CHECK: usize = 2;

fn show(field: &Field, v: Decimal, locale: Locale) -> String {
    if field.money {
        text::money(v, locale)
    } else {
        crate::money::fmt(v)
    }
}

fn change(field: &Field, from: Decimal, to: Decimal, locale: Locale) -> String {
    let d = to - from;
    let sign = if d >= Decimal::ZERO { "+" } else { "−" };
    format!("{sign}{}", show(field, d.abs(), locale))
}

fn relative(from: Decimal, to: Decimal) -> Decimal {
    if from.is_zero() {
        Decimal::MAX
    } else {
        ((to - from) / from).abs()
    }
}

/// Whether a check reads a result of the scheme `id` (`<id>.status`, `<id>.qualified` …).
pub(crate) fn reads_scheme(reads: &Reads, id: &str) -> bool {
    reads
        .facts
        .iter()
        .any(|n| n.strip_prefix(id).is_some_and(|rest| rest.starts_with('.')))
}

/// The schemes whose results a check reads (worked out once per check, not once per field).
fn schemes_read<'p>(policy: &'p Policy, reads: &Reads) -> Vec<&'p Scheme> {
    policy
        .schemes
        .iter()
        .filter(|s| reads_scheme(reads, &s.id))
        .collect()
}

/// Whether changing `field` may change what a check reads: one of its facts directly, or the
/// points of a scheme whose results the check reads (`schemes`, from `schemes_read`).
fn touches(field: &Field, reads: &Reads, schemes: &[&Scheme]) -> bool {
    field.facts.iter().any(|f| reads.facts.contains(*f))
        || (field.scores
            && schemes
                .iter()
                .any(|s| field.facts.iter().any(|f| s.measure_reads.contains(*f))))
}

/// What a check reads beyond the profile's own facts: the assessments, and the steps of its
/// product (and of the earlier products a `step()` may read).
fn needs(policy: &Policy, product_index: usize, eligibility: bool, reads: &Reads) -> Needs {
    // A scheme's results are `<id>.…`; computing one computes the schemes before it.
    let schemes = policy
        .schemes
        .iter()
        .rposition(|s| reads_scheme(reads, &s.id))
        .map_or(0, |i| i + 1);
    Needs {
        schemes,
        steps_through: (eligibility && reads.steps).then_some(product_index),
        assumptions: false,
    }
}

/// The check at `index` of a product's checks (the knock-outs first, as in its report), and what
/// evaluating it alone needs: what a hint search probes.
pub fn target(policy: &Policy, product_index: usize, index: usize) -> Option<(&Check, Needs)> {
    let knockouts = policy.knockouts.len();
    let check = match policy.knockouts.get(index) {
        Some(k) => k,
        None => policy
            .products
            .get(product_index)?
            .eligibility
            .get(index.checked_sub(knockouts)?)?,
    };
    Some((
        check,
        needs(policy, product_index, index >= knockouts, &check.reads),
    ))
}

/// Hints already found for the shared knock-outs: every product fails them alike, so each is
/// searched once per report, not once per product.
pub struct Cache {
    knockouts: crate::policy::map::Map<usize, Vec<HintOut>>,
    /// Re-evaluations left for the whole report, whatever the number of products.
    budget: usize,
    lifts: Vec<Lifted>,
    based: Vec<Based>,
}

impl Default for Cache {
    fn default() -> Self {
        Cache {
            knockouts: crate::policy::map::Map::new(),
            budget: BUDGET,
            lifts: Vec::new(),
            based: Vec::new(),
        }
    }
}

/// The report's own evaluation, which every hint varies: the profile, its facts as given (before
/// assumptions) and the run on it.
pub struct Origin<'a> {
    pub profile: &'a Profile,
    pub given: &'a crate::facts::Facts,
    pub run: &'a Run,
}

pub fn for_product(
    policy: &Policy,
    product: &Product,
    pr: &ProductRun,
    origin: &Origin<'_>,
    locale: Locale,
    cache: &mut Cache,
) -> Result<Vec<HintOut>, Issue> {
    let Origin {
        profile,
        given,
        run: base_run,
    } = *origin;
    let mut search = Search {
        policy,
        base: profile,
        run: base_run,
        given,
        locale,
        budget: cache.budget,
        lifts: std::mem::take(&mut cache.lifts),
        based: std::mem::take(&mut cache.based),
    };
    let mut hints = Vec::new();
    let product_index = policy.products.iter().position(|p| p.id == product.id);
    let Some(product_index) = product_index else {
        return Ok(hints);
    };
    // A failing check that a change of one field can pass.
    let failing: Vec<(usize, &crate::report::CheckOut)> = pr
        .checks
        .iter()
        .enumerate()
        .filter(|(_, c)| c.status == CheckStatus::Fail)
        .collect();
    let knockouts = policy.knockouts.len();
    for (i, check) in failing {
        if hints.len() >= MAX_PASS_HINTS {
            break;
        }
        if let Some(known) = cache.knockouts.get(&i) {
            hints.extend(known.iter().cloned());
            continue;
        }
        let Some((target, needs)) = target(policy, product_index, i) else {
            continue;
        };
        let reads = &target.reads;
        let schemes = schemes_read(policy, reads);
        let mut found: Vec<(Decimal, HintOut)> = Vec::new();
        for field in fields() {
            if !touches(field, reads, &schemes) {
                continue;
            }
            let Some(from) = field.get(profile) else {
                continue;
            };
            if let Some(to) = search.smallest(field, target, needs) {
                let message = text::fill(
                    text::pick(
                        locale,
                        "{0}：{1} {2} → {3}（{4}）",
                        "{0}: {1} {2} → {3} ({4})",
                    ),
                    &[
                        check.message.to_string(),
                        text::field_label(&field.path, locale).to_string(),
                        show(field, from, locale),
                        show(field, to, locale),
                        change(field, from, to, locale),
                    ],
                );
                found.push((
                    relative(from, to),
                    HintOut {
                        kind: HintKind::Pass,
                        target: check.id.to_string(),
                        field: field.path.clone(),
                        from: crate::money::fmt(from),
                        to: crate::money::fmt(to),
                        new_amount: None,
                        message,
                    },
                ));
            }
        }
        crate::sort::stable_by_key(&mut found, |a| a.0);
        let best: Vec<HintOut> = found.into_iter().take(PER_CHECK).map(|(_, h)| h).collect();
        if i < knockouts {
            cache.knockouts.insert(i, best.clone());
        }
        hints.extend(best);
    }
    let result = for_product_rest(&mut search, product, product_index, pr, base_run, hints);
    cache.budget = search.budget;
    cache.lifts = std::mem::take(&mut search.lifts);
    cache.based = std::mem::take(&mut search.based);
    result
}

fn for_product_rest(
    search: &mut Search,
    product: &Product,
    product_index: usize,
    pr: &ProductRun,
    base_run: &Run,
    mut hints: Vec<HintOut>,
) -> Result<Vec<HintOut>, Issue> {
    if pr.status == ProductStatus::Eligible {
        if let Some(amount) = pr.amount {
            hints.extend(lift(search, product, product_index, pr, amount, base_run));
        }
    }
    Ok(hints)
}

/// Ways to raise an eligible product's line: cross the next band of the binding cap, or repay
/// existing unsecured or guaranteed debt.
fn lift(
    search: &mut Search,
    product: &Product,
    product_index: usize,
    pr: &ProductRun,
    amount: Decimal,
    _base: &Run,
) -> Vec<HintOut> {
    let locale = search.locale;
    let policy = search.policy;
    let mut out = Vec::new();
    let mut candidates: Vec<(&Field, Decimal, String)> = Vec::new();
    if let Some(bind) = binding(product, pr) {
        if let Some(step) = product.steps.iter().find(|s| s.id == bind) {
            let mut bands = Vec::new();
            band_calls(&step.expr, &mut bands);
            for (table, fact) in bands {
                let Some(field) = fields()
                    .iter()
                    .find(|f| f.facts.first() == Some(&fact.as_str()))
                else {
                    continue;
                };
                let Some(cur) = field.get(search.base) else {
                    continue;
                };
                let Some(rows) = policy.table(&table).map(|t| &t.rows) else {
                    continue;
                };
                // Every bound of the table is a place where the band may change: the smallest
                // value above the current one that lands in a better band.
                let now = rows.iter().find(|r| r.matches(cur)).map(|r| r.value);
                let entries = rows.iter().flat_map(|r| {
                    [
                        r.at_least.map(|b| b.0),
                        r.above.map(|b| b.0 + Decimal::ONE),
                        r.below.map(|b| b.0),
                        r.at_most.map(|b| b.0 + Decimal::ONE),
                    ]
                });
                let next = entries
                    .flatten()
                    .filter(|v| *v > cur)
                    .filter(|v| {
                        let then = rows.iter().find(|r| r.matches(*v)).map(|r| r.value);
                        matches!((now, then), (Some(n), Some(t)) if t > n)
                    })
                    .min();
                if let Some(v) = next {
                    candidates.push((field, v, bind.clone()));
                }
            }
        }
    }
    let reads = &product.reads;
    let schemes = schemes_read(policy, reads);
    for field in fields()
        .iter()
        .filter(|f| f.dir == Dir::Down && f.path.starts_with("debt."))
    {
        if touches(field, reads, &schemes) {
            if let Some(cur) = field.get(search.base).filter(|c| *c > Decimal::ZERO) {
                let _ = cur;
                candidates.push((field, Decimal::ZERO, product.amount.clone()));
            }
        }
    }
    for (field, to, target) in candidates {
        let Some(from) = field.get(search.base) else {
            continue;
        };
        let Some(&(status, new_amount)) =
            search.lifted(field, to).and_then(|o| o.get(product_index))
        else {
            continue;
        };
        let Some(new_amount) =
            new_amount.filter(|a| *a > amount && status == ProductStatus::Eligible)
        else {
            continue;
        };
        let message = text::fill(
            text::pick(
                locale,
                "{0} {1} → {2}（{3}）可使额度升至 {4}",
                "{0} {1} → {2} ({3}) would raise the line to {4}",
            ),
            &[
                text::field_label(&field.path, locale).to_string(),
                show(field, from, locale),
                show(field, to, locale),
                change(field, from, to, locale),
                text::money(new_amount, locale),
            ],
        );
        out.push(HintOut {
            kind: HintKind::Lift,
            target,
            field: field.path.clone(),
            from: crate::money::fmt(from),
            to: crate::money::fmt(to),
            new_amount: Some(crate::money::fmt(new_amount)),
            message,
        });
    }
    out
}

/// `band('table', fact)` calls inside an expression.
fn band_calls(e: &Expr, out: &mut Vec<(String, String)>) {
    match e {
        Expr::Call(Func::Band, args) => {
            if let [Expr::Table(t, _), Expr::Fact(f, _)] = args.as_slice() {
                out.push((t.clone(), f.clone()));
            }
            args.iter().for_each(|a| band_calls(a, out));
        }
        Expr::Call(_, args) => args.iter().for_each(|a| band_calls(a, out)),
        Expr::Neg(a) | Expr::Not(a) => band_calls(a, out),
        Expr::Bin(_, a, b) => {
            band_calls(a, out);
            band_calls(b, out);
        }
        Expr::Lit(_) | Expr::Fact(..) | Expr::Table(..) => {}
    }
}
