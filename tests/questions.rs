//! Ask what matters first: the report's `questions` rank the inputs not yet given by what they
//! block, and shrink as answers come.

use credit_check::engine::{Detail, Options};
use credit_check::report::{ProductStatus, Report};
use serde_json::{json, Value};

fn report(profile: &Value) -> Report {
    credit_check::evaluate_value(profile, &Options::default()).unwrap()
}

/// The tech-SME score when it is known exactly.
fn tech_sme_score(r: &Report) -> Option<rust_decimal::Decimal> {
    r.assessments
        .get("techSme")
        .and_then(|s| s.exact_score())
        .map(|p| p.0)
}

fn paths(r: &Report) -> Vec<String> {
    r.questions
        .as_ref()
        .unwrap()
        .iter()
        .map(|q| q.path.clone())
        .collect()
}

/// Sets a profile path such as `financials[0].revenue` or `tax.grade`.
fn set(profile: &mut Value, path: &str, value: Value) {
    let mut at = profile;
    let parts: Vec<&str> = path.split('.').collect();
    for (i, part) in parts.iter().enumerate() {
        let (key, index) = match part.split_once('[') {
            Some((k, rest)) => (k, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (*part, None),
        };
        let last = i + 1 == parts.len();
        if let Some(ix) = index {
            let arr = at
                .as_object_mut()
                .unwrap()
                .entry(key)
                .or_insert_with(|| json!([]));
            while arr.as_array().unwrap().len() <= ix {
                arr.as_array_mut().unwrap().push(json!({}));
            }
            at = &mut arr[ix];
            if last {
                *at = value;
                return;
            }
        } else if last {
            at[key] = value;
            return;
        } else {
            at = at
                .as_object_mut()
                .unwrap()
                .entry(key)
                .or_insert_with(|| json!({}));
        }
    }
}

#[test]
fn the_empty_profile_asks_first_for_the_figures_the_score_and_the_lines_need() {
    let r = report(&json!({}));
    let asked = paths(&r);
    assert!(asked.len() <= credit_check::questions::MAX_QUESTIONS);
    for want in [
        "financials[0].revenue",
        "employees",
        "techStaff",
        "financials[0].rdExpense",
        "ip.classOne",
        "ip.classTwo",
    ] {
        assert!(asked.iter().any(|p| p == want), "{want} not in {asked:?}");
    }
    let qs = r.questions.as_ref().unwrap();
    assert!(qs.windows(2).all(|w| w[0].weight >= w[1].weight));
    let first = &qs[0];
    assert!(first.blocks.contains(&"reference-pure-credit".to_string()));
}

#[test]
fn answering_the_first_question_removes_it_and_the_list_shrinks() {
    let mut profile = json!({});
    let mut answered = Vec::new();
    let mut lengths = Vec::new();
    let mut opened = Vec::new();
    for _ in 0..80 {
        let r = report(&profile);
        let asked = paths(&r);
        for a in &answered {
            assert!(!asked.contains(a), "{a} asked again after it was answered");
        }
        lengths.push(asked.len());
        let Some(first) = asked.first().cloned() else {
            break;
        };
        let value = match first.as_str() {
            "resident" => json!(true),
            "tax.grade" => json!("A"),
            "province" => json!("jiangsu"),
            "city" => json!("nanjing"),
            "techField" => json!("electronic-information"),
            "talent" => json!("none"),
            "sector" => json!("software"),
            "chainRole" => json!("none"),
            "niche.recognised" | "strategicEmerging" => json!(false),
            p if p.starts_with("innovationSelfRating.") => json!(1),
            "tax.arrears" => json!(false),
            p if p.starts_with("statuses.")
                || p.starts_with("credit.") && p != "credit.overdueEventsIn24m" =>
            {
                json!(false)
            }
            _ => json!(1),
        };
        // The first figure of an earlier fiscal year opens that year: its other figures are then
        // asked for (the growth rates read them), so the list may grow at that step only.
        let opens = first
            .split_once("].")
            .and_then(|(year, _)| year.strip_prefix("financials["))
            .and_then(|i| i.parse::<usize>().ok())
            .is_some_and(|i| profile["financials"].get(i).is_none());
        opened.push(opens);
        set(&mut profile, &first, value);
        answered.push(first);
    }
    assert!(
        lengths
            .windows(2)
            .zip(&opened)
            .all(|(w, opens)| *opens || w[0] >= w[1]),
        "{lengths:?}"
    );
    assert!(lengths.last() < lengths.first(), "{lengths:?}");
}

#[test]
fn a_summary_report_carries_no_questions() {
    let opts = Options {
        detail: Detail::Summary,
        ..Options::default()
    };
    let r = credit_check::evaluate_value(&json!({}), &opts).unwrap();
    assert!(r.questions.is_none());
    let text = credit_check::to_json(&r);
    assert!(!text.contains("\"questions\""));
}

/// What the built-in policy needs for a first estimate: the five figures a founder knows give a
/// tech-SME score, but the reference line also needs `resident`, `yearsOperating`, `tax.grade`,
/// total assets and liabilities and the tax paid, which are never assumed; everything else
/// (statuses, credit record, talent, debts, IP) is assumed and listed.
#[test]
fn a_founder_with_five_figures_gets_a_score_and_with_six_more_a_reference_line() {
    let five = json!({ "employees": 60, "techStaff": 15,
        "financials": [{ "revenue": "2000万", "rdExpense": "150万" }],
        "ip": { "classOne": 1, "classTwo": 4 } });
    let r = report(&five);
    assert_eq!(tech_sme_score(&r), Some(96.into()));
    assert_eq!(r.products[0].status, ProductStatus::Incomplete);
    let asked = paths(&r);
    let needed = [
        "financials[0].totalAssets",
        "financials[0].totalLiabilities",
        "yearsOperating",
        "tax.grade",
        "financials[0].taxPaid",
        "resident",
    ];
    let mut first: Vec<&str> = asked[..needed.len()].iter().map(String::as_str).collect();
    first.sort_unstable();
    let mut want = needed.to_vec();
    want.sort_unstable();
    assert_eq!(first, want);
    for p in needed {
        let q = r
            .questions
            .as_ref()
            .unwrap()
            .iter()
            .find(|q| q.path == p)
            .unwrap();
        assert!(
            q.blocks.contains(&"reference-pure-credit".to_string()),
            "{p}"
        );
    }

    let mut eleven = five.clone();
    eleven["resident"] = json!(true);
    eleven["yearsOperating"] = json!(5);
    eleven["tax"] = json!({ "grade": "B" });
    eleven["financials"][0]["totalAssets"] = json!("1500万");
    eleven["financials"][0]["totalLiabilities"] = json!("600万");
    eleven["financials"][0]["taxPaid"] = json!("80万");
    let r = report(&eleven);
    assert_eq!(tech_sme_score(&r), Some(96.into()));
    let reference = &r.products[0];
    assert_eq!(&*reference.id, "reference-pure-credit");
    assert_eq!(reference.status, ProductStatus::Eligible);
    assert!(reference.limit.is_some());
    let assumed: Vec<&str> = r.assumptions.iter().map(|a| a.field.as_str()).collect();
    for a in [
        "statuses.highTechEnterprise",
        "credit.dishonestDebtor",
        "talent",
        "debt.unsecured",
    ] {
        assert!(assumed.contains(&a), "{a} not assumed: {assumed:?}");
    }
    for never in ["resident", "tax.grade", "yearsOperating"] {
        assert!(!assumed.contains(&never));
    }
    assert!(!paths(&r).iter().any(|p| needed.contains(&p.as_str())));
}

#[test]
fn each_product_and_scheme_lists_the_inputs_it_reads() {
    let policy = credit_check::builtin().unwrap();
    let readers = credit_check::questions::readers(policy);
    let ids: Vec<&str> = readers.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "techSme",
            "highTech",
            "smeSize",
            "innovativeSme",
            "specializedSme",
            "littleGiant",
            "reference-pure-credit",
            "sukedai-2018",
            "kunkedai",
            "tax-credit"
        ]
    );
    let of = |id: &str| &readers.iter().find(|r| r.id == id).unwrap().paths;
    assert!(of("sukedai-2018").contains(&"province".to_string()));
    assert!(!of("reference-pure-credit").contains(&"province".to_string()));
    assert!(of("kunkedai").contains(&"city".to_string()));
    // Through the knock-outs and through isTechSme (the tech-SME result).
    assert!(of("tax-credit").contains(&"credit.dishonestDebtor".to_string()));
    assert!(of("reference-pure-credit").contains(&"techStaff".to_string()));
    assert!(of("techSme").contains(&"ip.classOne".to_string()));
}

#[test]
fn policy_inputs_name_each_product_and_scheme_in_the_locale() {
    use credit_check::text::Locale;
    let policy = credit_check::builtin().unwrap();
    let list = credit_check::ui::inputs::policy_inputs(policy, Locale::En);
    let first = serde_json::to_value(&list[0]).unwrap();
    assert_eq!(first["id"], "techSme");
    assert_eq!(first["kind"], "scheme");
    assert_eq!(first["name"], "Tech-based SME evaluation");
    let sukedai = list.iter().find(|p| p.id == "sukedai-2018").unwrap();
    assert_eq!(sukedai.kind, "product");
    assert!(sukedai.inputs.iter().any(|p| p == "province"));
}
