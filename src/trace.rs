//! The trace of one evaluation, for the policy studio: each knock-out, product check and limit step
//! with its expression's text, the facts it reads directly with their values, the value it gave,
//! and the band or map rows it matched; each product's binding cap. It reads the policy and a
//! finished `engine::Run`, and changes neither (it sits above the engine, beside the report).

use crate::engine::{self, Run};
use crate::error::Error;
use crate::facts::Known;
use crate::json::Json;
use crate::policy::check::Check;
use crate::policy::expr::{Expr, Func, Scope, Slot};
use crate::policy::model::CheckDef;
use crate::policy::table::TableKind;
use crate::policy::{EvalScope, Policy};
use crate::profile::Profile;
use crate::report::{Assessments, CheckStatus, ProductStatus, ValueKind};
use crate::text::Locale;
use serde::Serialize;

/// A fact an expression reads, and its value in this evaluation (None when unknown).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Read {
    pub name: String,
    pub value: Option<String>,
    /// The value as a person reads it (3,000万, 62.5%, 南京), by what the fact is.
    pub shown: Option<String>,
}

/// A `band`, `bandTop` or `lookup` call: the table, what was looked up, the row (band) or key (map)
/// it matched, and the value that row gives.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct TableHit {
    pub table: String,
    pub input: Option<String>,
    /// The matched row's position in the table (bands), none when no row matched or for maps.
    pub row: Option<usize>,
    pub key: Option<String>,
    pub value: Option<String>,
    /// The value as a person reads it (an amount in 万, a factor as × 0.85).
    pub shown: Option<String>,
}

/// One check or step.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Line {
    pub id: String,
    pub label: String,
    /// The expression as the document writes it.
    pub expr: String,
    /// Where it sits in the document (for a jump to the editor).
    pub path: String,
    pub reads: Vec<Read>,
    pub value: Option<String>,
    /// The value as a person reads it, by what the check or step gives.
    pub shown: Option<String>,
    /// For checks: pass, fail or incomplete.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CheckStatus>,
    pub tables: Vec<TableHit>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ProductTrace {
    pub id: String,
    pub name: String,
    pub status: ProductStatus,
    /// The status in words (符合条件).
    pub status_label: String,
    pub amount: Option<String>,
    /// The line as a person reads it (800万).
    pub amount_shown: Option<String>,
    /// The step whose value decides the last `min(…)`: the binding cap.
    pub binding: Option<String>,
    pub checks: Vec<Line>,
    pub steps: Vec<Line>,
}

/// One scheme traced: each of its checks (prerequisites, conditions, the pass rule, the direct
/// routes) and each measure of its indicators, with the facts it reads and what it gave.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SchemeTrace {
    pub id: String,
    pub title: String,
    /// Its status in words (已符合标准), as the report's page shows it.
    pub status_label: String,
    pub checks: Vec<Line>,
    /// One line per measure (`<indicator>.<n>`), its value and the band row it fell in.
    pub measures: Vec<Line>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Trace {
    /// Each scheme's result, keyed by its id, as in a report.
    pub assessments: Assessments,
    pub schemes: Vec<SchemeTrace>,
    pub knockouts: Vec<Line>,
    pub products: Vec<ProductTrace>,
}

/// A value as a person reads it, by its kind.
fn readable(raw: Option<&str>, kind: ValueKind, locale: Locale) -> Option<String> {
    raw.map(|v| crate::ui::display::display(v, kind, locale))
}

/// A status's words (qualified → 已符合标准), or the status itself when no text names it.
fn label_of(status: &str, locale: Locale) -> String {
    crate::ui::labels::choice_label(None, status, locale)
        .unwrap_or(status)
        .to_string()
}

