//! Expressions lowered by type when a policy compiles: a number-valued tree (`Num`) and a
//! flag-valued one (`Bool`) that carry plain `Decimal`s and `bool`s between their nodes, with the
//! missing inputs as a bitset beside them, instead of `Known` values (which need a type test at
//! every operator and drop glue at every node).
//!
//! Lowering follows the expression's shape: an operand a number operator reads is a number, a
//! flag operator's a flag. What has no such type (a text, a table lookup by text, a fact read at
//! the top of a check) stays a tree (`Tree`), evaluated as before. Every node gives exactly what
//! the tree gives, errors included: the same evaluation order (both operands of a binary
//! operator, every argument of `min`, …), the same Kleene logic for unknowns and the same
//! typed errors for overflow and division by zero. `tests/typed.rs` compares the two on every
//! expression of the shipped policies.

use super::eval::{arith, type_err};
use super::{Expr, Func, Op, Scope, Slot};
use crate::error::{Code as E, Issue};
use crate::facts::{Known, Missing, Ty, Val};
use rust_decimal::{Decimal, RoundingStrategy};

/// A value, or the inputs whose absence keeps it unknown.
pub type Got<T> = Result<T, Missing>;
/// An evaluation: a value or its missing inputs, or a typed error (boxed: errors are rare, and a
/// small result is what every node returns).
pub type Out<T> = Result<Got<T>, Box<Issue>>;

/// A number-valued expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Num {
    Lit(Decimal),
    /// A fact or a local value read where a number is expected (its name for errors).
    Slot(Slot, std::sync::Arc<str>),
    Neg(Box<Num>),
    Arith(Op, Box<(Num, Num)>),
    /// `min`, `max` and `best`.
    Extremum(Func, Vec<Num>),
    Floor(Box<Num>, Option<Box<Num>>),
    Round(Box<(Num, Num)>),
    Abs(Box<Num>),
    If(Box<(Bool, Num, Num)>),
    Coalesce(Box<(Num, Num)>),
    Count(Vec<Bool>),
    /// `band` (`top` false) and `bandTop`: the table's position and name.
    Band {
        top: bool,
        table: u16,
        name: std::sync::Arc<str>,
        key: Box<Num>,
    },
    Tree(Box<Expr>),
}

/// A flag-valued expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Bool {
    Lit(bool),
    Slot(Slot, std::sync::Arc<str>),
    Not(Box<Bool>),
    /// `<`, `≤`, `>`, `≥`, `=` and `≠` between numbers.
    Compare(Op, Box<(Num, Num)>),
    /// `=` and `≠` between flags.
    Same(Op, Box<(Bool, Bool)>),
    /// `and` and `or`.
    Junction(Op, Box<(Bool, Bool)>),
    If(Box<(Bool, Bool, Bool)>),
    Coalesce(Box<(Bool, Bool)>),
    KnownNum(Box<Num>),
    KnownBool(Box<Bool>),
    Tree(Box<Expr>),
}

/// The type an expression has by its shape alone (None for a fact or a text).
fn shape_type(e: &Expr) -> Option<Ty> {
    match e {
        Expr::Lit(v) => Some(v.ty()),
        Expr::Fact(..) | Expr::Table(..) => None,
        Expr::Neg(_) => Some(Ty::Num),
        Expr::Not(_) => Some(Ty::Bool),
        Expr::Bin(op, ..) => Some(match op {
            Op::Add | Op::Sub | Op::Mul | Op::Div => Ty::Num,
            _ => Ty::Bool,
        }),
        Expr::Call(f, args) => match f {
            Func::If => args
                .get(1)
                .and_then(shape_type)
                .or_else(|| args.get(2).and_then(shape_type)),
            Func::Coalesce => args
                .first()
                .and_then(shape_type)
                .or_else(|| args.get(1).and_then(shape_type)),
            Func::Known => Some(Ty::Bool),
            _ => Some(Ty::Num),
        },
    }
}

/// A lowered expression of either type, or the tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Code {
    Num(Num),
    Bool(Bool),
    Tree(Box<Expr>),
}

impl Code {
    /// An expression the policy's checker typed as a number (a measure, a step).
    pub fn number(e: &Expr) -> Code {
        Code::Num(Num::lower(e))
    }

    /// An expression the checker typed as a flag (a check's rule).
    pub fn flag(e: &Expr) -> Code {
        Code::Bool(Bool::lower(e))
    }

    /// An expression of any type, by its shape (a policy's own fact).
    pub fn lower(e: &Expr) -> Code {
        match shape_type(e) {
            Some(Ty::Num) => Code::Num(Num::lower(e)),
            Some(Ty::Bool) => Code::Bool(Bool::lower(e)),
            _ => Code::Tree(Box::new(e.clone())),
        }
    }

