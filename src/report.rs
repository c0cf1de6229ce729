//! The output model (contract §3). Money and ratios are decimal strings, points are numbers, keys
//! are camelCase. The same profile and policy give the same bytes natively, in Node and in browsers.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::facts::Missing;
use crate::policy::model::Shared;

/// Points (scores): written as JSON numbers. Whole numbers are exact; a policy with fractional
/// points is shown with a float, for display only — decisions use the decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Points(pub Decimal);

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Points {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Points".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "number", "description": "Points of a score (whole numbers in the built-in policy)." })
    }
}

impl Serialize for Points {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.normalize().to_i64() {
            Some(i) if self.0.fract().is_zero() => s.serialize_i64(i),
            _ => s.serialize_f64(self.0.to_f64().unwrap_or_default()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum CheckStatus {
    Pass,
    Fail,
    Incomplete,
}

/// The wire name of a status (the same string serde writes; a test keeps them equal), for the
/// view, the facts the assessments publish and the CSV columns.
macro_rules! names {
    ($ty:ident { $($variant:ident => $name:literal),* $(,)? }) => {
        impl $ty {
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),*
                }
            }
        }
    };
}

/// What a reported value is, decided when the policy compiles (from the expression, or a check's
/// `format`), so that a reader shows 25% or 南京 without guessing from the string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum ValueKind {
    /// Yuan.
    Money,
    /// A share or rate (0.25 is 25%).
    Ratio,
    /// A whole number of people, IP items, events.
    Count,
    /// Years (of operation, in a niche).
    Years,
    /// Points of a score.
    Points,
    /// true / false.
    Flag,
    /// One of a field's options (a city, a sector, a tax grade).
    Choice,
    /// Free text, shown as it is.
    Text,
    /// A plain number the policy did not qualify (a factor, a table value).
    #[default]
    Number,
}

impl ValueKind {
    pub const ALL: [ValueKind; 9] = [
        ValueKind::Money,
        ValueKind::Ratio,
        ValueKind::Count,
        ValueKind::Years,
        ValueKind::Points,
        ValueKind::Flag,
        ValueKind::Choice,
        ValueKind::Text,
        ValueKind::Number,
    ];

    /// The kind a policy names in a `format` field.
    pub fn parse(name: &str) -> Option<ValueKind> {
        ValueKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

names!(ValueKind { Money => "money", Ratio => "ratio", Count => "count", Years => "years", Points => "points", Flag => "flag", Choice => "choice", Text => "text", Number => "number" });

names!(CheckStatus { Pass => "pass", Fail => "fail", Incomplete => "incomplete" });
names!(Route { Score => "score", Direct => "direct" });
names!(ProductStatus { Eligible => "eligible", Ineligible => "ineligible", Incomplete => "incomplete", Error => "error" });

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CheckOut {
    pub id: Shared,
    pub status: CheckStatus,
    pub actual: Option<String>,
    pub required: Option<String>,
    pub message: Shared,
    /// What `actual` and `required` are (money, ratio, choice …), for display.
    pub kind: ValueKind,
    /// The profile fields that would complete an incomplete check.
    #[serde(skip_serializing_if = "Missing::is_none")]
    pub missing: Missing,
}

/// A product's checks: the policy's knock-outs, then its own. Every product of a report lists the
/// same knock-outs, so they are held once and shared (a policy with many long knock-outs and many
/// products multiplied them in memory); the JSON is one array, as before.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Checks {
    shared: std::sync::Arc<[CheckOut]>,
    own: Vec<CheckOut>,
}

impl Checks {
    pub fn new(shared: std::sync::Arc<[CheckOut]>, own: Vec<CheckOut>) -> Checks {
        Checks { shared, own }
    }

    /// The knock-outs, then the product's own checks.
    pub fn iter(
        &self,
    ) -> std::iter::Chain<std::slice::Iter<'_, CheckOut>, std::slice::Iter<'_, CheckOut>> {
        self.shared.iter().chain(&self.own)
    }

