//! What validation proves beyond types: every map table has an entry for each value its input can
//! take (the profile's allowed values), every band table covers its input's whole range, and a
//! division by a fact that may be zero is a warning naming it. Run on a compiled policy, so every
//! name is known; every walk is bounded by the expression depth limit.

use super::expr::{Expr, Func, Op};
use super::table::{BandRow, Table, TableKind};
use super::Policy;
use crate::error::{join, Code, Issue};
use crate::facts::Val;
use crate::inputs::Type;
use crate::policy::map::Set;
use rust_decimal::Decimal;

/// The values a choice fact of the profile can take (the reader refuses any other).
fn allowed_values(fact: &str) -> Option<Vec<&'static str>> {
    match crate::inputs::find(fact)?.ty {
        Type::Choice(opts) => Some(opts.iter().map(|o| o.value).collect()),
        _ => None,
    }
}

/// The range the profile reader keeps an input fact within (by the field's declared type).
fn input_range(fact: &str) -> Option<(Option<Decimal>, Option<Decimal>)> {
    let max = crate::money::max_amount();
    if fact == "yearsGiven" {
        return Some((Some(Decimal::ZERO), Some(max)));
    }
    let (input, _) = crate::inputs::of_fact(fact)?;
    match input.ty {
        Type::Amount | Type::Count | Type::Years => Some((Some(Decimal::ZERO), Some(max))),
        Type::SignedAmount => Some((Some(-max), Some(max))),
        Type::Ratio => Some((Some(Decimal::ZERO), Some(Decimal::ONE))),
        Type::Bounded { min, max, .. } => Some((Some(min.into()), Some(max.into()))),
        _ => None,
    }
}

/// Ratios of the profile's non-negative figures: 0 or more, without an upper bound.
const NON_NEGATIVE: &[&str] = &[
    "dar",
    "techStaffRatio",
    "rdToRevenue",
    "rdToCosts",
    "domesticRdRatio",
    "highTechRevenueRatio",
    "rdIntensity",
];

/// The declared range of a band's input: (lowest, highest), `None` for unbounded; `None` as a
/// whole when it is not declared (then only the gaps between the table's own rows count).
fn declared_range(input: &Expr) -> Option<(Option<Decimal>, Option<Decimal>)> {
    let Expr::Fact(name, _) = input else {
        return None;
    };
    if let Some(range) = input_range(name) {
        Some(range)
    } else if NON_NEGATIVE.contains(&name.as_str()) {
        Some((Some(Decimal::ZERO), None))
    } else {
        None
    }
}

/// Every expression of the policy with its path: facts, scheme checks, knock-outs, products.
fn expressions(policy: &Policy) -> Vec<(&Expr, &str)> {
    let mut out: Vec<(&Expr, &str)> = policy
        .facts
        .iter()
        .map(|f| (&f.expr, f.path.as_str()))
        .collect();
    let schemes = policy.schemes.iter().flat_map(|s| {
        s.held
            .iter()
            .chain(&s.checks)
            .chain(&s.pass)
            .chain(&s.routes)
    });
    let checks = schemes
        .chain(&policy.knockouts)
        .chain(policy.products.iter().flat_map(|p| &p.eligibility));
    for c in checks {
        out.push((&c.expr, c.path.as_str()));
        if let Some(a) = &c.actual {
            out.push((a, c.path.as_str()));
        }
    }
    for p in &policy.products {
        out.extend(p.steps.iter().map(|s| (&s.expr, s.path.as_str())));
    }
    // The schemes' measures are expressions too (a ratio of two figures).
    let measures = policy
        .schemes
        .iter()
        .flat_map(|s| &s.indicators)
        .flat_map(|i| i.measures.iter().chain(&i.rating));
    out.extend(measures.map(|m| (&m.expr, m.path.as_str())));
    out
}

/// `band`, `bandTop` and `lookup` calls: (table name, input).
fn table_uses<'e>(e: &'e Expr, out: &mut Vec<(&'e str, &'e Expr)>) {
    match e {
        Expr::Call(Func::Band | Func::BandTop | Func::Lookup, args) => {
            if let [Expr::Table(t, _), input] = args.as_slice() {
                out.push((t.as_str(), input));
            }
            args.iter().for_each(|a| table_uses(a, out));
        }
        Expr::Call(_, args) => args.iter().for_each(|a| table_uses(a, out)),
        Expr::Neg(a) | Expr::Not(a) => table_uses(a, out),
        Expr::Bin(_, a, b) => {
            table_uses(a, out);
            table_uses(b, out);
        }
        Expr::Lit(_) | Expr::Fact(..) | Expr::Table(..) => {}
    }
}

