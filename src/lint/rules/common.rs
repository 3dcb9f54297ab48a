//! Helpers shared by several rules: indicator families, figures read as numbers, points
//! as tables write them. Not a rule; re-exported by the registry for `super::` paths.

use crate::plan::Figure;

/// Whether `a` and `b` are the same code, or one is an ancestor of the other
/// ("8.8" and "8.8.1.2").
pub fn related(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    let anc =
        |x: &str, y: &str| y.len() > x.len() && y.starts_with(x) && y.as_bytes()[x.len()] == b'.';
    a == b || anc(a, b) || anc(b, a)
}

/// Whether some row of the same indicator family as task `i` (the same code, an ancestor
/// or a descendant: tables merge the lead and deadline cells of sub-rows) satisfies
/// `has` (given each row's index and the row). A task naming no indicator only counts
/// itself.
pub fn family_has(
    tasks: &[crate::plan::Task],
    i: usize,
    has: impl Fn(usize, &crate::plan::Task) -> bool,
) -> bool {
    let me = &tasks[i];
    if has(i, me) {
        return true;
    }
    if me.indicators.is_empty() {
        return false;
    }
    tasks.iter().enumerate().any(|(j, t)| {
        has(j, t)
            && t.indicators
                .iter()
                .any(|c| me.indicators.iter().any(|m| related(&c.value, &m.value)))
    })
}

/// Whether the baseline was assessed before the catalogue's decision (DTI 2021 values
/// between 0 and 1, another methodology): its figures are not checked against this
/// catalogue's sums and maxima (the score engine makes the same call).
pub fn other_methodology(cx: &crate::lint::Context) -> bool {
    let (Some(cat), Some(b)) = (cx.catalogue, &cx.plan.baseline) else {
        return false;
    };
    let decided = cat
        .catalogue
        .decision
        .date
        .get(..4)
        .and_then(|y| y.parse::<i32>().ok());
    decided.is_some_and(|d| b.year < d)
}

/// A figure as written, read as a number.
#[derive(Clone, Debug, PartialEq)]
pub enum Num {
    Value(f64),
    /// "" or only spaces.
    Blank,
    /// Text that is not a number ("không có").
    NotANumber,
}

/// Read a [`Figure`]: YAML numbers as they are, text through Vietnamese number rules.
pub fn num(f: &Figure) -> Num {
    match f {
        Figure::Number(n) => Num::Value(*n),
        Figure::Text(s) if s.trim().is_empty() => Num::Blank,
        Figure::Text(s) => match crate::vn::number::parse(&close_sign(s)) {
            Some(v) => Num::Value(v),
            None => Num::NotANumber,
        },
    }
}

/// "+ 26,67" → "+26,67": tables often put a space after the sign.
fn close_sign(s: &str) -> String {
    let t = s.trim();
    let mut chars = t.chars();
    match chars.next() {
        Some(c @ ('+' | '-' | '−')) => format!("{c}{}", chars.as_str().trim_start()),
        _ => t.to_string(),
    }
}

/// The numeric value of a figure, if it has one.
pub fn value(f: &Figure) -> Option<f64> {
    match num(f) {
        Num::Value(v) => Some(v),
        _ => None,
    }
}

/// Points as DTI tables write them ("627,42").
pub fn pts(v: f64) -> String {
    crate::vn::number::points(v)
}

/// Points with a "." decimal mark for English messages ("627.42").
pub fn pts_en(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Whether a row's method is the catalogue's own method text for its one indicator, as
/// `kehoach new` copies it: the method rules judge what the plan's author wrote, not the
/// catalogue's wording.
pub fn method_from_catalogue(
    cx: &crate::lint::context::Context,
    task: &crate::plan::Task,
    method: &str,
) -> bool {
    let [code] = task.indicators.as_slice() else {
        return false;
    };
    // The same words with any spacing, compared word by word (stopping at the first
    // difference) rather than by two joined copies.
    cx.catalogue
        .and_then(|k| k.catalogue.get(crate::lint::trim(&code.value)))
        .and_then(|e| e.method.as_deref())
        .is_some_and(|c| c.split_whitespace().eq(method.split_whitespace()))
}
