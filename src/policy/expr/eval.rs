//! Evaluation: exact decimals, Kleene logic for unknown facts, typed errors for overflow and
//! division by zero.

use super::{Expr, Func, Op, Scope, Slot};
use crate::arith;
use crate::error::{Code, Issue};
use crate::facts::{Known, Missing, Ty, Val};
use rust_decimal::{Decimal, RoundingStrategy};

/// An evaluation's error is boxed: the result stays small (40 bytes, not 80) on every level of the
/// recursion, where errors are rare.
pub type Fail = Box<Issue>;
pub type EResult = Result<Known, Fail>;

fn union(a: &Known, b: &Known) -> Known {
    let of = |k: &Known| match k {
        Known::Missing(m) => *m,
        Known::Yes(_) => Missing::NONE,
    };
    Known::Missing(of(a).union(of(b)))
}

fn arith(op: Op, x: Decimal, y: Decimal, path: &str) -> Result<Decimal, Fail> {
    let r = match op {
        Op::Add => arith::checked_add(x, y),
        Op::Sub => arith::checked_sub(x, y),
        Op::Mul => arith::checked_mul(x, y),
        Op::Div => {
            if y.is_zero() {
                return Err(Issue::new(Code::DivisionByZero, path)
                    .with(format!("{x} / 0"))
                    .into());
            }
            arith::checked_div(x, y)
        }
        _ => None,
    };
    r.ok_or_else(|| {
        Issue::new(Code::Overflow, path)
            .with(format!("{x} {} {y}", op.symbol()))
            .into()
    })
}

fn type_err(path: &str, want: Ty, got: &Val) -> Fail {
    Box::new(
        Issue::new(Code::TypeMismatch, path)
            .with(want.name())
            .with(got.ty().name()),
    )
}

fn want_num(k: Known, path: &str) -> Result<Result<Decimal, Known>, Fail> {
    match k {
        Known::Yes(Val::Num(d)) => Ok(Ok(d)),
        Known::Yes(other) => Err(type_err(path, Ty::Num, &other)),
        m => Ok(Err(m)),
    }
}

fn want_bool(k: Known, path: &str) -> Result<Result<bool, Known>, Fail> {
    match k {
        Known::Yes(Val::Bool(b)) => Ok(Ok(b)),
        Known::Yes(other) => Err(type_err(path, Ty::Bool, &other)),
        m => Ok(Err(m)),
    }
}

impl Expr {
    /// How far a condition is from flipping, signed so that it holds when the margin is above 0
    /// (or at 0, for `≥` and `≤`): a comparison's difference of sides, the smallest of an `and`'s
    /// (a side that already holds without a margin is left out), the largest of an `or`'s, the
    /// opposite of a `not`'s. None where no number measures it (a flag, a text, an unknown).
    pub fn margin(&self, scope: &dyn Scope, path: &str) -> Result<Option<Decimal>, Fail> {
        // As in `eval`, each level keeps only what it recurses for; the rest is done aside.
        match self {
            Expr::Bin(op @ (Op::Ge | Op::Gt | Op::Le | Op::Lt), a, b) => {
                difference(*op, a, b, scope, path)
            }
            Expr::Bin(op @ (Op::And | Op::Or), a, b) => {
                let ma = a.margin(scope, path)?;
                let mb = b.margin(scope, path)?;
                junction(*op, (ma, a), (mb, b), scope, path)
            }
            Expr::Not(e) => Ok(e.margin(scope, path)?.map(|m| -m)),
            _ => Ok(None),
        }
    }

