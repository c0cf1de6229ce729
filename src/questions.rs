//! Ask what matters first: the inputs not yet given, ranked by what answering them could change.
//! An input that keeps a product from showing a line weighs most (more when it is one of few
//! such inputs), then one that keeps a scheme undecided, then an assumed number a product or
//! scheme reads (IP counts, debts: they move a score or a line), then each incomplete check that
//! names it and each input read but not needed (an assumed flag, a rule only where given).
//! Also what each product and scheme reads, for the form to mark.
//! Reads the report and the compiled policy; writes nothing back.

use crate::facts::{self, Facts, Known, Missing};
use crate::policy::map::{Map, Set};
#[cfg(feature = "full")]
use crate::policy::resolve::closure;
use crate::policy::Policy;
use crate::profile::Profile;
use crate::report::{CheckOut, CheckStatus, ProductStatus, QuestionOut, Report, SchemeStatus};
use std::cell::RefCell;
use std::rc::Rc;

/// At most this many questions in a report.
pub const MAX_QUESTIONS: usize = 14;

/// A product or a scheme, and the profile paths it reads (through the policy's facts, its steps,
/// the knock-outs and the schemes' results), in profile order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reader {
    pub id: String,
    pub product: bool,
    pub facts: Set<String>,
    pub paths: Vec<String>,
    /// Where its profile facts are in `facts::derive`'s list (the same for every profile).
    pub positions: Vec<usize>,
}

/// The order of profile paths: as the profile's facts come (`facts::derive`), unknown ones last.
fn profile_order(empty: &Facts) -> Map<String, usize> {
    let mut order = Map::new();
    for (i, (_, f)) in empty.iter().enumerate() {
        if let Known::Missing(paths) = &f.value {
            for p in paths.paths() {
                if !order.contains_key(p.as_str()) {
                    order.insert(p.clone(), i);
                }
            }
        }
    }
    order
}

#[cfg(feature = "full")]
fn sorted_paths(paths: Set<String>, order: &Map<String, usize>) -> Vec<String> {
    let mut v: Vec<String> = paths.into_iter().collect();
    let at = |p: &String| order.get(p).copied().unwrap_or(usize::MAX);
    crate::sort::stable_by(&mut v, |a, b| (at(a), a) < (at(b), b));
    v
}

/// Fact names, with the schemes' results (`<id>.*`) replaced by what the scheme reads.
#[cfg(feature = "full")]
fn expand(mut names: Set<String>, schemes: &[(String, Set<String>)]) -> Set<String> {
    for (id, reads) in schemes {
        if names.iter().any(|n| n.starts_with(&format!("{id}."))) {
            names.extend(reads.iter().cloned());
        }
    }
    names
}

/// What a compiled policy's readers are, and the order of the input atoms: both depend on the
/// policy alone, so they are worked out once per policy (by its digest) and shared by every
/// report, not once per report (where they were more than half of a full report's work).
struct PolicyStatics {
    digest: String,
    readers: Rc<Vec<Reader>>,
    /// Each input atom's place in the profile's order, by its bit (None for a bit no input uses).
    order_by_bit: Rc<Vec<Option<usize>>>,
}

/// A policy's statics, shared: what `rank` reads.
#[derive(Clone)]
struct Statics {
    readers: Rc<Vec<Reader>>,
    order_by_bit: Rc<Vec<Option<usize>>>,
}

thread_local! {
    static STATICS: RefCell<Option<PolicyStatics>> = const { RefCell::new(None) };
}

fn statics(policy: &Policy) -> Statics {
    STATICS.with(|cell| {
        let mut cached = cell.borrow_mut();
        if let Some(s) = cached.as_ref().filter(|s| *s.digest == *policy.digest) {
            return Statics {
                readers: s.readers.clone(),
                order_by_bit: s.order_by_bit.clone(),
            };
        }
        let readers = Rc::new(compute_readers(policy));
        let order = profile_order(&facts::derive(&Profile::default()));
        let order_by_bit: Rc<Vec<Option<usize>>> = Rc::new(
            (0..128)
                .map(|b| order.get(Missing::path_of(b)).copied())
                .collect(),
        );
        *cached = Some(PolicyStatics {
            digest: policy.digest.to_string(),
            readers: readers.clone(),
            order_by_bit: order_by_bit.clone(),
        });
        Statics {
            readers,
            order_by_bit,
        }
    })
}

