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

/// One limit of a policy document, pushed to its documented value (accepted) or one past it
/// (refused with `code`): what `policy_at_limits` combines.
struct Push {
    name: &'static str,
    /// The error one past the limit gives.
    code: &'static str,
    apply: fn(&mut serde_json::Map<String, Value>, bool),
}

fn array_at<'a>(
    doc: &'a mut serde_json::Map<String, Value>,
    key: &str,
) -> Option<&'a mut Vec<Value>> {
    doc.get_mut(key).and_then(Value::as_array_mut)
}

fn first_product(
    doc: &mut serde_json::Map<String, Value>,
) -> Option<&mut serde_json::Map<String, Value>> {
    array_at(doc, "products")?.first_mut()?.as_object_mut()
}

/// A flat chain of `terms` terms (each one level of the tree), padded with spaces to `len` chars.
fn chain(terms: usize, len: usize) -> String {
    let mut e = vec!["revenue"; terms.max(1)].join("+");
    while e.len() < len {
        e.push(' ');
    }
    e
}

const PUSHES: &[Push] = &[
    Push {
        name: "64 products",
        code: "policyTooLarge",
        apply: |d, past| {
            if let Some(list) = array_at(d, "products") {
                let Some(one) = list.last().cloned() else {
                    return;
                };
                let n = crate::policy::MAX_PRODUCTS + usize::from(past);
                while list.len() < n {
                    let mut p = one.clone();
                    if let Some(m) = p.as_object_mut() {
                        m.insert("id".into(), Value::from(format!("copy{}", list.len())));
                    }
                    list.push(p);
                }
            }
        },
    },
    Push {
        name: "64 steps",
        code: "policyTooLarge",
        apply: |d, past| {
            let Some(steps) = first_product(d)
                .and_then(|p| p.get_mut("limit"))
                .and_then(|l| l.get_mut("steps"))
                .and_then(Value::as_array_mut)
            else {
                return;
            };
            let n = crate::policy::MAX_STEPS + usize::from(past);
            let label = json!({ "zh-CN": "步", "en": "step" });
            while steps.len() < n {
                let at = steps.len();
                steps.insert(
                    0,
                    json!({ "id": format!("pad{at}"), "label": label, "expr": "1" }),
                );
            }
        },
    },
    Push {
        name: "128 knock-outs",
        code: "policyTooLarge",
        apply: |d, past| {
            let Some(list) = array_at(d, "knockouts") else {
                return;
            };
            let n = crate::policy::MAX_CHECKS + usize::from(past);
            let label = json!({ "zh-CN": "查", "en": "check" });
            while list.len() < n {
                let at = list.len();
                list.push(json!({ "id": format!("ko{at}"), "label": label, "pass": "revenue >= 0 or not known(revenue)" }));
            }
        },
    },
    Push {
        name: "256 table rows",
        code: "policyTooLarge",
        apply: |d, past| {
            let n = crate::policy::MAX_TABLE_ROWS + usize::from(past);
            let mut rows: Vec<Value> = (1..n)
                .rev()
                .map(|i| json!({ "atLeast": i.to_string(), "value": "1" }))
                .collect();
            rows.push(json!({ "value": "0" }));
            if let Some(t) = d.get_mut("tables").and_then(Value::as_object_mut) {
                t.insert("limitRows".into(), json!({ "kind": "band", "rows": rows }));
            }
            if let Some(list) = array_at(d, "facts") {
                list.push(json!({ "id": "limitRowsFact", "label": { "zh-CN": "表", "en": "table" }, "expr": "band('limitRows', revenue)" }));
            }
        },
    },
    Push {
        name: "a flat chain 40 deep",
        code: "expressionTooDeep",
        apply: |d, past| {
            if let Some(list) = array_at(d, "facts") {
                list.push(json!({ "id": "limitChain", "label": { "zh-CN": "链", "en": "chain" }, "expr": chain(crate::policy::expr::MAX_DEPTH + usize::from(past), 0) }));
            }
        },
    },
    Push {
        name: "nesting 40 deep",
        code: "expressionTooDeep",
        apply: |d, past| {
            let n = crate::policy::expr::MAX_DEPTH - 1 + usize::from(past);
            let e = format!("{}revenue{}", "-(".repeat(n / 2), ")".repeat(n / 2));
            let e = if n % 2 == 1 { format!("-{e}") } else { e };
            if let Some(list) = array_at(d, "facts") {
                list.push(json!({ "id": "limitNest", "label": { "zh-CN": "深", "en": "deep" }, "expr": e }));
            }
        },
    },
    Push {
        name: "a 4,000-character expression",
        code: "tooLong",
        apply: |d, past| {
            if let Some(list) = array_at(d, "facts") {
                list.push(json!({ "id": "limitLong", "label": { "zh-CN": "长", "en": "long" }, "expr": chain(8, crate::policy::expr::MAX_LEN + usize::from(past)) }));
            }
        },
    },
    Push {
        name: "min() of 16 arguments",
        code: "wrongArity",
        apply: |d, past| {
            let e = format!(
                "min({})",
                vec!["revenue"; 16 + usize::from(past)].join(", ")
            );
            if let Some(list) = array_at(d, "facts") {
                list.push(json!({ "id": "limitWide", "label": { "zh-CN": "宽", "en": "wide" }, "expr": e }));
            }
        },
    },
    Push {
        name: "a 20,000-byte label",
        code: "tooLarge",
        apply: |d, past| {
            let n = crate::json::MAX_STRING + usize::from(past);
            if let Some(p) = first_product(d) {
                p.insert("name".into(), json!({ "zh-CN": "名", "en": "n".repeat(n) }));
            }
        },
    },
    Push {
        name: "a 1 MiB document",
        code: "policyTooLarge",
        apply: |d, past| {
            // Sources are listed once per report, so the size budget is not what refuses this.
            let now = serde_json::to_string(&*d).map_or(0, |t| t.len());
            let room = crate::policy::MAX_POLICY_BYTES.saturating_sub(now);
            let Some(list) = array_at(d, "sources") else {
                return;
            };
            let chunk = 10_000;
            let mut left = room;
            let mut i = 0;
            while left > chunk + 100 {
                list.push(json!({ "id": format!("pad{i}"), "title": "t".repeat(chunk) }));
                left -= chunk + 24 + i.to_string().len();
                i += 1;
            }
            // Whatever is left, less the entry's own syntax, and one byte more when past the limit.
            let tail = left.saturating_sub(30 + i.to_string().len()) + usize::from(past) * 64;
            list.push(json!({ "id": format!("pad{i}"), "title": "t".repeat(tail) }));
        },
    },
    Push {
        name: "the work budget",
        code: "policyTooCostly",
        apply: |d, past| {
            let rows: Vec<Value> = (0..255)
                .rev()
                .map(|i| json!({ "atLeast": (i * 1_000_000).to_string(), "value": i.to_string() }))
                .chain(std::iter::once(json!({ "value": "0" })))
                .collect();
            if let Some(t) = d.get_mut("tables").and_then(Value::as_object_mut) {
                t.insert("costRows".into(), json!({ "kind": "band", "rows": rows }));
            }
            let e = ["band('costRows', revenue)"; 16].join(" + ");
            // 15 such facts stay within the budget on the built-in policy; 40 are well past it.
            let n = if past { 40 } else { 12 };
            if let Some(list) = array_at(d, "facts") {
                for i in 0..n {
                    list.push(json!({ "id": format!("cost{i}"), "label": { "zh-CN": "费", "en": "cost" }, "expr": e }));
                }
            }
        },
    },
];

