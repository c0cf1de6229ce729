//! The worst evaluation the limits allow (issue #14): the costliest policy the compiler accepts
//! (`sample::costly_policy` grown until the next fact would pass the work budget), timed natively
//! on a full report of the built-in test profile, beside the built-in policy. Writes the policy to
//! target/worst-policy.json for `node benches/worst.mjs` (the same in wasm).
//! Run: cargo bench --bench worst
/// The native command's allocator (src/bin/credit-check/main.rs), so that the figures are its.
#[global_allocator]
static ALLOC: credit_check::native_alloc::Mimalloc = credit_check::native_alloc::Mimalloc;

use credit_check::engine::{self, Options};
use credit_check::json::Json;
use credit_check::policy::cost::MAX_REPORT_WORK;
use credit_check::Policy;
use std::time::Instant;

fn time(policy: &Policy, profile: &Json, n: usize) -> f64 {
    let t = Instant::now();
    for _ in 0..n {
        engine::evaluate(profile, policy, &Options::default()).unwrap();
    }
    t.elapsed().as_secs_f64() * 1e3 / n as f64
}

fn main() {
    let mut facts = 1;
    while Policy::from_value(&credit_check::sample::costly_policy(facts * 2)).is_ok() {
        facts *= 2;
    }
    let (mut lo, mut hi) = (facts, facts * 2);
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if Policy::from_value(&credit_check::sample::costly_policy(mid)).is_ok() {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let doc = credit_check::sample::costly_policy(lo);
    let policy = Policy::from_value(&doc).unwrap();
    let refused = Policy::from_value(&credit_check::sample::costly_policy(lo + 1)).unwrap_err();
    let builtin: serde_json::Value =
        serde_json::from_str(credit_check::policy::BUILTIN_JSON).unwrap();
    let profile = Json::from_value(&builtin["tests"][0]["profile"]);
    let c = &policy.cost;
    println!(
        "worst accepted policy: {lo} costly facts, bound {} nodes a report (budget {MAX_REPORT_WORK}), {} bytes",
        c.report,
        serde_json::to_string(&doc).unwrap().len()
    );
    println!(
        "one more fact: {}",
        refused.first().message(credit_check::Locale::En)
    );
    let worst = time(&policy, &profile, 20);
    let base = time(credit_check::builtin().unwrap(), &profile, 2000);
    println!(
        "native full report: worst {worst:.2} ms, built-in {base:.3} ms ({:.1} ns a bounded node at the worst)",
        worst * 1e6 / c.report as f64
    );
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/worst-policy.json");
    std::fs::write(&out, serde_json::to_string(&doc).unwrap()).unwrap();
    println!("wrote {}", out.display());
}
