//! The catalogue of invalid policies (tests/vectors/policies/invalid.json): each patch on the
//! built-in policy gives exactly the listed errors (code and path), all at once. Node runs the
//! same file through `validatePolicy`.

use credit_check::validate::validate;
use credit_check::Locale;
use serde_json::Value;
use std::path::Path;

/// A JSON pointer where a segment that is not an index names an array's element by its `id`
/// (`/schemes/techSme/checks/0`), as the engine's paths name schemes.
fn pointer_mut<'v>(doc: &'v mut Value, pointer: &str) -> Option<&'v mut Value> {
    let mut at = doc;
    for key in pointer.split('/').skip(1) {
        at = match at {
            Value::Object(m) => m.get_mut(key)?,
            Value::Array(a) => match key.parse::<usize>() {
                Ok(i) => a.get_mut(i)?,
                Err(_) => a.iter_mut().find(|x| x["id"] == key)?,
            },
            _ => return None,
        };
    }
    Some(at)
}

/// Applies `{op: "set"|"remove", path: "/json/pointer", value}` operations.
fn patch(doc: &mut Value, ops: &[Value]) {
    for op in ops {
        let path = op["path"].as_str().unwrap();
        let (parent, key) = path.rsplit_once('/').unwrap();
        let target = pointer_mut(doc, parent).unwrap_or_else(|| panic!("no {parent}"));
        match (op["op"].as_str().unwrap(), target) {
            ("set", Value::Object(m)) => {
                m.insert(key.to_string(), op["value"].clone());
            }
            ("set", Value::Array(a)) => a[key.parse::<usize>().unwrap()] = op["value"].clone(),
            ("remove", Value::Object(m)) => {
                m.remove(key).unwrap();
            }
            ("remove", Value::Array(a)) => {
                a.remove(key.parse::<usize>().unwrap());
            }
            (o, _) => panic!("bad op {o} at {path}"),
        }
    }
}

fn builtin() -> Value {
    serde_json::from_str(credit_check::policy::BUILTIN_JSON).unwrap()
}

