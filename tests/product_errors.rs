//! One product's step error is that product's `error` status, with its code and step; the rest of
//! the report stands (issue #14: it used to throw the whole report away).

use credit_check::engine::{self, Detail, Options};
use credit_check::json::Json;
use credit_check::Policy;
use serde_json::Value;

fn builtin_doc() -> Value {
    serde_json::from_str(credit_check::policy::BUILTIN_JSON).unwrap()
}

/// The built-in policy with the second product's first step dividing by a quantity that is zero
/// on the embedded test's profile (validation cannot know it: it is not a constant).
fn policy_dividing_by_zero() -> (Policy, Value) {
    let mut doc = builtin_doc();
    let profile = doc["tests"][0]["profile"].clone();
    doc["tests"] = Value::Array(Vec::new());
    doc["products"][1]["limit"]["steps"][0]["expr"] = Value::from("revenue / (revenue - revenue)");
    (Policy::from_value(&doc).unwrap(), profile)
}

#[test]
fn a_failing_step_is_its_products_error_and_the_others_stand() {
    let (policy, profile) = policy_dividing_by_zero();
    let baseline = engine::evaluate(
        &Json::from_value(&profile),
        credit_check::builtin().unwrap(),
        &Options::default(),
    )
    .unwrap();
    for detail in [Detail::Full, Detail::Summary] {
        let opts = Options {
            detail,
            ..Options::default()
        };
        let report = engine::evaluate(&Json::from_value(&profile), &policy, &opts).unwrap();
        let broken = &report.products[1];
        assert_eq!(broken.status.as_str(), "error");
        assert!(broken.limit.is_none());
        let e = broken.error.as_ref().unwrap();
        assert_eq!(e.code.as_str(), "divisionByZero");
        let step = builtin_doc()["products"][1]["limit"]["steps"][0]["id"].clone();
        assert_eq!(e.step.as_deref(), step.as_str());
        assert_eq!(e.path, "products[1].limit.steps[0].expr");
        assert!(!e.message.is_empty());
        // Every other product is as the built-in policy reports it.
        for i in [0, 2, 3] {
            let b = &baseline.products[i];
            assert_eq!(report.products[i].status, b.status, "product {i}");
            assert_eq!(
                report.products[i].limit.as_ref().map(|l| &l.amount),
                b.limit.as_ref().map(|l| &l.amount)
            );
        }
    }
    let json = credit_check::to_json(
        &engine::evaluate(&Json::from_value(&profile), &policy, &Options::default()).unwrap(),
    );
    assert!(json.contains(r#""status":"error""#), "{json}");
}

#[test]
fn a_product_without_an_error_has_no_error_key() {
    let doc = builtin_doc();
    let report = engine::evaluate(
        &Json::from_value(&doc["tests"][0]["profile"]),
        credit_check::builtin().unwrap(),
        &Options::default(),
    )
    .unwrap();
    assert!(!credit_check::to_json(&report).contains(r#""error""#));
}