/// An enum's name as the report writes it (`eligible`).
fn serde_plain<T: Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Fills each read's readable value: what the fact is (a profile field, a derived figure, a
/// scheme's result), or, inside a product, one of its steps.
/// `tables`: what the tables' values are there (a scheme's points, or a product's amounts and
/// factors).
fn readable_reads(
    lines: &mut [Line],
    steps: &[crate::policy::Step],
    tables: ValueKind,
    locale: Locale,
) {
    for line in lines {
        for hit in &mut line.tables {
            hit.shown = hit
                .value
                .as_deref()
                .map(|v| crate::ui::display::step_value(v, tables, locale));
        }
        for r in &mut line.reads {
            r.shown = match steps.iter().find(|s| s.id == r.name) {
                Some(s) => r
                    .value
                    .as_deref()
                    .map(|v| crate::ui::display::step_value(v, s.kind, locale)),
                None => {
                    let kind =
                        crate::policy::kinds::fact_kind(&r.name).unwrap_or(ValueKind::Number);
                    readable(r.value.as_deref(), kind, locale)
                }
            };
        }
    }
}

fn shown(k: &Known) -> Option<String> {
    match k {
        Known::Yes(v) => Some(v.show()),
        Known::Missing(_) => None,
    }
}

/// The value a name has in `scope`, through its resolved slot or, failing that, its name.
fn value_of(scope: &EvalScope, name: &str, slot: Slot) -> Option<String> {
    let k = match slot {
        Slot::Global(_) | Slot::Local(_) => scope.slot(slot).cloned(),
        Slot::Step(p, s) => scope.step_at(p, s),
        Slot::Name => scope.fact(name).map(|f| f.value.clone()),
    };
    k.as_ref().and_then(shown)
}

/// Every fact the expression names directly (not through other facts), once, in reading order,
/// and every table call it makes.
fn walk(e: &Expr, scope: &EvalScope, path: &str, reads: &mut Vec<Read>, hits: &mut Vec<TableHit>) {
    match e {
        Expr::Fact(name, slot) => {
            if !reads.iter().any(|r| &r.name == name) {
                let value = value_of(scope, name, *slot);
                reads.push(Read {
                    name: name.clone(),
                    value,
                    shown: None,
                });
            }
        }
        Expr::Neg(x) | Expr::Not(x) => walk(x, scope, path, reads, hits),
        Expr::Bin(_, a, b) => {
            walk(a, scope, path, reads, hits);
            walk(b, scope, path, reads, hits);
        }
        Expr::Call(f, args) => {
            if let (Func::Band | Func::BandTop | Func::Lookup, Some(t), Some(arg)) =
                (f, args.first(), args.get(1))
            {
                hits.push(table_hit(t, arg, scope, path));
            }
            for a in args {
                walk(a, scope, path, reads, hits);
            }
        }
        Expr::Lit(_) | Expr::Table(..) => {}
    }
}

fn table_hit(table: &Expr, arg: &Expr, scope: &EvalScope, path: &str) -> TableHit {
    let (name, found) = match table {
        Expr::Table(name, at) => (name.clone(), scope.table_at(*at)),
        Expr::Lit(crate::facts::Val::Str(s)) => (s.to_string(), scope.table(s)),
        _ => (String::new(), None),
    };
    let input = arg.eval(scope, path).ok();
    let mut hit = TableHit {
        table: name,
        input: input.as_ref().and_then(shown),
        row: None,
        key: None,
        value: None,
        shown: None,
    };
    let Some(t) = found else { return hit };
    match (t.kind, input) {
        (TableKind::Band, Some(k)) => {
            if let Some(x) = k.num() {
                hit.row = t.rows.iter().position(|r| r.matches(x));
                hit.value = t.band(x).map(|r| crate::money::fmt(r.value.0));
            }
        }
        (TableKind::Map, Some(Known::Yes(crate::facts::Val::Str(key)))) => {
            hit.value = t.entries.get(&*key).map(|d| crate::money::fmt(d.0));
            hit.key = Some(key.to_string());
        }
        _ => {}
    }
    hit
}

fn check_line(check: &Check, def: Option<&CheckDef>, scope: &EvalScope, locale: Locale) -> Line {
    let mut reads = Vec::new();
    let mut tables = Vec::new();
    walk(&check.expr, scope, &check.path, &mut reads, &mut tables);
    let out = check.evaluate(scope, locale, true).ok();
    let value = out.as_ref().and_then(|o| o.actual.clone());
    Line {
        id: check.id.to_string(),
        label: check.label.get(locale).to_string(),
        expr: def.map(|d| d.pass.clone()).unwrap_or_default(),
        path: check.path.clone(),
        reads,
        shown: readable(value.as_deref(), check.kind, locale),
        value,
        status: out.map(|o| o.status),
        tables,
    }
}

