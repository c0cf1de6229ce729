//! The work of one report in instructions, for callgrind (`make bench` runs it through
//! `scripts/instructions.sh`): evaluates `CC_N` reports, each from a profile's JSON text to the
//! finished report, cycling over a fixed set (`CC_DATA`: `seeded`, the 1000 seeded profiles of
//! `credit-check generate`, or `example`, the worked example). `CC_DETAIL` is `full` or `summary`.
//! The script runs it for two counts and divides the difference, so that start-up (compiling the
//! policy, making the texts) cancels out. Instruction counts do not vary from run to run.
use credit_check::engine::{self, Detail, Options};

/// The native command's allocator (src/bin/credit-check/main.rs), so that the figures are its.
#[global_allocator]
static ALLOC: credit_check::native_alloc::Mimalloc = credit_check::native_alloc::Mimalloc;

fn main() {
    let n: usize = std::env::var("CC_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let detail = match std::env::var("CC_DETAIL").as_deref() {
        Ok("full") => Detail::Full,
        _ => Detail::Summary,
    };
    let policy = credit_check::builtin().unwrap();
    let texts: Vec<String> = match std::env::var("CC_DATA").as_deref() {
        Ok("example") => {
            let doc: serde_json::Value =
                serde_json::from_str(credit_check::policy::BUILTIN_JSON).unwrap();
            vec![doc["tests"][0]["profile"].to_string()]
        }
        _ => {
            let mut rng = credit_check::sample::Rng::new(42);
            (0..1000)
                .map(|_| credit_check::sample::profile(&mut rng).to_string())
                .collect()
        }
    };
    let opts = Options {
        detail,
        ..Options::default()
    };
    for i in 0..n {
        let text = &texts[i % texts.len()];
        std::hint::black_box(engine::evaluate_text(text, policy, &opts).unwrap());
    }
}
