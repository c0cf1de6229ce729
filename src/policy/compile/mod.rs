//! Compiling a policy document: every expression parsed and type-checked, every table, text,
//! id and reference validated, and every problem reported at once with its path and a hint.

mod checker;
mod scheme;

use super::expr;
use super::model::PolicyDoc;
use super::names::nearest;
use super::{
    assumed_value, DerivedFact, Policy, Product, Step, MAX_PRODUCTS, MAX_STEPS, MAX_TABLE_ROWS,
    MAX_TESTS,
};
use crate::error::{join, Code, Error, Issue};
use crate::facts::{self, Fact, Ty};
use crate::profile::Profile;
use checker::{placeholder, unique, Compiler, NameScope};
use std::collections::{BTreeMap, BTreeSet};

/// FNV-1a over the document's JSON text: identifies the exact policy a report used.
pub(super) fn digest(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv1a64:{h:016x}")
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    if b.len() != 10
        || b.get(4) != Some(&b'-')
        || b.get(7) != Some(&b'-')
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return false;
    }
    let year: u32 = s.get(0..4).and_then(|y| y.parse().ok()).unwrap_or(0);
    let month: u32 = s.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(0);
    let day: u32 = s.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(0);
    (1..=days_in_month(year, month)).contains(&day)
}

/// The days of a month in the Gregorian calendar (0 for a month that does not exist), so that
/// `2026-02-31` is not a date.
fn days_in_month(year: u32, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    }
}