    /// Evaluates the expression. The recursion is bounded by the tree's depth (the parser refuses
    /// deeper trees); each level keeps only its operands on the stack: the work of an operator is
    /// done in a separate, non-recursive function, so a level's frame stays small even in debug.
    pub fn eval(&self, scope: &dyn Scope, path: &str) -> EResult {
        match self {
            Expr::Lit(v) => Ok(Known::Yes(v.clone())),
            Expr::Fact(n, slot) => fact_value(n, *slot, scope, path),
            // A table is only ever an argument of band(), bandTop() or lookup().
            Expr::Table(n, _) => Ok(Known::Yes(Val::Str(n.as_str().into()))),
            Expr::Neg(e) => negate(e.eval(scope, path)?, path),
            Expr::Not(e) => invert(e.eval(scope, path)?, path),
            Expr::Bin(op, a, b) => {
                let x = a.eval(scope, path)?;
                let y = b.eval(scope, path)?;
                combine(*op, x, y, path)
            }
            Expr::Call(f, args) => eval_call(*f, args, scope, path),
        }
    }
}

/// A comparison's margin: the difference of its sides, signed so that it holds above 0.
fn difference(
    op: Op,
    a: &Expr,
    b: &Expr,
    scope: &dyn Scope,
    path: &str,
) -> Result<Option<Decimal>, Fail> {
    let (Some(l), Some(r)) = (a.eval(scope, path)?.num(), b.eval(scope, path)?.num()) else {
        return Ok(None);
    };
    Ok(match op {
        Op::Ge | Op::Gt => arith::checked_sub(l, r),
        _ => arith::checked_sub(r, l),
    })
}

/// An `and`'s or an `or`'s margin from its sides' margins.
fn junction(
    op: Op,
    (ma, a): (Option<Decimal>, &Expr),
    (mb, b): (Option<Decimal>, &Expr),
    scope: &dyn Scope,
    path: &str,
) -> Result<Option<Decimal>, Fail> {
    let holds = |e: &Expr| -> Result<Option<bool>, Fail> {
        Ok(match e.eval(scope, path)? {
            Known::Yes(Val::Bool(b)) => Some(b),
            _ => None,
        })
    };
    Ok(match (ma, mb) {
        (Some(x), Some(y)) => Some(if op == Op::And { x.min(y) } else { x.max(y) }),
        // One side has no margin: it decides unless it is neutral (true for `and`, false for
        // `or`), in which case the other side's margin is the margin.
        (Some(m), None) if holds(b)? == Some(op == Op::And) => Some(m),
        (None, Some(m)) if holds(a)? == Some(op == Op::And) => Some(m),
        _ => None,
    })
}

fn fact_value(n: &str, slot: Slot, scope: &dyn Scope, path: &str) -> EResult {
    match slot {
        Slot::Name => scope.fact(n).map(|f| f.value.clone()),
        Slot::Step(p, s) => {
            return scope.step_at(p, s).ok_or_else(|| {
                Issue::new(Code::ForwardReference, path)
                    .with(path)
                    .with(n)
                    .into()
            })
        }
        s => scope.slot(s).cloned(),
    }
    .ok_or_else(|| Issue::new(Code::UnknownFact, path).with(n).into())
}

fn negate(k: Known, path: &str) -> EResult {
    match want_num(k, path)? {
        Ok(d) => Ok(Known::Yes(Val::Num(-d))),
        Err(m) => Ok(m),
    }
}

fn invert(k: Known, path: &str) -> EResult {
    match want_bool(k, path)? {
        Ok(b) => Ok(Known::Yes(Val::Bool(!b))),
        Err(m) => Ok(m),
    }
}

/// A number operand: its value, None when unknown, a type error for another type.
fn num_of(k: &Known, path: &str) -> Result<Option<Decimal>, Fail> {
    match k {
        Known::Yes(Val::Num(d)) => Ok(Some(*d)),
        Known::Yes(other) => Err(type_err(path, Ty::Num, other)),
        Known::Missing(_) => Ok(None),
    }
}

/// A flag operand, as `num_of`.
fn bool_of(k: &Known, path: &str) -> Result<Option<bool>, Fail> {
    match k {
        Known::Yes(Val::Bool(b)) => Ok(Some(*b)),
        Known::Yes(other) => Err(type_err(path, Ty::Bool, other)),
        Known::Missing(_) => Ok(None),
    }
}

