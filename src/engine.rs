//! Profile + policy → run → report. Facts are derived once, assumptions applied and listed, the
//! schemes assessed in order, then every knock-out and every product check is evaluated (no
//! short-circuit) and the limit steps computed; `output` writes the run as the report (reasons
//! ranked, hints found).

use crate::error::{Code, Error, Issue};
use crate::facts::{self, Fact, Facts, Known, Ty, Val};
use crate::json::Json;
use crate::policy::expr::{Expr, Func};
use crate::policy::{EvalScope, Policy, Product};
use crate::profile::Profile;
use crate::report::{
    AssumptionOut, CheckOut, CheckStatus, Checks, ProductStatus, Report, SchemeOut,
};
use crate::text::Locale;
use rust_decimal::Decimal;

mod output;
mod variant;
pub use output::{binding, report};
pub use variant::{outcomes, probe, probe_on, probe_variant, variant_facts, VariantSteps};

pub const ENGINE_NAME: &str = "credit-check";
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// At most this many reasons per product.
pub const MAX_REASONS: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Detail {
    #[default]
    Full,
    /// Statuses, scores and lines only: no checks, reasons, steps or hints.
    Summary,
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub locale: Locale,
    /// Only these products in the report (all when None).
    pub products: Option<Vec<String>>,
    pub detail: Detail,
}

impl Options {
    /// Whether the report shows the product with this id (`products` names it, or is absent).
    pub fn shows(&self, id: &str) -> bool {
        self.products
            .as_ref()
            .is_none_or(|ids| ids.iter().any(|i| i == id))
    }

    /// Reads `{ locale?, products?, detail? }` (the `policy` key is read by the caller).
    pub fn read(v: &Json) -> Result<Options, Error> {
        let mut o = Options::default();
        let mut issues = Vec::new();
        let Json::Object(entries) = v else {
            return match v {
                Json::Null => Ok(o),
                other => Err(Issue::new(Code::WrongType, "options")
                    .with("object")
                    .with(other.kind())
                    .into()),
            };
        };
        for (k, val) in entries {
            let path = format!("options.{k}");
            match (k.as_str(), val) {
                (_, Json::Null) | ("policy", _) => {}
                ("locale", Json::Str(s)) => match Locale::parse(s, &path) {
                    Ok(l) => o.locale = l,
                    Err(i) => issues.push(i),
                },
                ("detail", Json::Str(s)) if s == "full" => o.detail = Detail::Full,
                ("detail", Json::Str(s)) if s == "summary" => o.detail = Detail::Summary,
                ("detail", Json::Str(s)) => issues.push(
                    Issue::new(Code::UnknownValue, path)
                        .with(s)
                        .with("full, summary"),
                ),
                ("products", Json::Array(items)) => {
                    let mut ids = Vec::new();
                    for (i, item) in items.iter().enumerate() {
                        match item {
                            Json::Str(s) => ids.push(s.clone()),
                            other => issues.push(
                                Issue::new(Code::WrongType, format!("{path}[{i}]"))
                                    .with("string")
                                    .with(other.kind()),
                            ),
                        }
                    }
                    o.products = Some(ids);
                }
                ("locale" | "detail", other) => issues.push(
                    Issue::new(Code::WrongType, path)
                        .with("string")
                        .with(other.kind()),
                ),
                ("products", other) => issues.push(
                    Issue::new(Code::WrongType, path)
                        .with("array")
                        .with(other.kind()),
                ),
                _ => issues.push(Issue::new(Code::UnknownField, path).with(k)),
            }
        }
        Error::from_issues(issues).map(|()| o)
    }
}

/// One product's evaluation.
#[derive(Debug, Clone)]
pub struct ProductRun {
    pub status: ProductStatus,
    /// The knock-outs (shared by every product) and the product's own checks.
    pub checks: Checks,
    /// The value of each of the product's steps, in order.
    pub steps: Vec<Known>,
    pub amount: Option<Decimal>,
    /// Why the status is `Error`: the issue, and the step that raised it (if a step did).
    pub error: Option<(Issue, Option<String>)>,
}

/// Everything computed for one profile, before it is shaped into a report.
#[derive(Debug, Clone)]
pub struct Run {
    pub facts: Facts,
    pub assumptions: Vec<AssumptionOut>,
    /// Each scheme's result, in policy order.
    pub schemes: Vec<SchemeOut>,
    pub knockouts: std::sync::Arc<[CheckOut]>,
    pub products: Vec<ProductRun>,
}

impl Run {
    pub fn product(&self, policy: &Policy, id: &str) -> Option<&ProductRun> {
        policy
            .products
            .iter()
            .position(|p| *p.id == *id)
            .and_then(|i| self.products.get(i))
    }
}

