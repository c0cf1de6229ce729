//! What each scheme and each product's steps read, by position: the facts and the earlier
//! products' steps. A hint evaluates many variants of one profile; a part of the evaluation whose
//! inputs a variant leaves as they were gives what it gave on the profile itself, and is taken from
//! the report's own run instead of computed again (`engine`). Worked out once per compiled policy.

use super::expr::{Expr, Func, Slot};
use super::Policy;

/// What one part of the evaluation reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reads {
    /// The facts' positions, each once.
    pub facts: Vec<usize>,
    /// The products whose steps it reads (by `step()`), each once.
    pub products: Vec<usize>,
    /// It reads something by name (not resolved to a position): it is always computed.
    pub opaque: bool,
}

impl Reads {
    fn fact(&mut self, at: usize) {
        if !self.facts.contains(&at) {
            self.facts.push(at);
        }
    }

    fn product(&mut self, at: usize) {
        if !self.products.contains(&at) {
            self.products.push(at);
        }
    }

    fn expr(&mut self, e: &Expr) {
        match e {
            Expr::Fact(_, Slot::Global(i)) => self.fact(usize::from(*i)),
            Expr::Fact(_, Slot::Step(p, _)) => self.product(usize::from(*p)),
            // A step of its own product or a scheme's points: computed from what else it reads.
            Expr::Fact(_, Slot::Local(_)) => {}
            Expr::Fact(_, Slot::Name) => self.opaque = true,
            Expr::Call(f, args) => {
                if *f == Func::Step {
                    self.opaque = true;
                }
                args.iter().for_each(|a| self.expr(a));
            }
            Expr::Neg(a) | Expr::Not(a) => self.expr(a),
            Expr::Bin(_, a, b) => {
                self.expr(a);
                self.expr(b);
            }
            Expr::Lit(_) | Expr::Table(..) => {}
        }
    }

    fn check(&mut self, c: &super::check::Check) {
        self.expr(&c.expr);
        if let Some(a) = &c.actual {
            self.expr(a);
        }
    }
}

/// Every scheme's and every product's reads, in policy order.
#[derive(Debug, Clone, Default)]
pub struct Depends {
    pub schemes: Vec<Reads>,
    /// What each product's steps read.
    pub steps: Vec<Reads>,
    /// For each product, the products whose steps evaluating its checks needs (itself included):
    /// what its steps and checks read by `step()`, and what those read in turn.
    pub needed: Vec<Vec<bool>>,
}

impl Depends {
    pub fn of(policy: &Policy) -> Depends {
        let schemes = policy
            .schemes
            .iter()
            .map(|s| {
                let mut r = Reads::default();
                s.exprs().into_iter().for_each(|e| r.expr(e));
                // Its own assumptions read whether the fact is missing.
                s.assumptions.iter().for_each(|(at, _, _)| r.fact(*at));
                r
            })
            .collect();
        let steps: Vec<Reads> = policy
            .products
            .iter()
            .map(|p| {
                let mut r = Reads::default();
                p.steps.iter().for_each(|s| r.expr(&s.expr));
                r
            })
            .collect();
        let needed = policy
            .products
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let mut direct = Reads::default();
                p.eligibility.iter().for_each(|c| direct.check(c));
                needed_by(i, &direct, &steps)
            })
            .collect();
        Depends {
            schemes,
            steps,
            needed,
        }
    }
}

/// The products whose steps product `i`'s steps and checks (`direct`) need, transitively.
fn needed_by(i: usize, direct: &Reads, steps: &[Reads]) -> Vec<bool> {
    if direct.opaque {
        return vec![true; steps.len()];
    }
    let mut needed = vec![false; steps.len()];
    let mut todo: Vec<usize> = vec![i];
    todo.extend(&direct.products);
    while let Some(p) = todo.pop() {
        match needed.get_mut(p) {
            Some(n) if !*n => *n = true,
            _ => continue,
        }
        match steps.get(p) {
            Some(r) if r.opaque => return vec![true; steps.len()],
            Some(r) => todo.extend(&r.products),
            None => {}
        }
    }
    needed
}
