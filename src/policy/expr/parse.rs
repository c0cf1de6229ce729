//! Text to expression: a lexer and a recursive-descent parser with a depth limit.

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
            Tok::Num(d, _) => Ok(Expr::Lit(Val::Num(d))),
            Tok::Str(s) => Ok(Expr::Lit(Val::Str(s.into()))),
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
                    return Ok(Expr::Fact(n, super::Slot::Name));
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
    let e = p.or(path)?;
    if p.pos < p.toks.len() {
        return Err(p.err(path, "unexpected text after the expression"));
    }
    Ok(e)
}
