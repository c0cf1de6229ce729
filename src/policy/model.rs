//! The policy document as a bank writes it (JSON): identity and provenance, texts in zh-CN and
//! English, assumptions, tables, the official schemes, knock-outs, products and embedded tests.
//! Expressions are strings here; `policy::compile` parses and checks them.

use crate::policy::map::Map;
use crate::policy::num::Dec;
use crate::policy::table::Table;
use crate::text::Locale;
use serde::{Deserialize, Serialize};

/// A user-facing text in every supported locale: `{ "zh-CN": "…", "en": "…" }`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Text(pub Map<String, Shared>);

/// A text shared between the compiled policy and every report that shows it: a report copies a
/// pointer, not the text.
pub type Shared = std::sync::Arc<str>;

/// The empty text, shared (one allocation per thread: threads evaluating side by side would
/// otherwise count the references of one text on one cache line, the native batch's 2 threads
/// scaling 1.3× instead of 2×).
#[cfg(not(target_arch = "wasm32"))]
pub fn empty() -> Shared {
    thread_local! {
        static EMPTY: Shared = "".into();
    }
    EMPTY.with(Shared::clone)
}

/// The empty text, shared (wasm has one thread: one allocation, and no thread-local's code).
#[cfg(target_arch = "wasm32")]
pub fn empty() -> Shared {
    static EMPTY: std::sync::OnceLock<Shared> = std::sync::OnceLock::new();
    EMPTY.get_or_init(|| "".into()).clone()
}

impl Text {
    /// The text in `locale`, else the first it has.
    fn entry(&self, locale: Locale) -> Option<&Shared> {
        // A text has one entry per language (two): a scan compares lengths before bytes, where
        // the B-tree's search compares bytes at every step.
        let tag = locale.tag();
        self.0
            .iter()
            .find(|(k, _)| k.as_str() == tag)
            .map(|(_, v)| v)
            .or_else(|| self.0.values().next())
    }

    pub fn get(&self, locale: Locale) -> &str {
        self.entry(locale).map_or("", |s| s)
    }

    /// The text in `locale`, shared (as `get`).
    pub fn shared(&self, locale: Locale) -> Shared {
        self.entry(locale).cloned().unwrap_or_else(empty)
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PolicyDoc {
    pub id: Shared,
    pub version: Shared,
    /// YYYY-MM-DD
    pub effective: Shared,
    pub issuer: Text,
    #[serde(default)]
    pub sources: Vec<Source>,
    pub disclaimer: Text,
    /// Values assumed for missing profile fields; each use is listed in the report.
    #[serde(default)]
    pub assumptions: Vec<Assumption>,
    #[serde(default)]
    pub tables: Map<String, Table>,
    /// The format the document is written in (2; a document without it is format 1, read and
    /// migrated with a warning).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<u32>,
    /// What this policy's rules say about an input field, shown on the form under the field's own
    /// help: profile path (`province`, `financials[1].revenue`) → text ("苏科贷要求在江苏注册。").
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub inputs: Map<String, Text>,
    /// The schemes, evaluated in this order (a later one may read an earlier one's results).
    pub schemes: Vec<SchemeDef>,
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

/// A scheme (a title or a programme: 科技型中小企业, 高新技术企业, 专精特新 …), all of one kind:
/// conditions, indicators scored by the best of their measures, optional groups, a pass rule,
/// direct routes and prerequisites on earlier schemes. Schemes are evaluated in document order;
/// each publishes `<id>.status`, `<id>.score`, `<id>.qualified`, `<id>.held` and
/// `<id>.points.<indicator>` for the later schemes, the facts and the products.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SchemeDef {
    /// The key of its result in the report's `assessments`, and the prefix of its facts.
    pub id: String,
    pub title: Text,
    /// The rules it follows (a document number), shown with its result.
    pub basis: Text,
    /// True when the title is already held (declared); see `statuses.held`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held: Option<String>,
    /// Earlier schemes, one of which must be held or qualified (each a condition).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<PrerequisiteDef>,
    /// The conditions; all must hold, whatever the route.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<CheckDef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<IndicatorDef>,
    /// Blocks of indicators: a cap on their total, a minimum it must reach, or both.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<GroupDef>,
    /// The pass rule, a check over `score`, `points.<indicator>` and `groups.<group>` that
    /// rises with the points (so that a range decides it when both its ends agree).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pass: Option<CheckDef>,
    /// Any one, with the conditions, confirms the scheme whatever its score.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<CheckDef>,
    /// The names its statuses have in the report.
    #[serde(default, skip_serializing_if = "StatusNames::is_default")]
    pub statuses: StatusNames,
    /// Values this scheme uses where the profile leaves a fact out (`equityFinancing` as 0): each
    /// use is listed in the scheme's result, not the report's (they bind this scheme only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assumptions: Vec<Assumption>,
    /// A string expression that names the status when the title is not held (the SME size band:
    /// `micro` … `large`); while it is unknown the status is `statuses.incomplete`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_of: Option<String>,
    /// How its result is laid out in the report.
    #[serde(default, skip_serializing_if = "Layout::is_default")]
    pub layout: Layout,
    /// How to obtain the title: next steps, the documents asked for, a deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apply: Option<Apply>,
}

/// A prerequisite: one of `schemes` (ids of earlier schemes) held or qualified.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PrerequisiteDef {
    pub id: String,
    pub label: Text,
    pub schemes: Vec<String>,
    /// A title that also counts as held for this prerequisite without a scheme of its own (the
    /// merged 科技和创新型 title: a tech-SME registration or an innovative-SME title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GroupDef {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// The most its indicators count together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<Dec>,
    /// The least they must reach (a check of its own, part of the score route).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Dec>,
}

/// The report's names for a scheme's outcomes. `held` is used only when given (a held title
/// then shows as held whatever its figures); `borderline` is the conditions met and the score
/// undecided (by default reported as `incomplete`).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatusNames {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held: Option<Shared>,
    #[serde(default = "qualified")]
    pub qualified: Shared,
    #[serde(default = "not_qualified")]
    pub not_qualified: Shared,
    #[serde(default = "incomplete")]
    pub borderline: Shared,
    #[serde(default = "incomplete")]
    pub incomplete: Shared,
}

