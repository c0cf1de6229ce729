//! What an expression reads, and its type: every problem is reported, with the path.

use super::{Expr, Func, Op, Scope};
use crate::error::{Code, Issue};
use crate::facts::{Ty, Val};
use crate::policy::map::Set;

impl Expr {
    /// Every fact name the expression reads.
    pub fn facts(&self, out: &mut Set<String>) {
        match self {
            Expr::Lit(_) => {}
            // Another product's step is followed by the caller (its expression, not a fact).
            Expr::Fact(_, super::Slot::Step(..)) | Expr::Table(..) => {}
            Expr::Fact(n, _) => {
                out.insert(n.clone());
            }
            Expr::Neg(e) | Expr::Not(e) => e.facts(out),
            Expr::Bin(_, a, b) => {
                a.facts(out);
                b.facts(out);
            }
            Expr::Call(_, args) => args.iter().for_each(|a| a.facts(out)),
        }
    }

    /// Failures a constant decides, so that they fail every evaluation: a division (or a
    /// `floor` unit) that is a literal zero, `round` to places outside 0–20. Pushed with the
    /// codes evaluation would give. The walk is bounded by the tree's depth, like every other.
    pub fn constant_failures(&self, path: &str, out: &mut Vec<Issue>) {
        let zero = |e: &Expr| matches!(e, Expr::Lit(Val::Num(d)) if d.is_zero());
        match self {
            Expr::Bin(Op::Div, a, b) if zero(b) => {
                out.push(Issue::new(Code::DivisionByZero, path).with("… / 0"));
                a.constant_failures(path, out);
            }
            Expr::Call(Func::Floor, args) if args.get(1).is_some_and(zero) => {
                out.push(Issue::new(Code::DivisionByZero, path).with("floor(…, 0)"));
            }
            Expr::Call(Func::Round, args) => {
                if let Some(Expr::Lit(Val::Num(dp))) = args.get(1) {
                    if *dp < 0.into() || *dp > 20.into() || !dp.fract().is_zero() {
                        out.push(
                            Issue::new(Code::OutOfRange, path)
                                .with(dp)
                                .with("round(x, 0–20)"),
                        );
                    }
                }
                args.iter().for_each(|a| a.constant_failures(path, out));
            }
            Expr::Call(_, args) => args.iter().for_each(|a| a.constant_failures(path, out)),
            Expr::Neg(e) | Expr::Not(e) => e.constant_failures(path, out),
            Expr::Bin(_, a, b) => {
                a.constant_failures(path, out);
                b.constant_failures(path, out);
            }
            Expr::Lit(_) | Expr::Fact(..) | Expr::Table(..) => {}
        }
    }

    /// Checks types and references; pushes every problem found.
    pub fn check(&self, scope: &dyn Scope, path: &str, issues: &mut Vec<Issue>) -> Option<Ty> {
        let mismatch = |issues: &mut Vec<Issue>, want: Ty, got: Ty| {
            issues.push(
                Issue::new(Code::TypeMismatch, path)
                    .with(want.name())
                    .with(got.name()),
            );
        };
        let expect = |e: &Expr, want: Ty, issues: &mut Vec<Issue>| {
            if let Some(got) = e.check(scope, path, issues) {
                if got != want {
                    mismatch(issues, want, got);
                }
            }
        };
        match self {
            Expr::Lit(v) => Some(v.ty()),
            Expr::Table(..) => Some(Ty::Str),
            Expr::Fact(n, _) => match scope.fact(n) {
                Some(f) => Some(f.ty),
                None => {
                    issues.push(Issue::new(Code::UnknownFact, path).with(n));
                    None
                }
            },
            Expr::Neg(e) => {
                expect(e, Ty::Num, issues);
                Some(Ty::Num)
            }
            Expr::Not(e) => {
                expect(e, Ty::Bool, issues);
                Some(Ty::Bool)
            }
            Expr::Bin(op, a, b) => match op {
                Op::And | Op::Or => {
                    expect(a, Ty::Bool, issues);
                    expect(b, Ty::Bool, issues);
                    Some(Ty::Bool)
                }
                Op::Eq | Op::Ne => {
                    let ta = a.check(scope, path, issues);
                    let tb = b.check(scope, path, issues);
                    if let (Some(x), Some(y)) = (ta, tb) {
                        if x != y {
                            mismatch(issues, x, y);
                        }
                    }
                    Some(Ty::Bool)
                }
                Op::Lt | Op::Le | Op::Gt | Op::Ge => {
                    expect(a, Ty::Num, issues);
                    expect(b, Ty::Num, issues);
                    Some(Ty::Bool)
                }
                Op::Add | Op::Sub | Op::Mul | Op::Div => {
                    expect(a, Ty::Num, issues);
                    expect(b, Ty::Num, issues);
                    Some(Ty::Num)
                }
            },
            Expr::Call(f, args) => self.check_call(*f, args, scope, path, issues),
        }
    }

