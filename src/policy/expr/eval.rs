//! Evaluation: exact decimals, Kleene logic for unknown facts, typed errors for overflow and
//! division by zero.

use super::{Expr, Func, Op, Scope, Slot};
use crate::error::{Code, Issue};
use crate::facts::{Known, Ty, Val};
use rust_decimal::{Decimal, RoundingStrategy};

pub type EResult = Result<Known, Issue>;

fn union(a: &Known, b: &Known) -> Known {
    let mut v = Vec::new();
    for k in [a, b] {
        if let Known::Missing(m) = k {
            v.extend(m.iter().cloned());
        }
    }
    Known::missing(v)
}

fn arith(op: Op, x: Decimal, y: Decimal, path: &str) -> Result<Decimal, Issue> {
    let r = match op {
        Op::Add => x.checked_add(y),
        Op::Sub => x.checked_sub(y),
        Op::Mul => x.checked_mul(y),
        Op::Div => {
            if y.is_zero() {
                return Err(Issue::new(Code::DivisionByZero, path).with(format!("{x} / 0")));
            }
            x.checked_div(y)
        }
        _ => None,
    };
    r.ok_or_else(|| Issue::new(Code::Overflow, path).with(format!("{x} {} {y}", op.symbol())))
}

fn type_err(path: &str, want: Ty, got: &Val) -> Issue {
    Issue::new(Code::TypeMismatch, path)
        .with(want.name())
        .with(got.ty().name())
}

fn want_num(k: Known, path: &str) -> Result<Result<Decimal, Known>, Issue> {
    match k {
        Known::Yes(Val::Num(d)) => Ok(Ok(d)),
        Known::Yes(other) => Err(type_err(path, Ty::Num, &other)),
        m => Ok(Err(m)),
    }
}

