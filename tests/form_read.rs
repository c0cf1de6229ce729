//! The form reader (`ui::form::read`, `readForm` in JavaScript): numbers as people write them,
//! each problem at its field in the field's words and unit, and the profile holding exactly
//! what was typed.

use credit_check::ui::form::{read_value, FormRead};
use credit_check::Locale;
use serde_json::{json, Value};

fn one(path: &str, typed: &str) -> FormRead {
    read_value(&json!({ path: typed }), Locale::ZhCn)
}

/// The value the profile got at `path`, or the error code there.
fn outcome(path: &str, typed: &str) -> Result<Value, String> {
    let form = one(path, typed);
    if let Some(e) = form.errors.first() {
        assert_eq!(e.path, path, "{typed}: the error sits at its field");
        return Err(e.code.as_str().to_string());
    }
    let mut v = &form.profile;
    for seg in path.split('.') {
        v = match seg.split_once('[') {
            Some((name, i)) => &v[name][i.trim_end_matches(']').parse::<usize>().unwrap()],
            None => &v[seg],
        };
    }
    Ok(v.clone())
}

const REVENUE: &str = "financials[0].revenue";

#[test]
fn amounts_are_read_in_their_unit_whatever_way_they_are_written() {
    let ok = |yuan: &str| Ok(Value::String(yuan.to_string()));
    let err = |code: &str| Err(code.to_string());
    let table: &[(&str, Result<Value, String>)] = &[
        ("2000", ok("20000000")),
        ("2000万", ok("20000000")),
        ("2000万元", ok("20000000")),
        ("0.2亿", ok("20000000")),
        ("0.2亿元", ok("20000000")),
        ("2,000", ok("20000000")),
        ("2，000", ok("20000000")),
        ("３０００", ok("30000000")),
        ("３０００．５", ok("30005000")),
        ("2000.5", ok("20005000")),
        ("20000000元", ok("20000000")),
        ("  2000万  ", ok("20000000")),
        ("2000 万", ok("20000000")),
        ("¥20000000元", ok("20000000")),
        ("￥20000000元", ok("20000000")),
        ("￥2000万元", ok("20000000")),
        ("12,345,678元", ok("12345678")),
        ("0", ok("0")),
        ("0.0001", ok("1")),
        ("1.23亿", ok("123000000")),
        ("100,000,000,000", ok("1000000000000000")),
        ("1000万亿元", err("malformedAmount")),
        ("2千万", err("malformedAmount")),
        ("2000万万", err("malformedAmount")),
        ("2,00", err("malformedAmount")),
        (",200", err("malformedAmount")),
        ("20,00,000", err("malformedAmount")),
        ("2,000.5,0", err("malformedAmount")),
        ("¥2000", err("malformedAmount")),
        ("¥2000万", err("malformedAmount")),
        ("1e5", err("malformedAmount")),
        (".5", err("malformedAmount")),
        ("5.", err("malformedAmount")),
        ("2 000", err("malformedAmount")),
        ("abc", err("malformedAmount")),
        ("NaN", err("malformedAmount")),
        ("万", err("malformedAmount")),
        ("-5", err("negativeAmount")),
        ("－5万", err("negativeAmount")),
        ("-0", ok("0")),
        ("100,000,000,001", err("amountTooLarge")),
        ("100000000000.0001", err("amountTooLarge")),
        ("10000000亿", ok("1000000000000000")),
        ("10000001亿", err("amountTooLarge")),
        ("1.00000000000000001", err("tooManyDecimals")),
        ("1.0000000000000001", ok("10000.000000000001")),
        ("1.000000000000000000000000000000000000", ok("10000")),
    ];
    for (typed, expected) in table {
        assert_eq!(&outcome(REVENUE, typed), expected, "{typed:?}");
    }
}

