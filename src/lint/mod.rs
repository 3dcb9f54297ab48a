//! The compliance linter: rules over the plan model, configuration, inline
//! suppression and reporters. `engine` runs the rules on one file; `discover` finds the
//! files; `report` renders the findings.

pub mod arith;
pub mod asof;
pub mod catindex;
pub mod config;
pub mod context;
pub mod cover;
pub mod coverage;
pub mod discover;
pub mod ditto;
pub mod engine;
pub mod fix;
pub mod mentions;
pub mod method;
pub mod named;
pub mod prose;
pub mod report;
pub mod rule;
pub mod rules;
pub mod suppress;
pub mod text;

pub use catindex::CatalogueIndex;
pub use context::Context;
pub use engine::{FileReport, Linter};
pub use rule::{Check, Explanation, Meta, RuleDef, StaticText};

/// `s.trim()`, without decoding an end that is printable ASCII (as both ends of every
/// code, id and number of a plan are): the lint trims what it compares in nested loops.
#[inline]
pub fn trim(s: &str) -> &str {
    let s = match s.as_bytes().first() {
        Some(b) if b.is_ascii_graphic() => s,
        _ => s.trim_start(),
    };
    match s.as_bytes().last() {
        Some(b) if b.is_ascii_graphic() => s,
        _ => s.trim_end(),
    }
}

/// `write!(s, "{n}")` without the formatting machinery (a path per text field, a line
/// number per snippet line).
pub fn push_decimal(s: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    s.extend(digits[at..].iter().map(|&d| char::from(d)));
}

#[cfg(test)]
mod tests {
    use super::push_decimal;

    #[test]
    fn push_decimal_is_display() {
        for n in (0..2000).chain([9_999, 10_000, 123_456_789, usize::MAX]) {
            let mut s = String::from("x");
            push_decimal(&mut s, n);
            assert_eq!(s, format!("x{n}"));
        }
    }

    #[test]
    fn trim_is_str_trim() {
        let parts = [
            "", " ", "\t", "\u{a0}", "\u{3000}", "6.12", "Sở", "ệ", "x", "\n", "\u{2028}",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    let t = format!("{a}{b}{c}");
                    assert_eq!(super::trim(&t), t.trim(), "{t:?}");
                }
            }
        }
    }
}
