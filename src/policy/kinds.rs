//! What a value is (money, a ratio, a count, a city …), decided when the policy compiles: the
//! profile's facts have known kinds, and an expression's kind follows from what it combines
//! (money ÷ money is a ratio, money × a ratio is money, `10万` is money, `60%` a ratio). A check
//! or step may name its kind with `format`; the report carries it so no reader has to guess.

use crate::policy::expr::{Expr, Func, Op};
use crate::report::ValueKind;

/// The kind of a fact the engine itself provides (the profile's fields, by their declared type;
/// the derived figures; the assessments' results); None for a name it does not provide.
pub fn fact_kind(name: &str) -> Option<ValueKind> {
    use ValueKind::*;
    if let Some(kind) = input_kind(name) {
        return Some(kind);
    }
    Some(match name {
        "yearsGiven" => Count,
        "netAssets" => Money,
        "dar"
        | "techStaffRatio"
        | "rdToRevenue"
        | "rdToCosts"
        | "domesticRdRatio"
        | "highTechRevenueRatio"
        | "rdIntensity"
        | "priorRdToRevenue"
        | "mainBusinessShare"
        | "mainBusinessGrowth"
        | "revenueGrowth"
        | "netAssetGrowth" => Ratio,
        "mainBusinessGrowthExists" => Flag,
        "score" => Points,
        n if n.starts_with("points.") || n.starts_with("groups.") => Points,
        // A scheme's results (`<id>.status`, `<id>.score`, `<id>.points.<indicator>` …).
        n if n.ends_with(".status") => Choice,
        n if n.ends_with(".score") || n.contains(".points.") => Points,
        n if n.ends_with(".qualified") || n.ends_with(".held") => Flag,
        _ => return None,
    })
}

/// An input's fact by the field's declared type (`inputs::INPUTS`).
fn input_kind(name: &str) -> Option<ValueKind> {
    use crate::inputs::Type;
    use ValueKind::*;
    let (f, _) = crate::inputs::of_fact(name)?;
    Some(match f.ty {
        Type::Text => Text,
        Type::Place(_) | Type::Choice(_) => Choice,
        Type::Flag => Flag,
        Type::Amount | Type::SignedAmount => Money,
        Type::Count => Count,
        Type::Years => Years,
        Type::Ratio => Ratio,
        Type::Bounded { .. } => Points,
    })
}

/// A kind that says little (an unqualified number, a quoted string) yields to the other side.
fn weak(k: ValueKind) -> bool {
    matches!(k, ValueKind::Number | ValueKind::Text)
}

/// The kind of two values shown side by side (`a + b`, `min(a, b)`, `a >= b`).
pub fn unify(a: ValueKind, b: ValueKind) -> ValueKind {
    if weak(a) && !weak(b) {
        b
    } else {
        a
    }
}

fn product(a: ValueKind, b: ValueKind) -> ValueKind {
    use ValueKind::*;
    match (a, b) {
        (Money, _) | (_, Money) => Money,
        (x, y) if weak(x) => y,
        (x, y) if weak(y) => x,
        (Ratio, Ratio) => Ratio,
        _ => Number,
    }
}

fn quotient(a: ValueKind, b: ValueKind) -> ValueKind {
    use ValueKind::*;
    match (a, b) {
        (x, y) if x == y && !weak(x) && x != Ratio => Ratio,
        (x, y) if weak(y) => x,
        (Money, Count) => Money,
        _ => Number,
    }
}

/// Infers kinds over one expression's source: names through `name` (a step, a local, a fact),
/// `step('p', 's')` through `step`, literals through their units in source order.
pub struct Infer<'a> {
    pub name: &'a dyn Fn(&str) -> Option<ValueKind>,
    pub step: &'a dyn Fn(&str, &str) -> Option<ValueKind>,
    units: std::vec::IntoIter<Option<char>>,
}

impl<'a> Infer<'a> {
    pub fn new(
        src: &str,
        name: &'a dyn Fn(&str) -> Option<ValueKind>,
        step: &'a dyn Fn(&str, &str) -> Option<ValueKind>,
    ) -> Self {
        Infer {
            name,
            step,
            units: crate::policy::expr::number_units(src).into_iter(),
        }
    }

    /// The kind of the whole expression. Every literal is visited left to right, so that each
    /// takes its own unit.
    pub fn kind(&mut self, e: &Expr) -> ValueKind {
        use crate::facts::Val;
        match e {
            Expr::Lit(Val::Num(_)) => match self.units.next().flatten() {
                Some('万' | '亿') => ValueKind::Money,
                Some('%') => ValueKind::Ratio,
                _ => ValueKind::Number,
            },
            Expr::Lit(Val::Bool(_)) => ValueKind::Flag,
            Expr::Lit(Val::Str(_)) | Expr::Table(..) => ValueKind::Text,
            Expr::Fact(name, crate::policy::expr::Slot::Step(..)) => name
                .split_once('.')
                .and_then(|(p, s)| (self.step)(p, s))
                .unwrap_or_default(),
            Expr::Fact(name, _) => (self.name)(name).unwrap_or_default(),
            Expr::Neg(a) => self.kind(a),
            Expr::Not(a) => {
                self.kind(a);
                ValueKind::Flag
            }
            Expr::Bin(op, a, b) => {
                let (x, y) = (self.kind(a), self.kind(b));
                match op {
                    Op::Add | Op::Sub => unify(x, y),
                    Op::Mul => product(x, y),
                    Op::Div => quotient(x, y),
                    _ => ValueKind::Flag,
                }
            }
            Expr::Call(f, args) => self.call(*f, args),
        }
    }

    fn call(&mut self, f: Func, args: &[Expr]) -> ValueKind {
        let kinds: Vec<ValueKind> = args.iter().map(|a| self.kind(a)).collect();
        match f {
            Func::Step => match args {
                [Expr::Lit(crate::facts::Val::Str(p)), Expr::Lit(crate::facts::Val::Str(s))] => {
                    (self.step)(p, s).unwrap_or_default()
                }
                _ => ValueKind::Number,
            },
            Func::Min
            | Func::Max
            | Func::Best
            | Func::Floor
            | Func::Round
            | Func::Abs
            | Func::Coalesce => kinds.into_iter().reduce(unify).unwrap_or_default(),
            Func::If => kinds.into_iter().skip(1).reduce(unify).unwrap_or_default(),
            Func::Count => ValueKind::Count,
            Func::Known => ValueKind::Flag,
            // A table's values are points, factors or amounts: the policy says which with `format`.
            Func::Band | Func::BandTop | Func::Lookup => ValueKind::Number,
        }
    }

    /// The kind of a check's values: its `actual` expression's, else the compared sides', else a
    /// flag (a condition shown as "= true").
    pub fn check(&mut self, pass: &Expr) -> ValueKind {
        match pass {
            Expr::Bin(op, a, b) if op.is_comparison() => {
                let (x, y) = (self.kind(a), self.kind(b));
                unify(x, y)
            }
            _ => {
                self.kind(pass);
                ValueKind::Flag
            }
        }
    }
}
