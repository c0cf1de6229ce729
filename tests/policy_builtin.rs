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

/// A bank adds a scheme by JSON alone: a city's 瞪羚企业 with two indicators (a band lookup and an
/// expression), a prerequisite on the tech-SME scheme and a policy fact that reads its result.
#[test]
fn a_scheme_added_by_json_alone_is_evaluated_and_its_result_read_by_a_fact() {
    let mut doc: serde_json::Value =
        serde_json::from_str(credit_check::policy::BUILTIN_JSON).unwrap();
    doc["tables"]["gazelleGrowth"] = serde_json::json!({ "kind": "band", "rows": [
        { "atLeast": "30%", "value": 60 }, { "atLeast": "10%", "value": 30 }, { "value": 0 } ] });
    let gazelle = serde_json::json!({
        "id": "gazelle", "title": { "zh-CN": "瞪羚企业", "en": "Gazelle firm" },
        "basis": { "zh-CN": "市认定办法", "en": "city rules" },
        "requires": [ { "id": "tech", "label": { "zh-CN": "科技型中小企业", "en": "a tech SME" }, "schemes": ["techSme"] } ],
        "checks": [ { "id": "revenue", "label": { "zh-CN": "收入不低于 1000 万", "en": "revenue at least 10M" }, "pass": "revenue >= 1000万" } ],
        "indicators": [
            { "id": "growth", "label": { "zh-CN": "收入增长", "en": "revenue growth" }, "max": 60,
              "measures": [ { "fact": "revenueGrowth", "table": "gazelleGrowth" } ] },
            { "id": "rd", "label": { "zh-CN": "研发强度", "en": "R&D intensity" }, "max": 40,
              "measures": [ { "expr": "if(rdToRevenue >= 5%, 40, 0)" } ] } ],
        "pass": { "id": "score", "label": { "zh-CN": "得分 ≥ 60", "en": "score ≥ 60" }, "pass": "score >= 60" }
    });
    doc["schemes"].as_array_mut().unwrap().push(gazelle);
    doc["facts"].as_array_mut().unwrap().push(serde_json::json!({
        "id": "isGazelle", "label": { "zh-CN": "瞪羚", "en": "gazelle" }, "expr": "gazelle.qualified" }));
    let v = validate(&doc, Locale::En);
    assert!(v.ok, "{:#?}", v.errors);
    let policy = Policy::from_value(&doc).unwrap();
    let profile = |prev: (&str, &str)| {
        credit_check::json::Json::from_value(&serde_json::json!({
            "resident": true, "employees": 80, "techStaff": 20, "yearsOperating": 5,
            "financials": [
                { "revenue": "3000万", "rdExpense": "180万", "costsAndExpenses": "2500万", "totalAssets": "4000万" },
                { "revenue": prev.0 }, { "revenue": prev.1 } ],
            "ip": { "classOne": 2, "classTwo": 5 } }))
    };
    let opts = credit_check::Options::default();
    // Revenue 1000万 → 2000万 → 3000万: growth above 30% → 60, R&D 6% → 40: 100 → qualified.
    let r = credit_check::engine::evaluate(&profile(("2000万", "1000万")), &policy, &opts).unwrap();
    let g = serde_json::to_value(&r).unwrap()["assessments"]["gazelle"].clone();
    assert_eq!(g["status"], "qualified", "{g:#}");
    assert_eq!(g["score"], 100);
    assert_eq!(g["indicators"][0]["points"], 60);
    assert_eq!(g["indicators"][1]["points"], 40);
    // Revenue 2950万 → 2980万 → 3000万: growth under 10% → 0, R&D 40: 40 → not qualified.
    let r = credit_check::engine::evaluate(&profile(("2980万", "2950万")), &policy, &opts).unwrap();
    let g = serde_json::to_value(&r).unwrap()["assessments"]["gazelle"].clone();
    assert_eq!(g["status"], "notQualified", "{g:#}");
    assert_eq!(g["score"], 40);
    // The earlier years missing: growth unknown (0–60), 40–100 → incomplete.
    let one_year = credit_check::json::Json::from_value(&serde_json::json!({
        "resident": true, "employees": 80, "techStaff": 20, "yearsOperating": 5,
        "financials": [ { "revenue": "3000万", "rdExpense": "180万", "costsAndExpenses": "2500万", "totalAssets": "4000万" } ],
        "ip": { "classOne": 2, "classTwo": 5 } }));
    let r = credit_check::engine::evaluate(&one_year, &policy, &opts).unwrap();
    let g = serde_json::to_value(&r).unwrap()["assessments"]["gazelle"].clone();
    assert_eq!(g["status"], "incomplete", "{g:#}");
    assert!(g["score"].is_null());
}
