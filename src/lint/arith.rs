//! Baseline arithmetic as bounds: every entry of the catalogue tree gets the interval its
//! points must lie in, from what the plan states below it. A stated figure gives a point
//! (within rounding); a class gives `full` = the maximum, `zero` = 0, `partial` = between;
//! an entry with nothing stated, an unreadable figure or a figure above its maximum gives
//! [0, maximum]. A stated total or subtotal is checked against the interval of its parts,
//! computed from the leaves, so one wrong subtotal is one finding and the correct total
//! above it is not a second; a total that only repeats a wrong figure below is not reported
//! again either. A baseline written as index values between 0 and 1 (the DTI 2021
//! publication) is read as fractions of each index's maximum.

use foldhash::{HashMap, HashMapExt};

use indexmap::IndexMap;

use crate::catalogue::Scoring;
use crate::plan::{Baseline, Figure, InputValue, PointsClass};
use crate::source::{Span, Spanned};

use super::catindex::CatalogueIndex;
use super::rules::{Num, num};

/// Rounding allowed per stated figure (points are published to two decimals).
pub const TOLERANCE: f64 = 0.01;

/// A stated figure whose parts cannot give it.
#[derive(Clone, Debug, PartialEq)]
pub struct Mismatch {
    /// The entry ("6"), or `None` for the DTI total.
    pub code: Option<String>,
    pub span: Span,
    pub path: String,
    /// The figure as stated, in points (a 0–1 index value already multiplied out).
    pub stated: f64,
    /// The interval its parts allow.
    pub lo: f64,
    pub hi: f64,
    /// Parts stated above their maximum (code, stated, maximum): the likely cause.
    pub above_max: Vec<(String, f64, f64)>,
    /// The stated figure is a 0–1 index value (multiplied by `scale` to get points).
    pub scale: Option<f64>,
    /// The value as written.
    pub written: f64,
}

impl Mismatch {
    /// Whether every part is known (the interval is one value).
    pub fn exact(&self) -> bool {
        (self.hi - self.lo).abs() < 1e-9
    }
}

/// What is stated about one entry.
struct Stated<'p> {
    figure: Option<&'p Spanned<Figure>>,
    class: Option<PointsClass>,
    /// Yes/no inputs of the scoring rule, when the plan states some but no figure.
    bound: Option<(f64, f64)>,
    path: String,
}

/// The interval yes/no inputs give an entry with no figure: for a binary rule, full or
/// 0; for parts that are each yes/no ("1.2. … tham gia tất cả các phiên họp …: đạt 0/5
/// điểm" is input a of 922's 1.2), a part answered "no" takes its share off the maximum,
/// one answered "yes" adds it to the minimum, an unanswered one stays open.
pub fn input_bound(
    cat: &CatalogueIndex,
    code: &str,
    inputs: &IndexMap<String, Spanned<InputValue>>,
) -> Option<(f64, f64)> {
    if inputs.is_empty() {
        return None;
    }
    let e = cat.catalogue.get(code)?;
    let max = e.max_points.as_ref()?.value;
    let answer = |of: &str| match inputs.get(of).map(|v| &v.value) {
        Some(InputValue::Bool(b)) => Some(*b),
        _ => None,
    };
    match e.scoring.as_ref()? {
        Scoring::Binary { of } => answer(of).map(|yes| if yes { (max, max) } else { (0.0, 0.0) }),
        Scoring::Parts { parts } => {
            let (mut lo, mut hi, mut any) = (0.0, max, false);
            for part in parts {
                let Scoring::Binary { of } = part.rule.as_ref() else {
                    return None;
                };
                match answer(of) {
                    Some(true) => {
                        lo += part.weight * max;
                        any = true;
                    }
                    Some(false) => {
                        hi -= part.weight * max;
                        any = true;
                    }
                    None => {}
                }
            }
            any.then_some((lo, hi.max(lo)))
        }
        _ => None,
    }
}

/// The interval of one entry, with the rounding it carries.
#[derive(Clone, Debug)]
struct Bound {
    lo: f64,
    hi: f64,
    err: f64,
    /// Something below (or at) the entry is stated.
    informed: bool,
    /// A mismatch was found at or below the entry.
    broken: bool,
    above_max: Vec<(String, f64, f64)>,
}

struct Walk<'a, 'p> {
    cat: &'a CatalogueIndex,
    stated: HashMap<&'p str, Stated<'p>>,
    /// 0–1 index values: the factor of each index (its maximum).
    fractional: bool,
    out: Vec<Mismatch>,
}