fn qualified() -> Shared {
    "qualified".into()
}
fn not_qualified() -> Shared {
    "notQualified".into()
}
fn incomplete() -> Shared {
    "incomplete".into()
}

impl Default for StatusNames {
    fn default() -> Self {
        StatusNames {
            held: None,
            qualified: qualified(),
            not_qualified: not_qualified(),
            borderline: incomplete(),
            incomplete: incomplete(),
        }
    }
}

impl StatusNames {
    pub fn is_default(&self) -> bool {
        *self == StatusNames::default()
    }
}

/// Where a scheme's score and indicators go in its result. `range: false` (the default): `score`
/// is a number (null until every indicator is known) and each indicator shows its value, band
/// and points out of its maximum. `range: true`: `score` is `{min, max}` and each indicator
/// (full reports only) its `{min, max}` out of `of`, with its basis (computed, self-rated,
/// unknown). `score` and `indicators` name the keys.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Layout {
    #[serde(default)]
    pub range: bool,
    #[serde(default = "score_key")]
    pub score: Shared,
    #[serde(default = "indicators_key")]
    pub indicators: Shared,
    /// A tier of a qualification ladder: the page also shows it as one row of the ladder (held,
    /// qualified, within reach or not yet, the checks in the way, what the title does to the lines).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ladder: bool,
    /// Report whether the figures meet the standard under this key (`isSme`): true, false or null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualified: Option<Shared>,
}

fn score_key() -> Shared {
    "score".into()
}
fn indicators_key() -> Shared {
    "indicators".into()
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            range: false,
            score: score_key(),
            indicators: indicators_key(),
            ladder: false,
            qualified: None,
        }
    }
}

impl Layout {
    pub fn is_default(&self) -> bool {
        *self == Layout::default()
    }
}

/// An indicator: the best of its measures (each an expression, optionally looked up in a band
/// table), or a self-rating; with neither, or none known, it counts with its full range.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IndicatorDef {
    pub id: String,
    pub label: Text,
    pub max: Dec,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<MeasureDef>,
    /// A self-rating (an expression, usually a profile field), counted within 0..max.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_rating: Option<String>,
    /// The group it belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// A measure: an expression (a fact's name is one) giving points, or, with `table`, a value
/// looked up in that band table (the row's value, up to its `top` for a range).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MeasureDef {
    /// A fact's name (`techStaffRatio`) …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
    /// … or any expression of the policy's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expr: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
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