/// What every scheme and product of the policy reads, schemes first, then products in order.
pub fn readers(policy: &Policy) -> Rc<Vec<Reader>> {
    statics(policy).readers
}

/// What the policy's schemes and products read. The lean module (no feature `full`) has the built-in
/// policy's readers precompiled in its pack ([`crate::BuiltinPack`]), and so none of this code
/// (`closure` and the paths of each reader: 3 KB of its gzip).
#[cfg(not(feature = "full"))]
fn compute_readers(_: &Policy) -> Vec<Reader> {
    crate::builtin_readers().to_vec()
}

/// What the policy's schemes and products read, worked out from its expressions.
#[cfg(feature = "full")]
pub fn compute_readers(policy: &Policy) -> Vec<Reader> {
    let empty = facts::derive(&Profile::default());
    let order = profile_order(&empty);
    let paths_of = |names: &Set<String>| {
        let mut paths = Set::new();
        for n in names {
            if let Some(Known::Missing(p)) = empty.get(n).map(|f| &f.value) {
                paths.extend(p.paths());
            }
        }
        sorted_paths(paths, &order)
    };
    let positions_of =
        |names: &Set<String>| names.iter().filter_map(|n| empty.index_of(n)).collect();
    let checks = |cs: &[crate::policy::check::Check]| -> Vec<crate::policy::expr::Expr> {
        cs.iter().map(|c| c.expr.clone()).collect()
    };
    let mut schemes: Vec<(String, Set<String>)> = Vec::new();
    let mut out = Vec::new();
    for s in &policy.schemes {
        let names = expand(closure(policy, None, &s.exprs()).facts, &schemes);
        out.push(Reader {
            id: s.id.to_string(),
            product: false,
            paths: paths_of(&names),
            positions: positions_of(&names),
            facts: names.clone(),
        });
        schemes.push((s.id.to_string(), names));
    }
    for (i, p) in policy.products.iter().enumerate() {
        let mut exprs = checks(&policy.knockouts);
        exprs.extend(checks(&p.eligibility));
        exprs.extend(p.steps.iter().map(|s| s.expr.clone()));
        let roots: Vec<&_> = exprs.iter().collect();
        let names = expand(closure(policy, Some(i), &roots).facts, &schemes);
        out.push(Reader {
            id: p.id.to_string(),
            product: true,
            paths: paths_of(&names),
            positions: positions_of(&names),
            facts: names,
        });
    }
    out
}

fn missing_of(checks: &[&CheckOut], into: &mut Missing) {
    for c in checks
        .iter()
        .filter(|c| c.status == CheckStatus::Incomplete)
    {
        *into = into.union(c.missing);
    }
}

/// What keeps each subject from a result: its blocking inputs, and its incomplete checks.
struct Subject<'r> {
    id: &'r str,
    product: bool,
    /// The input atoms that keep it from a result.
    blocked_by: Missing,
    checks: Vec<&'r CheckOut>,
}

fn subjects<'r>(report: &'r Report, not_given: &dyn Fn(&str) -> Missing) -> Vec<Subject<'r>> {
    let mut out = Vec::new();
    for s in report.assessments.iter() {
        let checks: Vec<&CheckOut> = s.checks.iter().flatten().collect();
        let open = matches!(
            s.status,
            SchemeStatus::Incomplete | SchemeStatus::Borderline
        );
        let mut blocked_by = Missing::NONE;
        if open {
            missing_of(&checks, &mut blocked_by);
            for i in s.indicators.iter().filter(|i| !i.exact()) {
                blocked_by = blocked_by.union(i.missing);
            }
        }
        out.push(Subject {
            id: &s.id,
            product: false,
            blocked_by,
            checks,
        });
    }
    for p in &report.products {
        let checks: Vec<&CheckOut> = p.checks.iter().flatten().collect();
        let no_line = p.status == ProductStatus::Eligible && p.limit.is_none();
        let mut blocked_by = Missing::NONE;
        match p.status {
            ProductStatus::Incomplete => missing_of(&checks, &mut blocked_by),
            // Eligible without a line: a step lacks an input the report does not name.
            _ if no_line => blocked_by = not_given(&p.id),
            _ => {}
        }
        out.push(Subject {
            id: &p.id,
            product: true,
            blocked_by,
            checks,
        });
    }
    out
}

