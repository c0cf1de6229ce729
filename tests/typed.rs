//! The typed code of every expression (`policy::expr::typed`, what evaluation runs) gives what its
//! tree gives: the same value written the same way (a decimal's places too), the same missing
//! inputs, the same error. On every check, measure, self-rating, pass rule, policy fact and step
//! of the three shipped policies, over the facts of every vector's profile and of 1,000 seeded
//! ones.

use credit_check::engine;
use credit_check::facts::{Facts, Known, Missing, Val};
use credit_check::json::Json;
use credit_check::policy::check::Check;
use credit_check::policy::expr::{Code, Expr};
use credit_check::policy::{EvalScope, Policy};
use credit_check::profile::Profile;
use credit_check::Locale;
use rust_decimal::Decimal;
use serde_json::Value;

#[path = "support/vectors.rs"]
mod support;

fn policies() -> Vec<(String, Policy)> {
    let mut out = vec![(
        "built-in".to_string(),
        credit_check::builtin().unwrap().clone(),
    )];
    for name in ["example-bank.json", "ladder-2022.json"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("www/policies")
            .join(name);
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        out.push((name.to_string(), Policy::from_value(&doc).unwrap()));
    }
    out
}

fn profiles() -> Vec<Profile> {
    let mut values: Vec<Value> = support::cases()
        .into_iter()
        .map(|(_, c)| c["profile"].clone())
        .collect();
    let mut rng = credit_check::sample::Rng::new(7);
    values.extend((0..1000).map(|_| credit_check::sample::profile(&mut rng)));
    values
        .iter()
        .filter_map(|v| Profile::read(&Json::from_value(v)).ok())
        .collect()
}

/// Both evaluations, written out with every detail (`Debug` shows a decimal's places).
fn same(what: &str, code: &Code, tree: &Expr, scope: &EvalScope<'_>, path: &str) -> usize {
    let typed = format!("{:?}", code.eval(scope, path));
    let walked = format!("{:?}", tree.eval(scope, path));
    assert_eq!(typed, walked, "{what} ({path})");
    1
}

fn checks(policy: &Policy) -> Vec<&Check> {
    let mut all: Vec<&Check> = policy.knockouts.iter().collect();
    for s in &policy.schemes {
        all.extend(s.held.iter());
        all.extend(&s.checks);
        all.extend(s.prerequisites.iter().map(|(_, c)| c));
        all.extend(&s.routes);
    }
    for p in &policy.products {
        all.extend(&p.eligibility);
    }
    all
}

/// The pass rules' local values (points, group totals, the score): known, or missing.
fn locals(n: usize, seed: usize) -> Vec<Known> {
    (0..n)
        .map(|i| match (i + seed) % 5 {
            0 => Known::Missing(Missing::NONE),
            k => Known::Yes(Val::Num(
                Decimal::from((i * 7 + seed * 13) % 101) / Decimal::from(k),
            )),
        })
        .collect()
}

fn compare(policy: &Policy, profile: &Profile, seed: usize) -> usize {
    let Ok(run) = engine::run(profile, policy, Locale::En, true) else {
        return 0;
    };
    let facts: &Facts = &run.facts;
    let scope = EvalScope::new(policy, facts);
    let mut n = 0;
    for c in checks(policy) {
        n += same(&c.id, &c.code, &c.expr, &scope, &c.path);
    }
    for s in &policy.schemes {
        for i in &s.indicators {
            for m in i.measures.iter().chain(&i.rating) {
                n += same(&m.text, &m.code, &m.expr, &scope, &m.path);
            }
        }
        if let Some(pass) = &s.pass {
            for k in 0..3 {
                let local = locals(s.locals().len(), seed + k);
                let with = EvalScope {
                    local: &local,
                    ..EvalScope::new(policy, facts)
                };
                n += same(&pass.id, &pass.code, &pass.expr, &with, &pass.path);
            }
        }
    }
    for f in &policy.facts {
        n += same(&f.id, &f.code, &f.expr, &scope, &f.path);
    }
    let earlier: Vec<Vec<Known>> = run.products.iter().map(|p| p.steps.clone()).collect();
    for (i, p) in policy.products.iter().enumerate() {
        let mut local: Vec<Known> = Vec::new();
        for step in &p.steps {
            let with = EvalScope {
                local: &local,
                steps: earlier.get(..i).unwrap_or_default(),
                ..EvalScope::new(policy, facts)
            };
            n += same(&step.id, &step.code, &step.expr, &with, &step.path);
            let Ok(v) = step.expr.eval(&with, &step.path) else {
                break;
            };
            local.push(v);
        }
    }
    n
}

#[test]
fn typed_code_gives_what_the_tree_gives() {
    let profiles = profiles();
    assert!(profiles.len() > 1000);
    for (name, policy) in policies() {
        let compared: usize = profiles
            .iter()
            .enumerate()
            .map(|(i, p)| compare(&policy, p, i))
            .sum();
        assert!(compared > 50_000, "{name}: only {compared} compared");
    }
}

/// Every expression of the built-in policy is lowered to typed nodes at its top: none is left to
/// the tree where its type is known (a check's rule, a measure, a step).
#[test]
fn the_builtin_policy_runs_typed() {
    let policy = credit_check::builtin().unwrap();
    for c in checks(policy) {
        assert!(matches!(c.code, Code::Bool(_)), "{}", c.path);
    }
    for p in &policy.products {
        for s in &p.steps {
            assert!(matches!(s.code, Code::Num(_)), "{}", s.path);
        }
    }
}
