//! Hints are checked by applying them: set the field to the hinted value, evaluate again, and the
//! failing check must pass (or the line must become the promised amount).

use credit_check::engine::{self, Options};
use credit_check::json::Json;
use credit_check::report::{CheckStatus, HintKind, Report};
use serde_json::Value;
use std::path::Path;

fn eval(p: &Value) -> Option<Report> {
    let policy = credit_check::builtin().unwrap();
    let opts = Options {
        locale: credit_check::Locale::En,
        ..Options::default()
    };
    engine::evaluate(&Json::from_value(p), policy, &opts).ok()
}

/// Sets `financials[0].revenue`, `ip.classOne`, `techStaff` … in a profile.
fn set(profile: &mut Value, path: &str, value: &str) {
    let mut cur = profile;
    let parts: Vec<&str> = path.split('.').collect();
    for (i, part) in parts.iter().enumerate() {
        let (key, index) = match part.split_once('[') {
            Some((k, rest)) => (
                k,
                Some(rest.trim_end_matches(']').parse::<usize>().unwrap()),
            ),
            None => (*part, None),
        };
        let last = i == parts.len() - 1 && index.is_none();
        if last {
            cur[key] = Value::from(value);
            return;
        }
        if cur.get(key).is_none() {
            cur[key] = if index.is_some() {
                Value::from(vec![Value::Object(Default::default())])
            } else {
                Value::Object(Default::default())
            };
        }
        cur = &mut cur[key];
        if let Some(i) = index {
            cur = &mut cur[i];
        }
    }
}

fn profiles() -> Vec<Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            for c in doc["cases"].as_array().unwrap() {
                if c.get("error").is_none() && c.get("options").is_none() {
                    out.push(c["profile"].clone());
                }
            }
        }
    }
    out
}

#[test]
fn every_hint_holds_when_applied() {
    let mut checked = (0, 0);
    for p in profiles() {
        let Some(report) = eval(&p) else { continue };
        for product in &report.products {
            for hint in product.hints.as_deref().unwrap_or_default() {
                let mut q = p.clone();
                set(&mut q, &hint.field, &hint.to);
                let after = eval(&q).expect("the hinted profile is valid");
                let prod = after.products.iter().find(|x| x.id == product.id).unwrap();
                match hint.kind {
                    HintKind::Pass => {
                        let check = prod
                            .checks
                            .as_ref()
                            .unwrap()
                            .iter()
                            .find(|c| *c.id == *hint.target)
                            .unwrap();
                        assert_eq!(check.status, CheckStatus::Pass, "{hint:?} on {p}");
                        checked.0 += 1;
                    }
                    HintKind::Lift => {
                        let amount = prod.limit.as_ref().map(|l| l.amount.clone());
                        assert_eq!(amount, hint.new_amount, "{hint:?} on {p}");
                        checked.1 += 1;
                    }
                    HintKind::Title => panic!("title hints belong to schemes: {hint:?}"),
                }
            }
        }
    }
    assert!(
        checked.0 >= 10 && checked.1 >= 3,
        "too few hints exercised: {checked:?}"
    );
    println!(
        "{} pass hints and {} lift hints verified",
        checked.0, checked.1
    );
}

#[test]
fn the_worked_example_is_told_what_lifts_its_line() {
    let doc: Value = serde_json::from_str(credit_check::policy::BUILTIN_JSON).unwrap();
    let report = eval(&doc["tests"][0]["profile"]).unwrap();
    let a = &report.products[0];
    let hints = a.hints.as_ref().unwrap();
    // The tier cap binds at 1000万: revenue of 5000万 reaches the next tier.
    assert!(
        hints.iter().any(|h| h.kind == HintKind::Lift
            && h.field == "financials[0].revenue"
            && h.to == "50000000"),
        "{hints:#?}"
    );
    // Repaying the 200万 of unsecured loans lifts the line by as much.
    assert!(hints
        .iter()
        .any(|h| h.field == "debt.unsecured" && h.new_amount.as_deref() == Some("10000000")));
}

#[test]
fn a_failing_threshold_gets_the_smallest_round_change() {
    // Tax credit needs tax paid ≥ 3万: at 2.4万 the hint is the next whole 万 that passes, 3万.
    let doc: Value = serde_json::from_str(credit_check::policy::BUILTIN_JSON).unwrap();
    let mut p = doc["tests"][0]["profile"].clone();
    p["financials"][0]["taxPaid"] = Value::from("24000");
    let report = eval(&p).unwrap();
    let d = report
        .products
        .iter()
        .find(|x| &*x.id == "tax-credit")
        .unwrap();
    let hint = d
        .hints
        .as_ref()
        .unwrap()
        .iter()
        .find(|h| h.target == "taxPaid")
        .unwrap();
    assert_eq!(
        (hint.field.as_str(), hint.to.as_str()),
        ("financials[0].taxPaid", "30000")
    );
}