/// One input's weight so far, and the subjects it blocks (in subject order).
struct Tally<'r> {
    /// The input atom's bit (`Missing`).
    input: u32,
    weight: u32,
    blocks: Vec<&'r str>,
}

/// The tallies of a report, each found by its atom's bit at once.
struct Tallies<'r> {
    list: Vec<Tally<'r>>,
    /// For each atom, 1 + its place in `list` (0: not tallied yet).
    by_bit: [u8; 128],
}

impl<'r> Tallies<'r> {
    fn add(&mut self, input: u32, w: u32, blocks: Option<&'r str>) {
        let found = self
            .by_bit
            .get(input as usize)
            .and_then(|&i| usize::from(i).checked_sub(1));
        let i = match found {
            Some(i) => i,
            None => {
                self.list.push(Tally {
                    input,
                    weight: 0,
                    blocks: Vec::new(),
                });
                if let Ok(n) = u8::try_from(self.list.len()) {
                    if let Some(slot) = self.by_bit.get_mut(input as usize) {
                        *slot = n;
                    }
                }
                self.list.len() - 1
            }
        };
        if let Some(t) = self.list.get_mut(i) {
            t.weight = t.weight.saturating_add(w);
            t.blocks.extend(blocks);
        }
    }
}

/// The inputs not yet given, most important first (at most `MAX_QUESTIONS`). `given` are the
/// facts of the profile as it is (before assumptions), which say what is still missing.
pub fn rank(policy: &Policy, given: &Facts, report: &Report) -> Vec<QuestionOut> {
    let statics = statics(policy);
    let not_given = |id: &str| -> Missing {
        statics
            .readers
            .iter()
            .find(|r| r.id == id)
            .into_iter()
            .flat_map(|r| r.positions.iter())
            .filter_map(|&i| match given.at(i).map(|f| &f.value) {
                Some(Known::Missing(p)) => Some(*p),
                _ => None,
            })
            .fold(Missing::NONE, |a, b| a.union(b))
    };
    let assumed_numbers = report
        .assumptions
        .iter()
        .filter(|a| {
            given
                .get(&a.field)
                .is_some_and(|f| f.ty == crate::facts::Ty::Num)
        })
        .fold(Missing::NONE, |m, a| m.union(Missing::of(&a.field)));
    let mut tallies = Tallies {
        list: Vec::new(),
        by_bit: [0; 128],
    };
    for s in subjects(report, &not_given) {
        let n = s.blocked_by.count().max(1);
        // A product's line weighs twice a scheme's decision; fewer blockers, nearer a result.
        let (base, share) = if s.product { (10, 20) } else { (5, 10) };
        for input in s.blocked_by.bits() {
            tallies.add(input, base + share / n, Some(s.id));
        }
        for c in s
            .checks
            .iter()
            .filter(|c| c.status == CheckStatus::Incomplete)
        {
            for bit in c.missing.bits() {
                tallies.add(bit, 1, None);
            }
        }
        // Read but not needed for a result: an assumed number (IP counts, debts) moves a score
        // or a line, an assumed flag or a rule applied only where given moves less.
        let read_only = not_given(s.id).without(s.blocked_by);
        for b in read_only.bits() {
            let atom = Missing::from_bit(b);
            let w = if assumed_numbers.contains(atom) { 5 } else { 1 };
            tallies.add(b, w, None);
        }
    }
    let order = |b: u32| {
        statics
            .order_by_bit
            .get(b as usize)
            .copied()
            .flatten()
            .unwrap_or(usize::MAX)
    };
    let mut list = tallies.list;
    let key = |t: &Tally| (std::cmp::Reverse(t.weight), order(t.input));
    crate::sort::stable_by(&mut list, |a, b| {
        (key(a), Missing::path_of(a.input)) < (key(b), Missing::path_of(b.input))
    });
    list.truncate(MAX_QUESTIONS);
    list.into_iter()
        .map(|t| QuestionOut {
            path: Missing::path_of(t.input).to_string(),
            blocks: t.blocks.into_iter().map(str::to_string).collect(),
            weight: t.weight,
        })
        .collect()
}