    /// The value as the tree gives it.
    pub fn eval(&self, scope: &dyn Scope, path: &str) -> Result<Known, Issue> {
        Ok(match self {
            Code::Num(n) => match n.eval(scope, path).map_err(|e| *e)? {
                Ok(d) => Known::Yes(Val::Num(d)),
                Err(m) => Known::Missing(m),
            },
            Code::Bool(b) => match b.eval(scope, path).map_err(|e| *e)? {
                Ok(x) => Known::Yes(Val::Bool(x)),
                Err(m) => Known::Missing(m),
            },
            Code::Tree(e) => e.eval(scope, path)?,
        })
    }
}

fn pair<A, B>(a: A, b: B) -> Box<(A, B)> {
    Box::new((a, b))
}

fn bits<T>(g: &Got<T>) -> Missing {
    match g {
        Ok(_) => Missing::NONE,
        Err(m) => *m,
    }
}

/// A slot's value where `want` is expected: the tree's read and its operator's type test. A
/// fact or a local is read in place; a step (and a name never resolved) as the tree reads it.
fn read<T>(
    slot: Slot,
    name: &str,
    want: Ty,
    scope: &dyn Scope,
    path: &str,
    take: impl Fn(&Val) -> Option<T>,
) -> Out<T> {
    let owned;
    let k = match slot {
        Slot::Global(_) | Slot::Local(_) => scope.slot(slot),
        Slot::Step(p, s) => {
            owned = scope
                .step_at(p, s)
                .ok_or_else(|| Issue::new(E::ForwardReference, path).with(path).with(name))?;
            Some(&owned)
        }
        Slot::Name => scope.fact(name).map(|f| &f.value),
    };
    match k {
        Some(Known::Yes(v)) => take(v)
            .map(Ok)
            .ok_or_else(|| type_err(path, want, v).into()),
        Some(Known::Missing(m)) => Ok(Err(*m)),
        None => Err(Issue::new(E::UnknownFact, path).with(name).into()),
    }
}

impl Num {
    pub fn lower(e: &Expr) -> Num {
        let tree = || Num::Tree(Box::new(e.clone()));
        match e {
            Expr::Lit(Val::Num(d)) => Num::Lit(*d),
            Expr::Fact(n, slot) => Num::Slot(*slot, n.as_str().into()),
            Expr::Neg(a) => Num::Neg(Box::new(Num::lower(a))),
            Expr::Bin(op @ (Op::Add | Op::Sub | Op::Mul | Op::Div), a, b) => {
                Num::Arith(*op, pair(Num::lower(a), Num::lower(b)))
            }
            Expr::Call(f, args) => match (f, args.as_slice()) {
                (Func::Min | Func::Max | Func::Best, _) if !args.is_empty() => {
                    Num::Extremum(*f, args.iter().map(Num::lower).collect())
                }
                (Func::Floor, [x]) => Num::Floor(Box::new(Num::lower(x)), None),
                (Func::Floor, [x, unit]) => {
                    Num::Floor(Box::new(Num::lower(x)), Some(Box::new(Num::lower(unit))))
                }
                (Func::Round, [x, dp]) => Num::Round(pair(Num::lower(x), Num::lower(dp))),
                (Func::Abs, [x]) => Num::Abs(Box::new(Num::lower(x))),
                (Func::If, [c, a, b]) => {
                    Num::If(Box::new((Bool::lower(c), Num::lower(a), Num::lower(b))))
                }
                (Func::Coalesce, [a, b]) => Num::Coalesce(pair(Num::lower(a), Num::lower(b))),
                (Func::Count, _) if !args.is_empty() => {
                    Num::Count(args.iter().map(Bool::lower).collect())
                }
                (Func::Band | Func::BandTop, [Expr::Table(name, table), key]) => Num::Band {
                    top: *f == Func::BandTop,
                    table: *table,
                    name: name.as_str().into(),
                    key: Box::new(Num::lower(key)),
                },
                _ => tree(),
            },
            _ => tree(),
        }
    }

