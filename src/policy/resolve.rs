//! Names to positions, once per compiled policy: every fact an expression reads becomes its
//! position among the evaluation's facts or its local values, every `step('p', 's')` the
//! positions of that product and step, and every table argument the table's position. Evaluation
//! then indexes instead of comparing strings. A name left unresolved is still found by name.

use super::check::Check;
use super::expr::{Expr, Func, Slot};
use super::Policy;
use crate::facts::{Facts, Val};
use crate::policy::map::Set;

struct Names<'a> {
    globals: &'a Facts,
    tables: Vec<&'a str>,
    /// Each product's id and step ids, in policy order.
    products: Vec<(&'a str, Vec<&'a str>)>,
}

fn position<T: PartialEq + ?Sized>(items: &[&T], wanted: &T) -> Option<u16> {
    items
        .iter()
        .position(|x| *x == wanted)
        .and_then(|i| u16::try_from(i).ok())
}

impl Names<'_> {
    fn expr(&self, e: &mut Expr, locals: &[&str]) {
        match e {
            Expr::Fact(name, slot) => {
                // Locals first, as in the scope's own lookup: a step shadows a fact.
                if let Some(i) = position(locals, name.as_str()) {
                    *slot = Slot::Local(i);
                } else if let Some(i) = self
                    .globals
                    .index_of(name)
                    .and_then(|i| u16::try_from(i).ok())
                {
                    *slot = Slot::Global(i);
                }
            }
            Expr::Call(Func::Step, args) => {
                if let Some(resolved) = self.step(args) {
                    *e = resolved;
                }
            }
            Expr::Call(f, args) => {
                if matches!(f, Func::Band | Func::BandTop | Func::Lookup) {
                    if let Some(first) = args.first_mut() {
                        if let Expr::Lit(Val::Str(t)) = first {
                            if let Some(i) = position(&self.tables, &**t) {
                                *first = Expr::Table(t.to_string(), i);
                            }
                        }
                    }
                }
                args.iter_mut().for_each(|a| self.expr(a, locals));
            }
            Expr::Neg(a) | Expr::Not(a) => self.expr(a, locals),
            Expr::Bin(_, a, b) => {
                self.expr(a, locals);
                self.expr(b, locals);
            }
            Expr::Lit(_) | Expr::Table(..) => {}
        }
    }

    fn step(&self, args: &[Expr]) -> Option<Expr> {
        let [Expr::Lit(Val::Str(p)), Expr::Lit(Val::Str(s))] = args else {
            return None;
        };
        let pi = self.products.iter().position(|(id, _)| **id == **p)?;
        let si = position(&self.products.get(pi)?.1, &**s)?;
        Some(Expr::Fact(
            format!("{p}.{s}"),
            Slot::Step(u16::try_from(pi).ok()?, si),
        ))
    }

    fn check(&self, c: &mut Check, locals: &[&str]) {
        self.expr(&mut c.expr, locals);
        if let Some(a) = &mut c.actual {
            self.expr(a, locals);
        }
    }

    fn checks(&self, cs: &mut [Check], locals: &[&str]) {
        cs.iter_mut().for_each(|c| self.check(c, locals));
    }
}

/// Resolves every expression of a compiled policy; `globals` are its facts in evaluation order.
pub fn all(policy: &mut Policy, globals: &Facts) {
    let doc_tables: Vec<String> = policy.doc.tables.keys().cloned().collect();
    let products: Vec<(String, Vec<String>)> = policy
        .products
        .iter()
        .map(|p| {
            (
                p.id.to_string(),
                p.steps.iter().map(|s| s.id.clone()).collect(),
            )
        })
        .collect();
    let names = Names {
        globals,
        tables: doc_tables.iter().map(String::as_str).collect(),
        products: products
            .iter()
            .map(|(p, s)| (p.as_str(), s.iter().map(String::as_str).collect()))
            .collect(),
    };
    names.checks(&mut policy.knockouts, &[]);
    for s in &mut policy.schemes {
        let locals = s.locals();
        let locals: Vec<&str> = locals.iter().map(String::as_str).collect();
        if let Some(h) = &mut s.held {
            names.check(h, &[]);
        }
        names.checks(&mut s.checks, &[]);
        for (_, c) in &mut s.prerequisites {
            names.check(c, &[]);
        }
        if let Some(e) = &mut s.status_of {
            names.expr(e, &[]);
        }
        names.checks(&mut s.routes, &[]);
        if let Some(p) = &mut s.pass {
            names.check(p, &locals);
        }
        for i in &mut s.indicators {
            for m in i.measures.iter_mut().chain(&mut i.rating) {
                names.expr(&mut m.expr, &[]);
            }
        }
    }
    for f in &mut policy.facts {
        names.expr(&mut f.expr, &[]);
    }
    for (product, (_, ids)) in policy.products.iter_mut().zip(&names.products) {
        for (j, step) in product.steps.iter_mut().enumerate() {
            names.expr(&mut step.expr, ids.get(..j).unwrap_or_default());
        }
        names.checks(&mut product.eligibility, ids);
    }
    for i in 0..policy.schemes.len() {
        let reads = policy.schemes.get(i).map(|s| {
            let roots: Vec<&Expr> = s
                .indicators
                .iter()
                .flat_map(|i| i.measures.iter().chain(&i.rating).map(|m| &m.expr))
                .collect();
            closure(policy, None, &roots).facts
        });
        if let (Some(s), Some(r)) = (policy.schemes.get_mut(i), reads) {
            s.measure_reads = r;
        }
    }
    // What each check and each product's steps read, for the hint searches.
    let mut reads: Vec<Reads> = policy
        .knockouts
        .iter()
        .map(|k| closure(policy, None, &[&k.expr]))
        .collect();
    for (k, r) in policy.knockouts.iter_mut().zip(reads.drain(..)) {
        k.reads = r;
    }
    for i in 0..policy.products.len() {
        let Some(product) = policy.products.get(i) else {
            continue;
        };
        let checks: Vec<Reads> = product
            .eligibility
            .iter()
            .map(|c| closure(policy, Some(i), &[&c.expr]))
            .collect();
        let steps: Vec<&Expr> = product.steps.iter().map(|s| &s.expr).collect();
        let own = closure(policy, Some(i), &steps);
        if let Some(product) = policy.products.get_mut(i) {
            for (c, r) in product.eligibility.iter_mut().zip(checks) {
                c.reads = r;
            }
            product.reads = own;
        }
    }
}

