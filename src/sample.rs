//! Seeded, varied profiles for property tests, benchmarks and batch runs. Deterministic: the same
//! seed gives the same profiles on every machine. Not used by the engine itself.

use serde_json::{json, Value};

/// A small xorshift generator.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let i = usize::try_from(self.below(items.len() as u64)).unwrap_or(0);
        items.get(i).copied().unwrap_or_default()
    }
}

/// One varied, valid profile: 1–3 years, every field present, a few red flags now and then.
pub fn profile(r: &mut Rng) -> Value {
    let employees = 5 + r.below(600);
    let tech = r.below(employees + 1);
    let revenue = r.below(30_000) * 10_000;
    let years = 1 + r.below(3);
    let financials: Vec<Value> = (0..years)
        .map(|i| {
            let rev = revenue / (i + 1);
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
        "name": format!("企业{}", r.below(1_000_000)),
        "province": r.pick(&["jiangsu", "jiangsu", "zhejiang"]),
        "city": r.pick(&["nanjing", "kunshan", "wuxi", "suzhou"]),
        "sector": r.pick(&["industry", "software", "other"]),
        "resident": r.below(20) > 0,
        "yearsOperating": r.below(8),
        "employees": employees,
        "techStaff": tech,
        "financials": financials,
        "highTechRevenue": (revenue / 100 * r.below(100)).to_string(),
        "ip": { "classOne": r.below(3), "classTwo": r.below(7) },
        "techField": r.pick(&["electronic-information", "new-materials", "biomedicine", "none"]),
        "statuses": {
            "highTechEnterprise": r.below(4) == 0,
            "innovativeSme": r.below(4) == 0,
            "specializedSme": r.below(6) == 0,
            "littleGiant": r.below(12) == 0,
            "techSmeRegistered": r.below(5) == 0,
            "provincialRdInstitution": r.below(10) == 0,
            "ledStandard": r.below(15) == 0,
            "nationalAward": r.below(30) == 0
        },
        "talent": r.pick(&["national", "provincial", "municipal", "none", "none", "none"]),
        "tax": { "grade": r.pick(&["A", "A", "B", "M", "C", "D"]), "arrears": r.below(20) == 0 },
        "credit": {
            "dishonestDebtor": r.below(30) == 0,
            "abnormalOperations": r.below(30) == 0,
            "seriousIllegal": r.below(50) == 0,
            "overdueNow": r.below(25) == 0,
            "overdue90In24m": r.below(25) == 0,
            "overdueEventsIn24m": r.below(4),
            "majorIncident": r.below(40) == 0,
            "restrictedIndustry": r.below(40) == 0
        },
        "debt": {
            "unsecured": (r.below(300) * 10_000).to_string(),
            "guaranteed": (r.below(100) * 10_000).to_string(),
            "secured": (r.below(500) * 10_000).to_string()
        }
    })
}

/// A policy as costly as the budgets allow, for benchmarks: the built-in policy plus a 256-row band
/// table, `facts` policy facts each a flat chain of 16 `band()` lookups over it (every evaluation
/// and every hint probe computes them all), and 8 knock-outs that fail but pass with more of any
/// of eight fields (so the hints spend their whole probe budget). The embedded tests are dropped.
pub fn costly_policy(facts: usize) -> Value {
    let mut doc: Value = serde_json::from_str(crate::policy::BUILTIN_JSON).unwrap_or(Value::Null);
    let rows: Vec<Value> = (0..255)
        .rev()
        .map(|i| json!({ "atLeast": (i * 1_000_000).to_string(), "value": i.to_string() }))
        .chain(std::iter::once(json!({ "value": "0" })))
        .collect();
    let chain = ["band('wide', revenue)"; 16].join(" + ");
    let label = json!({ "zh-CN": "x", "en": "x" });
    // Failing now, passable by raising any of several fields: a hint search for each.
    let reachable = [
        "revenue",
        "rdExpense",
        "taxPaid",
        "highTechRevenue",
        "domesticRdExpense",
    ]
    .map(|f| format!("band('wide', {f})"))
    .join(" + ")
        + " + techStaff + ip.classOne + ip.classTwo";
    let Some(top) = doc.as_object_mut() else {
        return doc;
    };
    if let Some(tables) = top.get_mut("tables").and_then(Value::as_object_mut) {
        tables.insert("wide".into(), json!({ "kind": "band", "rows": rows }));
    }
    if let Some(list) = top.get_mut("facts").and_then(Value::as_array_mut) {
        for i in 0..facts {
            list.push(json!({ "id": format!("costly{i}"), "label": label, "expr": chain }));
        }
    }
    if let Some(kos) = top.get_mut("knockouts").and_then(Value::as_array_mut) {
        for i in 0..8 {
            kos.push(json!({
                "id": format!("never{i}"),
                "label": label,
                "pass": format!("{reachable} >= {}", 700 + i)
            }));
        }
    }
    top.insert("tests".into(), Value::Array(Vec::new()));
    doc
}
