//! Native benchmark of the core: prints profiles per second for a full and a summary report.
//! Run: cargo bench --bench core
use credit_check::engine::{self, Detail, Options};
use credit_check::json::Json;
use std::time::Instant;

fn main() {
    let t0 = Instant::now();
    let compiled = credit_check::Policy::builtin().unwrap();
    println!(
        "compile the built-in policy: {:.2} ms",
        t0.elapsed().as_secs_f64() * 1e3
    );
    drop(compiled);
    let policy = credit_check::builtin().unwrap();
    let doc: serde_json::Value = serde_json::from_str(credit_check::policy::BUILTIN_JSON).unwrap();
    let profile = Json::from_value(&doc["tests"][0]["profile"]);
    // CC_BENCH_SCALE=0.01 for a quick run (e.g. under a profiler); CC_BENCH_ONLY=summary for one mode.
    let scale: f64 = std::env::var("CC_BENCH_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0);
    for (name, detail, n) in [
        ("full", Detail::Full, 2_000),
        ("summary", Detail::Summary, 20_000),
    ] {
        if std::env::var("CC_BENCH_ONLY").is_ok_and(|only| only != name) {
            continue;
        }
        let n = ((n as f64 * scale) as usize).max(1);
        let opts = Options {
            detail,
            ..Options::default()
        };
        let t0 = Instant::now();
        for _ in 0..n {
            std::hint::black_box(engine::evaluate(&profile, policy, &opts).unwrap());
        }
        let dt = t0.elapsed().as_secs_f64();
        println!(
            "{name}: {:.0} profiles/s ({:.1} µs each)",
            n as f64 / dt,
            dt / n as f64 * 1e6
        );
    }
}