fn product_trace(
    policy: &Policy,
    run: &Run,
    all: &[Vec<Known>],
    i: usize,
    locale: Locale,
) -> Option<ProductTrace> {
    let product = policy.products.get(i)?;
    let pr = run.products.get(i)?;
    let def = policy.doc.products.get(i)?;
    let scope = EvalScope {
        policy,
        facts: &run.facts,
        local: &pr.steps,
        steps: all.get(..i).unwrap_or_default(),
    };
    let own = run.knockouts.len();
    let checks = product
        .eligibility
        .iter()
        .zip(pr.checks.iter().skip(own))
        .enumerate()
        .map(|(j, (c, _))| check_line(c, def.eligibility.get(j), &scope, locale))
        .collect();
    let steps = product
        .steps
        .iter()
        .enumerate()
        .map(|(j, s)| {
            let mut reads = Vec::new();
            let mut tables = Vec::new();
            walk(&s.expr, &scope, &s.path, &mut reads, &mut tables);
            Line {
                id: s.id.clone(),
                label: s.label.get(locale).to_string(),
                expr: def
                    .limit
                    .steps
                    .get(j)
                    .map(|d| d.expr.clone())
                    .unwrap_or_default(),
                path: s.path.clone(),
                reads,
                shown: pr
                    .steps
                    .get(j)
                    .and_then(shown)
                    .map(|v| crate::ui::display::step_value(&v, s.kind, locale)),
                value: pr.steps.get(j).and_then(shown),
                status: None,
                tables,
            }
        })
        .collect();
    Some(ProductTrace {
        id: product.id.to_string(),
        name: product.name.get(locale).to_string(),
        status: pr.status,
        status_label: label_of(&serde_plain(pr.status), locale),
        amount: pr.amount.map(crate::money::fmt),
        amount_shown: pr.amount.map(|a| crate::text::money(a, locale)),
        binding: engine::binding(product, pr),
        checks,
        steps,
    })
}

/// A scheme's checks and measures, evaluated on the run's facts (a scheme reads the profile's
/// facts and the earlier schemes' results, all of which the run holds).
fn scheme_trace(
    scheme: &crate::policy::scheme::Scheme,
    def: Option<&crate::policy::model::SchemeDef>,
    result: Option<&crate::report::SchemeOut>,
    scope: &EvalScope,
    locale: Locale,
) -> SchemeTrace {
    // A check's outcome is the scheme's own (its pass rule reads the scheme's score, which only
    // the scheme's evaluation has); the trace adds the expression and the facts it reads.
    let outcome = |id: &str| {
        result
            .and_then(|r| r.checks.as_ref())
            .and_then(|cs| cs.iter().find(|c| &*c.id == id))
    };
    let def_of = |id: &str| {
        def.and_then(|d| {
            d.checks
                .iter()
                .chain(&d.routes)
                .chain(&d.pass)
                .find(|c| c.id == id)
        })
    };
    let checks = scheme
        .held
        .iter()
        .chain(&scheme.checks)
        .chain(&scheme.pass)
        .chain(&scheme.routes)
        .map(|c| {
            let mut line = check_line(c, def_of(&c.id), scope, locale);
            if line.expr.is_empty() && &*c.id == "held" {
                line.expr = def.and_then(|d| d.held.clone()).unwrap_or_default();
            }
            if let Some(o) = outcome(&c.id) {
                line.status = Some(o.status);
                line.value = o.actual.clone();
                line.shown = readable(line.value.as_deref(), c.kind, locale);
            }
            line
        })
        .collect();
    let measures = scheme
        .indicators
        .iter()
        .flat_map(|i| {
            i.measures
                .iter()
                .chain(&i.rating)
                .enumerate()
                .map(move |(n, m)| (i, n, m))
        })
        .map(|(i, n, m)| {
            let mut reads = Vec::new();
            let mut tables = Vec::new();
            walk(&m.expr, scope, &m.path, &mut reads, &mut tables);
            let value = m.expr.eval(scope, &m.path).ok();
            Line {
                id: format!("{}.{}", i.id, n + 1),
                label: i.label.get(locale).to_string(),
                expr: m.text.to_string(),
                path: m.path.clone(),
                reads,
                shown: readable(value.as_ref().and_then(shown).as_deref(), m.kind, locale),
                value: value.as_ref().and_then(shown),
                status: None,
                tables,
            }
        })
        .collect();
    SchemeTrace {
        id: scheme.id.to_string(),
        title: scheme.title.get(locale).to_string(),
        status_label: result.map_or_else(String::new, |r| label_of(&r.status_name, locale)),
        checks,
        measures,
    }
}