    pub fn eval(&self, scope: &dyn Scope, path: &str) -> Out<Decimal> {
        match self {
            Num::Lit(d) => Ok(Ok(*d)),
            Num::Slot(slot, name) => read(*slot, name, Ty::Num, scope, path, |v| match v {
                Val::Num(d) => Some(*d),
                _ => None,
            }),
            Num::Neg(a) => Ok(a.eval(scope, path)?.map(|d| -d)),
            Num::Arith(op, ab) => {
                let x = ab.0.eval(scope, path)?;
                let y = ab.1.eval(scope, path)?;
                match (x, y) {
                    (Ok(p), Ok(q)) => Ok(Ok(arith(*op, p, q, path)?)),
                    (x, y) => Ok(Err(bits(&x).union(bits(&y)))),
                }
            }
            Num::Extremum(f, args) => extremum(*f, args, scope, path),
            Num::Floor(x, unit) => {
                let x = match x.eval(scope, path)? {
                    Ok(d) => d,
                    Err(m) => return Ok(Err(m)),
                };
                let Some(unit) = unit else {
                    return Ok(Ok(x.floor()));
                };
                let unit = match unit.eval(scope, path)? {
                    Ok(d) => d,
                    Err(m) => return Ok(Err(m)),
                };
                let q = arith(Op::Div, x, unit, path)?;
                Ok(Ok(arith(Op::Mul, q.floor(), unit, path)?))
            }
            Num::Round(xdp) => {
                let x = match xdp.0.eval(scope, path)? {
                    Ok(d) => d,
                    Err(m) => return Ok(Err(m)),
                };
                let dp = match xdp.1.eval(scope, path)? {
                    Ok(d) => d,
                    Err(m) => return Ok(Err(m)),
                };
                Ok(Ok(round(x, dp, path)?))
            }
            Num::Abs(x) => Ok(x.eval(scope, path)?.map(|d| d.abs())),
            Num::If(cab) => match cab.0.eval(scope, path)? {
                Ok(true) => cab.1.eval(scope, path),
                Ok(false) => cab.2.eval(scope, path),
                Err(m) => Ok(Err(m)),
            },
            Num::Coalesce(ab) => match ab.0.eval(scope, path)? {
                Ok(d) => Ok(Ok(d)),
                Err(_) => ab.1.eval(scope, path),
            },
            Num::Count(args) => {
                let mut n = 0i64;
                let mut missing: Option<Missing> = None;
                for a in args {
                    match a.eval(scope, path)? {
                        Ok(true) => n += 1,
                        Ok(false) => {}
                        Err(m) => missing = Some(missing.unwrap_or(m).union(m)),
                    }
                }
                Ok(missing.map_or(Ok(Decimal::from(n)), Err))
            }
            Num::Band {
                top,
                table,
                name,
                key,
            } => {
                let table = scope
                    .table_at(*table)
                    .ok_or_else(|| Issue::new(E::UnknownTable, path).with(&**name))?;
                let x = match key.eval(scope, path)? {
                    Ok(d) => d,
                    Err(m) => return Ok(Err(m)),
                };
                let row = table.band(x).ok_or_else(|| {
                    Issue::new(E::NoBand, path)
                        .with(&**name)
                        .with(crate::money::fmt(x))
                })?;
                Ok(Ok(if *top {
                    row.top.unwrap_or(row.value).0
                } else {
                    row.value.0
                }))
            }
            Num::Tree(e) => match e.eval(scope, path)? {
                Known::Yes(Val::Num(d)) => Ok(Ok(d)),
                Known::Missing(m) => Ok(Err(m)),
                Known::Yes(v) => Err(type_err(path, Ty::Num, &v).into()),
            },
        }
    }
}

fn extremum(f: Func, args: &[Num], scope: &dyn Scope, path: &str) -> Out<Decimal> {
    let mut acc: Option<Decimal> = None;
    let mut missing = Missing::NONE;
    let mut any_missing = false;
    for a in args {
        match a.eval(scope, path)? {
            Ok(d) => {
                acc = Some(match (acc, f) {
                    (None, _) => d,
                    (Some(a), Func::Min) => a.min(d),
                    (Some(a), _) => a.max(d),
                })
            }
            Err(m) => {
                any_missing = true;
                missing = missing.union(m);
            }
        }
    }
    match acc {
        Some(a) if !any_missing || f == Func::Best => Ok(Ok(a)),
        _ => Ok(Err(missing)),
    }
}

fn round(x: Decimal, dp: Decimal, path: &str) -> Result<Decimal, Issue> {
    if dp < Decimal::ZERO || dp > Decimal::from(20) || !dp.fract().is_zero() {
        return Err(Issue::new(E::OutOfRange, path)
            .with(dp)
            .with("round(x, 0–20)"));
    }
    let dp = u32::try_from(dp.mantissa()).unwrap_or(0);
    Ok(x.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero))
}

