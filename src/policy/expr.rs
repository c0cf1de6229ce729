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

use crate::error::{Code, Issue};
use crate::facts::{Fact, Known, Ty, Val};
use crate::money::parse_decimal_text;
use crate::policy::table::Table;
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::BTreeSet;

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

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Lit(Val),
    Fact(String),
    Neg(Box<Expr>),
    Not(Box<Expr>),
    Bin(Op, Box<Expr>, Box<Expr>),
    Call(Func, Vec<Expr>),
}

// ---------------------------------------------------------------------------------------------
// Parsing

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(Decimal),
    Str(String),
    Name(String),
    Sym(&'static str),
}

fn lex(src: &str) -> Result<Vec<Tok>, String> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            while chars
                .get(i)
                .is_some_and(|c| c.is_ascii_digit() || *c == '.')
            {
                i += 1;
            }
            if chars.get(i).is_some_and(|c| matches!(c, '万' | '亿' | '%')) {
                i += 1;
            }
            let text: String = chars.get(start..i).unwrap_or_default().iter().collect();
            let value =
                parse_decimal_text(&text, true).ok_or_else(|| format!("bad number \"{text}\""))?;
            out.push(Tok::Num(value));
        } else if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while chars
                .get(i)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '.')
            {
                i += 1;
            }
            out.push(Tok::Name(
                chars.get(start..i).unwrap_or_default().iter().collect(),
            ));
        } else if c == '\'' || c == '"' {
            let start = i + 1;
            i += 1;
            while chars.get(i).is_some_and(|d| *d != c) {
                i += 1;
            }
            if i >= chars.len() {
                return Err("unterminated string".into());
            }
            out.push(Tok::Str(
                chars.get(start..i).unwrap_or_default().iter().collect(),
            ));
            i += 1;
        } else {
            let two: String = chars
                .get(i..chars.len().min(i + 2))
                .unwrap_or_default()
                .iter()
                .collect();
            let sym = ["<=", ">=", "==", "!="]
                .into_iter()
                .find(|s| *s == two)
                .or_else(|| {
                    ["+", "-", "*", "/", "(", ")", ",", "<", ">"]
                        .into_iter()
                        .find(|s| s.starts_with(c))
                })
                .ok_or_else(|| format!("unexpected character '{c}'"))?;
            i += sym.chars().count();
            out.push(Tok::Sym(sym));
        }
    }
    Ok(out)
}

struct Parser {
    toks: Vec<Tok>,
    pos: usize,
    depth: usize,
}