/// Problems (errors) with the tables: a map without an allowed key of its input, a band table
/// with a gap over its input's range.
pub fn tables(policy: &Policy) -> Vec<Issue> {
    let mut uses: Vec<(&str, Option<&Expr>)> = Vec::new();
    for (e, _) in expressions(policy) {
        let mut found = Vec::new();
        table_uses(e, &mut found);
        uses.extend(found.into_iter().map(|(t, i)| (t, Some(i))));
    }
    // An indicator's measure may read its input through a band table.
    let measure_inputs: Vec<(&str, &Expr)> = policy
        .schemes
        .iter()
        .flat_map(|s| &s.indicators)
        .flat_map(|i| i.measures.iter().chain(&i.rating))
        .filter_map(|m| {
            let (name, _) = policy.doc.tables.iter().nth(m.table_at?)?;
            Some((name.as_str(), &m.expr))
        })
        .collect();
    uses.extend(measure_inputs.into_iter().map(|(t, e)| (t, Some(e))));
    let mut issues = Vec::new();
    let mut seen = Set::new();
    for (name, input) in uses {
        let Some(table) = policy.table(name) else {
            continue;
        };
        let input_name = match input {
            Some(Expr::Fact(n, _)) => n.as_str(),
            _ => "",
        };
        if !seen.insert((name, input_name)) {
            continue;
        }
        let path = join("tables", name);
        match table.kind {
            TableKind::Map => missing_keys(table, name, input_name, &path, &mut issues),
            TableKind::Band => {
                if let Some(gap) = input.and_then(|i| band_gap(&table.rows, declared_range(i))) {
                    let what = if input_name.is_empty() {
                        "x".to_string()
                    } else {
                        input_name.to_string()
                    };
                    issues.push(
                        Issue::new(Code::NoBand, join(&path, "rows"))
                            .with(name)
                            .with(format!("{what} ∈ {gap}")),
                    );
                }
            }
        }
    }
    issues
}

fn missing_keys(table: &Table, name: &str, input: &str, path: &str, out: &mut Vec<Issue>) {
    let Some(values) = allowed_values(input) else {
        return;
    };
    for v in values {
        if !table.entries.contains_key(v) {
            out.push(
                Issue::new(Code::NoEntry, join(path, "entries"))
                    .with(name)
                    .with(format!("{input} = '{v}'")),
            );
        }
    }
}

/// A point of the number line: a value, and whether it is itself included (`[v` or `(v`).
#[derive(Clone, Copy)]
struct Edge {
    value: Decimal,
    closed: bool,
}

/// Does a row match every value from `need` on (just at or above it)?
fn starts_by(r: &BandRow, need: Option<Edge>) -> bool {
    match (r.lower_bound(), need) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some((lo, inc)), Some(n)) => lo < n.value || (lo == n.value && (inc || !n.closed)),
    }
}

/// The first gap of the rows over `range` (the rows' own span when the range is not declared),
/// described for the message; none when the rows cover it.
fn band_gap(rows: &[BandRow], range: Option<(Option<Decimal>, Option<Decimal>)>) -> Option<String> {
    let uppers = |r: &BandRow| {
        r.at_most
            .map(|b| (b.0, true))
            .or(r.below.map(|b| (b.0, false)))
    };
    let (lo, hi) = range.unwrap_or_else(|| {
        let lo = rows
            .iter()
            .map(|r| r.lower_bound().map(|b| b.0))
            .try_fold(None, |m: Option<Decimal>, b| {
                b.map(|b| Some(m.map_or(b, |m| m.min(b))))
            })
            .flatten();
        let hi = rows
            .iter()
            .map(|r| uppers(r).map(|b| b.0))
            .try_fold(None, |m: Option<Decimal>, b| {
                b.map(|b| Some(m.map_or(b, |m| m.max(b))))
            })
            .flatten();
        (lo, hi)
    });
    let mut need = lo.map(|value| Edge {
        value,
        closed: true,
    });
    // Each round moves `need` past one row's upper bound: at most one round per row.
    for _ in 0..=rows.len() {
        if let (Some(n), Some(h)) = (need, hi) {
            if n.value > h || (n.value == h && !n.closed) {
                return None;
            }
        }
        let best = rows
            .iter()
            .filter(|r| starts_by(r, need))
            .filter(|r| {
                // A row whose upper bound is below `need` does not reach it.
                match (uppers(r), need) {
                    (None, _) | (_, None) => true,
                    (Some((u, inc)), Some(n)) => u > n.value || (u == n.value && inc && n.closed),
                }
            })
            .map(uppers)
            .max_by(|a, b| match (a, b) {
                (None, None) => std::cmp::Ordering::Equal,
                (None, _) => std::cmp::Ordering::Greater,
                (_, None) => std::cmp::Ordering::Less,
                (Some((x, xi)), Some((y, yi))) => x.cmp(y).then(xi.cmp(yi)),
            });
        match best {
            None => return Some(describe_gap(rows, need, hi)),
            Some(None) => return None,
            Some(Some((u, inc))) => {
                need = Some(Edge {
                    value: u,
                    closed: !inc,
                })
            }
        }
    }
    None
}