/// A binary operator on its evaluated operands.
fn combine(op: Op, x: Known, y: Known, path: &str) -> EResult {
    match op {
        Op::And | Op::Or => {
            let (xb, yb) = (bool_of(&x, path)?, bool_of(&y, path)?);
            let decisive = op == Op::Or;
            if xb == Some(decisive) || yb == Some(decisive) {
                return Ok(Known::Yes(Val::Bool(decisive)));
            }
            match (xb, yb) {
                (Some(_), Some(_)) => Ok(Known::Yes(Val::Bool(!decisive))),
                _ => Ok(union(&x, &y)),
            }
        }
        Op::Eq | Op::Ne => match (&x, &y) {
            (Known::Yes(v), Known::Yes(w)) => {
                if v.ty() != w.ty() {
                    return Err(type_err(path, v.ty(), w));
                }
                Ok(Known::Yes(Val::Bool((v == w) == (op == Op::Eq))))
            }
            _ => Ok(union(&x, &y)),
        },
        _ => {
            let (xn, yn) = (num_of(&x, path)?, num_of(&y, path)?);
            let (Some(p), Some(q)) = (xn, yn) else {
                return Ok(union(&x, &y));
            };
            let v = match op {
                Op::Lt => Val::Bool(p < q),
                Op::Le => Val::Bool(p <= q),
                Op::Gt => Val::Bool(p > q),
                Op::Ge => Val::Bool(p >= q),
                _ => Val::Num(arith(op, p, q, path)?),
            };
            Ok(Known::Yes(v))
        }
    }
}

/// The value of argument `i`.
fn arg(f: Func, args: &[Expr], i: usize, scope: &dyn Scope, path: &str) -> EResult {
    args.get(i)
        .ok_or_else(|| Issue::new(Code::WrongArity, path).with(f.name()))?
        .eval(scope, path)
}

/// The quoted name of argument `i` (a table, a product, a step).
fn literal<'e>(args: &'e [Expr], i: usize, path: &str) -> Result<&'e str, Fail> {
    match args.get(i) {
        Some(Expr::Lit(Val::Str(s))) => Ok(s),
        Some(Expr::Table(s, _)) => Ok(s),
        _ => Err(Issue::new(Code::ExpressionSyntax, path)
            .with("expected a quoted name")
            .into()),
    }
}

/// A call: each function in its own function, so that the recursion through arguments keeps a
/// small frame per level.
fn eval_call(f: Func, args: &[Expr], scope: &dyn Scope, path: &str) -> EResult {
    match f {
        Func::Min | Func::Max | Func::Best => extremum(f, args, scope, path),
        Func::Floor | Func::Round | Func::Abs => rounding(f, args, scope, path),
        Func::If | Func::Coalesce | Func::Known => choice(f, args, scope, path),
        Func::Count => count(args, scope, path),
        Func::Band | Func::BandTop | Func::Lookup => table_call(f, args, scope, path),
        Func::Step => step_call(args, scope, path),
    }
}

/// `if`, `coalesce` and `known`: which argument's value, or whether it is known.
fn choice(f: Func, args: &[Expr], scope: &dyn Scope, path: &str) -> EResult {
    let first = arg(f, args, 0, scope, path)?;
    match f {
        Func::If => match want_bool(first, path)? {
            Ok(true) => arg(f, args, 1, scope, path),
            Ok(false) => arg(f, args, 2, scope, path),
            Err(m) => Ok(m),
        },
        Func::Coalesce => match first {
            Known::Missing(_) => arg(f, args, 1, scope, path),
            k => Ok(k),
        },
        _ => Ok(Known::Yes(Val::Bool(matches!(first, Known::Yes(_))))),
    }
}

fn step_call(args: &[Expr], scope: &dyn Scope, path: &str) -> EResult {
    let (p, s) = (literal(args, 0, path)?, literal(args, 1, path)?);
    scope.step(p, s).ok_or_else(|| {
        Issue::new(Code::ForwardReference, path)
            .with(path)
            .with(format!("{p}.{s}"))
            .into()
    })
}

