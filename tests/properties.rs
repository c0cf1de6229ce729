//! Properties over many generated profiles (seeded, deterministic): more R&D, more tech staff or
//! more IP never lowers a score, an innovation range or a line; evaluation never fails on a valid
//! profile and gives the same report twice.

use credit_check::engine::{self, Detail, Options};
use credit_check::json::Json;
use credit_check::report::Report;
use credit_check::sample::Rng;
use serde_json::{json, Value};

const CASES: usize = 300;

fn profile(r: &mut Rng) -> Value {
    credit_check::sample::profile(r)
}

fn eval(p: &Value) -> Report {
    let policy = credit_check::builtin().unwrap();
    // Summary detail: statuses, scores, ranges and lines, without the (re-evaluating) hints.
    let opts = Options {
        detail: Detail::Summary,
        ..Options::default()
    };
    engine::evaluate(&Json::from_value(p), policy, &opts).unwrap_or_else(|e| panic!("{e} for {p}"))
}

fn score(r: &Report) -> i64 {
    r.assessments
        .get("techSme")
        .and_then(|s| s.exact_score())
        .map_or(-1, |p| p.0.try_into().unwrap())
}

fn line(r: &Report, id: &str) -> rust_decimal::Decimal {
    r.products
        .iter()
        .find(|p| &*p.id == id)
        .and_then(|p| p.limit.as_ref())
        .map_or(rust_decimal::Decimal::ZERO, |l| l.amount.parse().unwrap())
}

fn bump(p: &Value, what: &str, r: &mut Rng) -> Value {
    let mut q = p.clone();
    match what {
        "rd" => {
            for y in q["financials"].as_array_mut().unwrap() {
                let v: u64 = y["rdExpense"].as_str().unwrap().parse().unwrap();
                y["rdExpense"] = json!((v + 10_000 * (1 + r.below(200))).to_string());
            }
        }
        "staff" => {
            let e = q["employees"].as_u64().unwrap();
            let t = q["techStaff"].as_u64().unwrap();
            q["techStaff"] = json!((t + 1 + r.below(20)).min(e));
        }
        "ip" => {
            let field = if r.below(2) == 0 {
                "classOne"
            } else {
                "classTwo"
            };
            let v = q["ip"][field].as_u64().unwrap();
            q["ip"][field] = json!(v + 1 + r.below(3));
        }
        _ => unreachable!(),
    }
    q
}

#[test]
fn more_rd_staff_or_ip_never_lowers_a_score_a_range_or_a_line() {
    let mut r = Rng::new(0x5eed_c0ff_ee12_3457);
    let mut compared = 0;
    for _ in 0..CASES {
        let p = profile(&mut r);
        let base = eval(&p);
        for what in ["rd", "staff", "ip"] {
            let q = bump(&p, what, &mut r);
            let more = eval(&q);
            assert!(score(&more) >= score(&base), "{what}: score fell for {p}");
            let (a, b) = (
                base.assessments.get("highTech").unwrap(),
                more.assessments.get("highTech").unwrap(),
            );
            assert!(b.score.min >= a.score.min, "{what}: range min fell for {p}");
            assert!(b.score.max >= a.score.max, "{what}: range max fell for {p}");
            // R&D and staff only act on lines through the tech-SME status; IP adds to them.
            assert!(
                line(&more, "reference-pure-credit") >= line(&base, "reference-pure-credit"),
                "{what}: line fell for {p}"
            );
            compared += 1;
        }
    }
    println!("{compared} monotonicity comparisons over {CASES} generated profiles");
}

#[test]
fn evaluation_is_total_and_deterministic_on_generated_profiles() {
    let mut r = Rng::new(0x0123_4567_89ab_cdef);
    for _ in 0..CASES {
        let p = profile(&mut r);
        let a = credit_check::to_json(&eval(&p));
        let b = credit_check::to_json(&eval(&p));
        assert_eq!(a, b);
    }
}

#[test]
fn less_existing_debt_never_lowers_a_line() {
    let mut r = Rng::new(0xdead_beef_cafe_f00d);
    for _ in 0..CASES {
        let p = profile(&mut r);
        let mut q = p.clone();
        q["debt"]["unsecured"] = json!("0");
        q["debt"]["guaranteed"] = json!("0");
        let (a, b) = (eval(&p), eval(&q));
        for id in [
            "reference-pure-credit",
            "sukedai-2018",
            "kunkedai",
            "tax-credit",
        ] {
            assert!(
                line(&b, id) >= line(&a, id),
                "{id}: line fell without debt for {p}"
            );
        }
    }
}