/// Every stated total in `b` its parts cannot give, in catalogue order (total first).
pub fn check(cat: &CatalogueIndex, b: &Baseline) -> Vec<Mismatch> {
    let mut stated: HashMap<&str, Stated> = HashMap::new();
    for (i, x) in b.indices.iter().enumerate() {
        stated
            .entry(crate::lint::trim(&x.code.value))
            .or_insert(Stated {
                figure: Some(&x.points),
                class: None,
                bound: None,
                path: format!("baseline.indices[{i}].points"),
            });
    }
    for (i, x) in b.indicators.iter().enumerate() {
        // A code listed twice is duplicate-id's; the first entry counts here.
        let code = crate::lint::trim(&x.code.value);
        stated.entry(code).or_insert(Stated {
            figure: x.points.as_ref(),
            class: x.status,
            bound: x
                .points
                .is_none()
                .then(|| input_bound(cat, code, &x.inputs))
                .flatten(),
            path: format!("baseline.indicators[{i}].points"),
        });
    }
    let readable = |f: &Spanned<Figure>| match num(&f.value) {
        Num::Value(v) => Some(v),
        _ => None,
    };
    let index_values: Vec<f64> = b
        .indices
        .iter()
        .filter_map(|x| readable(&x.points))
        .collect();
    let fractional = !index_values.is_empty()
        && index_values.iter().all(|v| *v <= 1.0)
        && b.total.as_ref().and_then(readable).is_none_or(|t| t <= 1.0)
        && b.indices.iter().any(|x| {
            cat.get(crate::lint::trim(&x.code.value))
                .and_then(|e| e.max_points)
                .is_some_and(|m| m > 1.0)
        });
    let mut w = Walk {
        cat,
        stated,
        fractional,
        out: Vec::new(),
    };
    let mains: Vec<String> = cat
        .entries()
        .iter()
        .filter(|e| e.depth == 1 && e.max_points.is_some_and(|p| p > 0.0))
        .map(|e| e.code.clone())
        .collect();
    let parts: Vec<Bound> = mains.iter().map(|c| w.entry(c)).collect();
    if let Some(total) = &b.total {
        let scale = fractional.then_some(cat.catalogue.total_points.value);
        w.compare(None, total, "baseline.total".into(), scale, &parts, &mains);
    }
    // Findings were pushed bottom-up; report the total first, then in catalogue order.
    let order = |m: &Mismatch| {
        m.code.as_ref().map_or(0, |c| {
            1 + cat
                .entries()
                .iter()
                .position(|e| &e.code == c)
                .unwrap_or(usize::MAX - 1)
        })
    };
    w.out.sort_by_key(order);
    w.out
}

impl<'p> Walk<'_, 'p> {
    fn entry(&mut self, code: &str) -> Bound {
        let Some(e) = self.cat.get(code) else {
            return Bound::unknown(0.0);
        };
        let max = e.max_points.unwrap_or(0.0);
        let kids: Vec<String> = e
            .children
            .iter()
            .filter(|c| {
                self.cat
                    .get(c)
                    .is_some_and(|k| k.max_points.is_some_and(|p| p > 0.0))
            })
            .cloned()
            .collect();
        let parts: Vec<Bound> = kids.iter().map(|c| self.entry(c)).collect();
        let own = self.own(code, max, e.depth);
        if !parts.iter().any(|p| p.informed) {
            return own.unwrap_or_else(|| Bound::unknown(max));
        }
        let Some(st) = self.stated.get(code) else {
            return Bound::sum(&parts);
        };
        let Some(fig) = st.figure else {
            // A class only: it bounds the parts' sum.
            return match own {
                Some(o) => Bound::sum(&parts).within(&o),
                None => Bound::sum(&parts),
            };
        };
        // DTI 2021 index values are not points over the maximum of their indicators' classes
        // (its published values contradict its own full/zero lists): only the total is
        // checked against them.
        if self.fractional && e.depth == 1 {
            return own.unwrap_or_else(|| Bound::sum(&parts));
        }
        let path = st.path.clone();
        let scale = (self.fractional && e.depth == 1).then_some(max);
        let before = self.out.len();
        self.compare(Some(code), fig, path, scale, &parts, &kids);
        let sum = Bound::sum(&parts);
        match (own, self.out.len() > before) {
            (_, true) => Bound {
                broken: true,
                ..sum
            },
            (Some(o), false) => sum.within(&o),
            (None, false) => sum,
        }
    }

    /// The bound an entry's own statement gives, if it gives one.
    fn own(&self, code: &str, max: f64, depth: usize) -> Option<Bound> {
        let st = self.stated.get(code)?;
        let scale = if self.fractional && depth == 1 {
            max
        } else {
            1.0
        };
        if let Some(f) = st.figure {
            match num(&f.value) {
                Num::Value(v) => {
                    let v = v * scale;
                    if max > 0.0 && v > max + 1e-9 {
                        let mut b = Bound::unknown(max);
                        b.informed = true;
                        b.above_max = vec![(code.to_string(), v, max)];
                        return Some(b);
                    }
                    let err = if scale > 1.0 {
                        0.000_05 * scale + 1e-9
                    } else {
                        TOLERANCE
                    };
                    return Some(Bound {
                        lo: v,
                        hi: v,
                        err,
                        informed: true,
                        broken: false,
                        above_max: Vec::new(),
                    });
                }
                // Blank or unreadable: blank-number reports it; here it is unknown.
                _ => {
                    if st.class.is_none() {
                        let mut b = Bound::unknown(max);
                        b.informed = true;
                        return Some(b);
                    }
                }
            }
        }
        if st.class.is_none() {
            let (lo, hi) = st.bound?;
            return Some(Bound {
                lo,
                hi,
                err: 0.0,
                informed: true,
                broken: false,
                above_max: Vec::new(),
            });
        }
        let (lo, hi) = match st.class? {
            PointsClass::Full => (max, max),
            PointsClass::Zero => (0.0, 0.0),
            PointsClass::Partial => (0.0, max),
        };
        Some(Bound {
            lo,
            hi,
            err: 0.0,
            informed: true,
            broken: false,
            above_max: Vec::new(),
        })
    }

    /// Check a stated figure against the bound of its parts, pushing a mismatch.
    fn compare(
        &mut self,
        code: Option<&str>,
        fig: &Spanned<Figure>,
        path: String,
        scale: Option<f64>,
        parts: &[Bound],
        part_codes: &[String],
    ) {
        let Num::Value(written) = num(&fig.value) else {
            return;
        };
        let stated = written * scale.unwrap_or(1.0);
        let sum = Bound::sum(parts);
        let own_err = match scale {
            Some(s) => 0.000_05 * s,
            None => TOLERANCE,
        };
        let tol = sum.err + own_err + 1e-9;
        if stated >= sum.lo - tol && stated <= sum.hi + tol {
            return;
        }
        // A total that adds up its stated parts repeats a mistake found below: not again.
        if sum.broken {
            let stated_parts: Option<f64> = part_codes
                .iter()
                .map(|c| {
                    let st = self.stated.get(c.as_str())?;
                    let v = match num(&st.figure?.value) {
                        Num::Value(v) => v,
                        _ => return None,
                    };
                    let depth = self.cat.get(c).map_or(2, |e| e.depth);
                    let max = self.cat.get(c).and_then(|e| e.max_points).unwrap_or(1.0);
                    Some(if self.fractional && depth == 1 {
                        v * max
                    } else {
                        v
                    })
                })
                .sum();
            if stated_parts.is_some_and(|s| (s - stated).abs() <= tol) {
                return;
            }
        }
        self.out.push(Mismatch {
            code: code.map(str::to_string),
            span: fig.span,
            path,
            stated,
            lo: sum.lo,
            hi: sum.hi,
            above_max: sum.above_max,
            scale,
            written,
        });
    }
}