/// A policy with some of its documented limits pushed to the limit or one past it, and the codes
/// it must be refused with (empty: it must be accepted, unless the pushes together pass a budget
/// or the document size, which `budget_codes` lists).
pub fn policy_at_limits(r: &mut Rng) -> (Value, Vec<&'static str>, Vec<&'static str>) {
    let mut doc: Value = serde_json::from_str(crate::policy::BUILTIN_JSON).unwrap_or(Value::Null);
    let mut refused = Vec::new();
    let mut names = Vec::new();
    if let Some(d) = doc.as_object_mut() {
        d.insert("tests".into(), Value::Array(Vec::new()));
        for push in PUSHES {
            // Each limit in about one policy of three; one past it in one of those four.
            if r.below(3) != 0 {
                continue;
            }
            let past = r.below(4) == 0;
            (push.apply)(d, past);
            names.push(push.name);
            if past {
                refused.push(push.code);
            }
        }
    }
    (doc, refused, names)
}

/// How many limits `policy_with_limit` knows.
pub const LIMITS: usize = PUSHES.len();

/// The built-in policy with one limit pushed to its value (or one past it): (policy, the limit's
/// name, the code one past it gives).
pub fn policy_with_limit(index: usize, past: bool) -> Option<(Value, &'static str, &'static str)> {
    let push = PUSHES.get(index)?;
    let mut doc: Value = serde_json::from_str(crate::policy::BUILTIN_JSON).unwrap_or(Value::Null);
    let d = doc.as_object_mut()?;
    d.insert("tests".into(), Value::Array(Vec::new()));
    (push.apply)(d, past);
    Some((doc, push.name, push.code))
}
