//! A compiled scheme: its checks, indicators with their measures, groups, pass rule and routes,
//! every expression parsed and resolved (see `model::SchemeDef` for the document's form).

use crate::facts::Ty;
use crate::policy::check::Check;
use crate::policy::expr::Expr;
use crate::policy::model::{Apply, Layout, Shared, StatusNames, Text};
use crate::report::ValueKind;
use rust_decimal::Decimal;

/// A measure of an indicator: an expression, looked up in a band table when `table_at` is set.
#[derive(Debug, Clone)]
pub struct Measure {
    /// The expression as written (a fact's name for the simple ones), shown as the measure.
    pub text: Shared,
    pub expr: Expr,
    /// What its value is (a ratio, a count), for the indicator's value.
    pub kind: ValueKind,
    pub table_at: Option<usize>,
    pub path: String,
}

#[derive(Debug, Clone)]
pub struct Indicator {
    pub id: Shared,
    pub label: Text,
    pub max: Decimal,
    pub measures: Vec<Measure>,
    pub rating: Option<Measure>,
    /// The position of its group among the scheme's groups.
    pub group: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Group {
    pub id: Shared,
    pub label: Text,
    pub cap: Option<Decimal>,
    pub min: Option<Decimal>,
}

#[derive(Debug, Clone)]
pub struct Scheme {
    pub id: Shared,
    pub title: Text,
    pub basis: Text,
    pub held: Option<Check>,
    /// The prerequisites first, then the document's checks.
    pub checks: Vec<Check>,
    /// For each prerequisite, its position among `checks` and the check that it is held (not only
    /// qualified): a prerequisite met on the figures alone says the title must be obtained first.
    pub prerequisites: Vec<(usize, Check)>,
    pub indicators: Vec<Indicator>,
    pub groups: Vec<Group>,
    pub pass: Option<Check>,
    pub routes: Vec<Check>,
    pub statuses: StatusNames,
    /// Its own assumptions: the fact's position, the value, the message.
    pub assumptions: Vec<(usize, crate::facts::Val, Text)>,
    /// Names the status from the figures (`SchemeDef::status_of`).
    pub status_of: Option<Expr>,
    pub layout: Layout,
    pub apply: Option<Apply>,
    /// Every fact its measures read (set by `resolve`), for the hint searches.
    pub measure_reads: crate::policy::map::Set<String>,
    /// The facts it publishes (`published`), named once when the policy compiles: an
    /// evaluation copies the names instead of formatting them again.
    pub published: Vec<(std::sync::Arc<str>, Ty)>,
}

impl Scheme {
    /// The local values its pass rule sees, in order: each indicator's points, each group's
    /// total, then the score.
    pub fn locals(&self) -> Vec<String> {
        self.indicators
            .iter()
            .map(|i| format!("points.{}", i.id))
            .chain(self.groups.iter().map(|g| format!("groups.{}", g.id)))
            .chain(["score".to_string()])
            .collect()
    }

    /// Every expression of the scheme (what it reads).
    pub fn exprs(&self) -> Vec<&Expr> {
        let checks = self
            .held
            .iter()
            .chain(&self.checks)
            .chain(self.prerequisites.iter().map(|(_, c)| c))
            .chain(&self.pass)
            .chain(&self.routes);
        let mut out: Vec<&Expr> = Vec::new();
        for c in checks {
            out.push(&c.expr);
            if let Some(a) = &c.actual {
                out.push(a);
            }
        }
        for i in &self.indicators {
            out.extend(i.measures.iter().chain(&i.rating).map(|m| &m.expr));
        }
        out.extend(&self.status_of);
        out
    }
}

/// The facts a scheme publishes, in order, with their types.
pub fn published(id: &str, indicators: &[String]) -> Vec<(std::sync::Arc<str>, Ty)> {
    let mut out: Vec<(std::sync::Arc<str>, Ty)> = vec![
        (format!("{id}.status").into(), Ty::Str),
        (format!("{id}.qualified").into(), Ty::Bool),
        (format!("{id}.held").into(), Ty::Bool),
        (format!("{id}.score").into(), Ty::Num),
    ];
    out.extend(
        indicators
            .iter()
            .map(|i| (format!("{id}.points.{i}").into(), Ty::Num)),
    );
    out
}
