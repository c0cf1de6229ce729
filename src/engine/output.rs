//! A run written as the report: each product's outcome (status, reasons, limit steps, hints,
//! checks), the schemes' results with their title hints, the questions and the sources. What a
//! run computed is moved in, not cloned; texts are picked in the report's locale here.

use super::{
    outcomes, run, Detail, Options, ProductRun, Run, ENGINE_NAME, ENGINE_VERSION, MAX_REASONS,
};
use crate::error::{Code, Error, Issue};
use crate::facts::{self, Facts, Known, Missing};
use crate::hints;
use crate::policy::expr::{Expr, Func};
use crate::policy::model::Apply;
use crate::policy::{Policy, Product};
use crate::profile::Profile;
use crate::report::{
    ApplyOut, Assessments, CheckOut, CheckStatus, Checks, EngineInfo, HintKind, HintOut, LimitOut,
    PolicyInfo, ProductErrorOut, ProductOut, ProductStatus, Report, SchemeOut, StepOut,
};
use crate::text::Locale;
use rust_decimal::Decimal;

/// Failing checks, knock-outs first (they decide before any threshold), in policy order.
fn reasons(checks: &Checks) -> Vec<CheckOut> {
    checks
        .iter()
        .filter(|c| c.status == CheckStatus::Fail)
        .take(MAX_REASONS)
        .cloned()
        .collect()
}

/// Within the last `min(…)` step the line passes through, the argument that decides it.
pub fn binding(product: &Product, run: &ProductRun) -> Option<String> {
    let value = |id: &str| {
        product
            .steps
            .iter()
            .position(|s| s.id == id)
            .and_then(|i| run.steps.get(i))
            .and_then(Known::num)
    };
    product.steps.iter().rev().find_map(|step| {
        let Expr::Call(Func::Min, args) = &step.expr else {
            return None;
        };
        let result = value(&step.id)?;
        args.iter().find_map(|a| match a {
            Expr::Fact(name, _) if value(name) == Some(result) => Some(name.clone()),
            _ => None,
        })
    })
}

fn product_out(
    policy: &Policy,
    product: &Product,
    pr: &ProductRun,
    origin: Option<&hints::Origin<'_>>,
    opts: &Options,
    cache: &mut hints::Cache,
) -> Result<ProductOut, Issue> {
    let locale = opts.locale;
    let full = opts.detail == Detail::Full;
    let limit = match (pr.status, pr.amount) {
        (ProductStatus::Eligible, Some(amount)) => Some(LimitOut {
            amount: crate::money::fmt(amount),
            steps: full.then(|| {
                product
                    .steps
                    .iter()
                    .zip(&pr.steps)
                    .map(|(s, v)| StepOut {
                        id: s.id.clone(),
                        label: s.label.get(locale).to_string(),
                        value: v.num().map(crate::money::fmt),
                        kind: s.kind,
                        missing: match v {
                            Known::Missing(m) => *m,
                            Known::Yes(_) => Missing::NONE,
                        },
                    })
                    .collect()
            }),
            binding: if full { binding(product, pr) } else { None },
        }),
        _ => None,
    };
    let hints = match origin.filter(|_| full) {
        Some(_) if pr.error.is_some() => Some(Vec::new()),
        Some(origin) => Some(hints::for_product(
            policy, product, pr, origin, locale, cache,
        )?),
        None => None,
    };
    Ok(ProductOut {
        id: product.id.clone(),
        name: product.name.shared(locale),
        status: pr.status,
        reasons: full.then(|| reasons(&pr.checks)),
        // Moved in by `report` once the hints no longer read the run (not cloned).
        checks: None,
        limit,
        hints,
        provenance: product.provenance.shared(locale),
        note: product.note.as_ref().map(|n| n.shared(locale)),
        apply: if full {
            apply_out(product.apply.as_ref(), locale)
        } else {
            None
        },
        error: pr.error.as_ref().map(|(issue, step)| ProductErrorOut {
            code: issue.code,
            step: step.clone(),
            path: issue.path.clone(),
            message: issue.message(locale),
        }),
    })
}

/// A policy's `apply` block in one locale.
fn apply_out(apply: Option<&Apply>, locale: Locale) -> Option<ApplyOut> {
    let texts = |list: &[crate::policy::model::Text]| -> Vec<crate::policy::model::Shared> {
        list.iter().map(|t| t.shared(locale)).collect()
    };
    apply.map(|a| ApplyOut {
        steps: texts(&a.steps),
        documents: texts(&a.documents),
        deadline: a.deadline.as_ref().map(|d| d.shared(locale)),
    })
}

