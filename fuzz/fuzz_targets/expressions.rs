//! Expressions grown from the bytes, flat as well as deep: each byte adds a term to a flat chain
//! (`+ - * /`, a comparison, `and`/`or`, another argument of `min`), or wraps what there is (a
//! parenthesis, `-`, `not`, `abs`, `if`, `round`), up to past the length and depth limits. The
//! expression becomes a step and a knock-out of the built-in policy; whatever compiles is
//! evaluated with full detail. Refusals are typed errors; nothing panics, overflows the stack or
//! hangs (issue #14: a flat a+b+… chain of 1,950 terms passed validation and overflowed it).
#![no_main]
use credit_check::engine::{self, Options};
use credit_check::json::Json;
use credit_check::Policy;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

const TERMS: &[&str] = &["revenue", "1", "taxPaid", "0", "3000万", "dar", "employees", "band('tierCap', revenue)", "lookup('taxMultiplier', tax.grade)"];

/// A numeric expression from the bytes (booleans are compared back into numbers with `if`).
fn grow(data: &[u8]) -> String {
    let mut e = String::from("revenue");
    let mut args: Vec<String> = Vec::new();
    for (i, b) in data.iter().enumerate() {
        let term = TERMS[usize::from(*b >> 4) % TERMS.len()];
        e = match b & 0x0f {
            0 => format!("{e} + {term}"),
            1 => format!("{e} - {term}"),
            2 => format!("{e} * {term}"),
            3 => format!("{e} / {term}"),
            4 => format!("({e})"),
            5 => format!("-{e}"),
            6 => format!("abs({e})"),
            7 => format!("if({e} > {term}, {e}, {term})"),
            8 => format!("if(not ({e} >= {term}) and {term} < 1 or true, {e}, 0)"),
            9 => format!("round({e}, {})", i % 30),
            10 => {
                args.push(e.clone());
                format!("min({}, {term})", args.join(", "))
            }
            11 => format!("max({e}, {term}, {term})"),
            12 => format!("coalesce({e}, {term})"),
            13 => format!("floor({e}, {term})"),
            14 => format!("{e}+{term}+{term}+{term}+{term}+{term}+{term}+{term}"),
            _ => format!("(((({e}))))"),
        };
        // Far past the length limit is as good as just past it.
        if e.len() > 6000 {
            break;
        }
    }
    e
}

fuzz_target!(|data: &[u8]| {
    let (Some(&seed), Some(rest)) = (data.first(), data.get(1..)) else { return };
    let expr = grow(rest);
    let mut policy: Value = serde_json::from_str(credit_check::policy::BUILTIN_JSON).unwrap_or_default();
    policy["tests"] = Value::Array(Vec::new());
    policy["products"][0]["limit"]["steps"][0]["expr"] = Value::from(expr.as_str());
    let label = serde_json::json!({ "zh-CN": "x", "en": "x" });
    if let Some(k) = policy["knockouts"].as_array_mut() {
        k.push(serde_json::json!({ "id": "grown", "label": label, "pass": format!("{expr} >= 0") }));
    }
    match Policy::from_value(&policy) {
        Ok(compiled) => {
            let profile = credit_check::sample::profile(&mut credit_check::sample::Rng::new(u64::from(seed) + 1));
            let _ = engine::evaluate(&Json::from_value(&profile), &compiled, &Options::default());
        }
        Err(e) => assert!(!e.first().message(credit_check::Locale::En).is_empty()),
    }
});