impl Bool {
    pub fn lower(e: &Expr) -> Bool {
        let tree = || Bool::Tree(Box::new(e.clone()));
        match e {
            Expr::Lit(Val::Bool(b)) => Bool::Lit(*b),
            Expr::Fact(n, slot) => Bool::Slot(*slot, n.as_str().into()),
            Expr::Not(a) => Bool::Not(Box::new(Bool::lower(a))),
            Expr::Bin(op @ (Op::And | Op::Or), a, b) => {
                Bool::Junction(*op, pair(Bool::lower(a), Bool::lower(b)))
            }
            Expr::Bin(op @ (Op::Lt | Op::Le | Op::Gt | Op::Ge), a, b) => {
                Bool::Compare(*op, pair(Num::lower(a), Num::lower(b)))
            }
            Expr::Bin(op @ (Op::Eq | Op::Ne), a, b) => match (shape_type(a), shape_type(b)) {
                (Some(Ty::Num), _) | (_, Some(Ty::Num)) => {
                    Bool::Compare(*op, pair(Num::lower(a), Num::lower(b)))
                }
                (Some(Ty::Bool), _) | (_, Some(Ty::Bool)) => {
                    Bool::Same(*op, pair(Bool::lower(a), Bool::lower(b)))
                }
                _ => tree(),
            },
            Expr::Call(f, args) => match (f, args.as_slice()) {
                (Func::If, [c, a, b]) => {
                    Bool::If(Box::new((Bool::lower(c), Bool::lower(a), Bool::lower(b))))
                }
                (Func::Coalesce, [a, b]) => Bool::Coalesce(pair(Bool::lower(a), Bool::lower(b))),
                (Func::Known, [a]) => match shape_type(a) {
                    Some(Ty::Num) => Bool::KnownNum(Box::new(Num::lower(a))),
                    Some(Ty::Bool) => Bool::KnownBool(Box::new(Bool::lower(a))),
                    _ => tree(),
                },
                _ => tree(),
            },
            _ => tree(),
        }
    }

    pub fn eval(&self, scope: &dyn Scope, path: &str) -> Out<bool> {
        match self {
            Bool::Lit(b) => Ok(Ok(*b)),
            Bool::Slot(slot, name) => read(*slot, name, Ty::Bool, scope, path, |v| match v {
                Val::Bool(b) => Some(*b),
                _ => None,
            }),
            Bool::Not(a) => Ok(a.eval(scope, path)?.map(|b| !b)),
            Bool::Compare(op, ab) => {
                let x = ab.0.eval(scope, path)?;
                let y = ab.1.eval(scope, path)?;
                Ok(match (x, y) {
                    (Ok(p), Ok(q)) => Ok(match op {
                        Op::Lt => p < q,
                        Op::Le => p <= q,
                        Op::Gt => p > q,
                        Op::Ge => p >= q,
                        Op::Eq => p == q,
                        _ => p != q,
                    }),
                    (x, y) => Err(bits(&x).union(bits(&y))),
                })
            }
            Bool::Same(op, ab) => {
                let x = ab.0.eval(scope, path)?;
                let y = ab.1.eval(scope, path)?;
                Ok(match (x, y) {
                    (Ok(p), Ok(q)) => Ok((p == q) == (*op == Op::Eq)),
                    (x, y) => Err(bits(&x).union(bits(&y))),
                })
            }
            Bool::Junction(op, ab) => {
                let x = ab.0.eval(scope, path)?;
                let y = ab.1.eval(scope, path)?;
                let decisive = *op == Op::Or;
                Ok(match (x, y) {
                    (Ok(p), _) if p == decisive => Ok(decisive),
                    (_, Ok(q)) if q == decisive => Ok(decisive),
                    (Ok(_), Ok(_)) => Ok(!decisive),
                    (x, y) => Err(bits(&x).union(bits(&y))),
                })
            }
            Bool::If(cab) => match cab.0.eval(scope, path)? {
                Ok(true) => cab.1.eval(scope, path),
                Ok(false) => cab.2.eval(scope, path),
                Err(m) => Ok(Err(m)),
            },
            Bool::Coalesce(ab) => match ab.0.eval(scope, path)? {
                Ok(b) => Ok(Ok(b)),
                Err(_) => ab.1.eval(scope, path),
            },
            Bool::KnownNum(a) => Ok(Ok(a.eval(scope, path)?.is_ok())),
            Bool::KnownBool(a) => Ok(Ok(a.eval(scope, path)?.is_ok())),
            Bool::Tree(e) => match e.eval(scope, path)? {
                Known::Yes(Val::Bool(b)) => Ok(Ok(b)),
                Known::Missing(m) => Ok(Err(m)),
                Known::Yes(v) => Err(type_err(path, Ty::Bool, &v).into()),
            },
        }
    }
}
