//! The schemes, evaluated from the policy's data by one evaluator (`scheme`): the tech-based SME
//! evaluation (domain.md §1, §6.1), the high-tech enterprise conditions (§2, §6.2) and whatever
//! else a policy declares. Each reads facts and adds its results as facts (`<id>.*`).

pub mod scheme;

use crate::report::{CheckOut, CheckStatus};

/// Kleene truth of a list of checks: all pass (`and`) or any passes (`or`).
pub fn all_pass(checks: &[CheckOut]) -> Option<bool> {
    if checks.iter().any(|c| c.status == CheckStatus::Fail) {
        Some(false)
    } else if checks.iter().any(|c| c.status == CheckStatus::Incomplete) {
        None
    } else {
        Some(true)
    }
}

pub fn any_pass(checks: &[CheckOut]) -> Option<bool> {
    if checks.iter().any(|c| c.status == CheckStatus::Pass) {
        Some(true)
    } else if checks.iter().any(|c| c.status == CheckStatus::Incomplete) {
        None
    } else {
        Some(false)
    }
}