    pub fn len(&self) -> usize {
        self.shared.len() + self.own.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many of them are the shared knock-outs.
    pub fn shared_len(&self) -> usize {
        self.shared.len()
    }
}

impl<'a> IntoIterator for &'a Checks {
    type Item = &'a CheckOut;
    type IntoIter =
        std::iter::Chain<std::slice::Iter<'a, CheckOut>, std::slice::Iter<'a, CheckOut>>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl Serialize for Checks {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Checks {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <Vec<CheckOut>>::schema_name()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<CheckOut>>::json_schema(g)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub engine: EngineInfo,
    pub policy: PolicyInfo,
    pub locale: &'static str,
    /// The profile's `name`, shown back, never interpreted.
    pub company: Option<String>,
    pub assumptions: Vec<AssumptionOut>,
    /// Valid but unlikely input (R&D above revenue …), for the person to check; never a decision.
    pub warnings: Vec<WarningOut>,
    pub assessments: Assessments,
    pub products: Vec<ProductOut>,
    /// The inputs not yet given, most important first (full detail only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub questions: Option<Vec<QuestionOut>>,
    pub disclaimer: Shared,
    /// Full reports: the policy's sources that the report's texts cite (`[S17]`), in the policy's
    /// order, so a printed report can list what its citations refer to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sources: Option<Vec<SourceOut>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SourceOut {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// What to do next for a product or a scheme, in the report's locale (full reports, and only
/// where the policy says).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ApplyOut {
    pub steps: Vec<Shared>,
    pub documents: Vec<Shared>,
    pub deadline: Option<Shared>,
}

/// An input not yet given and what answering it could change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct QuestionOut {
    /// The profile path, e.g. `financials[0].revenue`.
    pub path: String,
    /// The products and schemes it keeps incomplete, in policy order.
    pub blocks: Vec<String>,
    /// Larger is more important: products it blocks weigh most, then schemes, then checks.
    pub weight: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct EngineInfo {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct PolicyInfo {
    pub id: Shared,
    pub version: Shared,
    pub effective: Shared,
    pub issuer: Shared,
    pub digest: Shared,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AssumptionOut {
    pub field: String,
    pub assumed: String,
    pub message: String,
}

/// What a plausibility warning is about (stable camelCase names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum WarningCode {
    CityOutsideProvince,
    TechStaffAboveEmployees,
    RdAboveRevenue,
    DomesticRdAboveRd,
    LiabilitiesAboveAssets,
    HighTechRevenueAboveRevenue,
}

impl WarningCode {
    /// Every code, beside the enum so that a new one is listed with it (what builds the lean
    /// module's English templates).
    pub const ALL: [WarningCode; 6] = [
        WarningCode::CityOutsideProvince,
        WarningCode::TechStaffAboveEmployees,
        WarningCode::RdAboveRevenue,
        WarningCode::DomesticRdAboveRd,
        WarningCode::LiabilitiesAboveAssets,
        WarningCode::HighTechRevenueAboveRevenue,
    ];
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct WarningOut {
    pub code: WarningCode,
    /// The profile paths involved, the one to check first first.
    pub fields: Vec<String>,
    pub message: String,
}

/// Each scheme's result, keyed by the scheme's id, in policy order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Assessments(pub Vec<SchemeOut>);

impl Assessments {
    pub fn get(&self, id: &str) -> Option<&SchemeOut> {
        self.0.iter().find(|s| &*s.id == id)
    }
    pub fn iter(&self) -> std::slice::Iter<'_, SchemeOut> {
        self.0.iter()
    }
}

impl Serialize for Assessments {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for x in &self.0 {
            m.serialize_entry(&x.id, x)?;
        }
        m.end()
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Assessments {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Assessments".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let one = g.subschema_for::<SchemeOut>();
        schemars::json_schema!({
            "type": "object",
            "description": "Each scheme's result, keyed by the policy's scheme ids, in policy order.",
            "additionalProperties": one,
        })
    }
}

/// A scheme's outcome, before the policy names it (`StatusNames`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemeStatus {
    /// Declared as held, where the scheme reports a held title as its status.
    Held,
    Qualified,
    /// The conditions are met and the score is undecided.
    Borderline,
    NotQualified,
    Incomplete,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Route {
    Score,
    Direct,
}

/// A scheme's result. It is laid out by its scheme's `layout` (`Serialize` below): the score as
/// a number (null until known) or a `{min, max}` range, under the key the layout names.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemeOut {
    pub id: Shared,
    pub title: Shared,
    pub status: SchemeStatus,
    /// The status's name in the report (the scheme's `statuses`).
    pub status_name: Shared,
    /// Whether the title is declared held (schemes that say how to tell).
    pub held: Option<bool>,
    /// Whether the figures meet the standard (by score or route); None while unknown.
    pub qualified: Option<bool>,
    /// How it qualified, for schemes with direct routes.
    pub route: Option<Option<Route>>,
    pub score: ScoreRange,
    pub indicators: Vec<IndicatorOut>,
    pub groups: Vec<GroupOut>,
    pub checks: Option<Vec<CheckOut>>,
    /// How many of `checks`, at their end, are direct routes (alternatives to the score: one
    /// that fails is not in the way while the score can still pass).
    pub routes: usize,
    pub apply: Option<ApplyOut>,
    /// The layout: a range, and the keys of the score and the indicators.
    pub range: bool,
    pub score_key: Shared,
    pub indicators_key: Shared,
    /// Whether this is a full report's result (a range layout lists its indicators only then).
    pub detailed: bool,
    /// The most the score can be (every indicator at its maximum, groups at their caps).
    pub out_of: Points,
    /// The pass rule's id and label, for the page.
    pub pass_id: Option<Shared>,
    pub score_label: Shared,
    /// Qualified but not held (full reports): what holding the title would do to each line.
    pub hints: Vec<HintOut>,
    /// A tier of the policy's ladder (`layout.ladder`), for the page.
    pub ladder: bool,
    /// The key under which `qualified` is reported (`layout.qualified`), if any.
    pub qualified_key: Option<Shared>,
    /// The scheme's own assumptions used (full reports).
    pub assumptions: Vec<AssumptionOut>,
}

/// Where a ladder tier stands for the page (domain.md §6.10).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    Held,
    Qualified,
    /// No more than `WITHIN_REACH` checks fail (the others pass or wait for an input).
    WithinReach,
    NotYet,
}

impl Tier {
    /// At most this many failing checks leave a tier within reach.
    pub const WITHIN_REACH: usize = 1;

    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Held => "held",
            Tier::Qualified => "qualified",
            Tier::WithinReach => "withinReach",
            Tier::NotYet => "notYet",
        }
    }
}

impl SchemeOut {
    /// The checks that must hold, whatever the route: its conditions and the score's (its direct
    /// routes are alternatives to the score, and a failing score stands for them all).
    fn conditions(&self) -> &[CheckOut] {
        let all = self.checks.as_deref().unwrap_or_default();
        all.get(..all.len().saturating_sub(self.routes))
            .unwrap_or_default()
    }

