//! Properties over many generated profiles (seeded, deterministic): more R&D, more tech staff or
//! more IP never lowers a score, an innovation range or a line; evaluation never fails on a valid
//! profile and gives the same report twice.

use credit_check::engine::{self, Detail, Options};
use credit_check::json::Json;
use credit_check::report::Report;
use serde_json::{json, Value};

/// A small xorshift generator: the same seed gives the same profiles on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const CASES: usize = 300;

fn profile(r: &mut Rng) -> Value {
    let employees = 5 + r.below(600);
    let tech = r.below(employees + 1);
    let revenue = r.below(30_000) * 10_000;
    let years = 1 + r.below(3) as usize;
    let financials: Vec<Value> = (0..years)
        .map(|i| {
            let rev = revenue / (i as u64 + 1);
            let assets = 1_000_000 + r.below(50_000) * 10_000;
            json!({
                "revenue": rev.to_string(),
                "rdExpense": (rev / 100 * r.below(12)).to_string(),
                "domesticRdExpense": (rev / 100 * r.below(6)).to_string(),
                "costsAndExpenses": (rev / 10 * (5 + r.below(6))).to_string(),
                "totalAssets": assets.to_string(),
                "totalLiabilities": (assets / 100 * r.below(95)).to_string(),
                "taxPaid": (rev / 100 * r.below(8)).to_string(),
            })
        })
        .collect();
    json!({
        "province": r.pick(&["jiangsu", "zhejiang"]),
        "city": r.pick(&["nanjing", "kunshan", "wuxi"]),
        "resident": r.below(10) > 0,
        "yearsOperating": r.below(8),
        "employees": employees,
        "techStaff": tech,
        "financials": financials,
        "highTechRevenue": (revenue / 100 * r.below(100)).to_string(),
        "ip": { "classOne": r.below(3), "classTwo": r.below(7) },
        "techField": r.pick(&["electronic-information", "new-materials", "none"]),
        "statuses": {
            "highTechEnterprise": r.below(4) == 0,
            "innovativeSme": r.below(4) == 0,
            "specializedSme": r.below(6) == 0,
            "littleGiant": r.below(12) == 0,
            "techSmeRegistered": r.below(5) == 0
        },
        "talent": r.pick(&["national", "provincial", "municipal", "none", "none"]),
        "tax": { "grade": r.pick(&["A", "B", "M", "C", "D"]), "arrears": r.below(20) == 0 },
        "credit": { "overdueEventsIn24m": r.below(4), "dishonestDebtor": r.below(30) == 0 },
        "debt": { "unsecured": (r.below(300) * 10_000).to_string(), "guaranteed": (r.below(100) * 10_000).to_string() }
    })
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
        .tech_sme
        .score
        .map_or(-1, |p| p.0.try_into().unwrap())
}

fn line(r: &Report, id: &str) -> rust_decimal::Decimal {
    r.products
        .iter()
        .find(|p| p.id == id)
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
    let mut r = Rng(0x5eed_c0ff_ee12_3457);
    let mut compared = 0;
    for _ in 0..CASES {
        let p = profile(&mut r);
        let base = eval(&p);
        for what in ["rd", "staff", "ip"] {
            let q = bump(&p, what, &mut r);
            let more = eval(&q);
            assert!(score(&more) >= score(&base), "{what}: score fell for {p}");
            let (a, b) = (&base.assessments.high_tech, &more.assessments.high_tech);
            assert!(
                b.innovation_score.min >= a.innovation_score.min,
                "{what}: range min fell for {p}"
            );
            assert!(
                b.innovation_score.max >= a.innovation_score.max,
                "{what}: range max fell for {p}"
            );
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
    let mut r = Rng(0x0123_4567_89ab_cdef);
    for _ in 0..CASES {
        let p = profile(&mut r);
        let a = credit_check::to_json(&eval(&p));
        let b = credit_check::to_json(&eval(&p));
        assert_eq!(a, b);
    }
}

#[test]
fn less_existing_debt_never_lowers_a_line() {
    let mut r = Rng(0xdead_beef_cafe_f00d);
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
