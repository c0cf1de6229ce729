//! Readable values: every reported value carries its kind, and `ui::display` shows it as a person
//! reads it (南京, 66.67%, 10万), never as a raw id or a 28-digit decimal.

use credit_check::engine::{self, Options};
use credit_check::json::Json;
use credit_check::report::{CheckOut, Report, ValueKind};
use credit_check::text::Locale;
use credit_check::ui::display::display;
use credit_check::ui::labels::{all_values, choice_label};
use serde_json::{json, Value};
use std::path::Path;

fn builtin_doc() -> Value {
    serde_json::from_str(credit_check::policy::BUILTIN_JSON).unwrap()
}

fn golden_profiles() -> Vec<Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for c in doc["cases"].as_array().into_iter().flatten() {
            out.push(c["profile"].clone());
        }
    }
    out
}

fn all_checks(r: &Report) -> Vec<&CheckOut> {
    r.assessments
        .iter()
        .flat_map(|s| s.checks.iter().flatten())
        .chain(r.products.iter().flat_map(|p| p.checks.iter().flatten()))
        .collect()
}

/// A choice id a reader of `locale` must never see: one whose label in that language differs.
fn raw_ids(locale: Locale) -> Vec<&'static str> {
    all_values()
        .filter(|v| v.bytes().any(|b| b.is_ascii_lowercase()))
        .filter(|v| choice_label(None, v, locale).is_none_or(|l| !l.contains(*v)))
        .collect()
}

fn longest_fraction(s: &str) -> usize {
    let mut longest = 0;
    for (i, _) in s.match_indices('.') {
        let digits = s[i + 1..].bytes().take_while(u8::is_ascii_digit).count();
        let before = s[..i].bytes().last().is_some_and(|b| b.is_ascii_digit());
        if before {
            longest = longest.max(digits);
        }
    }
    longest
}

#[test]
fn every_check_of_every_golden_vector_shows_labels_and_short_numbers() {
    let mut shown = 0;
    for locale in Locale::ALL {
        let forbidden = raw_ids(locale);
        assert!(forbidden.contains(&"nanjing") && forbidden.contains(&"electronic-information"));
        let opts = Options {
            locale,
            ..Options::default()
        };
        for profile in golden_profiles() {
            let Ok(report) = credit_check::evaluate_value(&profile, &opts) else {
                continue;
            };
            let indicator_values = report
                .assessments
                .get("techSme")
                .unwrap()
                .indicators
                .iter()
                .filter_map(|i| Some((i.value.as_deref()?, i.kind?)));
            let values = all_checks(&report)
                .into_iter()
                .flat_map(|c| {
                    [
                        (c.actual.as_deref(), c.kind),
                        (c.required.as_deref(), c.kind),
                    ]
                })
                .filter_map(|(v, k)| Some((v?, k)))
                .chain(indicator_values);
            for (raw, kind) in values {
                let text = display(raw, kind, locale);
                shown += 1;
                for token in text.split_whitespace() {
                    assert!(
                        !forbidden.contains(&token),
                        "{raw} ({kind:?}) shows the raw id {token} in {locale:?}"
                    );
                }
                assert!(
                    longest_fraction(&text) <= 4,
                    "{raw} ({kind:?}) is shown as {text} in {locale:?}"
                );
            }
        }
    }
    assert!(shown > 1000, "only {shown} values rendered");
}

