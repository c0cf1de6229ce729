//! Text to expression: a lexer and a recursive-descent parser with a depth limit.
//!
//! The limit is on the tree's real depth, counted on every node as it is built: `a+b+c+…` is a
//! left-deep tree as deep as it is long, and every later walk of the tree (type check, resolve,
//! evaluate, margin, drop) recurses once per level. Counting only parentheses let a flat chain of
//! 2,000 terms through and overflowed the stack at evaluation (issue #14). The parser's own
//! recursion is bounded separately: each parenthesis, `not`, unary minus and call counts a level.

use super::{Expr, Func, Op, MAX_DEPTH, MAX_LEN};
use crate::error::{Code, Issue};
use crate::facts::Val;
use crate::money::parse_decimal_text;
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// A number and the unit written after it (万, 亿 or %), if any.
    Num(Decimal, Option<char>),
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
            let unit = chars
                .get(i)
                .copied()
                .filter(|c| matches!(c, '万' | '亿' | '%'));
            if unit.is_some() {
                i += 1;
            }
            let text: String = chars.get(start..i).unwrap_or_default().iter().collect();
            let value =
                parse_decimal_text(&text, true).ok_or_else(|| format!("bad number \"{text}\""))?;
            out.push(Tok::Num(value, unit));
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

/// An expression and the depth of its tree (a leaf is 1).
type Node = (Expr, usize);
type PResult = Result<Node, Issue>;

/// A node over `children`: one level deeper than the deepest, refused beyond [`MAX_DEPTH`].
fn node(e: Expr, children: &[usize], path: &str) -> PResult {
    let depth = 1 + children.iter().copied().max().unwrap_or(0);
    if depth > MAX_DEPTH {
        Err(Issue::new(Code::ExpressionTooDeep, path).with(MAX_DEPTH))
    } else {
        Ok((e, depth))
    }
}

fn bin(op: Op, (a, da): Node, (b, db): Node, path: &str) -> PResult {
    node(Expr::Bin(op, Box::new(a), Box::new(b)), &[da, db], path)
}

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
            left = bin(Op::Or, left, right, path)?;
        }
        self.depth -= 1;
        Ok(left)
    }

    fn and(&mut self, path: &str) -> PResult {
        let mut left = self.not(path)?;
        while self.eat_word("and") {
            let right = self.not(path)?;
            left = bin(Op::And, left, right, path)?;
        }
        Ok(left)
    }

    fn not(&mut self, path: &str) -> PResult {
        if self.eat_word("not") {
            self.enter(path)?;
            let (inner, d) = self.not(path)?;
            self.depth -= 1;
            return node(Expr::Not(Box::new(inner)), &[d], path);
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
        bin(op, left, right, path)
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
            left = bin(op, left, right, path)?;
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
            left = bin(op, left, right, path)?;
        }
    }

    fn unary(&mut self, path: &str) -> PResult {
        if self.peek() == Some(&Tok::Sym("-")) {
            self.pos += 1;
            self.enter(path)?;
            let (inner, d) = self.unary(path)?;
            self.depth -= 1;
            return match inner {
                Expr::Lit(Val::Num(n)) => Ok((Expr::Lit(Val::Num(-n)), d)),
                other => node(Expr::Neg(Box::new(other)), &[d], path),
            };
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
            Tok::Num(d, _) => Ok((Expr::Lit(Val::Num(d)), 1)),
            Tok::Str(s) => Ok((Expr::Lit(Val::Str(s.into())), 1)),
            Tok::Sym("(") => {
                let inner = self.or(path)?;
                if !self.eat_sym(")") {
                    return Err(self.err(path, "missing ')'"));
                }
                Ok(inner)
            }
            Tok::Name(n) if n == "true" => Ok((Expr::Lit(Val::Bool(true)), 1)),
            Tok::Name(n) if n == "false" => Ok((Expr::Lit(Val::Bool(false)), 1)),
            Tok::Name(n) if ["and", "or", "not"].contains(&n.as_str()) => {
                Err(self.err(path, format!("unexpected \"{n}\"")))
            }
            Tok::Name(n) => {
                if !self.eat_sym("(") {
                    return Ok((Expr::Fact(n, super::Slot::Name), 1));
                }
                self.call(n, path)
            }
            Tok::Sym(s) => Err(self.err(path, format!("unexpected '{s}'"))),
        }
    }
}

impl Parser {
    /// A call's arguments, after its `(`: its own function, so that `atom`'s frame, which every
    /// level of nesting keeps on the stack, stays small.
    fn call(&mut self, n: String, path: &str) -> PResult {
        let func =
            Func::by_name(&n).ok_or_else(|| Issue::new(Code::UnknownFunction, path).with(&n))?;
        let mut args = Vec::new();
        let mut depths = Vec::new();
        if !self.eat_sym(")") {
            loop {
                let (arg, d) = self.or(path)?;
                args.push(arg);
                depths.push(d);
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
        node(Expr::Call(func, args), &depths, path)
    }
}

/// Parses an expression; `path` locates it in the policy for error messages.
/// The unit written after each number of an expression (万, 亿, % or none), in the order the
/// numbers appear: the order in which a left-to-right walk of the parsed expression meets its
/// literals (`policy::kinds` reads a literal's kind from it). Empty for text that does not lex.
pub fn number_units(src: &str) -> Vec<Option<char>> {
    lex(src)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|t| match t {
            Tok::Num(_, unit) => Some(unit),
            _ => None,
        })
        .collect()
}

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
    let (e, _) = p.or(path)?;
    if p.pos < p.toks.len() {
        return Err(p.err(path, "unexpected text after the expression"));
    }
    Ok(e)
}