#[test]
fn counts_and_years_take_their_units_and_full_width_digits() {
    let n = |v: u64| Ok(json!(v));
    let s = |v: &str| Ok(json!(v));
    let err = |code: &str| Err(code.to_string());
    let table: &[(&str, &str, Result<Value, String>)] = &[
        ("employees", "60", n(60)),
        ("employees", "60人", n(60)),
        ("employees", "６０人", n(60)),
        ("employees", "1,200人", n(1200)),
        ("employees", "60.0", n(60)),
        ("ip.classOne", "3件", n(3)),
        ("ip.classOne", "3个", n(3)),
        ("ip.classTwo", "3项", n(3)),
        ("credit.overdueEventsIn24m", "0", n(0)),
        ("employees", "60.5", err("notInteger")),
        ("employees", "60.0000000000000001", err("notInteger")),
        ("employees", "-3", err("negativeAmount")),
        ("employees", "60万", err("malformedAmount")),
        // A unit belongs to what is counted.
        ("employees", "60年", err("malformedAmount")),
        ("ip.classOne", "3人", err("malformedAmount")),
        ("employees", "60名", n(60)),
        ("credit.overdueEventsIn24m", "2次", n(2)),
        ("employees", "六十", err("malformedAmount")),
        ("employees", "1,000,000,000,000,001", err("amountTooLarge")),
        ("innovationSelfRating.advancement", "8", n(8)),
        ("innovationSelfRating.advancement", "9", err("outOfRange")),
        ("innovationSelfRating.transfer", "30", n(30)),
        ("yearsOperating", "5", s("5")),
        ("yearsOperating", "5.5", s("5.5")),
        ("yearsOperating", "5年", s("5")),
        ("yearsOperating", "５．５年", s("5.5")),
        ("yearsOperating", "5个月", err("malformedAmount")),
        ("yearsOperating", "-1", err("negativeAmount")),
        ("yearsOperating", "0.0000000000001", err("tooManyDecimals")),
    ];
    for (path, typed, expected) in table {
        assert_eq!(&outcome(path, typed), expected, "{path} {typed:?}");
    }
}

#[test]
fn flags_choices_and_text_are_read_as_the_form_offers_them() {
    let form = read_value(
        &json!({
            "resident": "true", "statuses.highTechEnterprise": false, "tax.arrears": "false",
            "city": "kunshan", "tax.grade": "A", "name": "  云创大数据 ",
            "statuses.littleGiant": "", "talent": ""
        }),
        Locale::ZhCn,
    );
    assert!(form.errors.is_empty(), "{:?}", form.errors);
    assert_eq!(
        form.profile,
        json!({
            "resident": true, "statuses": { "highTechEnterprise": false },
            "tax": { "arrears": false, "grade": "A" }, "city": "kunshan", "name": "云创大数据"
        })
    );
    let bad = read_value(
        &json!({ "resident": "yes", "city": "hangzhou", "tax.grade": "a", "name": "x".repeat(201) }),
        Locale::ZhCn,
    );
    let codes: Vec<_> = bad
        .errors
        .iter()
        .map(|e| (e.path.as_str(), e.code.as_str()))
        .collect();
    assert_eq!(
        codes,
        [
            ("name", "tooLong"),
            ("city", "unknownValue"),
            ("resident", "unknownValue"),
            ("tax.grade", "unknownValue"),
        ]
    );
    assert_eq!(bad.profile, json!({}));
    assert!(
        bad.errors[1].message.contains("南京、苏州、昆山"),
        "{}",
        bad.errors[1].message
    );
}

#[test]
fn messages_speak_in_the_fields_words_and_unit() {
    let zh = one(REVENUE, "2千万");
    assert_eq!(
        zh.errors[0].message,
        "销售收入：无法识别“2千万”，请填写数字，可带万或亿，例如 2000 或 0.2亿"
    );
    let en = read_value(&json!({ REVENUE: "2千万" }), Locale::En);
    assert_eq!(
        en.errors[0].message,
        "Revenue: \"2千万\" is not a number we can read; type a number, optionally with 万 or 亿, e.g. 2000 or 0.2亿"
    );
    let large = one("debt.unsecured", "200000000000");
    assert_eq!(
        large.errors[0].message,
        "现有信用贷款余额：“200000000000”过大，最多 100,000,000,000万"
    );
    let negative = one(REVENUE, "-5");
    assert_eq!(
        negative.errors[0].message,
        "销售收入：“-5”是负数，请填写 0 或更大的数"
    );
    let decimals = one(REVENUE, "1.00000000000000001");
    assert_eq!(
        decimals.errors[0].message,
        "销售收入：“1.00000000000000001”的小数位过多：按万计最多 16 位小数"
    );
    let people = one("employees", "六十");
    assert_eq!(
        people.errors[0].message,
        "职工总数：无法识别“六十”，请填写整数，例如 60 或 60人"
    );
    let half = one("employees", "60.5");
    assert_eq!(
        half.errors[0].message,
        "职工总数：“60.5”不是整数，请填写整数（单位：人）"
    );
    // Never a JSON path, never yuan, never 万万, in any message of any field.
    for locale in Locale::ALL {
        for (path, typed) in [
            (REVENUE, "2千万"),
            ("financials[1].rdExpense", "-1"),
            ("debt.guaranteed", "1e99"),
            ("employees", "x"),
            ("yearsOperating", "x"),
            ("ip.classOne", "1.5"),
        ] {
            let form = read_value(&json!({ path: typed }), locale);
            let m = &form.errors[0].message;
            assert!(
                !m.contains("financials") && !m.contains('[') && !m.contains("万万"),
                "{m}"
            );
            assert!(
                !m.contains("元") && !m.contains("yuan ") && !m.contains("10^15"),
                "{m}"
            );
            if locale == Locale::En {
                assert!(
                    !m.contains('：') && !m.contains('“') && !m.contains('，'),
                    "{m}"
                );
            }
        }
    }
}

