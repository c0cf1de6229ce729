//! The policy document as a bank writes it (JSON): identity and provenance, texts in zh-CN and
//! English, assumptions, tables, the official schemes, knock-outs, products and embedded tests.
//! Expressions are strings here; `policy::compile` parses and checks them.

use crate::policy::num::Dec;
use crate::policy::table::Table;
use crate::text::Locale;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A user-facing text in every supported locale: `{ "zh-CN": "…", "en": "…" }`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    pub fn get(&self, locale: Locale) -> &str {
        self.0
            .get(locale.tag())
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PolicyDoc {
    pub id: String,
    pub version: String,
    /// YYYY-MM-DD
    pub effective: String,
    pub issuer: Text,
    #[serde(default)]
    pub sources: Vec<Source>,
    pub disclaimer: Text,
    /// Values assumed for missing profile fields; each use is listed in the report.
    #[serde(default)]
    pub assumptions: Vec<Assumption>,
    #[serde(default)]
    pub tables: BTreeMap<String, Table>,
    pub schemes: Schemes,
    /// Named facts derived by expressions, after the assessments, in order.
    #[serde(default)]
    pub facts: Vec<FactDef>,
    /// Checks shared by every product; any failing one makes every product ineligible.
    #[serde(default)]
    pub knockouts: Vec<CheckDef>,
    #[serde(default)]
    pub products: Vec<ProductDef>,
    #[serde(default)]
    pub tests: Vec<PolicyTest>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Assumption {
    /// A profile fact, e.g. `debt.guaranteed`.
    pub fact: String,
    /// A boolean, a decimal string or a string, matching the fact's type.
    pub value: serde_json::Value,
    pub message: Text,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FactDef {
    pub id: String,
    pub label: Text,
    pub expr: String,
}

/// A check passes when its expression is true. A comparison at the top is reported as
/// `actual` (left side) against `required` (operator and right side).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CheckDef {
    pub id: String,
    pub label: Text,
    pub pass: String,
    /// What to show as the actual value when the check is not a plain comparison (an expression).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
    /// How to state the requirement when the check is not a plain comparison.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<Text>,
    /// What a missing input means: "incomplete" (default) or "pass" (the rule applies only where given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when_missing: Option<String>,
    /// What the actual and required values are, when the expression does not tell: "money",
    /// "ratio", "count", "years", "points", "flag", "choice", "text" or "number".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Schemes {
    pub tech_sme: TechSmeScheme,
    pub high_tech: HighTechScheme,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TechSmeScheme {
    pub basis: Text,
    /// Basic conditions; all must hold.
    pub conditions: Vec<CheckDef>,
    pub indicators: Vec<IndicatorDef>,
    /// Over `score` and `points.<indicator id>`.
    pub pass: String,
    /// The pass rule in words, shown as the requirement.
    pub pass_text: Text,
    /// Any one, with the basic conditions, confirms the enterprise whatever its score.
    pub direct_routes: Vec<CheckDef>,
    /// How to obtain the title: next steps, the documents asked for, a deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apply: Option<Apply>,
}

/// An indicator scored by the best of its measures, each a fact looked up in a band table.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IndicatorDef {
    pub id: String,
    pub label: Text,
    pub max: Dec,
    pub measures: Vec<Measure>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Measure {
    pub fact: String,
    pub table: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HighTechScheme {
    pub basis: Text,
    /// True when the enterprise holds a valid certificate.
    pub certified: String,
    pub checks: Vec<CheckDef>,
    pub innovation: Innovation,
    /// How to obtain the certificate: next steps, the documents asked for, a deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apply: Option<Apply>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Innovation {
    pub label: Text,
    /// The lowest passing total.
    pub pass: Dec,
    pub items: Vec<InnovationItem>,
    /// Blocks whose items' total is capped (the IP block: 30, bonus included).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<InnovationGroup>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InnovationGroup {
    pub id: String,
    pub cap: Dec,
}

/// An item of the innovation evaluation: computed from measures (their band's range), or an
/// expert item taken from a self-rating fact; unknown items count with their full range.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InnovationItem {
    pub id: String,
    pub label: Text,
    pub max: Dec,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_rating: Option<String>,
    /// The capped block the item belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProductDef {
    pub id: String,
    pub name: Text,
    pub provenance: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    pub eligibility: Vec<CheckDef>,
    pub limit: LimitDef,
    /// How to apply: next steps, the documents the bank asks for, a deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apply: Option<Apply>,
}

/// What to do next for a product or a scheme. These are texts about the policy's own rules, so
/// they live in the policy: a bank writes its own steps and document list.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Apply {
    /// The next steps, in order (at least one).
    pub steps: Vec<Text>,
    /// The documents a bank or an authority asks for.
    pub documents: Vec<Text>,
    /// A deadline, only where one is known (e.g. a yearly update before the end of March).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LimitDef {
    pub steps: Vec<StepDef>,
    /// The id of the step whose value is the line.
    pub amount: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StepDef {
    pub id: String,
    pub label: Text,
    pub expr: String,
    /// What the step's value is, when the expression does not tell (as a check's `format`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
}

/// A test carried by the policy: a profile and a subset of the report it must give.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PolicyTest {
    pub name: String,
    pub profile: serde_json::Value,
    pub expect: serde_json::Value,
}