impl Bound {
    fn unknown(max: f64) -> Bound {
        Bound {
            lo: 0.0,
            hi: max,
            err: 0.0,
            informed: false,
            broken: false,
            above_max: Vec::new(),
        }
    }

    fn sum(parts: &[Bound]) -> Bound {
        Bound {
            lo: parts.iter().map(|p| p.lo).sum(),
            hi: parts.iter().map(|p| p.hi).sum(),
            err: parts.iter().map(|p| p.err).sum(),
            informed: parts.iter().any(|p| p.informed),
            broken: parts.iter().any(|p| p.broken),
            above_max: parts.iter().flat_map(|p| p.above_max.clone()).collect(),
        }
    }

    /// This bound narrowed by what the entry itself states, when they overlap.
    fn within(self, own: &Bound) -> Bound {
        let (lo, hi) = (self.lo.max(own.lo - own.err), self.hi.min(own.hi + own.err));
        if lo > hi + 1e-9 {
            return self;
        }
        Bound {
            lo,
            hi,
            err: self.err.min(own.err.max(self.err)),
            above_max: [self.above_max, own.above_max.clone()].concat(),
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(pairs: &[(&str, bool)]) -> IndexMap<String, Spanned<InputValue>> {
        pairs
            .iter()
            .map(|(k, v)| {
                (
                    k.to_string(),
                    Spanned::new(InputValue::Bool(*v), Span::UNKNOWN),
                )
            })
            .collect()
    }

    #[test]
    fn yes_no_parts_bound_their_entry() {
        let cat = CatalogueIndex::new(crate::catalogue::embedded().clone());
        // 922's 1.2 is two yes/no halves of 5 points each.
        assert_eq!(
            input_bound(&cat, "1.2", &inputs(&[("a", false)])),
            Some((0.0, 5.0))
        );
        assert_eq!(
            input_bound(&cat, "1.2", &inputs(&[("a", true)])),
            Some((5.0, 10.0))
        );
        assert_eq!(
            input_bound(&cat, "1.2", &inputs(&[("a", true), ("b", false)])),
            Some((5.0, 5.0))
        );
        // No answer, or an answer to no input of the rule: no bound.
        assert_eq!(input_bound(&cat, "1.2", &inputs(&[])), None);
        assert_eq!(input_bound(&cat, "1.2", &inputs(&[("z", true)])), None);
        // A ratio rule is not bounded by yes/no answers.
        assert_eq!(input_bound(&cat, "4.9", &inputs(&[("a", true)])), None);
    }
}