fn describe_gap(rows: &[BandRow], from: Option<Edge>, hi: Option<Decimal>) -> String {
    // The gap ends where the next row begins: before it when that row includes its bound.
    let next = rows
        .iter()
        .filter_map(BandRow::lower_bound)
        .filter(|(v, _)| from.is_none_or(|f| *v >= f.value))
        .min_by_key(|(v, _)| *v);
    let show = |d: Decimal| crate::money::fmt(d);
    let start = from.map_or("(−∞".to_string(), |f| {
        format!("{}{}", if f.closed { "[" } else { "(" }, show(f.value))
    });
    let end = match (next, hi) {
        (Some((n, inc)), _) => format!("{}{}", show(n), if inc { ")" } else { "]" }),
        (None, Some(h)) => format!("{}]", show(h)),
        (None, None) => "+∞)".to_string(),
    };
    format!("{start}, {end}")
}

/// Warnings: a division whose divisor may be zero on some profile, naming what it reads.
pub fn warnings(policy: &Policy) -> Vec<Issue> {
    let mut out = Vec::new();
    for (e, path) in expressions(policy) {
        divisions(e, path, &Set::new(), &mut out);
    }
    out
}

/// Walks `e`; `guarded` are the names an enclosing `if(…)` condition tests (an `if(x == 0, …)`
/// guard is the documented way to divide safely).
fn divisions(e: &Expr, path: &str, guarded: &Set<String>, out: &mut Vec<Issue>) {
    match e {
        Expr::Bin(Op::Div, a, b) => {
            if may_be_zero(b) {
                let mut names = Set::new();
                b.facts(&mut names);
                let open: Vec<String> = names
                    .iter()
                    .filter(|n| !guarded.contains(n.as_str()))
                    .cloned()
                    .collect();
                if !open.is_empty() {
                    out.push(Issue::new(Code::MayDivideByZero, path).with(open.join(", ")));
                }
            }
            divisions(a, path, guarded, out);
            divisions(b, path, guarded, out);
        }
        Expr::Call(Func::If, args) => {
            let mut inner = guarded.clone();
            if let Some(c) = args.first() {
                c.facts(&mut inner);
            }
            args.iter().for_each(|a| divisions(a, path, &inner, out));
        }
        Expr::Call(_, args) => args.iter().for_each(|a| divisions(a, path, guarded, out)),
        Expr::Neg(a) | Expr::Not(a) => divisions(a, path, guarded, out),
        Expr::Bin(_, a, b) => {
            divisions(a, path, guarded, out);
            divisions(b, path, guarded, out);
        }
        Expr::Lit(_) | Expr::Fact(..) | Expr::Table(..) => {}
    }
}

/// Can the expression be zero? Conservative: anything that reads a fact may, except a `max(…)`
/// with a positive constant argument, or a constant.
fn may_be_zero(e: &Expr) -> bool {
    let positive = |e: &Expr| matches!(e, Expr::Lit(Val::Num(d)) if *d > Decimal::ZERO);
    match e {
        Expr::Lit(_) | Expr::Table(..) => false,
        Expr::Call(Func::Max, args) if args.iter().any(positive) => false,
        _ => {
            let mut names = Set::new();
            e.facts(&mut names);
            !names.is_empty()
        }
    }
}
