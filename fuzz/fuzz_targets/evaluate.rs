//! Arbitrary profiles against arbitrary *valid* policies: the bytes choose a profile (from the
//! seeded generator, then mutated) and changes to the built-in policy's numbers and formulas; the
//! policies that validate are then evaluated with full detail (checks, steps, hints). Evaluation may
//! return a typed error (overflow, division by zero), never panic or hang.
#![no_main]
use credit_check::engine::{self, Options};
use credit_check::json::Json;
use credit_check::Policy;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

const NUMBERS: &[&str] = &["0", "1", "-1", "0.5", "3", "100万", "1亿", "99999999999999999999", "0.0000001", "85%"];
const EXPRS: &[&str] = &[
    "revenue / 0",
    "revenue * revenue * revenue * revenue",
    "max(revenue, 1) / (taxPaid - taxPaid)",
    "floor(revenue, 0)",
    "round(revenue, 30)",
    "-revenue",
    "if(dar > 1, 1, 0) * 79228162514264337593543950335",
    "band('tierCap', -revenue)",
    "coalesce(taxPaid, revenue) * 1000000000000000",
];

fuzz_target!(|data: &[u8]| {
    if data.len() < 8 {
        return;
    }
    let mut policy: Value = serde_json::from_str(credit_check::policy::BUILTIN_JSON).unwrap_or_default();
    policy["tests"] = Value::Array(Vec::new());
    // Bytes 0–3: which table value and which step to replace, and with what.
    let b = |i: usize| data.get(i).copied().unwrap_or(0) as usize;
    let rows = ["tierCap", "darHaircut", "smeTechStaff", "hnteGrowth", "talentAddOn"];
    let table = rows[b(0) % rows.len()];
    if let Some(Value::Array(r)) = policy["tables"][table].get_mut("rows") {
        if !r.is_empty() {
            let n = b(1) % r.len();
            r[n]["value"] = Value::from(NUMBERS[b(2) % NUMBERS.len()]);
        }
    }
    let steps = policy["products"][0]["limit"]["steps"].as_array().map_or(0, Vec::len);
    if steps > 0 && b(3) % 2 == 0 {
        policy["products"][0]["limit"]["steps"][b(3) % steps]["expr"] = Value::from(EXPRS[b(4) % EXPRS.len()]);
    }
    let Ok(compiled) = Policy::from_value(&policy) else { return };
    // Bytes 5–7: a seeded profile; the rest, if any, replaces one of its amounts.
    let seed = u64::from(data[5]) << 16 | u64::from(data[6]) << 8 | u64::from(data[7]);
    let mut profile = credit_check::sample::profile(&mut credit_check::sample::Rng::new(seed + 1));
    if let Ok(text) = std::str::from_utf8(&data[8..]) {
        profile["financials"][0]["revenue"] = Value::from(text);
    }
    let _ = engine::evaluate(&Json::from_value(&profile), &compiled, &Options::default());
});