    /// Where this scheme stands as a ladder tier (full reports: it counts the failing checks).
    pub fn tier(&self) -> Tier {
        let failing = self
            .conditions()
            .iter()
            .filter(|c| c.status == CheckStatus::Fail)
            .count();
        if self.held == Some(true) {
            Tier::Held
        } else if self.qualified == Some(true) {
            Tier::Qualified
        } else if failing <= Tier::WITHIN_REACH {
            Tier::WithinReach
        } else {
            Tier::NotYet
        }
    }

    /// The checks in the way: failing ones first, then those waiting for an input; at most `n`
    /// (not the direct routes: a route the firm lacks is one way fewer, not an obstacle).
    pub fn in_the_way(&self, n: usize) -> Vec<&CheckOut> {
        let all = self.conditions();
        all.iter()
            .filter(|c| c.status == CheckStatus::Fail)
            .chain(all.iter().filter(|c| c.status == CheckStatus::Incomplete))
            .take(n)
            .collect()
    }

    /// The score when every indicator is known exactly.
    pub fn exact_score(&self) -> Option<Points> {
        (self.score.min == self.score.max).then_some(self.score.min)
    }
    pub fn status_str(&self) -> &str {
        &self.status_name
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PointsView<'a> {
    id: &'a str,
    label: &'a str,
    value: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<ValueKind>,
    measure: &'a Option<Shared>,
    band: &'a Option<Shared>,
    points: Option<Points>,
    max: Points,
    #[serde(skip_serializing_if = "Missing::is_none")]
    missing: Missing,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RangeView<'a> {
    id: &'a str,
    label: &'a str,
    basis: ItemBasis,
    min: Points,
    max: Points,
    of: Points,
}

impl Serialize for SchemeOut {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("status", &self.status_name)?;
        if let Some(h) = self.held {
            m.serialize_entry("held", &h)?;
        }
        if let Some(r) = &self.route {
            m.serialize_entry("route", r)?;
        }
        if let Some(k) = &self.qualified_key {
            m.serialize_entry(k, &self.qualified)?;
        }
        if self.range {
            m.serialize_entry(&self.score_key, &self.score)?;
            if self.detailed {
                let items: Vec<RangeView<'_>> = self
                    .indicators
                    .iter()
                    .map(|i| RangeView {
                        id: &i.id,
                        label: &i.label,
                        basis: i.basis,
                        min: i.min,
                        max: i.upper,
                        of: i.max,
                    })
                    .collect();
                m.serialize_entry(&self.indicators_key, &items)?;
            }
        } else if self.indicators.is_empty() && self.pass_id.is_none() {
            // A scheme of conditions only (the ladder's 2026 tiers, the SME size) has no score.
        } else {
            m.serialize_entry(&self.score_key, &self.exact_score())?;
            let items: Vec<PointsView<'_>> = self
                .indicators
                .iter()
                .map(|i| PointsView {
                    id: &i.id,
                    label: &i.label,
                    value: &i.value,
                    kind: i.kind,
                    measure: &i.measure,
                    band: &i.band,
                    points: i.points(),
                    max: i.max,
                    missing: if i.exact() { Missing::NONE } else { i.missing },
                })
                .collect();
            m.serialize_entry(&self.indicators_key, &items)?;
        }
        if self.detailed && !self.groups.is_empty() {
            m.serialize_entry("groups", &self.groups)?;
        }
        if let Some(c) = &self.checks {
            m.serialize_entry("checks", c)?;
        }
        if let Some(a) = &self.apply {
            m.serialize_entry("apply", a)?;
        }
        if !self.hints.is_empty() {
            m.serialize_entry("hints", &self.hints)?;
        }
        if !self.assumptions.is_empty() {
            m.serialize_entry("assumptions", &self.assumptions)?;
        }
        m.end()
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for SchemeOut {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SchemeOut".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let checks = g.subschema_for::<Vec<CheckOut>>();
        let apply = g.subschema_for::<ApplyOut>();
        let groups = g.subschema_for::<Vec<GroupOut>>();
        let route = g.subschema_for::<Option<Route>>();
        let range = g.subschema_for::<ScoreRange>();
        let hints = g.subschema_for::<Vec<HintOut>>();
        let assumptions = g.subschema_for::<Vec<AssumptionOut>>();
        schemars::json_schema!({
            "type": "object",
            "description": "A scheme's result. Its score is a number (null until known) or, for a scheme laid out as a range, a {min, max} range, under the key its layout names (`score` unless the policy says otherwise); its indicators likewise (`indicators`).",
            "required": ["status"],
            "properties": {
                "status": { "type": "string", "description": "qualified | notQualified | incomplete, or the names the scheme gives its statuses" },
                "held": { "type": "boolean" },
                "route": route,
                "score": { "anyOf": [ { "type": "number" }, { "type": "null" }, range ] },
                "indicators": { "type": "array", "items": { "type": "object" } },
                "groups": groups,
                "checks": checks,
                "apply": apply,
                "hints": hints,
                "assumptions": assumptions
            },
            "additionalProperties": true
        })
    }
}

/// A group's total: `{min, max}` after its cap.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct GroupOut {
    pub id: Shared,
    pub label: Shared,
    pub min: Points,
    pub max: Points,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap: Option<Points>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<Points>,
}

/// An indicator's result: its points as a range (`min`..`upper`, equal when known exactly) out
/// of `max`, the value and band of its best measure, and what would complete it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorOut {
    pub id: Shared,
    pub label: Shared,
    pub value: Option<String>,
    pub kind: Option<ValueKind>,
    pub measure: Option<Shared>,
    pub band: Option<Shared>,
    pub basis: ItemBasis,
    pub min: Points,
    pub upper: Points,
    pub max: Points,
    pub missing: Missing,
}

