//! The policy expression language: exact decimal arithmetic over named facts.
//!
//! ```text
//! expr    := or
//! or      := and ("or" and)*
//! and     := not ("and" not)*
//! not     := "not" not | cmp
//! cmp     := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
//! sum     := product (("+" | "-") product)*
//! product := unary (("*" | "/") unary)*
//! unary   := "-" unary | atom
//! atom    := number ("万" | "亿" | "%")? | 'string' | true | false | name | name "(" args ")" | "(" expr ")"
//! ```
//!
//! No loops, no I/O and a bounded depth: evaluation always terminates. Unknown facts propagate
//! (Kleene logic for `and`/`or`), so a check can be "incomplete" with the fields it lacks.
//! Overflow and division by zero are typed errors.

mod check;
mod eval;
mod parse;

pub use eval::EResult;
pub use parse::{number_units, parse};

use crate::facts::{Fact, Known, Val};
use crate::policy::table::Table;

pub const MAX_DEPTH: usize = 40;
pub const MAX_LEN: usize = 4000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
    And,
    Or,
}

impl Op {
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Add => "+",
            Op::Sub => "-",
            Op::Mul => "*",
            Op::Div => "/",
            Op::Lt => "<",
            Op::Le => "≤",
            Op::Gt => ">",
            Op::Ge => "≥",
            Op::Eq => "=",
            Op::Ne => "≠",
            Op::And => "and",
            Op::Or => "or",
        }
    }

    pub fn is_comparison(self) -> bool {
        matches!(self, Op::Lt | Op::Le | Op::Gt | Op::Ge | Op::Eq | Op::Ne)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    Min,
    Max,
    Best,
    Floor,
    Round,
    Abs,
    If,
    Band,
    BandTop,
    Lookup,
    Coalesce,
    Count,
    Known,
    Step,
}

impl Func {
    fn by_name(name: &str) -> Option<Func> {
        Some(match name {
            "min" => Func::Min,
            "max" => Func::Max,
            "best" => Func::Best,
            "floor" => Func::Floor,
            "round" => Func::Round,
            "abs" => Func::Abs,
            "if" => Func::If,
            "band" => Func::Band,
            "bandTop" => Func::BandTop,
            "lookup" => Func::Lookup,
            "coalesce" => Func::Coalesce,
            "count" => Func::Count,
            "known" => Func::Known,
            "step" => Func::Step,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Func::Min => "min",
            Func::Max => "max",
            Func::Best => "best",
            Func::Floor => "floor",
            Func::Round => "round",
            Func::Abs => "abs",
            Func::If => "if",
            Func::Band => "band",
            Func::BandTop => "bandTop",
            Func::Lookup => "lookup",
            Func::Coalesce => "coalesce",
            Func::Count => "count",
            Func::Known => "known",
            Func::Step => "step",
        }
    }

    /// (fewest, most) arguments.
    fn arity(self) -> (usize, usize, &'static str) {
        match self {
            Func::Min | Func::Max | Func::Best => (1, 16, "1–16"),
            Func::Count => (1, 16, "1–16"),
            Func::Floor => (1, 2, "1–2"),
            Func::Round => (2, 2, "2"),
            Func::Abs | Func::Known => (1, 1, "1"),
            Func::If => (3, 3, "3"),
            Func::Band | Func::BandTop | Func::Lookup | Func::Coalesce | Func::Step => (2, 2, "2"),
        }
    }
}

/// Where a name's value is found, decided once when the policy compiles (`policy::resolve`), so
/// evaluation indexes instead of comparing strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// Not resolved (just parsed, or being type-checked): looked up by name.
    Name,
    /// The position in the evaluation's facts.
    Global(u16),
    /// The position among the local values (a product's steps, the tech-SME points).
    Local(u16),
    /// `step('product', 'step')`: the step of an earlier product, by position.
    Step(u16, u16),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Lit(Val),
    Fact(String, Slot),
    /// The table argument of `band`, `bandTop` and `lookup` once resolved: its name and position.
    Table(String, u16),
    Neg(Box<Expr>),
    Not(Box<Expr>),
    Bin(Op, Box<Expr>, Box<Expr>),
    Call(Func, Vec<Expr>),
}

/// The environment an expression is checked and evaluated in.
pub trait Scope {
    fn fact(&self, name: &str) -> Option<&Fact>;
    /// A resolved name's value (`Slot::Global` or `Slot::Local`).
    fn slot(&self, _slot: Slot) -> Option<&Known> {
        None
    }
    fn table(&self, name: &str) -> Option<&Table>;
    /// A resolved table.
    fn table_at(&self, _index: u16) -> Option<&Table> {
        None
    }
    /// A step of an earlier product: `step('product', 'step')`.
    fn step(&self, product: &str, step: &str) -> Option<Known>;
    /// A resolved `step()`: the product's and the step's positions.
    fn step_at(&self, _product: u16, _step: u16) -> Option<Known> {
        None
    }
    /// For type checking: does that step exist (numbers only)?
    fn has_step(&self, product: &str, step: &str) -> bool;
}

/// A comparison at the top of a check, split for reporting: `actual op required`.
pub fn as_comparison(e: &Expr) -> Option<(&Expr, Op, &Expr)> {
    match e {
        Expr::Bin(op, a, b) if op.is_comparison() => Some((a, *op, b)),
        _ => None,
    }
}
