//! The policy: a JSON document (model), its expressions (expr), tables (table) and checks (check),
//! compiled once and validated with every problem reported at once. The built-in reference
//! policy (domain.md §6) is such a document, `builtin.json`.

pub mod check;
mod compile;
pub mod cost;
pub mod depends;
pub mod expr;
pub mod kinds;
pub mod map;
pub mod model;
mod names;
pub mod num;
mod prove;
pub mod resolve;
pub mod scheme;
mod shape;
pub mod table;

use crate::error::{Code, Error, Issue};
use crate::facts::{Fact, Facts, Known, Ty, Val};
use check::Check;
use expr::{Expr, Scope, Slot};
use model::{Apply, PolicyDoc, Shared, Text};
use table::Table;

/// The built-in policy, minified at build time (build.rs) from `builtin.json`.
pub const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/builtin.min.json"));

/// Limits on what a policy may hold, so a hostile document cannot exhaust memory or time.
pub const MAX_POLICY_BYTES: usize = 1 << 20;
pub const MAX_PRODUCTS: usize = 64;
pub const MAX_STEPS: usize = 64;
pub const MAX_CHECKS: usize = 128;
pub const MAX_TABLE_ROWS: usize = 256;
pub const MAX_TESTS: usize = 256;
/// Next steps or documents in one `apply` block.
pub const MAX_APPLY_ITEMS: usize = 16;

/// Schemes in one policy.
pub const MAX_SCHEMES: usize = 32;

#[derive(Debug, Clone)]
pub struct Step {
    pub id: String,
    pub label: Text,
    pub expr: Expr,
    pub kind: crate::report::ValueKind,
    pub path: String,
}

#[derive(Debug, Clone)]
pub struct Product {
    pub id: Shared,
    pub name: Text,
    pub provenance: Text,
    pub note: Option<Text>,
    /// What to do next (the document's `apply`, shown in full reports).
    pub apply: Option<Apply>,
    pub eligibility: Vec<Check>,
    pub steps: Vec<Step>,
    pub amount: String,
    /// The position of the amount among the steps.
    pub amount_at: usize,
    /// Every fact its steps read, through the policy's facts and other steps (set by `resolve`).
    pub reads: resolve::Reads,
}

#[derive(Debug, Clone)]
pub struct DerivedFact {
    /// Shared with each evaluation's facts, which name it without copying.
    pub id: std::sync::Arc<str>,
    pub expr: Expr,
    pub path: String,
}

/// A compiled, validated policy: parse once, evaluate many.
#[derive(Debug, Clone)]
pub struct Policy {
    pub doc: PolicyDoc,
    pub digest: Shared,
    /// The schemes, in evaluation order.
    pub schemes: Vec<scheme::Scheme>,
    pub facts: Vec<DerivedFact>,
    pub knockouts: Vec<Check>,
    pub products: Vec<Product>,
    /// The tables in name order (what `Expr::Table` positions index).
    pub tables: Vec<Table>,
    /// Each assumption's fact position and the value it gives (of the fact's type).
    pub assumed: Vec<Option<(usize, Val)>>,
    /// How many facts an evaluation holds once the policy's own are added.
    pub fact_count: usize,
    /// What may fail on some profile without making the policy invalid (a divisor that may be 0).
    pub warnings: Vec<crate::error::Issue>,
    /// The upper bounds of what one report costs (`cost::of`), within the budgets.
    pub cost: cost::Cost,
    /// What each scheme and product reads by position (`depends`), worked out when first asked.
    pub depends: std::sync::OnceLock<depends::Depends>,
}

/// The scope an expression sees at evaluation: the facts, the tables, the local values (its
/// product's steps so far, or the tech-SME points) and the steps of earlier products, all by
/// position. Names are only a fallback for what was not resolved.
pub struct EvalScope<'a> {
    pub policy: &'a Policy,
    pub facts: &'a Facts,
    pub local: &'a [Known],
    pub steps: &'a [Vec<Known>],
}

impl<'a> EvalScope<'a> {
    pub fn new(policy: &'a Policy, facts: &'a Facts) -> Self {
        EvalScope {
            policy,
            facts,
            local: &[],
            steps: &[],
        }
    }
}

