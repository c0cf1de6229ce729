//! What to do next and the sources cited: the policy's `apply` texts reach full reports (in the
//! report's locale, on each product and both schemes), summaries stay as they were, a policy
//! without `apply` still works, and `sources` lists exactly the sources the report's texts cite.

use credit_check::engine::{self, Detail, Options};
use credit_check::json::Json;
use credit_check::policy::model::{Apply, PolicyDoc, Text};
use credit_check::{Locale, Policy};
use serde_json::Value;
use std::collections::BTreeSet;

fn builtin_value() -> Value {
    serde_json::from_str(credit_check::policy::BUILTIN_JSON).unwrap()
}

fn worked() -> Value {
    builtin_value()["tests"][0]["profile"].clone()
}

fn report_json(policy: &Policy, profile: &Value, opts: &Options) -> Value {
    let report = engine::evaluate(&Json::from_value(profile), policy, opts).unwrap();
    serde_json::to_value(report).unwrap()
}

fn opts(locale: Locale, detail: Detail) -> Options {
    Options {
        locale,
        detail,
        ..Options::default()
    }
}

/// Every `apply` of the document, named by where it sits.
fn applies(doc: &PolicyDoc) -> Vec<(String, Option<&Apply>)> {
    let mut out: Vec<(String, Option<&Apply>)> = doc
        .schemes
        .iter()
        .map(|s| (format!("schemes.{}", s.id), s.apply.as_ref()))
        .collect();
    for p in &doc.products {
        out.push((p.id.clone(), p.apply.as_ref()));
    }
    out
}

fn texts(a: &Apply) -> Vec<&Text> {
    a.steps
        .iter()
        .chain(&a.documents)
        .chain(a.deadline.as_ref())
        .collect()
}

/// Chinese punctuation that has no place in an English text.
const CJK_PUNCTUATION: &[char] = &[
    '，', '。', '；', '：', '（', '）', '、', '“', '”', '！', '？',
];

#[test]
fn every_builtin_product_and_both_schemes_say_what_to_do_next_in_both_languages() {
    let doc: PolicyDoc = serde_json::from_str(credit_check::policy::BUILTIN_JSON).unwrap();
    assert_eq!(doc.products.len(), 4);
    for (at, apply) in applies(&doc) {
        let a = apply.unwrap_or_else(|| panic!("{at} has no apply"));
        assert!(
            (2..=4).contains(&a.steps.len()),
            "{at}: {} steps",
            a.steps.len()
        );
        assert!(
            a.documents.len() >= 3,
            "{at}: {} documents",
            a.documents.len()
        );
        for t in texts(a) {
            let zh = t.0.get("zh-CN").map_or("", |s| &**s);
            let en = t.0.get("en").map_or("", |s| &**s);
            assert!(
                !zh.trim().is_empty() && !en.trim().is_empty(),
                "{at}: {t:?}"
            );
            assert!(
                !en.contains(CJK_PUNCTUATION),
                "{at}: Chinese punctuation in {en:?}"
            );
        }
        let docs: String = a.documents.iter().map(|d| d.get(Locale::ZhCn)).collect();
        assert!(docs.contains("营业执照"), "{at}: no business licence");
    }
}

#[test]
fn the_tech_sme_deadline_is_the_yearly_end_of_march_update_and_no_other_deadline_is_invented() {
    let doc: PolicyDoc = serde_json::from_str(credit_check::policy::BUILTIN_JSON).unwrap();
    let deadline = doc
        .schemes
        .iter()
        .find(|s| s.id == "techSme")
        .unwrap()
        .apply
        .as_ref()
        .unwrap()
        .deadline
        .as_ref()
        .unwrap();
    assert!(deadline.get(Locale::ZhCn).contains("每年 3 月底前"));
    assert!(deadline.get(Locale::ZhCn).contains("有效期一年"));
    assert!(deadline
        .get(Locale::En)
        .contains("Before the end of March each year"));
    // domain.md gives no other date: no other block has a deadline.
    let others: Vec<String> = applies(&doc)
        .into_iter()
        .filter(|(at, a)| at != "schemes.techSme" && a.is_some_and(|a| a.deadline.is_some()))
        .map(|(at, _)| at)
        .collect();
    assert_eq!(others, Vec::<String>::new());
}

