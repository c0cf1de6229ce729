//! What each product and scheme of a policy reads, named for the form (`policyInputs`), so the
//! page can mark which fields each product needs.

use crate::policy::Policy;
use crate::questions::readers;
use crate::text::Locale;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct PolicyInput {
    pub id: String,
    /// "product" or "scheme".
    pub kind: &'static str,
    pub name: String,
    /// The profile paths it reads, in profile order.
    pub inputs: Vec<String>,
}

/// Schemes first, in policy order, then the products.
pub fn policy_inputs(policy: &Policy, locale: Locale) -> Vec<PolicyInput> {
    readers(policy)
        .iter()
        .map(|r| {
            let name = match policy.products.iter().find(|p| r.product && *p.id == *r.id) {
                Some(p) => p.name.get(locale).to_string(),
                None => policy
                    .schemes
                    .iter()
                    .find(|s| *s.id == *r.id)
                    .map(|s| s.title.get(locale).to_string())
                    .unwrap_or_default(),
            };
            PolicyInput {
                kind: if r.product { "product" } else { "scheme" },
                name,
                inputs: r.paths.clone(),
                id: r.id.clone(),
            }
        })
        .collect()
}
