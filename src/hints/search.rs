//! The search behind a hint: the smallest change of one field for which a check passes, probing
//! the check alone, and a report's memo of whole-policy evaluations for lift candidates.

use super::fields::{Dir, Field};
use crate::arith;
use crate::engine::{outcomes, probe_on, variant_facts, Needs, Run, VariantSteps};
use crate::facts::Facts;
use crate::policy::check::Check;
use crate::policy::Policy;
use crate::profile::Profile;
use crate::report::{CheckStatus, ProductStatus};
use crate::text::Locale;
use rust_decimal::Decimal;

pub(super) struct Search<'a> {
    pub(super) policy: &'a Policy,
    pub(super) base: &'a Profile,
    /// The report's own run on `base`: what a variant does not change is taken from it.
    pub(super) run: &'a Run,
    /// The facts of `base` (before assumptions), from which a variant's are made.
    pub(super) given: &'a Facts,
    pub(super) locale: Locale,
    pub(super) budget: usize,
    /// Every product's status and amount for a one-field change already evaluated: products
    /// share lift candidates (repaying a debt is one profile for all four).
    pub(super) lifts: Vec<Lifted>,
    /// The variants probed so far, with the schemes their probes needed: probes of other checks
    /// (another product's, another field's search) on the same variant share its facts.
    pub(super) based: Vec<Based>,
}

/// A variant's facts with the schemes a probe needs computed (`engine::variant_facts`), by its
/// changed field, value (as written: scale too) and number of schemes; None where the variant
/// cannot be evaluated.
pub(super) struct Based {
    field: &'static str,
    value: [u8; 16],
    schemes: usize,
    facts: Option<Facts>,
    /// The product steps its probes computed.
    steps: VariantSteps,
}