#[test]
fn a_full_report_carries_each_apply_in_its_own_locale() {
    let policy = credit_check::builtin().unwrap();
    for (locale, step) in [
        (Locale::ZhCn, "在电子税务局查询纳税信用级别"),
        (Locale::En, "Look up the taxpayer credit grade"),
    ] {
        let r = report_json(policy, &worked(), &opts(locale, Detail::Full));
        for scheme in ["techSme", "highTech"] {
            let a = &r["assessments"][scheme]["apply"];
            assert!(a["steps"].as_array().unwrap().len() >= 2, "{scheme}: {a}");
            assert!(!a["documents"].as_array().unwrap().is_empty(), "{scheme}");
        }
        assert!(r["assessments"]["techSme"]["apply"]["deadline"].is_string());
        // No deadline is known for the high-tech certificate: the key says so with null.
        assert_eq!(
            r["assessments"]["highTech"]["apply"]["deadline"],
            Value::Null
        );
        for p in r["products"].as_array().unwrap() {
            assert!(
                p["apply"]["steps"].as_array().unwrap().len() >= 2,
                "{}",
                p["id"]
            );
        }
        let tax = r["products"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == "tax-credit")
            .unwrap();
        assert!(
            tax["apply"]["steps"][0].as_str().unwrap().starts_with(step),
            "{locale:?}: {}",
            tax["apply"]["steps"][0]
        );
    }
}

#[test]
fn a_summary_has_no_apply_and_no_sources() {
    let policy = credit_check::builtin().unwrap();
    let r = report_json(policy, &worked(), &opts(Locale::ZhCn, Detail::Summary));
    assert!(r.get("sources").is_none());
    assert!(r["assessments"]["techSme"].get("apply").is_none());
    assert!(r["assessments"]["highTech"].get("apply").is_none());
    for p in r["products"].as_array().unwrap() {
        assert!(p.get("apply").is_none(), "{}", p["id"]);
    }
}

/// Removes every `apply` of a policy document, as a bank's older document would be.
fn without_apply(mut doc: Value) -> Value {
    for scheme in doc["schemes"].as_array_mut().unwrap() {
        scheme.as_object_mut().unwrap().remove("apply");
    }
    for p in doc["products"].as_array_mut().unwrap() {
        p.as_object_mut().unwrap().remove("apply");
    }
    doc
}

#[test]
fn a_bank_policy_without_apply_still_validates_and_its_reports_have_no_apply() {
    let doc = without_apply(builtin_value());
    let v = credit_check::validate::validate(&doc, Locale::En);
    assert!(v.ok, "{:#?}", v.errors);
    let policy = Policy::from_value(&doc).unwrap();
    let r = report_json(&policy, &worked(), &opts(Locale::En, Detail::Full));
    let text = serde_json::to_string(&r).unwrap();
    assert!(!text.contains("\"apply\""), "{text}");
    // The same line as with the texts: they are texts, never part of a decision.
    let with = report_json(
        credit_check::builtin().unwrap(),
        &worked(),
        &opts(Locale::En, Detail::Full),
    );
    assert_eq!(r["products"][0]["limit"], with["products"][0]["limit"]);
}

#[test]
fn the_example_bank_sets_its_own_next_steps_and_its_schemes_have_none() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/policies/example-bank.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let policy = Policy::from_value(&doc).unwrap();
    let r = report_json(&policy, &worked(), &opts(Locale::ZhCn, Detail::Full));
    assert!(r["assessments"]["techSme"].get("apply").is_none());
    let bank = &r["products"][0];
    assert_eq!(bank["id"], "example-tech-loan");
    assert!(bank["apply"]["steps"][0]
        .as_str()
        .unwrap()
        .contains("示例银行"));
}