#[test]
fn every_invalid_policy_gives_its_errors() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/policies/invalid.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    let mut failures = Vec::new();
    for c in cases {
        let mut policy = builtin();
        patch(&mut policy, c["patch"].as_array().unwrap());
        let v = validate(&policy, Locale::En);
        let mut got: Vec<(String, String)> = v
            .errors
            .iter()
            .map(|e| (e.code.as_str().to_string(), e.path.clone()))
            .collect();
        let mut want: Vec<(String, String)> = c["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["code"].as_str().unwrap().into(),
                    e["path"].as_str().unwrap().into(),
                )
            })
            .collect();
        got.sort();
        want.sort();
        if v.ok != want.is_empty() || got != want {
            failures.push(format!("{}: want {want:?}, got {got:?}", c["name"]));
        }
        let pairs = |list: &[(String, String)]| {
            let mut l = list.to_vec();
            l.sort();
            l
        };
        let got_w: Vec<(String, String)> = v
            .warnings
            .iter()
            .map(|e| (e.code.as_str().to_string(), e.path.clone()))
            .collect();
        let want_w: Vec<(String, String)> = c["warnings"]
            .as_array()
            .map(|w| {
                w.iter()
                    .map(|e| {
                        (
                            e["code"].as_str().unwrap().into(),
                            e["path"].as_str().unwrap().into(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        if c.get("warnings").is_some() && pairs(&got_w) != pairs(&want_w) {
            failures.push(format!(
                "{}: want warnings {want_w:?}, got {got_w:?}",
                c["name"]
            ));
        }
        // What validation proves (issue #14) comes with a hint on how to fix it.
        let proved = ["noEntry", "noBand", "mayDivideByZero", "policyTooCostly"];
        for e in v.errors.iter().chain(&v.warnings) {
            if e.message.is_empty() || (proved.contains(&e.code.as_str()) && e.hint.is_none()) {
                failures.push(format!(
                    "{}: {} without a message or hint",
                    c["name"], e.path
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    println!(
        "{} invalid policies rejected with their codes and paths",
        cases.len()
    );
}

#[test]
fn too_many_products_is_refused() {
    let mut policy = builtin();
    let one = policy["products"][3].clone();
    let many: Vec<Value> = (0..70)
        .map(|i| {
            let mut p = one.clone();
            p["id"] = Value::from(format!("p{i}"));
            p
        })
        .collect();
    policy["products"] = Value::from(many);
    policy["tests"] = Value::from(Vec::<Value>::new());
    let v = validate(&policy, Locale::En);
    assert!(!v.ok);
    assert!(v
        .errors
        .iter()
        .any(|e| e.path == "products" && e.message.contains("64")));
}

#[test]
fn division_by_zero_is_a_typed_error_at_evaluation_in_its_product() {
    let mut policy = builtin();
    policy["products"][0]["limit"]["steps"][0]["expr"] =
        Value::from("revenue / (taxPaid - taxPaid)");
    policy["tests"] = Value::from(Vec::<Value>::new());
    let compiled = credit_check::Policy::from_value(&policy).unwrap();
    let profile = serde_json::json!({"financials": [{"revenue": "1000万", "taxPaid": "10万"}]});
    let report = credit_check::engine::evaluate(
        &credit_check::json::Json::from_value(&profile),
        &compiled,
        &credit_check::Options::default(),
    )
    .unwrap();
    // The product's error, not the report's: the other products are still reported.
    let err = report.products[0].error.as_ref().unwrap();
    assert_eq!(err.code, credit_check::Code::DivisionByZero);
    assert_eq!(err.path, "products[0].limit.steps[0].expr");
    assert_eq!(err.step.as_deref(), Some("revenueBase"));
    assert!(report.products[1..].iter().all(|p| p.error.is_none()));
}

#[test]
fn a_bank_policy_with_other_numbers_changes_the_line_without_a_rebuild() {
    let mut policy = builtin();
    // A bank that lends 20% of revenue and caps the 1000万–5000万 tier at 1200万.
    policy["products"][0]["limit"]["steps"][0]["expr"] = Value::from("revenue * 20%");
    policy["tables"]["tierCap"]["rows"][1]["value"] = Value::from("1200万");
    policy["tests"] = Value::from(Vec::<Value>::new());
    let compiled = credit_check::Policy::from_value(&policy).unwrap();
    let worked = &builtin()["tests"][0]["profile"];
    let report = credit_check::engine::evaluate(
        &credit_check::json::Json::from_value(worked),
        &compiled,
        &credit_check::Options::default(),
    )
    .unwrap();
    let a = &report.products[0];
    assert_eq!(a.limit.as_ref().unwrap().amount, "10000000"); // 1200万 − 200万
}

#[test]
fn problems_carry_a_hint_and_a_likely_name() {
    let mut policy = builtin();
    policy["knockouts"][0]["pass"] = Value::from("not credit.dishonestDebter");
    policy["products"][0]["limit"]["steps"][8]["expr"] = Value::from("band('darHaircuts', dar)");
    let v = validate(&policy, Locale::En);
    let fact = v
        .errors
        .iter()
        .find(|e| e.path == "knockouts[0].pass")
        .unwrap();
    assert!(
        fact.hint
            .as_deref()
            .unwrap()
            .starts_with("Did you mean \"credit.dishonestDebtor\"?"),
        "{fact:?}"
    );
    let table = v
        .errors
        .iter()
        .find(|e| e.path == "products[0].limit.steps[8].expr")
        .unwrap();
    assert!(
        table.hint.as_deref().unwrap().contains("\"darHaircut\""),
        "{table:?}"
    );
    let zh = validate(&policy, Locale::ZhCn);
    assert!(zh.errors[0].hint.as_deref().unwrap().contains("是否想写"));
}

/// Format 1 (schemes as an object, the example bank's document before #13, kept as a fixture) is
/// refused with one error at `schemes` that says how to migrate; its format-2 rewrite is valid.
#[test]
fn a_format_1_document_is_refused_with_how_to_migrate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let old: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("tests/fixtures/example-bank-format1.json")).unwrap(),
    )
    .unwrap();
    let err = credit_check::Policy::from_value(&old).unwrap_err();
    let first = &err.issues[0];
    assert_eq!(first.path, "schemes");
    assert!(err.to_string().contains("format 1"), "{err}");
    let new: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("www/policies/example-bank.json")).unwrap(),
    )
    .unwrap();
    assert!(validate(&new, Locale::En).ok);
}