#[test]
fn the_built_in_policy_gives_each_check_the_kind_of_what_it_compares() {
    let worked = json!({
        "province": "jiangsu", "city": "nanjing", "resident": true, "yearsOperating": 5,
        "employees": 80, "techStaff": 20, "techField": "electronic-information",
        "financials": [{ "revenue": "3000万", "rdExpense": "180万", "costsAndExpenses": "2500万",
                         "totalAssets": "4000万", "totalLiabilities": "2500万", "taxPaid": "120万" }],
        "ip": { "classOne": 2, "classTwo": 5 }, "tax": { "grade": "A" }
    });
    let report = credit_check::evaluate_value(&worked, &Options::default()).unwrap();
    let kind = |id: &str| {
        all_checks(&report)
            .into_iter()
            .find(|c| &*c.id == id)
            .map(|c| c.kind)
    };
    let table = [
        ("resident", ValueKind::Flag),
        ("employees", ValueKind::Count),
        ("revenue", ValueKind::Money),
        ("score", ValueKind::Points),
        ("techStaffRatio", ValueKind::Ratio),
        ("techField", ValueKind::Choice),
        ("yearsOperating", ValueKind::Years),
        ("coreIp", ValueKind::Count),
        ("innovationScore", ValueKind::Points),
        ("K3", ValueKind::Count),
        ("K4", ValueKind::Choice),
        ("K7", ValueKind::Ratio),
        ("minimumLine", ValueKind::Money),
        ("registeredInKunshan", ValueKind::Choice),
    ];
    for (id, want) in table {
        assert_eq!(kind(id), Some(want), "{id}");
    }
    let reference = &report.products[0];
    let steps = reference.limit.as_ref().unwrap().steps.as_ref().unwrap();
    let step = |id: &str| steps.iter().find(|s| s.id == id).unwrap().kind;
    assert_eq!(step("revenueBase"), ValueKind::Money);
    assert_eq!(step("ipAddOn"), ValueKind::Money);
    assert_eq!(step("multiplier"), ValueKind::Number);
    assert_eq!(step("line"), ValueKind::Money);
    let indicator = &report.assessments.get("techSme").unwrap().indicators[0];
    assert_eq!(indicator.kind, Some(ValueKind::Ratio));
}

fn evaluate_with(doc: &Value, profile: &Value) -> Report {
    let policy = credit_check::Policy::from_value(doc).unwrap();
    engine::evaluate(&Json::from_value(profile), &policy, &Options::default()).unwrap()
}

#[test]
fn a_policy_names_a_kind_with_format_on_a_check_or_a_step() {
    let mut doc = builtin_doc();
    doc["knockouts"][6]["format"] = json!("number");
    doc["products"][0]["limit"]["steps"][6]["format"] = json!("money");
    let report = evaluate_with(&doc, &json!({ "yearsOperating": 3 }));
    let k7 = all_checks(&report)
        .into_iter()
        .find(|c| &*c.id == "K7")
        .unwrap();
    assert_eq!(k7.kind, ValueKind::Number);
    let policy = credit_check::Policy::from_value(&doc).unwrap();
    assert_eq!(policy.products[0].steps[6].kind, ValueKind::Money);
}

#[test]
fn an_unknown_format_is_refused_at_its_path() {
    let mut doc = builtin_doc();
    doc["knockouts"][6]["format"] = json!("percent");
    doc["products"][1]["limit"]["steps"][0]["format"] = json!("yuan");
    let err = credit_check::Policy::from_value(&doc).unwrap_err();
    let paths: Vec<(&str, &str)> = err
        .issues
        .iter()
        .map(|i| (i.code.as_str(), i.path.as_str()))
        .collect();
    assert_eq!(
        paths,
        [
            ("unknownValue", "knockouts[6].format"),
            ("unknownValue", "products[1].limit.steps[0].format")
        ]
    );
}

#[test]
fn the_form_and_the_report_label_choices_from_one_list() {
    // Each choice field's options are declared once, with their words: the form offers exactly
    // what the profile reader accepts.
    use credit_check::inputs::{Type, INPUTS};
    use credit_check::profile::Profile;
    for f in INPUTS.iter().filter(|f| matches!(f.ty, Type::Choice(_))) {
        let values: Vec<&str> = f.ty.options().iter().map(|o| o.value).collect();
        for locale in Locale::ALL {
            let form: Vec<&str> = credit_check::ui::labels::choices_of(f.path, locale)
                .into_iter()
                .map(|(v, _)| v)
                .collect();
            assert_eq!(form, values, "{}", f.path);
        }
        let read = |v: &str| {
            let mut doc = serde_json::json!({});
            let mut at = &mut doc;
            let keys: Vec<&str> = f.path.split('.').collect();
            for k in &keys[..keys.len() - 1] {
                at = at
                    .as_object_mut()
                    .unwrap()
                    .entry(*k)
                    .or_insert(serde_json::json!({}));
            }
            at[keys[keys.len() - 1]] = serde_json::json!(v);
            Profile::read(&credit_check::json::Json::from_value(&doc)).is_ok()
        };
        assert!(values.iter().all(|v| read(v)), "{}", f.path);
        assert!(!read("not-an-option"), "{}", f.path);
    }
    assert_eq!(
        choice_label(Some("talent"), "none", Locale::ZhCn),
        Some("无")
    );
    assert_eq!(
        choice_label(Some("techField"), "none", Locale::ZhCn),
        Some("不属于以上领域")
    );
    assert_eq!(choice_label(None, "kunshan", Locale::En), Some("Kunshan"));
}