/// The `[id]` citations of every string of a report, found independently of the engine's scan.
fn cited(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::String(s) => {
            for part in s.split('[').skip(1) {
                if let Some((id, _)) = part.split_once(']') {
                    out.insert(id.to_string());
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| cited(x, out)),
        Value::Object(m) => m
            .iter()
            .filter(|(k, _)| k.as_str() != "sources")
            .for_each(|(_, x)| cited(x, out)),
        _ => {}
    }
}

fn source_ids(r: &Value) -> Vec<String> {
    r["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn sources_lists_exactly_the_cited_sources_in_policy_order() {
    let policy = credit_check::builtin().unwrap();
    for locale in [Locale::ZhCn, Locale::En] {
        let r = report_json(policy, &worked(), &opts(locale, Detail::Full));
        let mut found = BTreeSet::new();
        cited(&r, &mut found);
        // Field paths (`financials[1].revenue`) have numeric brackets: they are not citations.
        found.retain(|id| !id.chars().all(|c| c.is_ascii_digit()));
        let known: BTreeSet<String> = policy.doc.sources.iter().map(|s| s.id.clone()).collect();
        // The built-in policy cites nothing it does not list.
        assert!(found.is_subset(&known), "{found:?} not all in {known:?}");
        let want = found;
        let got = source_ids(&r);
        assert_eq!(
            got.iter().cloned().collect::<BTreeSet<_>>(),
            want,
            "{locale:?}"
        );
        // In the policy's order, each once, with its title (and its address where it has one).
        let order: Vec<String> = policy
            .doc
            .sources
            .iter()
            .map(|s| s.id.clone())
            .filter(|id| want.contains(id))
            .collect();
        assert_eq!(got, order);
        let s17 = r["sources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == "S17")
            .unwrap();
        assert_eq!(s17["url"], "https://hzjpw.com/drawn/856980.html");
        assert!(!s17["title"].as_str().unwrap().is_empty());
    }
    // S45 is in the policy's list (the reference product's `sources`) but no text cites it.
    let r = report_json(policy, &worked(), &opts(Locale::ZhCn, Detail::Full));
    assert!(!source_ids(&r).contains(&"S45".to_string()));
}

#[test]
fn sources_follow_the_products_shown() {
    let policy = credit_check::builtin().unwrap();
    let only = Options {
        products: Some(vec!["kunkedai".into()]),
        ..Options::default()
    };
    let r = report_json(policy, &worked(), &only);
    let ids = source_ids(&r);
    assert!(ids.contains(&"S26".to_string()), "{ids:?}");
    // 苏科贷's and the tax loan's sources are cited only by products not shown.
    for absent in ["S17", "S18", "S22", "S33"] {
        assert!(!ids.contains(&absent.to_string()), "{absent} in {ids:?}");
    }
}

#[test]
fn a_bracketed_id_that_is_not_a_policy_source_is_not_listed() {
    let mut doc = without_apply(builtin_value());
    doc["products"][0]["provenance"]["zh-CN"] = Value::from("银行自有规则 [B9]，参见 [S17]");
    doc["products"][0]["provenance"]["en"] = Value::from("the bank's own rules [B9], see [S17]");
    doc["products"][1]["provenance"]["zh-CN"] = Value::from("无引用");
    doc["products"][1]["provenance"]["en"] = Value::from("no citation");
    doc["products"][2]["provenance"]["zh-CN"] = Value::from("无引用");
    doc["products"][2]["provenance"]["en"] = Value::from("no citation");
    doc["products"][3]["provenance"]["zh-CN"] = Value::from("无引用");
    doc["products"][3]["provenance"]["en"] = Value::from("no citation");
    let policy = Policy::from_value(&doc).unwrap();
    let r = report_json(&policy, &worked(), &opts(Locale::En, Detail::Full));
    assert_eq!(source_ids(&r), vec!["S17".to_string()]);
}
