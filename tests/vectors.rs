//! Every golden vector (tests/vectors/*.json), evaluated natively. The Node and browser tests read
//! the same files (tests/support/vectors.cjs).

use credit_check::engine::{self, Options};
use credit_check::json::Json;
use credit_check::subset::differences;
use serde_json::{json, Value};
use std::path::Path;

fn cases() -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        for c in doc["cases"].as_array().expect("cases") {
            out.push((name.clone(), c.clone()));
        }
    }
    out
}

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
        // Through the JSON reader, as a caller's text would come: its limits apply.
        .and_then(|o| {
            let text = serde_json::to_string(&c["profile"]).unwrap();
            let input = Json::parse(&text).map_err(|e| credit_check::json::read_error(&e, ""))?;
            engine::evaluate(&input, policy, &o)
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