fn want_bool(k: Known, path: &str) -> Result<Result<bool, Known>, Issue> {
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
    pub fn margin(&self, scope: &dyn Scope, path: &str) -> Result<Option<Decimal>, Issue> {
        let holds = |e: &Expr| -> Result<Option<bool>, Issue> {
            Ok(match e.eval(scope, path)? {
                Known::Yes(Val::Bool(b)) => Some(b),
                _ => None,
            })
        };
        Ok(match self {
            Expr::Bin(op @ (Op::Ge | Op::Gt | Op::Le | Op::Lt), a, b) => {
                let (Some(l), Some(r)) = (a.eval(scope, path)?.num(), b.eval(scope, path)?.num())
                else {
                    return Ok(None);
                };
                match op {
                    Op::Ge | Op::Gt => l.checked_sub(r),
                    _ => r.checked_sub(l),
                }
            }
            Expr::Bin(op @ (Op::And | Op::Or), a, b) => {
                let (ma, mb) = (a.margin(scope, path)?, b.margin(scope, path)?);
                match (ma, mb) {
                    (Some(x), Some(y)) => Some(if *op == Op::And { x.min(y) } else { x.max(y) }),
                    // One side has no margin: it decides unless it is neutral (true for `and`,
                    // false for `or`), in which case the other side's margin is the margin.
                    (Some(m), None) if holds(b)? == Some(*op == Op::And) => Some(m),
                    (None, Some(m)) if holds(a)? == Some(*op == Op::And) => Some(m),
                    _ => None,
                }
            }
            Expr::Not(e) => e.margin(scope, path)?.map(|m| -m),
            _ => None,
        })
    }

    pub fn eval(&self, scope: &dyn Scope, path: &str) -> EResult {
        match self {
            Expr::Lit(v) => Ok(Known::Yes(v.clone())),
            Expr::Fact(n, slot) => match slot {
                Slot::Name => scope.fact(n).map(|f| f.value.clone()),
                Slot::Step(p, s) => {
                    return scope
                        .step_at(*p, *s)
                        .ok_or_else(|| Issue::new(Code::ForwardReference, path).with(path).with(n))
                }
                s => scope.slot(*s).cloned(),
            }
            .ok_or_else(|| Issue::new(Code::UnknownFact, path).with(n)),
            // A table is only ever an argument of band(), bandTop() or lookup().
            Expr::Table(n, _) => Ok(Known::Yes(Val::Str(n.as_str().into()))),
            Expr::Neg(e) => match want_num(e.eval(scope, path)?, path)? {
                Ok(d) => Ok(Known::Yes(Val::Num(-d))),
                Err(m) => Ok(m),
            },
            Expr::Not(e) => match want_bool(e.eval(scope, path)?, path)? {
                Ok(b) => Ok(Known::Yes(Val::Bool(!b))),
                Err(m) => Ok(m),
            },
            Expr::Bin(op, a, b) => self.eval_bin(*op, a, b, scope, path),
            Expr::Call(f, args) => eval_call(*f, args, scope, path),
        }
    }

    fn eval_bin(&self, op: Op, a: &Expr, b: &Expr, scope: &dyn Scope, path: &str) -> EResult {
        let x = a.eval(scope, path)?;
        let y = b.eval(scope, path)?;
        match op {
            Op::And | Op::Or => {
                let xb = want_bool(x.clone(), path)?;
                let yb = want_bool(y.clone(), path)?;
                let decisive = op == Op::Or;
                if xb == Ok(decisive) || yb == Ok(decisive) {
                    return Ok(Known::Yes(Val::Bool(decisive)));
                }
                match (xb, yb) {
                    (Ok(_), Ok(_)) => Ok(Known::Yes(Val::Bool(!decisive))),
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
                let (xn, yn) = (want_num(x.clone(), path)?, want_num(y.clone(), path)?);
                let (Ok(p), Ok(q)) = (xn, yn) else {
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
}

fn eval_call(f: Func, args: &[Expr], scope: &dyn Scope, path: &str) -> EResult {
    let arg = |i: usize| -> EResult {
        args.get(i)
            .ok_or_else(|| Issue::new(Code::WrongArity, path).with(f.name()))?
            .eval(scope, path)
    };
    let literal = |i: usize| -> Result<&str, Issue> {
        match args.get(i) {
            Some(Expr::Lit(Val::Str(s))) => Ok(s),
            Some(Expr::Table(s, _)) => Ok(s),
            _ => Err(Issue::new(Code::ExpressionSyntax, path).with("expected a quoted name")),
        }
    };
    match f {
        Func::Min | Func::Max | Func::Best => {
            let mut acc: Option<Decimal> = None;
            let mut missing = Known::missing(Vec::new());
            let mut any_missing = false;
            for i in 0..args.len() {
                let k = arg(i)?;
                match want_num(k.clone(), path)? {
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
        Func::Floor | Func::Round | Func::Abs => {
            let x = match want_num(arg(0)?, path)? {
                Ok(d) => d,
                Err(m) => return Ok(m),
            };
            let second = if args.len() > 1 {
                match want_num(arg(1)?, path)? {
                    Ok(d) => Some(d),
                    Err(m) => return Ok(m),
                }
            } else {
                None
            };
            let v = match f {
                Func::Abs => x.abs(),
                Func::Round => {
                    let dp = second.unwrap_or_default();
                    if dp < Decimal::ZERO || dp > Decimal::from(20) || !dp.fract().is_zero() {
                        return Err(Issue::new(Code::OutOfRange, path)
                            .with(dp)
                            .with("round(x, 0–20)"));
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
        Func::If => match want_bool(arg(0)?, path)? {
            Ok(true) => arg(1),
            Ok(false) => arg(2),
            Err(m) => Ok(m),
        },
        Func::Coalesce => match arg(0)? {
            Known::Missing(_) => arg(1),
            k => Ok(k),
        },
        Func::Known => Ok(Known::Yes(Val::Bool(matches!(arg(0)?, Known::Yes(_))))),
        Func::Count => {
            let mut n = 0i64;
            let mut missing = None;
            for i in 0..args.len() {
                let k = arg(i)?;
                match want_bool(k.clone(), path)? {
                    Ok(true) => n += 1,
                    Ok(false) => {}
                    Err(m) => missing = Some(union(missing.as_ref().unwrap_or(&m), &m)),
                }
            }
            Ok(missing.unwrap_or(Known::Yes(Val::Num(Decimal::from(n)))))
        }
        Func::Band | Func::BandTop | Func::Lookup => {
            let name = literal(0)?;
            let table = match args.first() {
                Some(Expr::Table(_, i)) => scope.table_at(*i),
                _ => scope.table(name),
            }
            .ok_or_else(|| Issue::new(Code::UnknownTable, path).with(name))?;
            let key = match arg(1)? {
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
        Func::Step => {
            let (p, s) = (literal(0)?, literal(1)?);
            scope.step(p, s).ok_or_else(|| {
                Issue::new(Code::ForwardReference, path)
                    .with(path)
                    .with(format!("{p}.{s}"))
            })
        }
    }
}
