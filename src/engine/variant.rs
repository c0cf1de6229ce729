//! A variant of the report's profile (one field changed, or a title taken as held): its steps,
//! one check probed alone, or every product's status and line, computing only what the variant
//! changes and taking the rest from the report's own run. What the hint searches evaluate.

use super::{
    base, evaluate_product, facts, product_steps, CheckOut, CheckStatus, EvalScope, Facts, Issue,
    Known, Locale, Needs, Policy, ProductStatus, Profile, Run,
};
use rust_decimal::Decimal;

/// Product `i`'s steps from the report's own run when everything they read is identical there:
/// the facts, and the steps of the products they read (`same`: which of the products before it
/// have identical steps).
pub(super) fn copied_steps(
    policy: &Policy,
    i: usize,
    facts: &Facts,
    same: &[bool],
    from: &Run,
) -> Option<Vec<Known>> {
    let reads = policy.depends().steps.get(i)?;
    let pr = from.products.get(i)?;
    let unchanged = pr.error.is_none()
        && !reads.opaque
        && reads.products.iter().all(|&p| same.get(p) == Some(&true))
        && facts.same_at(&from.facts, &reads.facts);
    unchanged.then(|| pr.steps.clone())
}

/// Whether a variant's steps of product `i` are identical to the report's own run's.
fn same_steps(steps: &[Known], i: usize, from: &Run) -> bool {
    from.products.get(i).is_some_and(|pr| {
        pr.steps.len() == steps.len() && pr.steps.iter().zip(steps).all(|(a, b)| a.identical(b))
    })
}

/// Product `i`'s steps on a variant: copied from the report's own run when they read nothing
/// changed, else computed; and whether they are identical to that run's.
pub(super) fn variant_steps(
    policy: &Policy,
    i: usize,
    facts: &Facts,
    earlier: &[Vec<Known>],
    same: &[bool],
    from: Option<&Run>,
) -> (Result<Vec<Known>, (Issue, usize)>, bool) {
    let Some(from) = from else {
        let s = match policy.products.get(i) {
            Some(product) => product_steps(product, policy, facts, earlier),
            None => Ok(Vec::new()),
        };
        return (s, false);
    };
    if let Some(s) = copied_steps(policy, i, facts, same, from) {
        return (Ok(s), true);
    }
    let Some(product) = policy.products.get(i) else {
        return (Ok(Vec::new()), false);
    };
    let s = product_steps(product, policy, facts, earlier);
    let identical = s.as_ref().is_ok_and(|s| same_steps(s, i, from));
    (s, identical)
}

/// One check of one product on its own: its status, and its margin (how far it is from
/// flipping, see `Expr::margin`). Only what the check needs is computed.
pub fn probe(
    profile: &Profile,
    policy: &Policy,
    check: &crate::policy::check::Check,
    needs: Needs,
) -> Result<(CheckStatus, Option<Decimal>), Issue> {
    probe_variant(facts::derive(profile), policy, check, needs, None)
}

/// `probe` on a variant of the profile of the report's run `from` (a hint's changed field), given
/// the variant's profile facts: of what the check needs, only what the variant changes is
/// computed, the rest taken from `from`.
pub fn probe_variant(
    facts: Facts,
    policy: &Policy,
    check: &crate::policy::check::Check,
    needs: Needs,
    from: Option<&Run>,
) -> Result<(CheckStatus, Option<Decimal>), Issue> {
    let facts = variant_facts(facts, policy, needs, from)?;
    probe_on(
        &facts,
        policy,
        check,
        needs,
        from,
        &mut VariantSteps::default(),
    )
}

/// A product's steps on a variant, or the failing step's issue and position.
type StepsOf = Result<Vec<Known>, (Issue, usize)>;

/// The product steps computed so far on one variant's facts (by product), and whether each
/// product's are identical to the report's run's: every probe of the variant shares them.
#[derive(Debug, Default)]
pub struct VariantSteps(Vec<Option<(StepsOf, bool)>>);