fn extremum(f: Func, args: &[Expr], scope: &dyn Scope, path: &str) -> EResult {
    let mut acc: Option<Decimal> = None;
    let mut missing = Known::Missing(Missing::NONE);
    let mut any_missing = false;
    for a in args {
        let k = a.eval(scope, path)?;
        match want_num(k, path)? {
            Ok(d) => {
                acc = Some(match (acc, f) {
                    (None, _) => d,
                    (Some(a), Func::Min) => a.min(d),
                    (Some(a), _) => a.max(d),
                })
            }
            Err(m) => {
                any_missing = true;
                missing = union(&missing, &m);
            }
        }
    }
    match acc {
        Some(a) if !any_missing || f == Func::Best => Ok(Known::Yes(Val::Num(a))),
        _ => Ok(missing),
    }
}

/// `floor(x[, unit])`, `round(x, dp)`, `abs(x)`.
fn rounding(f: Func, args: &[Expr], scope: &dyn Scope, path: &str) -> EResult {
    let x = match want_num(arg(f, args, 0, scope, path)?, path)? {
        Ok(d) => d,
        Err(m) => return Ok(m),
    };
    let second = match args.get(1) {
        Some(e) => match want_num(e.eval(scope, path)?, path)? {
            Ok(d) => Some(d),
            Err(m) => return Ok(m),
        },
        None => None,
    };
    let v = match f {
        Func::Abs => x.abs(),
        Func::Round => {
            let dp = second.unwrap_or_default();
            if dp < Decimal::ZERO || dp > Decimal::from(20) || !dp.fract().is_zero() {
                return Err(Issue::new(Code::OutOfRange, path)
                    .with(dp)
                    .with("round(x, 0–20)")
                    .into());
            }
            let dp = u32::try_from(dp.mantissa()).unwrap_or(0);
            x.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
        }
        _ => match second {
            None => x.floor(),
            Some(unit) => {
                let q = arith(Op::Div, x, unit, path)?;
                arith(Op::Mul, q.floor(), unit, path)?
            }
        },
    };
    Ok(Known::Yes(Val::Num(v)))
}

fn count(args: &[Expr], scope: &dyn Scope, path: &str) -> EResult {
    let mut n = 0i64;
    let mut missing = None;
    for a in args {
        let k = a.eval(scope, path)?;
        match want_bool(k, path)? {
            Ok(true) => n += 1,
            Ok(false) => {}
            Err(m) => missing = Some(union(missing.as_ref().unwrap_or(&m), &m)),
        }
    }
    Ok(missing.unwrap_or(Known::Yes(Val::Num(Decimal::from(n)))))
}

/// `band`, `bandTop` and `lookup`.
fn table_call(f: Func, args: &[Expr], scope: &dyn Scope, path: &str) -> EResult {
    let name = literal(args, 0, path)?;
    let table = match args.first() {
        Some(Expr::Table(_, i)) => scope.table_at(*i),
        _ => scope.table(name),
    }
    .ok_or_else(|| Issue::new(Code::UnknownTable, path).with(name))?;
    let key = match arg(f, args, 1, scope, path)? {
        Known::Yes(v) => v,
        m => return Ok(m),
    };
    let value = if f == Func::Lookup {
        table
            .entry(&key)
            .ok_or_else(|| Issue::new(Code::NoEntry, path).with(name).with(key.show()))?
    } else {
        let Val::Num(x) = key else {
            return Err(type_err(path, Ty::Num, &key));
        };
        let row = table.band(x).ok_or_else(|| {
            Issue::new(Code::NoBand, path)
                .with(name)
                .with(crate::money::fmt(x))
        })?;
        if f == Func::BandTop {
            row.top.unwrap_or(row.value).0
        } else {
            row.value.0
        }
    };
    Ok(Known::Yes(Val::Num(value)))
}
