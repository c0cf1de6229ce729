//! The compiler's cost bounds (issue #14): the built-in policy is well within every budget, and
//! a policy above one is refused with `policyTooCostly` at its most expensive part.

use credit_check::policy::cost::{self, MAX_REPORT_BYTES, MAX_REPORT_WORK, MAX_TESTS_WORK};
use credit_check::validate::validate;
use credit_check::Locale;
use serde_json::Value;

fn builtin() -> Value {
    serde_json::from_str(credit_check::policy::BUILTIN_JSON).unwrap()
}

#[test]
fn the_builtin_policy_is_well_within_the_budgets() {
    let c = &credit_check::builtin().unwrap().cost;
    println!(
        "built-in policy: {} nodes an evaluation, {} a full report, {} its tests, {} bytes a report; largest {:?}",
        c.evaluation, c.report, c.tests, c.report_bytes, c.parts.first()
    );
    assert!(c.report * 4 < MAX_REPORT_WORK);
    assert!(c.tests * 4 < MAX_TESTS_WORK);
    assert!(c.report_bytes * 4 < MAX_REPORT_BYTES);
    assert_eq!(c, &cost::of(credit_check::builtin().unwrap()));
}

fn refusal(doc: &Value) -> Vec<(String, String, String)> {
    let v = validate(doc, Locale::En);
    v.errors
        .iter()
        .map(|e| {
            (
                e.code.as_str().to_string(),
                e.path.clone(),
                e.message.clone(),
            )
        })
        .collect()
}

#[test]
fn a_policy_above_the_work_budget_is_refused_at_its_costliest_part() {
    let errors = refusal(&credit_check::sample::costly_policy(40));
    assert_eq!(errors.len(), 1, "{errors:?}");
    let (code, path, message) = &errors[0];
    assert_eq!(code, "policyTooCostly");
    assert_eq!(path, "facts");
    assert!(
        message.contains("budget 20000000") && message.contains('%'),
        "{message}"
    );
    assert!(credit_check::Policy::from_value(&credit_check::sample::costly_policy(8)).is_ok());
}

#[test]
fn embedded_tests_above_their_budget_are_refused_at_tests() {
    let mut doc = credit_check::sample::costly_policy(8);
    let test = builtin()["tests"][0].clone();
    doc["tests"] = Value::Array(vec![test; 40]);
    let errors = refusal(&doc);
    assert!(
        errors
            .iter()
            .any(|(c, p, _)| c == "policyTooCostly" && p == "tests"),
        "{errors:?}"
    );
}

#[test]
fn a_report_above_the_size_budget_is_refused_naming_the_knockouts() {
    // The amplification: long knock-out labels repeated in every product's checks.
    let mut doc = builtin();
    let label = serde_json::json!({ "zh-CN": "长", "en": "x".repeat(18000) });
    let kos: Vec<Value> = (0..40)
        .map(|i| serde_json::json!({ "id": format!("L{i}"), "label": label, "pass": "revenue >= 0" }))
        .collect();
    doc["knockouts"] = Value::Array(kos);
    let one = doc["products"][3].clone();
    let products: Vec<Value> = (0..16)
        .map(|i| {
            let mut p = one.clone();
            p["id"] = Value::from(format!("p{i}"));
            p
        })
        .collect();
    doc["products"] = Value::Array(products);
    doc["tests"] = Value::Array(Vec::new());
    let errors = refusal(&doc);
    assert!(
        errors
            .iter()
            .any(|(c, p, m)| c == "policyTooCostly" && p == "knockouts" && m.contains("bytes")),
        "{errors:?}"
    );
}