/// A hint search evaluates one check alone, with only what it reads: on every vector profile, that
/// gives every check of every product the status the full evaluation gives it.
#[test]
fn a_check_evaluated_alone_has_its_status_in_the_full_evaluation() {
    let policy = credit_check::builtin().unwrap();
    let mut rng = credit_check::sample::Rng::new(7);
    let seeded = (0..200).map(|_| credit_check::sample::profile(&mut rng));
    let mut compared = 0;
    for value in profiles().into_iter().chain(seeded) {
        let Ok(profile) = credit_check::profile::Profile::read(&Json::from_value(&value)) else {
            continue;
        };
        let run = engine::run(&profile, policy, credit_check::Locale::En, false).unwrap();
        for (p, pr) in run.products.iter().enumerate() {
            for (i, full) in pr.checks.iter().enumerate() {
                let (check, needs) = credit_check::hints::target(policy, p, i).unwrap();
                let (alone, _) = engine::probe(&profile, policy, check, needs).unwrap();
                assert_eq!(
                    alone, full.status,
                    "product {p}, check {i} ({}) on {value}",
                    check.id
                );
                compared += 1;
            }
        }
    }
    assert!(compared > 5_000, "{compared}");
}

/// The profiles the variant tests change: the vectors' and 200 seeded ones, read.
fn read_profiles() -> Vec<credit_check::profile::Profile> {
    let mut rng = credit_check::sample::Rng::new(11);
    let seeded = (0..200).map(|_| credit_check::sample::profile(&mut rng));
    profiles()
        .into_iter()
        .chain(seeded)
        .filter_map(|v| credit_check::profile::Profile::read(&Json::from_value(&v)).ok())
        .collect()
}

/// Each field a hint may change, and values a search may try for it.
fn variants(p: &credit_check::profile::Profile) -> Vec<(String, rust_decimal::Decimal)> {
    use rust_decimal::Decimal;
    let mut out = Vec::new();
    for input in credit_check::inputs::INPUTS
        .iter()
        .filter(|f| f.hint.is_some())
    {
        let path = input.path_in(0);
        let Some(cur) = p.num_at_path(&path) else {
            continue;
        };
        for v in [
            Decimal::ZERO,
            cur * Decimal::TWO,
            cur + Decimal::from(10_000),
            cur,
        ] {
            out.push((path.clone(), v));
        }
    }
    out
}

/// A hint's variant of a profile has its facts computed again only where the changed field is
/// read (`facts::derive_changed`): they are the facts of the changed profile, to the last digit.
#[test]
fn a_variant_computed_again_only_where_the_field_is_read_has_the_facts_of_the_changed_profile() {
    let mut compared = 0;
    for p in read_profiles() {
        let given = credit_check::facts::derive(&p);
        for (path, v) in variants(&p) {
            let readers = credit_check::facts::readers_of(&path).unwrap();
            let mut changed = p.clone();
            changed.set_num(&path, v);
            let fast = credit_check::facts::derive_changed(&given, &changed, &readers);
            let full = credit_check::facts::derive(&changed);
            assert_eq!(fast.len(), full.len());
            for i in 0..full.len() {
                let (a, b) = (fast.at(i).unwrap(), full.at(i).unwrap());
                assert!(
                    a.value.identical(&b.value) && a.ty == b.ty,
                    "{path} = {v}: {:?} {a:?} != {b:?}",
                    full.name_at(i)
                );
                assert_eq!(fast.name_at(i), full.name_at(i));
            }
            compared += 1;
        }
    }
    assert!(compared > 1_000, "{compared}");
}

/// A probe or a lift's evaluation takes from the report's own run what the variant leaves as it
/// was (schemes, steps): it gives what evaluating the changed profile from scratch gives.
#[test]
fn a_variant_evaluated_from_the_reports_run_is_evaluated_as_from_scratch() {
    let policy = credit_check::builtin().unwrap();
    let locale = credit_check::Locale::En;
    let mut compared = 0;
    for p in read_profiles().into_iter().step_by(3) {
        let Ok(run) = engine::run(&p, policy, locale, true) else {
            continue;
        };
        let given = credit_check::facts::derive(&p);
        for (path, v) in variants(&p) {
            let readers = credit_check::facts::readers_of(&path).unwrap();
            let mut changed = p.clone();
            changed.set_num(&path, v);
            let facts = || credit_check::facts::derive_changed(&given, &changed, &readers);
            let scratch = engine::run(&changed, policy, locale, false);
            let fast = engine::outcomes(facts(), policy, locale, None, &run);
            match (scratch, fast) {
                (Ok(s), Ok(f)) => {
                    let s: Vec<_> = s.products.iter().map(|x| (x.status, x.amount)).collect();
                    assert_eq!(s, f, "{path} = {v}");
                }
                (Err(_), Err(_)) => {}
                (s, f) => panic!("{path} = {v}: {:?} vs {:?}", s.is_ok(), f.is_ok()),
            }
            for (pi, pr) in run.products.iter().enumerate() {
                for i in 0..pr.checks.len() {
                    let (check, needs) = credit_check::hints::target(policy, pi, i).unwrap();
                    let alone = engine::probe(&changed, policy, check, needs);
                    let fast = engine::probe_variant(facts(), policy, check, needs, Some(&run));
                    assert_eq!(
                        alone.ok(),
                        fast.ok(),
                        "{path} = {v}, product {pi}, check {}",
                        check.id
                    );
                    compared += 1;
                }
            }
        }
    }
    assert!(compared > 10_000, "{compared}");
}
