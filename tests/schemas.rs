//! The committed JSON Schemas (schemas/) are the ones the Rust types generate.
//! `UPDATE_SCHEMAS=1 cargo test --test schemas` (or `make schemas`) rewrites them.

use credit_check::schema::{api_schema, policy_schema, profile_schema};
use std::path::Path;

fn check(file: &str, generated: serde_json::Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schemas")
        .join(file);
    let text = serde_json::to_string_pretty(&generated).unwrap() + "\n";
    if std::env::var_os("UPDATE_SCHEMAS").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap();
    assert_eq!(committed, text, "{file} is stale: run `make schemas`");
}

#[test]
fn profile_schema_is_current() {
    let s = profile_schema();
    assert_eq!(s["additionalProperties"], false);
    assert!(s["properties"]["financials"].is_object());
    check("profile.schema.json", s);
}

#[test]
fn policy_schema_is_current() {
    let s = policy_schema();
    assert!(s["properties"]["products"].is_object());
    check("policy.schema.json", s);
}

#[test]
fn api_schema_is_current() {
    let s = api_schema();
    assert!(s["$defs"]["Report"].is_object());
    check("api.schema.json", s);
}