impl Scope for EvalScope<'_> {
    fn fact(&self, name: &str) -> Option<&Fact> {
        self.facts.get(name)
    }
    fn slot(&self, slot: Slot) -> Option<&Known> {
        match slot {
            Slot::Global(i) => self.facts.at(usize::from(i)).map(|f| &f.value),
            Slot::Local(i) => self.local.get(usize::from(i)),
            Slot::Name | Slot::Step(..) => None,
        }
    }
    fn table(&self, name: &str) -> Option<&Table> {
        self.policy.table(name)
    }
    fn table_at(&self, index: u16) -> Option<&Table> {
        self.policy.tables.get(usize::from(index))
    }
    fn step(&self, product: &str, step: &str) -> Option<Known> {
        let p = self
            .policy
            .products
            .iter()
            .position(|p| &*p.id == product)?;
        let s = self
            .policy
            .products
            .get(p)?
            .steps
            .iter()
            .position(|s| s.id == step)?;
        self.steps.get(p)?.get(s).cloned()
    }
    fn step_at(&self, product: u16, step: u16) -> Option<Known> {
        self.steps
            .get(usize::from(product))?
            .get(usize::from(step))
            .cloned()
    }
    fn has_step(&self, product: &str, step: &str) -> bool {
        self.step(product, step).is_some()
    }
}

impl Policy {
    /// What each scheme and each product's steps read (see `depends`).
    pub fn depends(&self) -> &depends::Depends {
        self.depends.get_or_init(|| depends::Depends::of(self))
    }

    /// The built-in reference policy, compiled. It is validated by the test suite; should it ever
    /// fail to compile, the error says so instead of panicking.
    pub fn builtin() -> Result<Policy, Error> {
        // The text is already canonical (build.rs): read and hash it as it is, with no second pass.
        Policy::read(BUILTIN_JSON)
    }

    pub fn from_value(value: &serde_json::Value) -> Result<Policy, Error> {
        // The limit a JavaScript caller's document meets while it is read (`json::MAX_STRING`),
        // so that a document is refused alike natively and in wasm.
        if let Some(path) = long_string(value, "") {
            return Err(Issue::new(Code::TooLarge, path)
                .with(format!("{} bytes per string", crate::json::MAX_STRING))
                .into());
        }
        let text = serde_json::to_string(value).unwrap_or_default();
        let size = text.len();
        if size > MAX_POLICY_BYTES {
            return Err(Issue::new(Code::PolicyTooLarge, "")
                .with(format!("{size} bytes, limit {MAX_POLICY_BYTES}"))
                .into());
        }
        Policy::read(&text)
    }

    /// The document's text into the model (the first shape error with its path), then compiled.
    fn read(text: &str) -> Result<Policy, Error> {
        let doc = shape::read(text)?;
        Policy::compile(doc, compile::digest(text))
    }

    pub fn table(&self, name: &str) -> Option<&Table> {
        self.doc.tables.get(name)
    }
}

/// The path of the first string (or key) longer than `json::MAX_STRING` bytes. The walk follows
/// the document's nesting, which serde_json bounds (128 levels) when it parses text.
fn long_string(v: &serde_json::Value, path: &str) -> Option<String> {
    use serde_json::Value;
    let max = crate::json::MAX_STRING;
    match v {
        Value::String(s) if s.len() > max => Some(path.to_string()),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, x)| long_string(x, &crate::error::index(path, i))),
        Value::Object(m) => m.iter().find_map(|(k, x)| {
            if k.len() > max {
                Some(path.to_string())
            } else {
                long_string(x, &crate::error::join(path, k))
            }
        }),
        _ => None,
    }
}

/// The value an assumption gives a fact of type `ty`, if it has that type.
pub fn assumed_value(v: &serde_json::Value, ty: Ty) -> Option<Val> {
    match (v, ty) {
        (serde_json::Value::Bool(b), Ty::Bool) => Some(Val::Bool(*b)),
        (serde_json::Value::String(s), Ty::Num) => {
            crate::money::parse_decimal_text(s, true).map(|d| Val::Num(d.normalize()))
        }
        (serde_json::Value::Number(n), Ty::Num) => {
            crate::money::parse_decimal_text(&n.to_string(), false).map(Val::Num)
        }
        (serde_json::Value::String(s), Ty::Str) => Some(Val::Str(s.as_str().into())),
        _ => None,
    }
}
