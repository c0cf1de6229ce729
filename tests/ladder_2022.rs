//! The 2022 ladder standards as a second policy document (www/policies/ladder-2022.json, domain.md
//! §6.10.5): it validates with no problem, every test it carries passes, and it is the built-in
//! policy with only the 专精特新 and 小巨人 tiers replaced, so that the products and title hints
//! work with it as with the built-in one. No Rust code knows about it.

use credit_check::validate::validate;
use credit_check::{Locale, Policy};
use serde_json::Value;

fn document() -> Value {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/policies/ladder-2022.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_2022_document_is_valid_and_every_test_it_carries_passes() {
    let doc = document();
    let carried = doc["tests"].as_array().unwrap().len();
    assert!(carried >= 60, "{carried} tests");
    for locale in [Locale::ZhCn, Locale::En] {
        let v = validate(&doc, locale);
        assert!(v.ok, "{:#?}", v.errors);
        assert!(v.errors.is_empty() && v.warnings.is_empty(), "{v:#?}");
        assert_eq!((v.tests.passed, v.tests.failed), (carried, 0));
    }
    let policy = Policy::from_value(&doc).unwrap();
    assert_eq!(
        credit_check::policy::resolve::unresolved(&policy),
        Vec::<String>::new()
    );
}

#[test]
fn the_2022_document_is_the_builtin_policy_with_the_two_2022_tiers() {
    let doc = document();
    let builtin: Value = serde_json::from_str(credit_check::policy::BUILTIN_JSON).unwrap();
    let ids = |d: &Value| -> Vec<String> {
        d["schemes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&doc), ids(&builtin));
    for (mine, theirs) in doc["schemes"]
        .as_array()
        .unwrap()
        .iter()
        .zip(builtin["schemes"].as_array().unwrap())
    {
        let id = mine["id"].as_str().unwrap();
        if id == "specializedSme" || id == "littleGiant" {
            assert_ne!(mine, theirs, "{id}");
            assert!(mine["title"]["zh-CN"].as_str().unwrap().contains("2022"));
        } else {
            assert_eq!(mine, theirs, "{id}");
        }
    }
    for key in ["format", "facts", "knockouts", "products", "assumptions"] {
        assert_eq!(doc[key], builtin[key], "{key}");
    }
    // Its own tables are added to the built-in ones, none changed.
    for (name, table) in builtin["tables"].as_object().unwrap() {
        assert_eq!(&doc["tables"][name], table, "{name}");
    }
}

/// The 2022 专精特新 table sums to 100 (专业化 25, 精细化 25, 特色化 15, 创新能力 35), each group's cap
/// is the sum of its indicators, and 小巨人 has a check of each of its six groups.
#[test]
fn the_2022_tables_have_the_published_structure() {
    let doc = document();
    let scheme = |id: &str| {
        doc["schemes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap()
            .clone()
    };
    let zjtx = scheme("specializedSme");
    let indicators = zjtx["indicators"].as_array().unwrap();
    assert_eq!(indicators.len(), 14); // 13 indicators, 特色化's Jiangsu item 1 and its self-rated rest
    let mut sums = std::collections::BTreeMap::new();
    for i in indicators {
        *sums.entry(i["group"].as_str().unwrap()).or_insert(0) += i["max"].as_i64().unwrap();
    }
    let caps: std::collections::BTreeMap<&str, i64> = zjtx["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["id"].as_str().unwrap(), g["cap"].as_i64().unwrap()))
        .collect();
    assert_eq!(sums, caps);
    let published = [
        ("feature", 15),
        ("innovation", 35),
        ("refinement", 25),
        ("specialisation", 25),
    ];
    assert_eq!(caps, published.into_iter().collect());
    assert_eq!(zjtx["routes"].as_array().unwrap().len(), 4);
    let giant = scheme("littleGiant");
    let labels: Vec<String> = giant["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["label"]["zh-CN"].as_str().unwrap().to_string())
        .collect();
    for group in ["专：", "精：", "特：", "新：", "链、品："] {
        assert!(labels.iter().any(|l| l.starts_with(group)), "{group}");
    }
}

/// A ladder row lists what stands in the way: the conditions and the score, not the direct routes
/// the firm lacks (each is one way fewer, not an obstacle). The 2022 专精特新 is the first tier a
/// firm usually meets without a route: 51 points, every condition met, no route.
#[test]
fn a_missing_direct_route_is_not_in_the_way_of_a_ladder_tier() {
    use credit_check::report::{CheckStatus, Tier};
    let doc = document();
    let policy = Policy::from_value(&doc).unwrap();
    let test = doc["tests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| {
            t["name"]
                .as_str()
                .unwrap()
                .contains("a self-rating of 0 makes 51")
        })
        .unwrap();
    let input = credit_check::json::Json::from_value(&test["profile"]);
    let report =
        credit_check::engine::evaluate(&input, &policy, &credit_check::engine::Options::default())
            .unwrap();
    let zjtx = report.assessments.get("specializedSme").unwrap();
    let failing: Vec<&str> = zjtx
        .checks
        .iter()
        .flatten()
        .filter(|c| c.status == CheckStatus::Fail)
        .map(|c| &*c.id)
        .collect();
    assert_eq!(
        failing,
        ["score", "award", "rdAverage", "equity", "makerChina"]
    );
    let way: Vec<&str> = zjtx.in_the_way(3).iter().map(|c| &*c.id).collect();
    assert_eq!(way, ["score"]);
    assert_eq!(zjtx.tier(), Tier::WithinReach);
}