/// A changed field, its new value, and each product's (status, amount) after the change.
pub(super) type Lifted = (&'static str, Decimal, Vec<(ProductStatus, Option<Decimal>)>);

/// A candidate's outcome: does the check pass, and its margin (`Expr::margin`: how far it is from
/// flipping, above 0 when it holds), when a number measures it.
type Outcome = (bool, Option<Decimal>);

/// At most this many interpolated guesses per search before plain bisection takes over.
const GUESSES: usize = 3;

impl Search<'_> {
    /// One more evaluation, if the report's budget allows it.
    pub(super) fn spend(&mut self) -> Option<()> {
        self.budget = self.budget.checked_sub(1)?;
        Some(())
    }

    /// Every product's status and amount with one field changed (evaluated once per report).
    pub(super) fn lifted(
        &mut self,
        field: &'static Field,
        to: Decimal,
    ) -> Option<&[(ProductStatus, Option<Decimal>)]> {
        let known = self
            .lifts
            .iter()
            .position(|(f, v, _)| *f == field.path && *v == to);
        let i = match known {
            Some(i) => i,
            None => {
                self.spend()?;
                let facts = self.variant(field, to);
                let o = outcomes(facts, self.policy, self.locale, None, self.run).ok()?;
                self.lifts.push((field.path.as_str(), to, o));
                self.lifts.len() - 1
            }
        };
        self.lifts.get(i).map(|(_, _, o)| o.as_slice())
    }

    /// The facts of the variant with `field` at `v` and the schemes `needs` names, computed once.
    fn based(&mut self, field: &'static Field, v: Decimal, needs: Needs) -> Option<&mut Based> {
        let value = v.serialize();
        let known = self
            .based
            .iter()
            .position(|b| b.field == field.path && b.value == value && b.schemes == needs.schemes);
        let i = match known {
            Some(i) => i,
            None => {
                let facts = self.variant(field, v);
                let facts = variant_facts(facts, self.policy, needs, Some(self.run)).ok();
                self.based.push(Based {
                    field: field.path.as_str(),
                    value,
                    schemes: needs.schemes,
                    facts,
                    steps: VariantSteps::default(),
                });
                self.based.len() - 1
            }
        };
        self.based.get_mut(i)
    }

    /// One check alone with one field changed.
    pub(super) fn probe(
        &mut self,
        field: &'static Field,
        v: Decimal,
        check: &Check,
        needs: Needs,
    ) -> Option<Outcome> {
        self.spend()?;
        let (policy, run) = (self.policy, self.run);
        let outcome = self
            .based(field, v, needs)
            .and_then(|b| {
                let facts = b.facts.as_ref()?;
                probe_on(facts, policy, check, needs, Some(run), &mut b.steps).ok()
            })
            .map(|(status, gap)| (status == CheckStatus::Pass, gap))
            // An evaluation error counts as "does not pass", as in a full evaluation.
            .unwrap_or((false, None));
        Some(outcome)
    }

    pub(super) fn with(&self, field: &Field, v: Decimal) -> Profile {
        let mut p = self.base.clone();
        field.set(&mut p, v);
        p
    }

    /// The profile's facts with one field changed: only those that read it computed again.
    fn variant(&self, field: &Field, v: Decimal) -> Facts {
        let p = self.with(field, v);
        match &field.readers {
            Some(readers) => crate::facts::derive_changed(self.given, &p, readers),
            None => crate::facts::derive(&p),
        }
    }

    /// The smallest change of `field` (in whole 万 or whole units) for which the check passes.
    ///
    /// Candidates lie on the grid of whole units (万 for money), so hints read as round figures.
    /// The search keeps a failing `lo` and a passing `hi`, so it finds the same smallest step as
    /// a bisection would for a check that rises (or falls) with the field; where the comparison's
    /// gap is known at both ends, the next candidate is where a straight line between them crosses
    /// zero (exact for the linear checks most policies hold, and then confirmed one step below),
    /// else the midpoint.
    pub(super) fn smallest(
        &mut self,
        field: &'static Field,
        check: &Check,
        needs: Needs,
    ) -> Option<Decimal> {
        let cur = field.get(self.base)?;
        let unit = if field.money {
            Decimal::from(10_000)
        } else {
            Decimal::ONE
        };
        let value_at = |k: Decimal| match field.dir {
            Dir::Up => ((cur / unit).floor() + k) * unit,
            Dir::Down => (((cur / unit).ceil() - k) * unit).max(Decimal::ZERO),
        };
        let mut hi = match field.dir {
            Dir::Up if field.money => {
                (cur * Decimal::from(20)).max(Decimal::from(100_000_000)) / unit
            }
            Dir::Up => (cur * Decimal::from(5)).max(Decimal::from(50)),
            Dir::Down => (cur / unit).ceil(),
        }
        .floor();
        if field.path == "techStaff" {
            let room = self.base.num("employees")? - cur;
            hi = hi.min(room);
        }
        if hi <= Decimal::ZERO {
            return None;
        }
        let at = |s: &mut Self, k: Decimal| s.probe(field, value_at(k), check, needs);
        let (passes, mut gap_hi) = at(self, hi)?;
        if !passes {
            return None;
        }
        let mut lo = Decimal::ZERO;
        // The gap where nothing changes (whether it passes there is not asked: it failed).
        let mut gap_lo = match gap_hi {
            Some(_) => at(self, lo)?.1,
            None => None,
        };
        let mut guesses = 0;
        let mut confirm = false;
        while hi - lo > Decimal::ONE {
            let guess = if confirm {
                Some(hi - Decimal::ONE)
            } else if guesses < GUESSES {
                crossing(lo, hi, gap_lo, gap_hi)
            } else {
                None
            };
            let interpolated = guess.is_some() && !confirm;
            if interpolated {
                guesses += 1;
            }
            let mid = guess.unwrap_or_else(|| ((lo + hi) / Decimal::TWO).floor());
            let (passes, gap) = at(self, mid)?;
            if passes {
                hi = mid;
                gap_hi = gap;
            } else {
                lo = mid;
                gap_lo = gap;
            }
            // A guess that passes is confirmed one step below: usually the answer, in one more.
            confirm = interpolated && passes;
        }
        Some(value_at(hi))
    }
}

/// Where the straight line through (lo, gap_lo) and (hi, gap_hi) crosses zero, rounded up to the
/// grid and kept strictly inside (lo, hi); None when a gap is unknown or the line is flat.
fn crossing(
    lo: Decimal,
    hi: Decimal,
    gap_lo: Option<Decimal>,
    gap_hi: Option<Decimal>,
) -> Option<Decimal> {
    let (gl, gh) = (gap_lo?, gap_hi?);
    let slope = arith::checked_sub(gh, gl)?;
    if slope.is_zero() {
        return None;
    }
    let step = arith::checked_div(arith::checked_mul(arith::checked_sub(hi, lo)?, -gl)?, slope)?;
    let t = arith::checked_add(lo, step)?;
    Some(t.ceil().max(lo + Decimal::ONE).min(hi - Decimal::ONE))
}