/// Reads the profile, evaluates it under the policy and traces every check and step.
pub fn explain(input: &Json, policy: &Policy, locale: Locale) -> Result<Trace, Error> {
    let profile = Profile::read(input)?;
    let run = engine::run(&profile, policy, locale, true)?;
    let scope = EvalScope::new(policy, &run.facts);
    let knockouts = policy
        .knockouts
        .iter()
        .enumerate()
        .map(|(k, c)| check_line(c, policy.doc.knockouts.get(k), &scope, locale))
        .collect();
    let schemes = policy
        .schemes
        .iter()
        .map(|sc| {
            let def = policy.doc.schemes.iter().find(|d| *d.id == *sc.id);
            scheme_trace(
                sc,
                def,
                run.schemes.iter().find(|r| r.id == sc.id),
                &scope,
                locale,
            )
        })
        .collect();
    let all: Vec<Vec<Known>> = run.products.iter().map(|p| p.steps.clone()).collect();
    let products = (0..policy.products.len())
        .filter_map(|i| product_trace(policy, &run, &all, i, locale))
        .collect();
    let mut trace = Trace {
        assessments: Assessments(run.schemes.clone()),
        schemes,
        knockouts,
        products,
    };
    readable_reads(&mut trace.knockouts, &[], ValueKind::Number, locale);
    for s in &mut trace.schemes {
        readable_reads(&mut s.checks, &[], ValueKind::Points, locale);
        readable_reads(&mut s.measures, &[], ValueKind::Points, locale);
    }
    for (p, product) in trace.products.iter_mut().zip(&policy.products) {
        readable_reads(&mut p.checks, &product.steps, ValueKind::Number, locale);
        readable_reads(&mut p.steps, &product.steps, ValueKind::Number, locale);
    }
    Ok(trace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worked_example_traces_every_step_with_its_value_and_the_tier_cap_binds() {
        let policy = Policy::builtin().unwrap();
        let profile = policy.doc.tests.first().unwrap().profile.clone();
        let trace = explain(&Json::from_value(&profile), &policy, Locale::En).unwrap();
        let a = trace.products.first().unwrap();
        assert_eq!(a.binding.as_deref(), Some("tierCap"));
        let step = |id: &str| a.steps.iter().find(|s| s.id == id).unwrap();
        assert_eq!(step("gross").value.as_deref(), Some("17290000"));
        assert_eq!(step("line").value.as_deref(), Some("8000000"));
        let tier = step("tierCap");
        assert_eq!(tier.expr, "max(band('tierCap', revenue), talentAddOn)");
        assert_eq!(tier.tables.first().unwrap().row, Some(1));
        assert!(tier
            .reads
            .iter()
            .any(|r| r.name == "revenue" && r.value.as_deref() == Some("30000000")));
        // Every scheme is traced: its checks with their values, its measures with theirs.
        let sme = trace.schemes.iter().find(|s| s.id == "techSme").unwrap();
        let unknown: Vec<&str> = sme
            .checks
            .iter()
            .filter(|c| c.status.is_none())
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(unknown, Vec::<&str>::new());
        let staff = sme.measures.iter().find(|m| m.id == "techStaff.1").unwrap();
        assert_eq!(staff.value.as_deref(), Some("0.25"));
        assert!(staff
            .reads
            .iter()
            .any(|r| r.name == "techStaffRatio" && r.value.as_deref() == Some("0.25")));
        assert_eq!(trace.schemes.len(), policy.schemes.len());
        let k7 = trace.knockouts.iter().find(|k| k.id == "K7").unwrap();
        assert_eq!(k7.status, Some(CheckStatus::Pass));
        assert_eq!(k7.expr, "dar <= 85%");
    }
}