#[test]
fn every_problem_is_reported_at_once_in_form_order() {
    let form = read_value(
        &json!({
            "debt.unsecured": "x", "employees": "-1", REVENUE: "2,00", "nope": "1",
            "financials[2].rdExpense": "1e5", "techField": "electronic-information"
        }),
        Locale::ZhCn,
    );
    let paths: Vec<_> = form.errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "employees",
            REVENUE,
            "financials[2].rdExpense",
            "debt.unsecured",
            "nope"
        ]
    );
    assert_eq!(form.errors[4].code.as_str(), "unknownField");
    assert_eq!(
        form.profile,
        json!({ "techField": "electronic-information" })
    );
}

#[test]
fn the_profile_holds_exactly_what_was_typed_nested_by_path() {
    let form = read_value(
        &json!({
            "financials[1].revenue": "2500", "employees": "60人", "ip.classOne": "2",
            "debt.unsecured": "", "financials[2].revenue": "", "highTechRevenue": "0.2亿"
        }),
        Locale::ZhCn,
    );
    assert!(form.errors.is_empty());
    assert_eq!(
        form.profile,
        json!({
            "employees": 60,
            "financials": [{}, { "revenue": "25000000" }],
            "ip": { "classOne": 2 },
            "highTechRevenue": "20000000"
        })
    );
    // The profile is one the engine reads, and the empty latest year is asked for.
    let report = credit_check::evaluate_value(&form.profile, &Default::default()).unwrap();
    assert!(report
        .assessments
        .get("techSme")
        .and_then(|s| s.exact_score())
        .is_none());
}

#[test]
fn values_echo_each_number_for_people() {
    let typed = json!({
        REVENUE: "2000", "financials[0].rdExpense": "20000万", "financials[0].taxPaid": "1.5亿元",
        "debt.unsecured": "123456789元", "employees": "1200人", "ip.classOne": "3",
        "yearsOperating": "5.5", "city": "nanjing"
    });
    let zh = read_value(&typed, Locale::ZhCn);
    let shown: Vec<_> = zh
        .values
        .iter()
        .map(|v| (v.path.as_str(), v.display.as_str()))
        .collect();
    assert_eq!(
        shown,
        [
            ("yearsOperating", "5.5年"),
            ("employees", "1,200人"),
            (REVENUE, "2,000万"),
            ("financials[0].rdExpense", "2亿"),
            ("financials[0].taxPaid", "1.5亿"),
            ("ip.classOne", "3件"),
            ("debt.unsecured", "12,345.68万"),
        ]
    );
    assert_eq!(
        zh.values[2].value,
        credit_check::ui::form::Canonical::Text("20000000".into())
    );
    let en = read_value(&typed, Locale::En);
    let shown: Vec<_> = en.values.iter().map(|v| v.display.as_str()).collect();
    assert_eq!(
        shown,
        [
            "5.5 years",
            "1,200",
            "¥20,000,000",
            "¥200,000,000",
            "¥150,000,000",
            "3",
            "¥123,456,789"
        ]
    );
    let wire = serde_json::to_value(&zh).unwrap();
    assert_eq!(
        wire["values"][1],
        json!({ "path": "employees", "value": 1200, "display": "1,200人" })
    );
}

#[test]
fn more_tech_staff_than_employees_is_read_and_left_to_the_reports_warning() {
    // Issue #12: valid but unlikely figures are warnings beside the result, never errors.
    let form = read_value(
        &json!({ "employees": "60", "techStaff": "90人" }),
        Locale::ZhCn,
    );
    assert!(form.errors.is_empty(), "{:?}", form.errors);
    assert_eq!(form.profile, json!({ "employees": 60, "techStaff": 90 }));
}

#[test]
fn values_that_are_not_an_object_are_one_error_not_a_panic() {
    for v in [json!([1, 2]), json!("x"), json!(3)] {
        let form = read_value(&v, Locale::En);
        assert_eq!(form.errors.len(), 1);
        assert_eq!(form.errors[0].code.as_str(), "wrongType");
    }
    let form = read_value(
        &json!({ REVENUE: { "a": 1 }, "employees": [1], "resident": 1 }),
        Locale::En,
    );
    let codes: Vec<_> = form.errors.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["unknownValue", "wrongType", "wrongType"]);
}

#[test]
fn every_form_fields_example_value_is_read_and_the_profile_evaluates() {
    use credit_check::ui::form::spec;
    for locale in Locale::ALL {
        let mut typed = serde_json::Map::new();
        for f in spec(locale).iter().flat_map(|s| s.fields.iter()) {
            typed.insert(f.path.to_string(), json!(f.default));
        }
        let form = read_value(&Value::Object(typed), locale);
        assert!(form.errors.is_empty(), "{:?}", form.errors);
        let report = credit_check::evaluate_value(&form.profile, &Default::default()).unwrap();
        assert_eq!(
            report
                .assessments
                .get("techSme")
                .and_then(|s| s.exact_score())
                .map(|p| p.0),
            Some(96.into())
        );
    }
}