/// Evaluates a parsed profile into a report.
pub fn report(profile: &Profile, policy: &Policy, opts: &Options) -> Result<Report, Error> {
    if let Some(ids) = &opts.products {
        let issues: Vec<Issue> = ids
            .iter()
            .enumerate()
            .filter(|(_, id)| !policy.products.iter().any(|p| *p.id == **id))
            .map(|(i, id)| {
                Issue::new(Code::UnknownProduct, format!("options.products[{i}]")).with(id)
            })
            .collect();
        Error::from_issues(issues)?;
    }
    let mut run = run(profile, policy, opts.locale, opts.detail == Detail::Full)?;
    // The profile's facts as given (before assumptions): what hints vary and questions ask for.
    let given = (opts.detail == Detail::Full).then(|| facts::derive(profile));
    let mut products = Vec::new();
    let mut shown = Vec::new();
    let mut cache = hints::Cache::default();
    for (i, (product, pr)) in policy.products.iter().zip(&run.products).enumerate() {
        if !opts.shows(&product.id) {
            continue;
        }
        let origin = given.as_ref().map(|given| hints::Origin {
            profile,
            given,
            run: &run,
        });
        products.push(product_out(
            policy,
            product,
            pr,
            origin.as_ref(),
            opts,
            &mut cache,
        )?);
        shown.push(i);
    }
    let summary = opts.detail == Detail::Summary;
    // Each product's checks move from the run into the report (hints and title hints read the
    // runs' statuses, lines and steps, never their checks).
    if opts.detail == Detail::Full {
        for (out, &i) in products.iter_mut().zip(&shown) {
            if let Some(pr) = run.products.get_mut(i) {
                out.checks = Some(std::mem::take(&mut pr.checks));
            }
        }
    }
    // The schemes' results move into the report (title hints read the products' runs only).
    let mut schemes = std::mem::take(&mut run.schemes);
    if let Some(given) = &given {
        for (out, scheme) in schemes.iter_mut().zip(&policy.schemes) {
            out.hints = title_hints(policy, scheme, out, given, &run, opts)?;
        }
    }
    let locale = opts.locale;
    let doc = &policy.doc;
    for (out, scheme) in schemes.iter_mut().zip(&policy.schemes) {
        if summary {
            out.checks = None;
            out.detailed = false;
        } else {
            out.apply = apply_out(scheme.apply.as_ref(), locale);
        }
    }
    let mut report = Report {
        engine: EngineInfo {
            name: ENGINE_NAME,
            version: ENGINE_VERSION,
        },
        policy: PolicyInfo {
            id: doc.id.clone(),
            version: doc.version.clone(),
            effective: doc.effective.clone(),
            issuer: doc.issuer.shared(locale),
            digest: policy.digest.clone(),
        },
        locale: locale.tag(),
        company: profile.name(),
        assumptions: std::mem::take(&mut run.assumptions),
        warnings: crate::plausibility::warnings(profile, locale),
        assessments: Assessments(schemes),
        products,
        questions: None,
        disclaimer: doc.disclaimer.shared(locale),
        sources: None,
    };
    if let Some(given) = &given {
        report.questions = Some(crate::questions::rank(policy, given, &report));
        // Scanned once, on the finished report: whatever text cites a source, it is listed.
        report.sources = Some(crate::cite::cited_sources(&mut report, doc));
    }
    Ok(report)
}

/// A title the figures meet but the firm does not hold (domain.md §6.10): credit reads titles
/// held, so the line stays as it is; each product gets what holding the title would make of it.
/// Only a scheme whose `held` is one flag of the profile can be taken as held.
fn title_hints(
    policy: &Policy,
    scheme: &crate::policy::scheme::Scheme,
    out: &SchemeOut,
    given: &Facts,
    run: &Run,
    opts: &Options,
) -> Result<Vec<HintOut>, Issue> {
    let locale = opts.locale;
    let Some(Expr::Fact(flag, _)) = scheme.held.as_ref().map(|h| &h.expr) else {
        return Ok(Vec::new());
    };
    if out.qualified != Some(true) || out.held == Some(true) {
        return Ok(Vec::new());
    }
    let then = outcomes(given.clone(), policy, locale, Some(flag), run)?;
    let mut hints = Vec::new();
    for ((product, now), after) in policy.products.iter().zip(&run.products).zip(&then) {
        if !opts.shows(&product.id) {
            continue;
        }
        let line = |(status, amount): (ProductStatus, Option<Decimal>)| match (status, amount) {
            (ProductStatus::Eligible, Some(a)) => Some(a),
            _ => None,
        };
        let (from, to) = (line((now.status, now.amount)), line(*after));
        let show = |a: Option<Decimal>| match a {
            Some(a) => crate::text::money(a, locale),
            None => crate::text::pick(locale, "不符合条件", "not eligible").to_string(),
        };
        let name = product.name.get(locale);
        let message = if from == to {
            crate::text::fill(
                crate::text::pick(
                    locale,
                    "按您的数据已符合{0}标准：取得该称号后「{1}」仍为 {2}",
                    "Your figures meet the {0} standard: holding the title would leave {1} at {2}",
                ),
                &[out.title.to_string(), name.to_string(), show(from)],
            )
        } else {
            crate::text::fill(
                crate::text::pick(
                    locale,
                    "按您的数据已符合{0}标准：取得该称号可使「{1}」从 {2} 升至 {3}",
                    "Your figures meet the {0} standard: holding the title would take {1} from {2} to {3}",
                ),
                &[out.title.to_string(), name.to_string(), show(from), show(to)],
            )
        };
        hints.push(HintOut {
            kind: HintKind::Title,
            target: product.id.to_string(),
            field: flag.clone(),
            from: crate::money::fmt(from.unwrap_or_default()),
            to: crate::money::fmt(to.unwrap_or_default()),
            new_amount: to.map(crate::money::fmt),
            message,
        });
    }
    Ok(hints)
}
