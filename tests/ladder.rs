//! The ladder's title hints (domain.md §6.10): a title qualified but not held gives, for each
//! product, the line the firm would have with it held, and that is what the engine then gives.

use credit_check::engine::Options;
use credit_check::report::{HintKind, ProductStatus, Report};
use serde_json::Value;

fn vectors() -> Vec<Value> {
    let text = include_str!("vectors/ladder.json");
    let doc: Value = serde_json::from_str(text).unwrap();
    doc["cases"].as_array().unwrap().clone()
}

fn eval(profile: &Value) -> Option<Report> {
    credit_check::evaluate_value(profile, &Options::default()).ok()
}

#[test]
fn each_title_hint_is_the_line_the_engine_gives_once_the_title_is_held() {
    let mut checked = 0;
    for c in vectors() {
        let Some(report) = eval(&c["profile"]) else {
            continue;
        };
        for scheme in report.assessments.0.iter() {
            for hint in &scheme.hints {
                assert_eq!(hint.kind, HintKind::Title);
                assert_eq!(scheme.qualified, Some(true), "{}", c["name"]);
                assert_ne!(scheme.held, Some(true), "{}", c["name"]);
                let mut held = c["profile"].clone();
                let flag = hint.field.strip_prefix("statuses.").unwrap();
                held["statuses"][flag] = Value::Bool(true);
                let after = eval(&held).unwrap();
                let product = after
                    .products
                    .iter()
                    .find(|p| *p.id == *hint.target)
                    .unwrap();
                let line = (product.status == ProductStatus::Eligible)
                    .then(|| product.limit.as_ref().map(|l| l.amount.clone()))
                    .flatten();
                assert_eq!(line, hint.new_amount, "{}: {hint:?}", c["name"]);
                // Held now: no hint for it any more.
                let again = after.assessments.get(&scheme.id).unwrap();
                assert!(again.hints.is_empty(), "{}", c["name"]);
                checked += 1;
            }
        }
    }
    assert!(checked >= 20, "{checked} title hints checked");
}

#[test]
fn a_summary_report_has_no_title_hints() {
    let c = &vectors()[0];
    let opts = Options {
        detail: credit_check::engine::Detail::Summary,
        ..Options::default()
    };
    let r = credit_check::evaluate_value(&c["profile"], &opts).unwrap();
    assert!(r.assessments.0.iter().all(|s| s.hints.is_empty()));
}