impl IndicatorOut {
    pub fn exact(&self) -> bool {
        self.min == self.upper
    }
    pub fn points(&self) -> Option<Points> {
        self.exact().then_some(self.min)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ScoreRange {
    pub min: Points,
    pub max: Points,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum ItemBasis {
    Computed,
    SelfRated,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum ProductStatus {
    Eligible,
    Ineligible,
    Incomplete,
    /// A step or check of this product could not be evaluated (see `error`); the rest of the
    /// report stands.
    Error,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ProductOut {
    pub id: Shared,
    pub name: Shared,
    pub status: ProductStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reasons: Option<Vec<CheckOut>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checks: Option<Checks>,
    pub limit: Option<LimitOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hints: Option<Vec<HintOut>>,
    pub provenance: Shared,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Shared>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply: Option<ApplyOut>,
    /// Why the status is `error`: a step or check that failed on this profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ProductErrorOut>,
}

/// A product's evaluation error (division by zero, overflow, no band, no entry), in the report's
/// locale, so that one product's failure does not throw the others away.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ProductErrorOut {
    pub code: crate::error::Code,
    /// The step that failed (none when an eligibility check did).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    /// The policy path of the failing expression.
    pub path: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct LimitOut {
    pub amount: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub steps: Option<Vec<StepOut>>,
    /// The step that decides the line, and within a `min(…)` the argument that binds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binding: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct StepOut {
    pub id: String,
    pub label: String,
    pub value: Option<String>,
    /// What the step's value is (money, a factor …).
    pub kind: ValueKind,
    #[serde(skip_serializing_if = "Missing::is_none")]
    pub missing: Missing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum HintKind {
    /// The smallest change of one field that makes a failing check pass.
    Pass,
    /// A change that raises an eligible product's line.
    Lift,
    /// A title the figures already meet but the firm does not hold: what holding it would do to
    /// a product's line (a scheme's `hints`, one per product).
    Title,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct HintOut {
    pub kind: HintKind,
    /// The check it passes, or the step it lifts.
    pub target: String,
    pub field: String,
    pub from: String,
    pub to: String,
    /// For `lift`: the line once the change is made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_amount: Option<String>,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wire<T: Serialize>(v: T) -> String {
        serde_json::to_value(v)
            .unwrap()
            .as_str()
            .unwrap()
            .to_string()
    }

    #[test]
    fn names_are_the_wire_names() {
        for v in [
            CheckStatus::Pass,
            CheckStatus::Fail,
            CheckStatus::Incomplete,
        ] {
            assert_eq!(v.as_str(), wire(v));
        }
        for v in [Route::Score, Route::Direct] {
            assert_eq!(v.as_str(), wire(v));
        }
        for v in [
            ProductStatus::Eligible,
            ProductStatus::Ineligible,
            ProductStatus::Incomplete,
            ProductStatus::Error,
        ] {
            assert_eq!(v.as_str(), wire(v));
        }
        for v in ValueKind::ALL {
            assert_eq!(v.as_str(), wire(v));
            assert_eq!(ValueKind::parse(v.as_str()), Some(v));
        }
    }
}