impl VariantSteps {
    fn get_or(&mut self, i: usize, compute: impl FnOnce() -> (StepsOf, bool)) -> (StepsOf, bool) {
        if let Some(Some(known)) = self.0.get(i) {
            return known.clone();
        }
        let computed = compute();
        if self.0.len() <= i {
            self.0.resize(i + 1, None);
        }
        if let Some(slot) = self.0.get_mut(i) {
            *slot = Some(computed.clone());
        }
        computed
    }
}

/// A variant's facts with the schemes `needs` names and the policy's own (what every probe of
/// the variant with those needs reads, whatever its check), from its profile facts.
pub fn variant_facts(
    facts: Facts,
    policy: &Policy,
    needs: Needs,
    from: Option<&Run>,
) -> Result<Facts, Issue> {
    let b = base(
        facts,
        policy,
        Locale::default(),
        false,
        needs,
        None,
        from.map(|r| &r.facts),
    )?;
    Ok(b.facts)
}

/// `probe_variant` on the variant's facts (`variant_facts`, computed with the same `needs`) and
/// the steps its earlier probes computed (`known`, which this one adds to).
pub fn probe_on(
    facts: &Facts,
    policy: &Policy,
    check: &crate::policy::check::Check,
    needs: Needs,
    from: Option<&Run>,
    known: &mut VariantSteps,
) -> Result<(CheckStatus, Option<Decimal>), Issue> {
    let mut steps: Vec<Vec<Known>> = Vec::new();
    if let Some(last) = needs.steps_through {
        let needed = policy.depends().needed.get(last);
        let mut same = Vec::with_capacity(last + 1);
        for i in 0..policy.products.len().min(last + 1) {
            // Steps that neither the product's steps nor its checks read are not computed.
            if needed.is_some_and(|n| n.get(i) != Some(&true)) {
                steps.push(Vec::new());
                same.push(false);
                continue;
            }
            let (s, identical) =
                known.get_or(i, || variant_steps(policy, i, facts, &steps, &same, from));
            // As in `run`: an earlier product's failing step leaves its steps unknown; the
            // probed product's own is the probe's error.
            let s = match s {
                Ok(s) => s,
                Err((issue, _)) if i == last => return Err(issue),
                Err(_) => {
                    let n = policy.products.get(i).map_or(0, |p| p.steps.len());
                    vec![Known::Missing(crate::facts::Missing::NONE); n]
                }
            };
            steps.push(s);
            same.push(identical);
        }
    }
    let scope = EvalScope {
        policy,
        facts,
        local: needs
            .steps_through
            .and_then(|i| steps.get(i))
            .map_or(&[], Vec::as_slice),
        steps: &steps,
    };
    let status = check.evaluate(&scope, Locale::default(), false)?.status;
    let margin = check.expr.margin(&scope, &check.path)?;
    Ok((status, margin))
}

/// Every product's status and amount on a variant of the profile of the report's run `from`
/// (a lift hint's changed field, or a title taken as held), given the variant's profile facts:
/// as `run` would give them, computing only what the variant changes.
pub fn outcomes(
    facts: Facts,
    policy: &Policy,
    locale: Locale,
    title: Option<&str>,
    from: &Run,
) -> Result<Vec<(ProductStatus, Option<Decimal>)>, Issue> {
    let needs = Needs {
        assumptions: false,
        ..Needs::ALL
    };
    let b = base(
        facts,
        policy,
        locale,
        false,
        needs,
        title,
        Some(&from.facts),
    )?;
    let scope = EvalScope::new(policy, &b.facts);
    let knockouts: std::sync::Arc<[CheckOut]> = policy
        .knockouts
        .iter()
        .map(|c| c.evaluate(&scope, locale, false))
        .collect::<Result<_, _>>()?;
    let n = policy.products.len();
    let (mut steps, mut same, mut out) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    for (i, p) in policy.products.iter().enumerate() {
        let (local, _) = variant_steps(policy, i, &b.facts, &steps, &same, Some(from));
        let around = EvalScope {
            steps: &steps,
            ..EvalScope::new(policy, &b.facts)
        };
        let pr = evaluate_product(p, &around, &knockouts, locale, false, local);
        same.push(same_steps(&pr.steps, i, from));
        out.push((pr.status, pr.amount));
        steps.push(pr.steps);
    }
    Ok(out)
}
