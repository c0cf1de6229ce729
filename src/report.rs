//! The output model (contract §3). Money and ratios are decimal strings, points are numbers, keys
//! are camelCase. The same profile and policy give the same bytes natively, in Node and in browsers.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

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
names!(TechSmeStatus { Qualified => "qualified", NotQualified => "notQualified", Incomplete => "incomplete" });
names!(Route { Score => "score", Direct => "direct" });
names!(HighTechStatus { Certified => "certified", Meets => "meets", Borderline => "borderline", Fails => "fails", Incomplete => "incomplete" });
names!(ProductStatus { Eligible => "eligible", Ineligible => "ineligible", Incomplete => "incomplete", Error => "error" });

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CheckOut {
    pub id: String,
    pub status: CheckStatus,
    pub actual: Option<String>,
    pub required: Option<String>,
    pub message: String,
    /// What `actual` and `required` are (money, ratio, choice …), for display.
    pub kind: ValueKind,
    /// The profile fields that would complete an incomplete check.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
}

/// A product's checks: the policy's knock-outs, then its own. Every product of a report lists the
/// same knock-outs, so they are held once and shared (a policy with many long knock-outs and many
/// products multiplied them in memory); the JSON is one array, as before.
#[derive(Debug, Clone, PartialEq)]
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
    pub disclaimer: String,
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
    pub steps: Vec<String>,
    pub documents: Vec<String>,
    pub deadline: Option<String>,
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
    pub id: String,
    pub version: String,
    pub effective: String,
    pub issuer: String,
    pub digest: String,
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

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct WarningOut {
    pub code: WarningCode,
    /// The profile paths involved, the one to check first first.
    pub fields: Vec<String>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Assessments {
    pub tech_sme: TechSmeOut,
    pub high_tech: HighTechOut,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum TechSmeStatus {
    Qualified,
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

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct TechSmeOut {
    pub status: TechSmeStatus,
    pub route: Option<Route>,
    pub score: Option<Points>,
    pub indicators: Vec<IndicatorOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checks: Option<Vec<CheckOut>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply: Option<ApplyOut>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct IndicatorOut {
    pub id: String,
    pub label: String,
    /// The measure that scored (for the R&D indicator, the better of its two ratios).
    pub value: Option<String>,
    /// What `value` is (a ratio, a count …), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<ValueKind>,
    pub measure: Option<String>,
    pub band: Option<String>,
    pub points: Option<Points>,
    pub max: Points,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum HighTechStatus {
    Certified,
    Meets,
    Borderline,
    Fails,
    Incomplete,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct HighTechOut {
    pub status: HighTechStatus,
    pub innovation_score: ScoreRange,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub innovation_items: Option<Vec<InnovationItemOut>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checks: Option<Vec<CheckOut>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply: Option<ApplyOut>,
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

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct InnovationItemOut {
    pub id: String,
    pub label: String,
    pub basis: ItemBasis,
    pub min: Points,
    pub max: Points,
    pub of: Points,
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
    pub id: String,
    pub name: String,
    pub status: ProductStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reasons: Option<Vec<CheckOut>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checks: Option<Checks>,
    pub limit: Option<LimitOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hints: Option<Vec<HintOut>>,
    pub provenance: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
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
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum HintKind {
    /// The smallest change of one field that makes a failing check pass.
    Pass,
    /// A change that raises an eligible product's line.
    Lift,
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
        for v in [
            TechSmeStatus::Qualified,
            TechSmeStatus::NotQualified,
            TechSmeStatus::Incomplete,
        ] {
            assert_eq!(v.as_str(), wire(v));
        }
        for v in [Route::Score, Route::Direct] {
            assert_eq!(v.as_str(), wire(v));
        }
        for v in [
            HighTechStatus::Certified,
            HighTechStatus::Meets,
            HighTechStatus::Borderline,
            HighTechStatus::Fails,
            HighTechStatus::Incomplete,
        ] {
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
