//! What one evaluation of a policy can cost, bounded when it compiles, so that no accepted policy
//! can make a report slow or large: the expression nodes one evaluation visits (a table lookup
//! counts its rows), times the re-evaluations its hints may make, and the bytes of text one full
//! report can hold. A policy above a budget is refused with `policyTooCostly`, naming its most
//! expensive part and that part's share.

use super::check::Check;
use super::expr::{Expr, Func};
use super::model::Text;
use super::Policy;
use crate::error::{Code, Issue};

/// Nodes one full report may visit, hints included. The costliest policy within it
/// (`sample::costly_policy`, `cargo bench --bench worst`) takes 17–19 ms a full report natively
/// and 37–55 ms in wasm under Node on the machine that set it, so under 0.3 s on a phone five
/// times slower; the built-in policy's bound is 129,176.
pub const MAX_REPORT_WORK: u64 = 20_000_000;
/// Nodes `validatePolicy` may visit running the embedded tests (each a full report): five
/// reports at the work budget, about 0.3 s in wasm.
pub const MAX_TESTS_WORK: u64 = 100_000_000;
/// Bytes of text one full report may hold (labels, messages, values), in either language.
pub const MAX_REPORT_BYTES: u64 = 4 << 20;

/// A value's or a hint's text beyond its policy texts: a formatted number, a field name.
const VALUE_BYTES: u64 = 64;
/// What a check adds to a report beyond its texts (keys, status, kind).
const CHECK_OVERHEAD: u64 = 96;

/// The upper bounds of one policy's cost.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cost {
    /// Nodes one evaluation (statuses, no hints) visits at most.
    pub evaluation: u64,
    /// Nodes one full report visits at most: the evaluation and every hint re-evaluation.
    pub report: u64,
    /// Nodes the embedded tests visit at most.
    pub tests: u64,
    /// Bytes of text one full report holds at most.
    pub report_bytes: u64,
    /// Each part's (path, nodes per evaluation, bytes per report), the largest first.
    pub parts: Vec<(String, u64, u64)>,
}

/// Nodes an expression visits: one per node, and a table lookup its rows (a band is scanned).
pub fn nodes(e: &Expr, policy: &Policy) -> u64 {
    match e {
        Expr::Lit(_) | Expr::Fact(..) | Expr::Table(..) => 1,
        Expr::Neg(a) | Expr::Not(a) => 1 + nodes(a, policy),
        Expr::Bin(_, a, b) => 1 + nodes(a, policy) + nodes(b, policy),
        Expr::Call(f, args) => {
            let rows = match (f, args.first()) {
                (Func::Band | Func::BandTop | Func::Lookup, Some(Expr::Table(_, i))) => policy
                    .tables
                    .get(usize::from(*i))
                    .map_or(0, |t| t.rows.len().max(1) as u64),
                _ => 0,
            };
            1 + rows + args.iter().map(|a| nodes(a, policy)).sum::<u64>()
        }
    }
}

fn band_calls(e: &Expr) -> u64 {
    match e {
        Expr::Lit(_) | Expr::Fact(..) | Expr::Table(..) => 0,
        Expr::Neg(a) | Expr::Not(a) => band_calls(a),
        Expr::Bin(_, a, b) => band_calls(a) + band_calls(b),
        Expr::Call(f, args) => {
            u64::from(*f == Func::Band) + args.iter().map(band_calls).sum::<u64>()
        }
    }
}

/// The longest language of a text.
fn text(t: &Text) -> u64 {
    t.0.values().map(|s| s.len() as u64).max().unwrap_or(0)
}

/// A check: its expression, its shown actual value, and its margin (a second walk for hints).
fn check_nodes(c: &Check, policy: &Policy) -> u64 {
    2 * nodes(&c.expr, policy) + c.actual.as_ref().map_or(0, |a| nodes(a, policy))
}

fn check_bytes(c: &Check) -> u64 {
    text(&c.label) + c.required.as_ref().map_or(VALUE_BYTES, text) + VALUE_BYTES + CHECK_OVERHEAD
}

fn checks(list: &[Check], policy: &Policy) -> (u64, u64) {
    list.iter().fold((0, 0), |(n, b), c| {
        (n + check_nodes(c, policy), b + check_bytes(c))
    })
}

fn measures(list: &[super::scheme::Measure], policy: &Policy) -> u64 {
    list.iter()
        .map(|m| {
            nodes(&m.expr, policy)
                + m.table_at
                    .and_then(|at| policy.tables.get(at))
                    .map_or(0, |t| t.rows.len() as u64)
        })
        .sum()
}

/// One scheme's work (its checks, routes, pass rule and every measure of its indicators) and
/// its report text.
fn scheme(s: &super::scheme::Scheme, policy: &Policy) -> (u64, u64) {
    let (check_n, check_b) = checks(&s.checks, policy);
    let (route_n, route_b) = checks(&s.routes, policy);
    let (own_n, own_b) = s.held.iter().chain(&s.pass).fold((0, 0), |(n, b), c| {
        (n + check_nodes(c, policy), b + check_bytes(c))
    });
    let ind_n: u64 = s
        .indicators
        .iter()
        .map(|i| {
            measures(&i.measures, policy)
                + i.rating
                    .as_ref()
                    .map_or(0, |r| measures(std::slice::from_ref(r), policy))
        })
        .sum();
    let ind_b: u64 = s
        .indicators
        .iter()
        .map(|i| text(&i.label) + 3 * VALUE_BYTES)
        .sum();
    (
        check_n + route_n + own_n + ind_n,
        check_b + route_b + own_b + ind_b,
    )
}