#[test]
fn every_form_field_puts_its_problem_at_its_own_path_under_its_own_label() {
    use credit_check::ui::form::{spec, Kind};
    for locale in Locale::ALL {
        for f in spec(locale).iter().flat_map(|s| s.fields.iter()) {
            let bad = match f.kind {
                Kind::Text => "x".repeat(201),
                _ => "2千万".to_string(),
            };
            let form = read_value(&json!({ f.path: bad }), locale);
            assert_eq!(form.errors.len(), 1, "{}", f.path);
            assert_eq!(form.errors[0].path, f.path);
            assert!(
                form.errors[0].message.starts_with(f.label),
                "{}",
                form.errors[0].message
            );
            assert_eq!(form.profile, json!({}));
        }
    }
}

/// The form asks only what the active policy reads, and says what that policy's rules do with a
/// field under the field's own meaning (issue #13 item 2).
#[test]
fn the_form_follows_the_policy_it_runs() {
    use credit_check::policy::Policy;
    use credit_check::ui::form::spec_for;
    let fields = |p: &Policy| -> Vec<(String, String)> {
        spec_for(p, Locale::ZhCn)
            .into_iter()
            .flat_map(|s| s.fields)
            .map(|f| (f.path.to_string(), f.help))
            .collect()
    };
    let help = |fs: &[(String, String)], path: &str| {
        fs.iter().find(|(p, _)| p == path).map(|(_, h)| h.clone())
    };
    let builtin = fields(&Policy::builtin().unwrap());
    assert_eq!(
        help(&builtin, "province").unwrap(),
        "企业注册登记所在的省份。苏科贷要求在江苏注册。"
    );
    assert_eq!(
        help(&builtin, "city").unwrap(),
        "企业注册登记所在的市或县。昆科贷要求在昆山注册。"
    );
    // The built-in policy does not read the 2022 document's inputs: they are not asked.
    assert!(help(&builtin, "rdStaff").is_none());
    assert!(help(&builtin, "financials[0].netProfit").is_none());

    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/policies/example-bank.json"),
    )
    .unwrap();
    let bank = fields(&Policy::from_value(&serde_json::from_str(&text).unwrap()).unwrap());
    // The bank has neither 苏科贷 nor 昆科贷, so its form does not ask where the firm is registered
    // (only its own products' rules would need it).
    assert!(help(&bank, "city").is_none(), "{bank:?}");
    assert!(bank
        .iter()
        .all(|(_, h)| !h.contains("苏科贷") && !h.contains("昆科贷")));
    assert_eq!(
        help(&bank, "debt.guaranteed").unwrap(),
        "由第三方或担保公司保证的贷款余额。按 50% 扣除。"
    );

    // The 2022 ladder document reads inputs of its own: its form asks them, with their labels.
    let text22 = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/policies/ladder-2022.json"),
    )
    .unwrap();
    let y2022 = fields(&Policy::from_value(&serde_json::from_str(&text22).unwrap()).unwrap());
    for path in [
        "rdStaff",
        "rdInstitutionLevel",
        "digitalLevel",
        "qualityItems",
        "featureSelfRating",
        "financials[0].netProfit",
        "financials[2].mainBusinessRevenue",
    ] {
        assert!(help(&y2022, path).is_some(), "{path}");
    }

    // A note on a field that does not exist is a problem at its path.
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    doc["inputs"]["finanicals[0].revenue"] = json!({ "zh-CN": "x", "en": "x" });
    let e = Policy::from_value(&doc).unwrap_err();
    assert!(e
        .issues
        .iter()
        .any(|i| i.path == "inputs.finanicals[0].revenue" && i.code.as_str() == "unknownField"));
}

/// Net profit is the one amount that may be negative: a loss typed with a minus sign is read; any
/// other amount refuses it.
#[test]
fn a_loss_is_read_as_a_negative_net_profit_only() {
    let form = read_value(
        &json!({ "financials[0].netProfit": "-50", "financials[1].netProfit": "−0.1亿" }),
        Locale::ZhCn,
    );
    assert!(form.errors.is_empty(), "{:?}", form.errors);
    assert_eq!(form.profile["financials"][0]["netProfit"], json!("-500000"));
    assert_eq!(
        form.profile["financials"][1]["netProfit"],
        json!("-10000000")
    );
    let revenue = read_value(&json!({ "financials[0].revenue": "-50" }), Locale::ZhCn);
    assert_eq!(revenue.errors.len(), 1);
}