/// Gives missing facts the policy's assumed values; lists them when `listed` (a report shows them).
fn apply_assumptions(
    policy: &Policy,
    facts: &mut Facts,
    locale: Locale,
    listed: bool,
) -> Vec<AssumptionOut> {
    let mut out = Vec::new();
    for (a, assumed) in policy.doc.assumptions.iter().zip(&policy.assumed) {
        let Some((at, v)) = assumed else {
            continue;
        };
        if !matches!(facts.at(*at), Some(f) if matches!(f.value, Known::Missing(_))) {
            continue;
        }
        if listed {
            out.push(AssumptionOut {
                field: a.fact.clone(),
                assumed: v.show(),
                message: a.message.get(locale).to_string(),
            });
        }
        facts.set_at(*at, Known::Yes(v.clone()));
    }
    out
}

/// One product's checks and line, given its steps (`steps`, or the failing step's issue and
/// position) and the scope of the evaluation (`around`: the facts and the earlier products' steps).
fn evaluate_product(
    product: &Product,
    around: &EvalScope<'_>,
    knockouts: &std::sync::Arc<[CheckOut]>,
    locale: Locale,
    detailed: bool,
    steps: Result<Vec<Known>, (Issue, usize)>,
) -> ProductRun {
    let mut checks = Vec::with_capacity(product.eligibility.len());
    // A step or check that cannot be evaluated on this profile is this product's error: its
    // steps read as unknown to later products, and the other products are reported as usual.
    let failed = |checks, issue: Issue, step: Option<String>| ProductRun {
        status: ProductStatus::Error,
        checks: Checks::new(knockouts.clone(), checks),
        steps: vec![Known::Missing(crate::facts::Missing::NONE); product.steps.len()],
        amount: None,
        error: Some((issue, step)),
    };
    let local = match steps {
        Ok(local) => local,
        Err((issue, at)) => {
            let step = product.steps.get(at).map(|s| s.id.clone());
            return failed(checks, issue, step);
        }
    };
    let scope = EvalScope {
        local: &local,
        ..*around
    };
    for c in &product.eligibility {
        match c.evaluate(&scope, locale, detailed) {
            Ok(out) => checks.push(out),
            Err(issue) => return failed(checks, issue, None),
        }
    }
    // As `all_pass` over the knock-outs and the product's checks together.
    let status = match (
        crate::assess::all_pass(knockouts),
        crate::assess::all_pass(&checks),
    ) {
        (Some(false), _) | (_, Some(false)) => ProductStatus::Ineligible,
        (Some(true), Some(true)) => ProductStatus::Eligible,
        _ => ProductStatus::Incomplete,
    };
    let amount = local.get(product.amount_at).and_then(Known::num);
    ProductRun {
        status,
        checks: Checks::new(knockouts.clone(), checks),
        steps: local,
        amount,
        error: None,
    }
}

/// What one check needs computed before it can be evaluated on its own (a hint search tries many
/// variants of a profile against one check, and computes nothing else).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Needs {
    /// How many of the policy's schemes, from the first, must be computed (a later one may read
    /// an earlier one, so computing one computes those before it).
    pub schemes: usize,
    /// The steps of the products up to this one (for a product's eligibility check that reads them).
    pub steps_through: Option<usize>,
    /// The assumptions made, listed (a report shows them; a single check does not).
    pub assumptions: bool,
}

impl Needs {
    pub const ALL: Needs = Needs {
        schemes: usize::MAX,
        steps_through: None,
        assumptions: true,
    };
}

/// The facts of a profile (`facts::derive`'s) with the assessments' and the policy's own. A skipped assessment leaves
/// its facts unknown, in their places, so that every position stays where the policy expects it.
struct Base {
    facts: Facts,
    assumptions: Vec<AssumptionOut>,
    schemes: Vec<SchemeOut>,
}

/// `from`: the facts of the report's own run, when this is a variant of its profile (a hint's):
/// a scheme whose inputs are as they were there gives what it gave there, copied, not computed
/// (and not in `schemes`, which holds the results computed).
fn base(
    mut facts: Facts,
    policy: &Policy,
    locale: Locale,
    detailed: bool,
    needs: Needs,
    title: Option<&str>,
    from: Option<&Facts>,
) -> Result<Base, Issue> {
    let assumptions = apply_assumptions(policy, &mut facts, locale, needs.assumptions);
    // "What if the firm held this title": its flag set, everything else as given.
    if let Some(i) = title.and_then(|name| facts.index_of(name)) {
        facts.set_at(i, Known::Yes(Val::Bool(true)));
    }
    let mut schemes = Vec::with_capacity(policy.schemes.len());
    for (i, scheme) in policy.schemes.iter().enumerate() {
        if i >= needs.schemes {
            crate::assess::scheme::skip(scheme, &mut facts);
            continue;
        }
        if from.is_some_and(|from| copy_scheme(policy, i, &mut facts, from)) {
            continue;
        }
        let out = crate::assess::scheme::assess(scheme, policy, &mut facts, locale, detailed)?;
        crate::assess::scheme::publish(&out, scheme, &mut facts);
        schemes.push(out);
    }
    for f in &policy.facts {
        let v = f.expr.eval(&EvalScope::new(policy, &facts), &f.path)?;
        let ty = match &v {
            Known::Yes(val) => val.ty(),
            // The compiler knows the type; a missing value keeps the declared one.
            Known::Missing(_) => policy_fact_type(policy, &f.id),
        };
        facts.push(f.id.clone(), ty, v);
    }
    // Compiled expressions read facts by position: the layout must be the one the policy was
    // compiled against (a safety net; `facts::derive` keeps it by construction, and a test checks).
    if facts.len() != policy.fact_count {
        return Err(Issue::new(Code::PolicyShape, "facts").with(format!(
            "{} facts where the policy expects {}",
            facts.len(),
            policy.fact_count
        )));
    }
    Ok(Base {
        facts,
        assumptions,
        schemes,
    })
}