type PResult = Result<Expr, Issue>;

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn eat_sym(&mut self, s: &str) -> bool {
        if self.peek()
            == Some(&Tok::Sym(match s {
                "(" => "(",
                ")" => ")",
                "," => ",",
                _ => return false,
            }))
        {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn eat_word(&mut self, w: &str) -> bool {
        if matches!(self.peek(), Some(Tok::Name(n)) if n == w) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn err(&self, path: &str, msg: impl Into<String>) -> Issue {
        Issue::new(Code::ExpressionSyntax, path).with(msg.into())
    }

    fn enter(&mut self, path: &str) -> Result<(), Issue> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err(Issue::new(Code::ExpressionTooDeep, path).with(MAX_DEPTH))
        } else {
            Ok(())
        }
    }

    fn or(&mut self, path: &str) -> PResult {
        self.enter(path)?;
        let mut left = self.and(path)?;
        while self.eat_word("or") {
            let right = self.and(path)?;
            left = Expr::Bin(Op::Or, Box::new(left), Box::new(right));
        }
        self.depth -= 1;
        Ok(left)
    }

    fn and(&mut self, path: &str) -> PResult {
        let mut left = self.not(path)?;
        while self.eat_word("and") {
            let right = self.not(path)?;
            left = Expr::Bin(Op::And, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn not(&mut self, path: &str) -> PResult {
        if self.eat_word("not") {
            self.enter(path)?;
            let inner = self.not(path)?;
            self.depth -= 1;
            return Ok(Expr::Not(Box::new(inner)));
        }
        self.cmp(path)
    }

    fn cmp(&mut self, path: &str) -> PResult {
        let left = self.sum(path)?;
        let op = match self.peek() {
            Some(Tok::Sym("<")) => Op::Lt,
            Some(Tok::Sym("<=")) => Op::Le,
            Some(Tok::Sym(">")) => Op::Gt,
            Some(Tok::Sym(">=")) => Op::Ge,
            Some(Tok::Sym("==")) => Op::Eq,
            Some(Tok::Sym("!=")) => Op::Ne,
            _ => return Ok(left),
        };
        self.pos += 1;
        let right = self.sum(path)?;
        Ok(Expr::Bin(op, Box::new(left), Box::new(right)))
    }

    fn sum(&mut self, path: &str) -> PResult {
        let mut left = self.product(path)?;
        loop {
            let op = match self.peek() {
                Some(Tok::Sym("+")) => Op::Add,
                Some(Tok::Sym("-")) => Op::Sub,
                _ => return Ok(left),
            };
            self.pos += 1;
            let right = self.product(path)?;
            left = Expr::Bin(op, Box::new(left), Box::new(right));
        }
    }

    fn product(&mut self, path: &str) -> PResult {
        let mut left = self.unary(path)?;
        loop {
            let op = match self.peek() {
                Some(Tok::Sym("*")) => Op::Mul,
                Some(Tok::Sym("/")) => Op::Div,
                _ => return Ok(left),
            };
            self.pos += 1;
            let right = self.unary(path)?;
            left = Expr::Bin(op, Box::new(left), Box::new(right));
        }
    }

    fn unary(&mut self, path: &str) -> PResult {
        if self.peek() == Some(&Tok::Sym("-")) {
            self.pos += 1;
            self.enter(path)?;
            let inner = self.unary(path)?;
            self.depth -= 1;
            return Ok(match inner {
                Expr::Lit(Val::Num(d)) => Expr::Lit(Val::Num(-d)),
                other => Expr::Neg(Box::new(other)),
            });
        }
        self.atom(path)
    }

    fn atom(&mut self, path: &str) -> PResult {
        let tok = self
            .peek()
            .cloned()
            .ok_or_else(|| self.err(path, "unexpected end"))?;
        self.pos += 1;
        match tok {
            Tok::Num(d) => Ok(Expr::Lit(Val::Num(d))),
            Tok::Str(s) => Ok(Expr::Lit(Val::Str(s))),
            Tok::Sym("(") => {
                let inner = self.or(path)?;
                if !self.eat_sym(")") {
                    return Err(self.err(path, "missing ')'"));
                }
                Ok(inner)
            }
            Tok::Name(n) if n == "true" => Ok(Expr::Lit(Val::Bool(true))),
            Tok::Name(n) if n == "false" => Ok(Expr::Lit(Val::Bool(false))),
            Tok::Name(n) if ["and", "or", "not"].contains(&n.as_str()) => {
                Err(self.err(path, format!("unexpected \"{n}\"")))
            }
            Tok::Name(n) => {
                if !self.eat_sym("(") {
                    return Ok(Expr::Fact(n));
                }
                let func = Func::by_name(&n)
                    .ok_or_else(|| Issue::new(Code::UnknownFunction, path).with(&n))?;
                let mut args = Vec::new();
                if !self.eat_sym(")") {
                    loop {
                        args.push(self.or(path)?);
                        if self.eat_sym(")") {
                            break;
                        }
                        if !self.eat_sym(",") {
                            return Err(self.err(path, "expected ',' or ')'"));
                        }
                    }
                }
                let (lo, hi, shown) = func.arity();
                if args.len() < lo || args.len() > hi {
                    return Err(Issue::new(Code::WrongArity, path).with(n).with(shown));
                }
                Ok(Expr::Call(func, args))
            }
            Tok::Sym(s) => Err(self.err(path, format!("unexpected '{s}'"))),
        }
    }
}

/// Parses an expression; `path` locates it in the policy for error messages.
pub fn parse(src: &str, path: &str) -> Result<Expr, Issue> {
    if src.len() > MAX_LEN {
        return Err(Issue::new(Code::TooLong, path).with(MAX_LEN));
    }
    let toks = lex(src).map_err(|m| Issue::new(Code::ExpressionSyntax, path).with(m))?;
    let mut p = Parser {
        toks,
        pos: 0,
        depth: 0,
    };
    let e = p.or(path)?;
    if p.pos < p.toks.len() {
        return Err(p.err(path, "unexpected text after the expression"));
    }
    Ok(e)
}

// ---------------------------------------------------------------------------------------------
// What an expression reads, and what its type is

/// The environment an expression is checked and evaluated in.
pub trait Scope {
    fn fact(&self, name: &str) -> Option<&Fact>;
    fn table(&self, name: &str) -> Option<&Table>;
    /// A step of an earlier product: `step('product', 'step')`.
    fn step(&self, product: &str, step: &str) -> Option<Known>;
    /// For type checking: does that step exist (numbers only)?
    fn has_step(&self, product: &str, step: &str) -> bool;
}

impl Expr {
    /// Every fact name the expression reads.
    pub fn facts(&self, out: &mut BTreeSet<String>) {
        match self {
            Expr::Lit(_) => {}
            Expr::Fact(n) => {
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
            Expr::Fact(n) => match scope.fact(n) {
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
            Some(Expr::Lit(Val::Str(s))) => Some(s.as_str()),
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

// ---------------------------------------------------------------------------------------------
// Evaluation

pub type EResult = Result<Known, Issue>;

fn num_of(k: &Known) -> Option<Decimal> {
    k.num()
}

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
    pub fn eval(&self, scope: &dyn Scope, path: &str) -> EResult {
        match self {
            Expr::Lit(v) => Ok(Known::Yes(v.clone())),
            Expr::Fact(n) => scope
                .fact(n)
                .map(|f| f.value.clone())
                .ok_or_else(|| Issue::new(Code::UnknownFact, path).with(n)),
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
            let table = scope
                .table(name)
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

/// A comparison at the top of a check, split for reporting: `actual op required`.
pub fn as_comparison(e: &Expr) -> Option<(&Expr, Op, &Expr)> {
    match e {
        Expr::Bin(op, a, b) if op.is_comparison() => Some((a, *op, b)),
        _ => None,
    }
}

pub fn num_value(k: &Known) -> Option<Decimal> {
    num_of(k)
}
