//! Lookup tables of a policy: bands (ranges of a number, first matching row wins) and maps
//! (a key to a value). Their validation reports every malformed row.

use crate::error::{join, Code, Issue};
use crate::facts::{Ty, Val};
use crate::policy::map::Map;
use crate::policy::num::Dec;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One row of a band table. Bounds are optional and combine: `atLeast` (x ≥ a), `above` (x > a),
/// `atMost` (x ≤ b), `below` (x < b). A row without bounds matches everything.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BandRow {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below: Option<Dec>,
    /// The row's value (points, a factor, an amount).
    pub value: Dec,
    /// For a range row (expert scores): the highest value of the range; `value` is the lowest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top: Option<Dec>,
    /// The band's name as the official text has it ("A" … "F").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<crate::policy::model::Shared>,
}

impl BandRow {
    pub fn matches(&self, x: Decimal) -> bool {
        self.at_least.is_none_or(|a| x >= a.0)
            && self.above.is_none_or(|a| x > a.0)
            && self.at_most.is_none_or(|b| x <= b.0)
            && self.below.is_none_or(|b| x < b.0)
    }

    /// The lowest value that enters this row from below, when the row has a lower bound.
    pub fn lower_bound(&self) -> Option<(Decimal, bool)> {
        self.at_least
            .map(|a| (a.0, true))
            .or(self.above.map(|a| (a.0, false)))
    }
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum TableKind {
    /// Ranges of a number (`rows`), first matching row wins.
    Band,
    /// A key (a string fact such as a tax grade) to a number (`entries`).
    Map,
}

/// A lookup table. (A plain struct rather than a tagged enum, so that an error inside a row is
/// reported with its full path.)
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Table {
    pub kind: TableKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<BandRow>,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub entries: Map<String, Dec>,
}

impl Table {
    pub fn band(&self, x: Decimal) -> Option<&BandRow> {
        match self.kind {
            TableKind::Band => self.rows.iter().find(|r| r.matches(x)),
            TableKind::Map => None,
        }
    }

    pub fn entry(&self, key: &Val) -> Option<Decimal> {
        match (self.kind, key) {
            (TableKind::Map, Val::Str(k)) => self.entries.get(&**k).map(|d| d.0),
            _ => None,
        }
    }

    pub fn key_type(&self) -> Ty {
        match self.kind {
            TableKind::Band => Ty::Num,
            TableKind::Map => Ty::Str,
        }
    }

    /// Every problem with the table's rows.
    pub fn validate(&self, path: &str, issues: &mut Vec<Issue>) {
        let rows = &self.rows;
        let entries = &self.entries;
        match self.kind {
            TableKind::Band => {
                if !entries.is_empty() {
                    issues.push(
                        Issue::new(Code::MalformedTable, join(path, "entries"))
                            .with("a band table has rows, not entries"),
                    );
                }
                if rows.is_empty() {
                    issues
                        .push(Issue::new(Code::MalformedTable, join(path, "rows")).with("no rows"));
                }
                for (i, r) in rows.iter().enumerate() {
                    let p = format!("{}[{i}]", join(path, "rows"));
                    if r.at_least.is_some() && r.above.is_some() {
                        issues.push(
                            Issue::new(Code::MalformedTable, &p).with("both atLeast and above"),
                        );
                    }
                    if r.at_most.is_some() && r.below.is_some() {
                        issues.push(
                            Issue::new(Code::MalformedTable, &p).with("both atMost and below"),
                        );
                    }
                    if let (Some((lo, _)), Some(hi)) =
                        (r.lower_bound(), r.at_most.or(r.below).map(|b| b.0))
                    {
                        if lo > hi {
                            issues.push(
                                Issue::new(Code::MalformedTable, &p)
                                    .with("the lower bound is above the upper bound"),
                            );
                        }
                    }
                    if let Some(top) = r.top {
                        if top.0 < r.value.0 {
                            issues.push(
                                Issue::new(Code::MalformedTable, join(&p, "top"))
                                    .with("top is below value"),
                            );
                        }
                    }
                    // A row that an earlier row fully covers can never be reached.
                    if let Some(j) = rows
                        .get(..i)
                        .and_then(|earlier| earlier.iter().position(|e| covers(e, r)))
                    {
                        issues.push(Issue::new(Code::MalformedTable, &p).with(format!(
                            "unreachable: row {j} already matches all its values"
                        )));
                    }
                }
            }
            TableKind::Map => {
                if !rows.is_empty() {
                    issues.push(
                        Issue::new(Code::MalformedTable, join(path, "rows"))
                            .with("a map table has entries, not rows"),
                    );
                }
                if entries.is_empty() {
                    issues.push(
                        Issue::new(Code::MalformedTable, join(path, "entries")).with("no entries"),
                    );
                }
            }
        }
    }
}

/// Does row `e` match every value that row `r` matches? (Bounds compared conservatively.)
fn covers(e: &BandRow, r: &BandRow) -> bool {
    let e_lo = e.lower_bound();
    let r_lo = r.lower_bound();
    let lo_ok = match (e_lo, r_lo) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some((a, a_inc)), Some((b, b_inc))) => a < b || (a == b && (a_inc || !b_inc)),
    };
    let e_hi = e
        .at_most
        .map(|b| (b.0, true))
        .or(e.below.map(|b| (b.0, false)));
    let r_hi = r
        .at_most
        .map(|b| (b.0, true))
        .or(r.below.map(|b| (b.0, false)));
    let hi_ok = match (e_hi, r_hi) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some((a, a_inc)), Some((b, b_inc))) => a > b || (a == b && (a_inc || !b_inc)),
    };
    lo_ok && hi_ok
}