/// Copies scheme `i`'s published facts from `from` when everything it reads is identical there:
/// its evaluation would give the same. Only values are copied: an unknown result's missing inputs
/// (which a detailed run lists and a plain one does not) never change a status or a number.
fn copy_scheme(policy: &Policy, i: usize, facts: &mut Facts, from: &Facts) -> bool {
    let (Some(reads), Some(scheme)) = (policy.depends().schemes.get(i), policy.schemes.get(i))
    else {
        return false;
    };
    let start = facts.len();
    let same_place = scheme.published.first().map(|(name, _)| &**name) == from.name_at(start);
    !reads.opaque
        && same_place
        && facts.same_at(from, &reads.facts)
        && facts.push_from(from, start, scheme.published.len())
}

/// A product's step values, or the first failing step's issue and position.
fn product_steps(
    product: &Product,
    policy: &Policy,
    facts: &Facts,
    earlier: &[Vec<Known>],
) -> Result<Vec<Known>, (Issue, usize)> {
    let mut local: Vec<Known> = Vec::with_capacity(product.steps.len());
    for (at, step) in product.steps.iter().enumerate() {
        let v = step
            .expr
            .eval(
                &EvalScope {
                    policy,
                    facts,
                    local: &local,
                    steps: earlier,
                },
                &step.path,
            )
            .map_err(|issue| (*issue, at))?;
        local.push(v);
    }
    Ok(local)
}

/// Evaluates a parsed profile: every fact, assessment, check and step. `detailed` adds the checks'
/// values and texts (a full report); without it only statuses are known (summaries, hint searches).
pub fn run(
    profile: &Profile,
    policy: &Policy,
    locale: Locale,
    detailed: bool,
) -> Result<Run, Issue> {
    let Base {
        facts,
        assumptions,
        schemes,
    } = base(
        facts::derive(profile),
        policy,
        locale,
        detailed,
        Needs::ALL,
        None,
        None,
    )?;
    let scope = EvalScope::new(policy, &facts);
    let knockouts: std::sync::Arc<[CheckOut]> = policy
        .knockouts
        .iter()
        .map(|c| c.evaluate(&scope, locale, detailed))
        .collect::<Result<_, _>>()?;
    let mut steps: Vec<Vec<Known>> = Vec::with_capacity(policy.products.len());
    let mut products = Vec::with_capacity(policy.products.len());
    for p in &policy.products {
        let local = product_steps(p, policy, &facts, &steps);
        let around = EvalScope {
            steps: &steps,
            ..EvalScope::new(policy, &facts)
        };
        let pr = evaluate_product(p, &around, &knockouts, locale, detailed, local);
        steps.push(pr.steps.clone());
        products.push(pr);
    }
    Ok(Run {
        facts,
        assumptions,
        schemes,
        knockouts,
        products,
    })
}

fn policy_fact_type(policy: &Policy, id: &str) -> Ty {
    // Re-derive the type from the expression's shape; comparisons and logic are booleans.
    let e = policy.facts.iter().find(|f| &*f.id == id).map(|f| &f.expr);
    match e {
        Some(Expr::Bin(op, _, _)) if op.is_comparison() => Ty::Bool,
        Some(Expr::Bin(crate::policy::expr::Op::And | crate::policy::expr::Op::Or, _, _))
        | Some(Expr::Not(_)) => Ty::Bool,
        Some(Expr::Call(Func::Known, _)) => Ty::Bool,
        Some(Expr::Lit(v)) => v.ty(),
        _ => Ty::Num,
    }
}

/// Reads a raw profile and evaluates it.
pub fn evaluate(input: &Json, policy: &Policy, opts: &Options) -> Result<Report, Error> {
    let profile = Profile::read(input)?;
    report(&profile, policy, opts)
}

/// Reads a profile's JSON text and evaluates it: straight into the fields when the text is
/// plainly valid (`profile::text`), else the full way, whose errors say what is wrong.
pub fn evaluate_text(text: &str, policy: &Policy, opts: &Options) -> Result<Report, Error> {
    let profile = match crate::profile::text::read(text) {
        Some(p) => p,
        None => {
            let input = Json::parse(text).map_err(|e| crate::json::read_error(&e, ""))?;
            Profile::read(&input)?
        }
    };
    report(&profile, policy, opts)
}

/// A value for a `Val` in a fact table (used by hints to override a fact).
pub fn num_fact(value: Decimal) -> Fact {
    Fact {
        ty: Ty::Num,
        value: Known::Yes(Val::Num(value)),
    }
}