impl Policy {
    /// Parses and checks every expression, table, text and reference; all problems at once.
    /// `digest` names the document's exact text (see `digest`).
    pub fn compile(doc: PolicyDoc, digest: String) -> Result<Policy, Error> {
        let types = facts::derive(&Profile::default());
        let mut c = Compiler {
            issues: Vec::new(),
            poisoned: BTreeSet::new(),
            types,
            tables: &doc.tables,
            steps: BTreeMap::new(),
            kinds: BTreeMap::new(),
            local_kinds: BTreeMap::new(),
            step_kinds: BTreeMap::new(),
        };
        let none = BTreeMap::new();

        if doc.id.trim().is_empty() {
            c.issues
                .push(Issue::new(Code::PolicyShape, "id").with("the id is empty"));
        }
        if !is_date(&doc.effective) {
            c.issues
                .push(Issue::new(Code::InvalidDate, "effective").with(&doc.effective));
        }
        c.text(&doc.issuer, "issuer");
        c.text(&doc.disclaimer, "disclaimer");
        if doc.products.len() > MAX_PRODUCTS {
            c.issues.push(
                Issue::new(Code::PolicyTooLarge, "products")
                    .with(format!("more than {MAX_PRODUCTS} products")),
            );
        }
        if doc.tests.len() > MAX_TESTS {
            c.issues.push(
                Issue::new(Code::PolicyTooLarge, "tests")
                    .with(format!("more than {MAX_TESTS} tests")),
            );
        }
        for (name, t) in &doc.tables {
            let p = join("tables", name);
            t.validate(&p, &mut c.issues);
            {
                if t.rows.len() > MAX_TABLE_ROWS {
                    c.issues.push(
                        Issue::new(Code::PolicyTooLarge, &p)
                            .with(format!("more than {MAX_TABLE_ROWS} rows")),
                    );
                }
            }
        }
        for (i, a) in doc.assumptions.iter().enumerate() {
            let p = format!("assumptions[{i}]");
            c.text(&a.message, &join(&p, "message"));
            match c.types.get(&a.fact) {
                None => c
                    .issues
                    .push(Issue::new(Code::UnknownFact, join(&p, "fact")).with(&a.fact)),
                Some(f) => {
                    if assumed_value(&a.value, f.ty).is_none() {
                        c.issues.push(
                            Issue::new(Code::TypeMismatch, join(&p, "value"))
                                .with(f.ty.name())
                                .with("other"),
                        );
                    }
                }
            }
        }

        for (path, note) in &doc.inputs {
            let p = join("inputs", path);
            if crate::inputs::of_path(path).is_none() {
                c.issues.push(Issue::new(Code::UnknownField, &p).with(path));
            }
            c.text(note, &p);
        }

        // The schemes, in order: each adds its facts for what follows.
        let schemes = c.schemes(&doc.schemes);

        // Derived facts, in order; each may read the ones before it.
        let mut derived = Vec::new();
        let later_facts: Vec<&str> = doc.facts.iter().map(|f| f.id.as_str()).collect();
        for (i, f) in doc.facts.iter().enumerate() {
            let p = format!("facts[{i}]");
            c.text(&f.label, &join(&p, "label"));
            if c.types.get(&f.id).is_some() {
                c.issues
                    .push(Issue::new(Code::DuplicateId, join(&p, "id")).with(&f.id));
                continue;
            }
            let expr_path = join(&p, "expr");
            let parsed = expr::parse(&f.expr, &expr_path);
            let ty = match &parsed {
                Ok(e) => {
                    let scope = NameScope {
                        facts: &c.types,
                        tables: c.tables,
                        local: &none,
                        steps: &c.steps,
                    };
                    let mut found = Vec::new();
                    let ty = e.check(&scope, &expr_path, &mut found);
                    c.forgive(&mut found);
                    rename_self(
                        &mut found,
                        &f.id,
                        later_facts.get(i + 1..).unwrap_or_default(),
                    );
                    let ok = found.is_empty();
                    c.issues.extend(found);
                    ty.filter(|_| ok)
                }
                Err(issue) => {
                    c.issues.push(issue.clone());
                    None
                }
            };
            if let (Ok(e), Some(ty)) = (parsed, ty) {
                c.types.set(f.id.clone(), ty, placeholder(ty));
                let kind = c.kind_of(&f.expr, &e, false);
                c.kinds.insert(f.id.clone(), kind);
                derived.push(DerivedFact {
                    id: f.id.as_str().into(),
                    expr: e,
                    path: expr_path,
                });
            } else {
                c.poisoned.insert(f.id.clone());
            }
        }

        let knockouts = c.checks(&doc.knockouts, "knockouts", &none);

        let mut products = Vec::new();
        let mut product_ids = BTreeSet::new();
        for (i, pd) in doc.products.iter().enumerate() {
            let p = format!("products[{i}]");
            c.issues.extend(unique(&mut product_ids, &pd.id, &p));
            c.text(&pd.name, &join(&p, "name"));
            c.text(&pd.provenance, &join(&p, "provenance"));
            if let Some(n) = &pd.note {
                c.text(n, &join(&p, "note"));
            }
            if let Some(a) = &pd.apply {
                c.apply(a, &join(&p, "apply"));
            }
            if pd.limit.steps.len() > MAX_STEPS {
                c.issues.push(
                    Issue::new(Code::PolicyTooLarge, join(&p, "limit.steps"))
                        .with(format!("more than {MAX_STEPS} steps")),
                );
                continue;
            }
            let mut local: BTreeMap<String, Fact> = BTreeMap::new();
            let mut steps = Vec::new();
            let all_ids: Vec<&str> = pd.limit.steps.iter().map(|s| s.id.as_str()).collect();
            for (j, s) in pd.limit.steps.iter().enumerate() {
                let sp = format!("{p}.limit.steps[{j}]");
                c.text(&s.label, &join(&sp, "label"));
                if local.contains_key(&s.id) || c.types.get(&s.id).is_some() {
                    c.issues
                        .push(Issue::new(Code::DuplicateId, join(&sp, "id")).with(&s.id));
                }
                let expr_path = join(&sp, "expr");
                let before = c.issues.len();
                let parsed = c.expr(&s.expr, &expr_path, Ty::Num, &local);
                let later = all_ids.get(j + 1..).unwrap_or_default();
                if let Some(new) = c.issues.get_mut(before..) {
                    rename_self(new, &s.id, later);
                }
                let format = c.format(s.format.as_deref(), &sp);
                if let Some(e) = parsed {
                    let kind = format.unwrap_or_else(|| c.kind_of(&s.expr, &e, false));
                    c.local_kinds.insert(s.id.clone(), kind);
                    steps.push(Step {
                        id: s.id.clone(),
                        label: s.label.clone(),
                        expr: e,
                        kind,
                        path: expr_path,
                    });
                }
                local.insert(
                    s.id.clone(),
                    Fact {
                        ty: Ty::Num,
                        value: placeholder(Ty::Num),
                    },
                );
            }
            if !local.contains_key(&pd.limit.amount) {
                c.issues.push(
                    Issue::new(Code::UnknownFact, join(&p, "limit.amount")).with(&pd.limit.amount),
                );
            }
            let eligibility = c.checks(&pd.eligibility, &join(&p, "eligibility"), &local);
            for s in &pd.limit.steps {
                c.steps
                    .insert((pd.id.clone(), s.id.clone()), placeholder(Ty::Num));
            }
            for (id, kind) in std::mem::take(&mut c.local_kinds) {
                c.step_kinds.insert((pd.id.clone(), id), kind);
            }
            products.push(Product {
                id: pd.id.as_str().into(),
                name: pd.name.clone(),
                provenance: pd.provenance.clone(),
                note: pd.note.clone(),
                apply: pd.apply.clone(),
                eligibility,
                amount_at: pd
                    .limit
                    .steps
                    .iter()
                    .position(|s| s.id == pd.limit.amount)
                    .unwrap_or(usize::MAX),
                steps,
                amount: pd.limit.amount.clone(),
                reads: super::resolve::Reads::default(),
            });
        }

        // Suggest the nearest known name for every unknown one.
        let mut names: Vec<String> = c.types.iter().map(|(k, _)| k.to_string()).collect();
        names.extend(
            doc.products
                .iter()
                .flat_map(|p| p.limit.steps.iter().map(|s| s.id.clone())),
        );
        let tables: Vec<String> = doc.tables.keys().cloned().collect();
        let Compiler {
            mut issues, types, ..
        } = c;
        for issue in &mut issues {
            let pool = match issue.code {
                Code::UnknownFact => &names,
                Code::UnknownTable => &tables,
                _ => continue,
            };
            if let Some(wrong) = issue.args.first() {
                issue.suggestion = nearest(wrong, pool);
            }
        }
        Error::from_issues(issues)?;
        let assumed = doc
            .assumptions
            .iter()
            .map(|a| {
                let at = types.index_of(&a.fact)?;
                Some((at, assumed_value(&a.value, types.at(at)?.ty)?))
            })
            .collect();
        let mut policy = Policy {
            digest: digest.into(),
            schemes,
            facts: derived,
            knockouts,
            products,
            tables: doc.tables.values().cloned().collect(),
            assumed,
            fact_count: types.len(),
            doc,
            warnings: Vec::new(),
            cost: super::cost::Cost::default(),
            depends: std::sync::OnceLock::new(),
        };
        super::resolve::all(&mut policy, &types);
        // What only a well-typed policy can be asked: do the tables cover their inputs?
        Error::from_issues(super::prove::tables(&policy))?;
        policy.cost = super::cost::of(&policy);
        Error::from_issues(super::cost::check(&policy.cost))?;
        policy.warnings = super::prove::warnings(&policy);
        Ok(policy)
    }
}

/// An unknown name that is the step itself, or a later step, is a reference problem, not a typo.
fn rename_self(issues: &mut [Issue], own: &str, later: &[&str]) {
    for issue in issues.iter_mut() {
        if issue.code != Code::UnknownFact {
            continue;
        }
        let name = issue.args.first().cloned().unwrap_or_default();
        if name == own {
            issue.code = Code::SelfReference;
        } else if later.contains(&name.as_str()) {
            issue.code = Code::ForwardReference;
            issue.args = vec![own.to_string(), name];
        }
    }
}
