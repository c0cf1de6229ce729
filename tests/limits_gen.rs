//! Policies at every documented limit (`sample::policy_at_limits`): each limit pushed to its value
//! is accepted, one past it is refused with its code and a path; accepted ones evaluate a full
//! report within the report size budget. `make test` runs a few hundred; `make fuzz` thousands
//! (CC_LIMIT_POLICIES).

use credit_check::engine::{self, Options};
use credit_check::json::Json;
use credit_check::policy::cost::MAX_REPORT_BYTES;
use credit_check::sample::{policy_at_limits, Rng};
use credit_check::validate::validate;
use credit_check::Locale;

/// Codes a combination of pushes may add on its own: the document size and the budgets.
const COMBINED: &[&str] = &["policyTooLarge", "policyTooCostly"];

#[test]
fn each_limit_alone_is_accepted_at_its_value_and_refused_one_past_it() {
    for i in 0..credit_check::sample::LIMITS {
        for past in [false, true] {
            let (doc, name, code) = credit_check::sample::policy_with_limit(i, past).unwrap();
            let v = validate(&doc, Locale::En);
            let got: Vec<(&str, &str)> = v
                .errors
                .iter()
                .map(|e| (e.code.as_str(), e.path.as_str()))
                .collect();
            if past {
                // The first error is the limit's (a product refused for its steps leaves the
                // later products' step() reads unresolved: those follow).
                assert!(
                    got.first().is_some_and(|g| g.0 == code),
                    "{name}, one past: want {code}, got {got:?}"
                );
            } else {
                assert!(v.ok, "{name}: refused at the limit: {got:?}");
                let policy = credit_check::Policy::from_value(&doc).unwrap();
                let profile = credit_check::sample::profile(&mut Rng::new(7));
                engine::evaluate(&Json::from_value(&profile), &policy, &Options::default())
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
            }
        }
    }
}

#[test]
fn combinations_of_limits_are_accepted_or_refused_with_their_codes() {
    let n: usize = std::env::var("CC_LIMIT_POLICIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let mut rng = Rng::new(14);
    let (mut accepted, mut refused) = (0, 0);
    for i in 0..n {
        let (doc, want, pushed) = policy_at_limits(&mut rng);
        let v = validate(&doc, Locale::En);
        let codes: Vec<&str> = v.errors.iter().map(|e| e.code.as_str()).collect();
        for e in &v.errors {
            assert!(!e.message.is_empty(), "policy {i} {pushed:?}: {e:?}");
        }
        // Past several limits, the first phase that fails (reading, compiling, the budgets) speaks.
        if !want.is_empty() {
            assert!(
                !v.ok
                    && codes
                        .iter()
                        .any(|c| want.contains(c) || COMBINED.contains(c)),
                "policy {i} {pushed:?}: wanted one of {want:?}, got {codes:?}"
            );
        } else {
            assert!(
                codes.iter().all(|c| COMBINED.contains(c)),
                "policy {i} {pushed:?} at its limits is refused: {:?}",
                v.errors
            );
        }
        if !v.ok {
            refused += 1;
            continue;
        }
        accepted += 1;
        let policy = credit_check::Policy::from_value(&doc).unwrap();
        let profile = credit_check::sample::profile(&mut Rng::new(i as u64 + 1));
        let report = engine::evaluate(&Json::from_value(&profile), &policy, &Options::default())
            .unwrap_or_else(|e| panic!("policy {i} {pushed:?}: {e}"));
        let size = credit_check::to_json(&report).len() as u64;
        assert!(size <= MAX_REPORT_BYTES, "policy {i}: a {size}-byte report");
        assert!(
            policy.cost.report_bytes >= size / 2,
            "policy {i}: bound {} for {size}",
            policy.cost.report_bytes
        );
    }
    println!("{n} policies at the limits: {accepted} accepted, {refused} refused with their codes");
}
