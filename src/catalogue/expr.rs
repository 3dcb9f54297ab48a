//! Value expressions of scoring rules: `a`, `a/b`, `(a+b+c+d)/(e+f)`, `c/7`.
//!
//! A rule's `of` names the value it scores. The grammar is small on purpose: input names
//! (letters, `đ` included), numbers, `+ - * /` and parentheses. Evaluation never divides
//! by zero and never guesses a missing input: both come back as [`EvalError`].

use std::fmt;

/// A parsed value expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Name(String),
    Number(f64),
    Binary(Box<Expr>, Op, Box<Expr>),
}

/// An arithmetic operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

/// A malformed expression: what was wrong and at which character.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("biểu thức không hợp lệ \"{text}\" tại ký tự {at} (malformed expression)")]
pub struct ExprError {
    pub text: String,
    pub at: usize,
}

/// Why an expression has no value.
#[derive(Clone, Debug, PartialEq)]
pub enum EvalError {
    /// Inputs with no value, in order of appearance.
    Missing(Vec<String>),
    /// A denominator that evaluates to zero; the denominator as written.
    ZeroDenominator(String),
}

/// Parse an expression.
pub fn parse(text: &str) -> Result<Expr, ExprError> {
    let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut p = Parser { chars, pos: 0 };
    let err = |at| ExprError {
        text: text.to_string(),
        at,
    };
    let e = p.sum().ok_or_else(|| err(p.pos))?;
    if p.pos != p.chars.len() {
        return Err(err(p.pos));
    }
    Ok(e)
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn sum(&mut self) -> Option<Expr> {
        let mut left = self.product()?;
        while let Some(op) = self.peek().and_then(|c| match c {
            '+' => Some(Op::Add),
            '-' => Some(Op::Sub),
            _ => None,
        }) {
            self.pos += 1;
            left = Expr::Binary(Box::new(left), op, Box::new(self.product()?));
        }
        Some(left)
    }

    fn product(&mut self) -> Option<Expr> {
        let mut left = self.atom()?;
        while let Some(op) = self.peek().and_then(|c| match c {
            '*' | '×' => Some(Op::Mul),
            '/' => Some(Op::Div),
            _ => None,
        }) {
            self.pos += 1;
            left = Expr::Binary(Box::new(left), op, Box::new(self.atom()?));
        }
        Some(left)
    }

    fn atom(&mut self) -> Option<Expr> {
        let c = self.peek()?;
        if c == '(' {
            self.pos += 1;
            let e = self.sum()?;
            if self.peek() != Some(')') {
                return None;
            }
            self.pos += 1;
            return Some(e);
        }
        let start = self.pos;
        if c.is_ascii_digit() {
            while self.peek().is_some_and(|c| c.is_ascii_digit() || c == '.') {
                self.pos += 1;
            }
            let s: String = self.chars[start..self.pos].iter().collect();
            return s.parse().ok().map(Expr::Number);
        }
        if c.is_alphabetic() {
            while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                self.pos += 1;
            }
            return Some(Expr::Name(self.chars[start..self.pos].iter().collect()));
        }
        None
    }
}

impl Expr {
    /// Input names the expression uses, in order of first appearance.
    pub fn names(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Expr::Name(n) if !out.contains(&n.as_str()) => out.push(n),
            Expr::Binary(l, _, r) => {
                l.collect(out);
                r.collect(out);
            }
            _ => {}
        }
    }

    /// Evaluate with input values from `lookup`. Reports every missing input at once,
    /// and a zero denominator instead of dividing by it.
    pub fn eval(&self, lookup: &dyn Fn(&str) -> Option<f64>) -> Result<f64, EvalError> {
        let missing: Vec<String> = self
            .names()
            .into_iter()
            .filter(|n| lookup(n).is_none())
            .map(str::to_string)
            .collect();
        if !missing.is_empty() {
            return Err(EvalError::Missing(missing));
        }
        self.value(lookup)
    }

    fn value(&self, lookup: &dyn Fn(&str) -> Option<f64>) -> Result<f64, EvalError> {
        match self {
            Expr::Number(v) => Ok(*v),
            Expr::Name(n) => lookup(n).ok_or_else(|| EvalError::Missing(vec![n.clone()])),
            Expr::Binary(l, op, r) => {
                let (a, b) = (l.value(lookup)?, r.value(lookup)?);
                Ok(match op {
                    Op::Add => a + b,
                    Op::Sub => a - b,
                    Op::Mul => a * b,
                    Op::Div => {
                        if b.abs() < 1e-12 {
                            return Err(EvalError::ZeroDenominator(r.to_string()));
                        }
                        a / b
                    }
                })
            }
        }
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Name(n) => f.write_str(n),
            Expr::Number(v) => write!(f, "{v}"),
            Expr::Binary(l, op, r) => {
                let sym = match op {
                    Op::Add => "+",
                    Op::Sub => "-",
                    Op::Mul => "*",
                    Op::Div => "/",
                };
                let wrap = |e: &Expr, f: &mut fmt::Formatter<'_>| match e {
                    Expr::Binary(_, o, _)
                        if matches!(op, Op::Mul | Op::Div) && matches!(o, Op::Add | Op::Sub) =>
                    {
                        write!(f, "({e})")
                    }
                    Expr::Binary(..)
                        if matches!(op, Op::Div | Op::Sub) && std::ptr::eq(e, &**r) =>
                    {
                        write!(f, "({e})")
                    }
                    _ => write!(f, "{e}"),
                };
                wrap(l, f)?;
                f.write_str(sym)?;
                wrap(r, f)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(pairs: &[(&str, f64)]) -> impl Fn(&str) -> Option<f64> {
        let v: Vec<(String, f64)> = pairs.iter().map(|(k, x)| (k.to_string(), *x)).collect();
        move |n| v.iter().find(|(k, _)| k == n).map(|(_, x)| *x)
    }

    #[test]
    fn parses_and_evaluates() {
        let e = parse("(a + b + c + d) / (e + f)").unwrap();
        assert_eq!(e.names(), vec!["a", "b", "c", "d", "e", "f"]);
        let look = vals(&[
            ("a", 1.),
            ("b", 2.),
            ("c", 3.),
            ("d", 4.),
            ("e", 5.),
            ("f", 15.),
        ]);
        assert_eq!(e.eval(&look), Ok(0.5));
        assert_eq!(e.to_string(), "(a+b+c+d)/(e+f)");
        assert_eq!(parse("c/7").unwrap().eval(&vals(&[("c", 14.)])), Ok(2.0));
        assert_eq!(parse("đ").unwrap().names(), vec!["đ"]);
    }

    #[test]
    fn zero_denominator_and_missing_are_reported() {
        let e = parse("a/b").unwrap();
        assert_eq!(
            e.eval(&vals(&[("a", 1.), ("b", 0.)])),
            Err(EvalError::ZeroDenominator("b".into()))
        );
        assert_eq!(
            parse("(a+b)/c").unwrap().eval(&vals(&[("b", 1.)])),
            Err(EvalError::Missing(vec!["a".into(), "c".into()]))
        );
    }

    #[test]
    fn rejects_malformed() {
        for bad in ["", "a/", "(a+b", "a,b", "a/%", ")"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
