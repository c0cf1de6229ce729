//! The built-in policy compiles, and every test it carries passes.

use credit_check::validate::{run_tests, validate};
use credit_check::{Locale, Policy};

#[test]
fn builtin_policy_is_valid_and_its_tests_pass() {
    let policy = match Policy::builtin() {
        Ok(p) => p,
        Err(e) => panic!("builtin policy: {:#?}", e.issues),
    };
    let (count, issues) = run_tests(&policy);
    assert!(issues.is_empty(), "{issues:#?}");
    assert!(count.passed >= 7, "{count:?}");
    let value: serde_json::Value =
        serde_json::from_str(credit_check::policy::BUILTIN_JSON).unwrap();
    let v = validate(&value, Locale::En);
    assert!(v.ok, "{:#?}", v.errors);
}

#[test]
fn the_example_bank_policy_of_the_embed_page_is_valid() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/policies/example-bank.json");
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let v = validate(&value, Locale::En);
    assert!(v.ok, "{:#?}", v.errors);
    assert_eq!(v.tests.passed, 1);
}

#[test]
fn every_name_of_the_compiled_policies_is_resolved_to_a_position() {
    let builtin = Policy::builtin().unwrap();
    assert_eq!(
        credit_check::policy::resolve::unresolved(&builtin),
        Vec::<String>::new()
    );
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/policies/example-bank.json");
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let bank = Policy::from_value(&value).unwrap();
    assert_eq!(
        credit_check::policy::resolve::unresolved(&bank),
        Vec::<String>::new()
    );
}
