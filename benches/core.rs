//! Native benchmark of the core: prints profiles per second for full and summary reports, on the
//! built-in policy's first test profile and on seeded varied profiles (the generator `make bench`
//! and `credit-check generate` use, so the figures match the Node comparison's data).
//! Run: cargo bench --bench core
//! CC_BENCH_SCALE=0.01 for a quick run (e.g. under a profiler); CC_BENCH_ONLY=summary for one mode;
//! CC_BENCH_DATA=example (or seeded) for one set of profiles.
/// The native command's allocator (src/bin/credit-check/main.rs), so that the figures are its.
#[global_allocator]
static ALLOC: credit_check::native_alloc::Mimalloc = credit_check::native_alloc::Mimalloc;

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
    let example = vec![Json::from_value(&doc["tests"][0]["profile"])];
    let mut rng = credit_check::sample::Rng::new(42);
    let varied: Vec<Json> = (0..1000)
        .map(|_| Json::from_value(&credit_check::sample::profile(&mut rng)))
        .collect();
    let scale: f64 = std::env::var("CC_BENCH_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0);
    let only = std::env::var("CC_BENCH_ONLY").ok();
    let data_only = std::env::var("CC_BENCH_DATA").ok();
    for (data, profiles) in [("example", &example), ("1000 seeded", &varied)] {
        if data_only.as_deref().is_some_and(|d| !data.contains(d)) {
            continue;
        }
        for (name, detail, n) in [
            ("full", Detail::Full, 2_000),
            ("summary", Detail::Summary, 20_000),
        ] {
            if only.as_deref().is_some_and(|o| o != name) {
                continue;
            }
            let n = ((n as f64 * scale) as usize).max(1);
            let opts = Options {
                detail,
                ..Options::default()
            };
            let t0 = Instant::now();
            for i in 0..n {
                let p = &profiles[i % profiles.len()];
                std::hint::black_box(engine::evaluate(p, policy, &opts).unwrap());
            }
            let dt = t0.elapsed().as_secs_f64();
            println!(
                "{name} ({data}): {:.0} profiles/s ({:.1} µs each)",
                n as f64 / dt,
                dt / n as f64 * 1e6
            );
        }
    }
}
