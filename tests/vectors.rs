//! Every golden vector (tests/vectors/*.json), evaluated natively. The Node and browser tests read
//! the same files (tests/support/vectors.cjs).

use credit_check::engine::{self, Options};
use credit_check::json::Json;
use credit_check::subset::differences;
use serde_json::{json, Value};

#[path = "support/vectors.rs"]
mod support;
use support::cases;

/// Runs one case; the differences from what it expects.
pub fn run_case(c: &Value) -> Vec<String> {
    let mut options = json!({ "locale": "en" });
    if let Some(o) = c.get("options").and_then(Value::as_object) {
        for (k, v) in o {
            options[k] = v.clone();
        }
    }
    let policy = credit_check::builtin().unwrap();
    let result = Options::read(&Json::from_value(&options))
        // As a caller's text would come: straight into the fields when plainly valid, else
        // through the JSON reader, whose limits apply.
        .and_then(|o| {
            let text = serde_json::to_string(&c["profile"]).unwrap();
            engine::evaluate_text(&text, policy, &o)
        });
    let mut d = Vec::new();
    match (result, c.get("error")) {
        (Ok(report), None) => {
            let actual = serde_json::to_value(&report).unwrap();
            differences(c.get("expect").unwrap_or(&json!({})), &actual, "", &mut d);
        }
        (Ok(_), Some(e)) => d.push(format!("expected error {e}, got a report")),
        (Err(err), Some(e)) => {
            let first = err.first();
            let actual = json!({ "code": first.code.as_str(), "path": first.path });
            differences(e, &actual, "", &mut d);
        }
        (Err(err), None) => d.push(format!("unexpected error: {err}")),
    }
    d
}

/// The lean text reader reads exactly what the tree reader reads (every vector's profile, in
/// compact and in pretty text), and leaves to it every profile with a problem.
#[test]
fn the_text_reader_agrees_with_the_tree_reader_on_every_vector() {
    use credit_check::profile::{text, Profile};
    let mut fast = 0;
    let all = cases();
    for (file, c) in &all {
        for t in [
            serde_json::to_string(&c["profile"]).unwrap(),
            serde_json::to_string_pretty(&c["profile"]).unwrap(),
        ] {
            let tree = Json::parse(&t).ok().map(|j| Profile::read(&j));
            match (text::read(&t), tree) {
                (Some(p), Some(Ok(q))) => {
                    assert_eq!(p, q, "{file}: {}", c["name"]);
                    fast += 1;
                }
                (Some(_), _) => panic!(
                    "{file}: {}: read a profile the tree reader refuses",
                    c["name"]
                ),
                (None, _) => {}
            }
        }
    }
    // Most vectors are plainly valid and take the lean way.
    assert!(fast > all.len(), "{fast} of {}", all.len() * 2);
}

#[test]
fn golden_vectors() {
    let all = cases();
    assert!(!all.is_empty());
    let mut failures = Vec::new();
    for (file, c) in &all {
        let d = run_case(c);
        if !d.is_empty() {
            failures.push(format!("{file}: {}: {}", c["name"], d.join("; ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} vectors failed:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
    println!("{} golden vectors passed", all.len());
}