/// What a check or a product's steps read: every fact, through the policy's own facts and the
/// steps (of its product, or of an earlier one through `step()`), and whether any step is read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reads {
    pub facts: Set<String>,
    pub steps: bool,
}

/// Follows `roots` (expressions of `product`, or of none) through everything they read.
pub fn closure(policy: &Policy, product: Option<usize>, roots: &[&Expr]) -> Reads {
    let mut reads = Reads::default();
    let mut steps_seen = Set::new();
    let mut stack: Vec<(&Expr, Option<usize>)> = roots.iter().map(|e| (*e, product)).collect();
    while let Some((e, of)) = stack.pop() {
        let mut refs = Vec::new();
        fact_refs(e, &mut refs);
        for (name, slot) in refs {
            // A local is a step of the product whose expression this is; step() names its own.
            let step = match slot {
                Slot::Local(i) => of.map(|p| (p, usize::from(i))),
                Slot::Step(p, s) => Some((usize::from(p), usize::from(s))),
                Slot::Global(_) | Slot::Name => None,
            };
            if let Some((p, s)) = step {
                reads.steps = true;
                let found = policy.products.get(p).and_then(|x| x.steps.get(s));
                if let (true, Some(x)) = (steps_seen.insert((p, s)), found) {
                    stack.push((&x.expr, Some(p)));
                }
                continue;
            }
            if reads.facts.insert(name.to_string()) {
                if let Some(f) = policy.facts.iter().find(|f| &*f.id == name) {
                    stack.push((&f.expr, None));
                }
            }
        }
    }
    reads
}

/// Every name an expression reads, with where it was resolved to.
fn fact_refs<'e>(e: &'e Expr, out: &mut Vec<(&'e str, Slot)>) {
    match e {
        Expr::Fact(n, slot) => out.push((n, *slot)),
        Expr::Call(_, args) => args.iter().for_each(|a| fact_refs(a, out)),
        Expr::Neg(a) | Expr::Not(a) => fact_refs(a, out),
        Expr::Bin(_, a, b) => {
            fact_refs(a, out);
            fact_refs(b, out);
        }
        Expr::Lit(_) | Expr::Table(..) => {}
    }
}

/// Every name left unresolved in a compiled policy (none, for a policy that compiled).
pub fn unresolved(policy: &Policy) -> Vec<String> {
    fn walk(e: &Expr, out: &mut Vec<String>) {
        match e {
            Expr::Fact(n, Slot::Name) => out.push(n.clone()),
            Expr::Call(Func::Step, _) => out.push("step()".into()),
            Expr::Call(f, args) => {
                if matches!(f, Func::Band | Func::BandTop | Func::Lookup)
                    && !matches!(args.first(), Some(Expr::Table(..)))
                {
                    out.push(format!("{}()", f.name()));
                }
                args.iter().for_each(|a| walk(a, out));
            }
            Expr::Neg(a) | Expr::Not(a) => walk(a, out),
            Expr::Bin(_, a, b) => {
                walk(a, out);
                walk(b, out);
            }
            Expr::Lit(_) | Expr::Fact(..) | Expr::Table(..) => {}
        }
    }
    let mut out = Vec::new();
    let checks = policy
        .knockouts
        .iter()
        .chain(policy.products.iter().flat_map(|p| &p.eligibility));
    for s in &policy.schemes {
        s.exprs().into_iter().for_each(|e| walk(e, &mut out));
    }
    for c in checks {
        walk(&c.expr, &mut out);
        if let Some(a) = &c.actual {
            walk(a, &mut out);
        }
    }
    for e in policy.facts.iter().map(|f| &f.expr).chain(
        policy
            .products
            .iter()
            .flat_map(|p| p.steps.iter().map(|s| &s.expr)),
    ) {
        walk(e, &mut out);
    }
    out
}