    fn check_call(
        &self,
        f: Func,
        args: &[Expr],
        scope: &dyn Scope,
        path: &str,
        issues: &mut Vec<Issue>,
    ) -> Option<Ty> {
        let all = |want: Ty, issues: &mut Vec<Issue>| {
            for a in args {
                if let Some(got) = a.check(scope, path, issues) {
                    if got != want {
                        issues.push(
                            Issue::new(Code::TypeMismatch, path)
                                .with(want.name())
                                .with(got.name()),
                        );
                    }
                }
            }
        };
        let literal = |i: usize| match args.get(i) {
            Some(Expr::Lit(Val::Str(s))) => Some(&**s),
            Some(Expr::Table(s, _)) => Some(s.as_str()),
            _ => None,
        };
        match f {
            Func::Min | Func::Max | Func::Best | Func::Floor | Func::Round | Func::Abs => {
                all(Ty::Num, issues);
                Some(Ty::Num)
            }
            Func::Count => {
                all(Ty::Bool, issues);
                Some(Ty::Num)
            }
            Func::Known => {
                args.iter().for_each(|a| {
                    a.check(scope, path, issues);
                });
                Some(Ty::Bool)
            }
            Func::If => {
                let c = args.first().and_then(|c| c.check(scope, path, issues));
                if c.is_some_and(|t| t != Ty::Bool) {
                    issues.push(
                        Issue::new(Code::TypeMismatch, path)
                            .with("boolean")
                            .with(c.map_or("", Ty::name)),
                    );
                }
                let a = args.get(1).and_then(|e| e.check(scope, path, issues));
                let b = args.get(2).and_then(|e| e.check(scope, path, issues));
                match (a, b) {
                    (Some(x), Some(y)) if x != y => {
                        issues.push(
                            Issue::new(Code::TypeMismatch, path)
                                .with(x.name())
                                .with(y.name()),
                        );
                        None
                    }
                    (x, y) => x.or(y),
                }
            }
            Func::Coalesce => {
                let a = args.first().and_then(|e| e.check(scope, path, issues));
                let b = args.get(1).and_then(|e| e.check(scope, path, issues));
                if let (Some(x), Some(y)) = (a, b) {
                    if x != y {
                        issues.push(
                            Issue::new(Code::TypeMismatch, path)
                                .with(x.name())
                                .with(y.name()),
                        );
                    }
                }
                a.or(b)
            }
            Func::Band | Func::BandTop | Func::Lookup => {
                let Some(name) = literal(0) else {
                    issues.push(Issue::new(Code::ExpressionSyntax, path).with(format!(
                        "{}: the table name must be a quoted string",
                        f.name()
                    )));
                    return Some(Ty::Num);
                };
                match scope.table(name) {
                    None => issues.push(Issue::new(Code::UnknownTable, path).with(name)),
                    Some(t) => {
                        let want = if f == Func::Lookup { Ty::Str } else { Ty::Num };
                        if t.key_type() != want {
                            issues.push(Issue::new(Code::MalformedTable, path).with(format!(
                                "{}() needs a {} table",
                                f.name(),
                                if want == Ty::Num { "band" } else { "map" }
                            )));
                        }
                        if let Some(got) = args.get(1).and_then(|a| a.check(scope, path, issues)) {
                            if got != want {
                                issues.push(
                                    Issue::new(Code::TypeMismatch, path)
                                        .with(want.name())
                                        .with(got.name()),
                                );
                            }
                        }
                    }
                }
                Some(Ty::Num)
            }
            Func::Step => {
                match (literal(0), literal(1)) {
                    (Some(p), Some(s)) => {
                        if !scope.has_step(p, s) {
                            issues.push(
                                Issue::new(Code::ForwardReference, path)
                                    .with(path)
                                    .with(format!("{p}.{s}")),
                            );
                        }
                    }
                    _ => issues.push(
                        Issue::new(Code::ExpressionSyntax, path)
                            .with("step() takes two quoted strings: a product id and a step id"),
                    ),
                }
                Some(Ty::Num)
            }
        }
    }
}