/// The bounds of a compiled policy.
pub fn of(policy: &Policy) -> Cost {
    let mut parts: Vec<(String, u64, u64)> = Vec::new();
    let facts: u64 = policy.facts.iter().map(|f| nodes(&f.expr, policy)).sum();
    parts.push(("facts".into(), facts, 0));
    for s in &policy.schemes {
        let (n, b) = scheme(s, policy);
        parts.push((format!("schemes.{}", s.id), n, b));
    }
    let (ko_n, ko_b) = checks(&policy.knockouts, policy);
    // Every product's report lists the knock-outs again (and up to four reasons).
    let products = policy.products.len() as u64;
    parts.push(("knockouts".into(), ko_n, ko_b * products.max(1)));
    let biggest_check = policy
        .knockouts
        .iter()
        .chain(policy.products.iter().flat_map(|p| &p.eligibility))
        .map(check_bytes)
        .max()
        .unwrap_or(0);
    for (i, p) in policy.products.iter().enumerate() {
        let steps: u64 = p.steps.iter().map(|s| nodes(&s.expr, policy)).sum();
        let steps_b: u64 = p.steps.iter().map(|s| text(&s.label) + VALUE_BYTES).sum();
        let (el_n, el_b) = checks(&p.eligibility, policy);
        let texts = text(&p.name)
            + text(&p.provenance)
            + p.note.as_ref().map_or(0, text)
            + p.apply.as_ref().map_or(0, |a| {
                a.steps.iter().chain(&a.documents).map(text).sum::<u64>()
                    + a.deadline.as_ref().map_or(0, text)
            });
        let reasons = crate::engine::MAX_REASONS as u64 * biggest_check;
        // Pass hints are capped; a lift hint comes from a band of a step or a debt repaid.
        let lifts = p.steps.iter().map(|s| band_calls(&s.expr)).sum::<u64>() + 3;
        let hints = (crate::hints::MAX_PASS_HINTS as u64 + lifts) * (biggest_check + VALUE_BYTES);
        parts.push((
            format!("products[{i}]"),
            steps + el_n,
            steps_b + el_b + texts + reasons + hints,
        ));
    }
    let fixed = text(&policy.doc.disclaimer)
        + text(&policy.doc.issuer)
        + policy
            .doc
            .sources
            .iter()
            .map(|s| (s.title.len() + s.id.len() + s.url.as_ref().map_or(0, String::len)) as u64)
            .sum::<u64>();
    let evaluation: u64 = parts.iter().map(|p| p.1).sum();
    // Each hint probe re-evaluates at most what one evaluation does, within the report's budget.
    let report = evaluation.saturating_mul(1 + crate::hints::BUDGET as u64);
    let tests = report.saturating_mul(policy.doc.tests.len() as u64);
    let report_bytes = fixed + parts.iter().map(|p| p.2).sum::<u64>();
    parts.sort_by_key(|p| std::cmp::Reverse(p.1));
    Cost {
        evaluation,
        report,
        tests,
        report_bytes,
        parts,
    }
}

/// The percentage `part` is of `whole`.
fn share(part: u64, whole: u64) -> u64 {
    (part.saturating_mul(100)).checked_div(whole).unwrap_or(0)
}

/// The budgets a policy's cost must keep; each excess names the largest part and its share.
pub fn check(cost: &Cost) -> Vec<Issue> {
    let mut out = Vec::new();
    let largest_work = cost.parts.first();
    if cost.report > MAX_REPORT_WORK {
        if let Some((path, n, _)) = largest_work {
            out.push(Issue::new(Code::PolicyTooCostly, path).with(format!(
                "one report visits up to {} expression nodes, hints included (budget {MAX_REPORT_WORK}); the largest part is {path}, {}% of it",
                cost.report,
                share(*n, cost.evaluation)
            )));
        }
    }
    if cost.tests > MAX_TESTS_WORK {
        out.push(Issue::new(Code::PolicyTooCostly, "tests").with(format!(
            "the {} embedded tests visit up to {} expression nodes (budget {MAX_TESTS_WORK}); each is a full report of {}",
            cost.tests.checked_div(cost.report.max(1)).unwrap_or(0),
            cost.tests,
            cost.report
        )));
    }
    if cost.report_bytes > MAX_REPORT_BYTES {
        let largest = cost.parts.iter().max_by_key(|p| p.2);
        if let Some((path, _, b)) = largest {
            out.push(Issue::new(Code::PolicyTooCostly, path).with(format!(
                "one full report holds up to {} bytes of text (budget {MAX_REPORT_BYTES}); the largest part is {path}, {}% of it",
                cost.report_bytes,
                share(*b, cost.report_bytes)
            )));
        }
    }
    out
}
