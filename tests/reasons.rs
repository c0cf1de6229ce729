//! Reasons: at most four failing checks, knock-outs first (in policy order), then the product's own.

use credit_check::engine::{self, Options};
use credit_check::json::Json;
use serde_json::Value;

fn report_of(profile: &Value) -> credit_check::Report {
    let policy = credit_check::builtin().unwrap();
    engine::evaluate(&Json::from_value(profile), policy, &Options::default()).unwrap()
}

fn reason_ids(report: &credit_check::Report, product: &str) -> Vec<String> {
    let p = report.products.iter().find(|p| &*p.id == product).unwrap();
    p.reasons
        .as_ref()
        .unwrap()
        .iter()
        .map(|r| r.id.to_string())
        .collect()
}

#[test]
fn knock_outs_come_first_and_there_are_at_most_four() {
    let doc: Value = serde_json::from_str(credit_check::policy::BUILTIN_JSON).unwrap();
    let mut p = doc["tests"][0]["profile"].clone();
    // Fails K4 (grade D), K7 (DAR 90%), K1 (dishonest) and K8, the qualification and the minimum line.
    p["tax"]["grade"] = Value::from("D");
    p["financials"][0]["totalLiabilities"] = Value::from("36000000");
    p["credit"]["dishonestDebtor"] = Value::from(true);
    p["credit"]["restrictedIndustry"] = Value::from(true);
    p["statuses"]["highTechEnterprise"] = Value::from(false);
    p["talent"] = Value::from("none");
    p["employees"] = Value::from(900);
    let report = report_of(&p);
    assert_eq!(
        reason_ids(&report, "reference-pure-credit"),
        ["K1", "K4", "K7", "K8"]
    );
    let a = &report.products[0];
    let failing = a
        .checks
        .as_ref()
        .unwrap()
        .iter()
        .filter(|c| c.status == credit_check::report::CheckStatus::Fail)
        .count();
    assert!(
        failing > 4,
        "every check is still evaluated and listed: {failing} fail"
    );
    // With only product checks failing, they are the reasons, in policy order.
    let mut q = doc["tests"][0]["profile"].clone();
    q["province"] = Value::from("zhejiang");
    q["financials"][0]["revenue"] = Value::from("400000000");
    // (At 4亿 the 苏科贷 cap is 0, so the line is below the minimum too.)
    assert_eq!(
        reason_ids(&report_of(&q), "sukedai-2018"),
        ["registeredInJiangsu", "revenueBelow4e8", "minimumLine"]
    );
}
