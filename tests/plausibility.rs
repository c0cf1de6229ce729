//! Plausibility warnings: what is valid but unlikely is said beside the result, in the form's
//! words and the report's amounts, and never changes a decision (tests/vectors/warnings.json
//! holds the decisions; here are the messages and the detail levels).

use credit_check::engine::Detail;
use credit_check::plausibility::warnings;
use credit_check::profile::Profile;
use credit_check::report::WarningCode;
use credit_check::{evaluate_value, Locale, Options};
use serde_json::json;

fn profile(v: serde_json::Value) -> Profile {
    Profile::read(&credit_check::json::Json::from_value(&v)).unwrap()
}

fn messages(profile: &Profile, locale: Locale) -> Vec<(WarningCode, String)> {
    warnings(profile, locale)
        .into_iter()
        .map(|w| (w.code, w.message))
        .collect()
}

#[test]
fn each_warning_names_its_fields_by_their_form_labels_with_amounts_in_wan() {
    let profile = profile(json!({
        "province": "zhejiang", "city": "kunshan", "employees": 60, "techStaff": 90,
        "financials": [
            { "revenue": "150万", "rdExpense": "200万", "domesticRdExpense": "250万",
              "totalAssets": "4000万", "totalLiabilities": "5000万" },
            { "revenue": "100万", "rdExpense": "120万", "domesticRdExpense": "130万" }
        ],
        "highTechRevenue": "160万"
    }));
    use WarningCode::*;
    assert_eq!(
        messages(&profile, Locale::ZhCn),
        [
            (CityOutsideProvince, "昆山不在浙江：请核对“注册地（市/县）”和“注册地（省）”"),
            (TechStaffAboveEmployees, "科技人员（90人）多于职工总数（60人）：科技人员是职工的一部分，请核对"),
            (RdAboveRevenue, "研发费用（200万）高于销售收入（150万）：研发费用很少超过收入，请核对数字和单位"),
            (DomesticRdAboveRd, "其中：境内研发费用（250万）高于研发费用（200万）：境内研发费用是研发费用的一部分，请核对"),
            (LiabilitiesAboveAssets, "负债总额（5,000万）高于资产总额（4,000万）：净资产为负，请核对"),
            (RdAboveRevenue, "上一年：研发费用（120万）高于上一年：销售收入（100万）：研发费用很少超过收入，请核对数字和单位"),
            (DomesticRdAboveRd, "上一年：其中：境内研发费用（130万）高于上一年：研发费用（120万）：境内研发费用是研发费用的一部分，请核对"),
            (HighTechRevenueAboveRevenue, "高新技术产品（服务）收入（160万）高于销售收入（150万）：高新技术产品（服务）收入是收入的一部分，请核对"),
        ]
        .map(|(c, m)| (c, m.to_string()))
    );
    let en = messages(&profile, Locale::En);
    assert_eq!(
        en[0].1,
        "Kunshan is not in Zhejiang: check \"City / county\" and \"Registered in (province)\""
    );
    assert_eq!(
        en[2].1,
        "R&D expense (¥2,000,000) is above Revenue (¥1,500,000): R&D rarely exceeds revenue, so check the figures and their units"
    );
    for (_, m) in &en {
        assert!(
            !m.contains(['：', '，', '“', '（']),
            "English punctuation: {m}"
        );
    }
    let fields: Vec<_> = warnings(&profile, Locale::ZhCn)
        .into_iter()
        .map(|w| w.fields)
        .collect();
    assert_eq!(fields[1], ["techStaff", "employees"]);
    assert_eq!(
        fields[6],
        ["financials[1].domesticRdExpense", "financials[1].rdExpense"]
    );
}

#[test]
fn a_profile_without_unlikely_figures_has_no_warning() {
    let profile = profile(json!({
        "province": "jiangsu", "city": "kunshan",
        "financials": [{ "revenue": "150万", "rdExpense": "150万" }]
    }));
    assert!(warnings(&profile, Locale::ZhCn).is_empty());
    assert!(warnings(&Profile::default(), Locale::En).is_empty());
}

#[test]
fn warnings_are_in_the_report_at_both_detail_levels() {
    let base = json!({
        "employees": 80, "techStaff": 20, "province": "jiangsu", "city": "nanjing",
        "financials": [{ "revenue": "3000万", "rdExpense": "180万", "costsAndExpenses": "2500万",
                         "totalAssets": "4000万", "totalLiabilities": "2500万" }],
        "ip": { "classOne": 2, "classTwo": 5 }, "tax": { "grade": "A" }
    });
    let mut odd = base.clone();
    odd["financials"][0]["totalLiabilities"] = json!("5000万");
    odd["financials"][0]["rdExpense"] = json!("3500万");
    for detail in [Detail::Full, Detail::Summary] {
        let opts = Options {
            detail,
            ..Options::default()
        };
        let plain = serde_json::to_value(evaluate_value(&base, &opts).unwrap()).unwrap();
        assert_eq!(plain["warnings"], json!([]));
        let report = serde_json::to_value(evaluate_value(&odd, &opts).unwrap()).unwrap();
        let codes: Vec<_> = report["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["code"].as_str().unwrap())
            .collect();
        assert_eq!(codes, ["rdAboveRevenue", "liabilitiesAboveAssets"]);
        // A warning never changes a decision: the statuses and lines are those of the same
        // profile's checks (tests/vectors/warnings.json pins them to the engine's answers from
        // before warnings existed).
        assert_eq!(report["products"][0]["status"], "ineligible");
    }
}
