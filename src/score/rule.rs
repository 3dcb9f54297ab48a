//! One scoring rule applied to input values: the fraction of the points it earns, or why
//! it cannot be computed (missing inputs, zero denominator, not computable locally).

use indexmap::IndexMap;
use serde::Serialize;

use crate::catalogue::expr::{self, EvalError};
use crate::catalogue::{Level, Scoring};
use crate::plan::InputValue;

/// Input values by name (`a`, `b`, `best` …).
pub type Inputs = IndexMap<String, InputValue>;

/// What applying a rule gave.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// A fraction in [0, 1] of the points the rule stands for. `capped` is true when the
    /// raw value was above 100% (or the cap) and was brought down to it.
    Computed { fraction: f64, capped: bool },
    /// Inputs the rule needs that have no value.
    Missing { inputs: Vec<String> },
    /// A denominator that is zero (as written, e.g. "b"): reported, never divided.
    ZeroDenominator { denominator: String },
    /// The rule cannot be computed from the plan (min-max without the best province's
    /// value, assessor judgement): the published points are taken.
    NotComputable { reason: String },
    /// An input value that the rule cannot read (text where a number is needed, a choice
    /// that is not one of the levels).
    Invalid { reason: String },
    /// The entry's points are the sum of its children's (handled by the roll-up).
    SumOfChildren,
}

impl Outcome {
    fn computed(v: f64) -> Outcome {
        Outcome::Computed {
            fraction: v.clamp(0.0, 1.0),
            capped: v > 1.0 + 1e-12,
        }
    }
}

/// A number from an input value: booleans are 1 and 0; text is read as Vietnamese
/// documents write numbers ("226.420", "62,13"), and "85%" is 0.85.
pub fn number(v: &InputValue) -> Option<f64> {
    match v {
        InputValue::Number(n) => Some(*n),
        InputValue::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        InputValue::Text(t) => {
            let t = t.trim();
            if let Some(p) = t.strip_suffix('%') {
                return crate::vn::number::parse(p).map(|x| x / 100.0);
            }
            if let Some(b) = yes_no(t) {
                return Some(if b { 1.0 } else { 0.0 });
            }
            crate::vn::number::parse(t)
        }
    }
}

/// "có", "đã có", "đã ban hành" … → true; "không", "chưa", "chưa có" … → false.
fn yes_no(t: &str) -> Option<bool> {
    let t = t.to_lowercase();
    if t.starts_with("chưa") || t.starts_with("không") || t == "no" || t == "false" {
        Some(false)
    } else if t == "có" || t.starts_with("đã") || t == "yes" || t == "true" {
        Some(true)
    } else {
        None
    }
}

/// `inputs` with the helper inputs the catalogue derives from others (6.11's `e = c + d`,
/// `f = a + b`) filled in where the plan does not give them and their parts are all
/// numbers. A value the plan gives is kept as it is (a published figure is not replaced).
pub fn with_derived(declared: &[crate::catalogue::Input], inputs: &Inputs) -> Inputs {
    let mut out = inputs.clone();
    // Derived inputs may build on each other (h = e + f); a few passes settle them.
    for _ in 0..declared.len().max(1) {
        let mut changed = false;
        for d in declared {
            let Some(formula) = &d.derived else { continue };
            if out.contains_key(&d.name) {
                continue;
            }
            let Ok(e) = expr::parse(formula) else {
                continue;
            };
            if let Ok(v) = e.eval(&|n| out.get(n).and_then(number)) {
                out.insert(d.name.clone(), InputValue::Number(v));
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    out
}

/// A `Missing` outcome names, for each derived helper it lacks, the parts of the helper
/// that are missing instead ("d", not "e" = c + d): those are what the plan must give.
pub fn name_missing_parts(
    declared: &[crate::catalogue::Input],
    inputs: &Inputs,
    o: Outcome,
) -> Outcome {
    let Outcome::Missing { inputs: missing } = o else {
        return o;
    };
    let mut out: Vec<String> = Vec::new();
    let mut push = |n: String| {
        if !out.contains(&n) {
            out.push(n);
        }
    };
    for m in missing {
        let parts = declared
            .iter()
            .find(|d| d.name == m)
            .and_then(|d| d.derived.as_deref())
            .and_then(|f| expr::parse(f).ok());
        match parts {
            Some(x) => x
                .names()
                .into_iter()
                .filter(|n| !inputs.contains_key(*n))
                .for_each(|n| push(n.to_string())),
            None => push(m),
        }
    }
    Outcome::Missing { inputs: out }
}

fn eval(of: &str, inputs: &Inputs) -> Result<f64, Outcome> {
    let e = expr::parse(of).map_err(|e| Outcome::Invalid {
        reason: e.to_string(),
    })?;
    let mut unreadable = Vec::new();
    for n in e.names() {
        if let Some(v) = inputs.get(n) {
            if number(v).is_none() {
                unreadable.push(format!("{n} = {v:?}"));
            }
        }
    }
    if !unreadable.is_empty() {
        return Err(Outcome::Invalid {
            reason: format!("không đọc được số: {}", unreadable.join(", ")),
        });
    }
    e.eval(&|n| inputs.get(n).and_then(number))
        .map_err(|err| match err {
            EvalError::Missing(inputs) => Outcome::Missing { inputs },
            EvalError::ZeroDenominator(d) => Outcome::ZeroDenominator { denominator: d },
        })
}

/// Apply a rule. `max` is the points the rule stands for (needed by capped counts).
pub fn evaluate(rule: &Scoring, inputs: &Inputs, max: Option<f64>) -> Outcome {
    match apply(rule, inputs, max) {
        Ok(o) | Err(o) => o,
    }
}

fn apply(rule: &Scoring, inputs: &Inputs, max: Option<f64>) -> Result<Outcome, Outcome> {
    Ok(match rule {
        Scoring::Binary { of } => {
            let v = eval(of, inputs)?;
            Outcome::computed(if v > 0.0 { 1.0 } else { 0.0 })
        }
        Scoring::Tiers { of, levels } => tiers(of, levels, inputs)?,
        Scoring::Ratio { of } => Outcome::computed(eval(of, inputs)?.max(0.0)),
        Scoring::RatioThreshold { of, threshold } => {
            let v = eval(of, inputs)?.max(0.0);
            if *threshold <= 0.0 {
                return Err(Outcome::ZeroDenominator {
                    denominator: "threshold".into(),
                });
            }
            // At or above the threshold: full points (tolerant of float noise).
            if v >= threshold - 1e-12 {
                Outcome::Computed {
                    fraction: 1.0,
                    capped: v > 1.0 + 1e-12,
                }
            } else {
                Outcome::computed(v / threshold)
            }
        }
        Scoring::MinMax { of, best, worst } => {
            let Some(b) = inputs.get(best).and_then(number) else {
                return Ok(Outcome::NotComputable {
                    reason: format!(
                        "cần giá trị của tỉnh cao nhất ({best}) để tính Min-Max (min-max needs the best province's value)"
                    ),
                });
            };
            let w = match worst {
                Some(w) => match inputs.get(w).and_then(number) {
                    Some(x) => x,
                    None => {
                        return Ok(Outcome::NotComputable {
                            reason: format!("cần giá trị của tỉnh thấp nhất ({w})"),
                        });
                    }
                },
                None => 0.0,
            };
            let v = eval(of, inputs)?;
            if (b - w).abs() < 1e-12 {
                return Err(Outcome::ZeroDenominator {
                    denominator: format!("{best} − {}", worst.as_deref().unwrap_or("0")),
                });
            }
            Outcome::computed(((v - w) / (b - w)).max(0.0))
        }
        Scoring::CappedCount { of, per_item, cap } => {
            let count = eval(of, inputs)?.max(0.0);
            let Some(limit) = cap.or(max) else {
                return Ok(Outcome::NotComputable {
                    reason: "không có điểm tối đa hay mức trần (no max or cap)".into(),
                });
            };
            let Some(max) = max.filter(|m| *m > 0.0) else {
                return Ok(Outcome::computed(0.0));
            };
            let raw = count * per_item;
            Outcome::Computed {
                fraction: (raw.min(limit) / max).clamp(0.0, 1.0),
                capped: raw > limit + 1e-12,
            }
        }
        Scoring::Parts { parts } => {
            let mut total = 0.0;
            let mut capped = false;
            let mut missing: Vec<String> = Vec::new();
            let mut worst: Option<Outcome> = None;
            for p in parts {
                match evaluate(&p.rule, inputs, max.map(|m| m * p.weight)) {
                    Outcome::Computed {
                        fraction,
                        capped: c,
                    } => {
                        total += p.weight * fraction;
                        capped |= c;
                    }
                    Outcome::Missing { inputs } => {
                        for i in inputs {
                            if !missing.contains(&i) {
                                missing.push(i);
                            }
                        }
                    }
                    other => {
                        if worst.is_none() {
                            worst = Some(other);
                        }
                    }
                }
            }
            if let Some(w) = worst {
                return Err(w);
            }
            if !missing.is_empty() {
                return Err(Outcome::Missing { inputs: missing });
            }
            Outcome::Computed {
                fraction: total.clamp(0.0, 1.0),
                capped,
            }
        }
        Scoring::SumOfChildren => Outcome::SumOfChildren,
        Scoring::Manual { reason } => Outcome::NotComputable {
            reason: reason.clone(),
        },
    })
}

/// Tiers: levels with `min` are thresholds checked in order; levels without are choices
/// named by id, label or 1-based position (or the fallback when no threshold is reached).
fn tiers(of: &str, levels: &[Level], inputs: &Inputs) -> Result<Outcome, Outcome> {
    let choices = levels.iter().all(|l| l.min.is_none());
    let raw = inputs.get(of.trim());
    // A level named by text.
    if let Some(InputValue::Text(t)) = raw {
        let t = t.trim();
        let by_name = levels
            .iter()
            .find(|l| l.id.as_deref() == Some(t) || l.label.to_lowercase() == t.to_lowercase());
        if let Some(l) = by_name {
            return Ok(Outcome::computed(l.fraction));
        }
        if crate::vn::number::parse(t).is_none() {
            return Err(Outcome::Invalid {
                reason: format!("\"{t}\" không phải một mức của quy tắc (not one of the levels)"),
            });
        }
    }
    if choices {
        let v = match raw {
            Some(v) => number(v),
            None => {
                return Err(Outcome::Missing {
                    inputs: vec![of.trim().to_string()],
                });
            }
        };
        let pos = v
            .filter(|p| p.fract() == 0.0 && *p >= 1.0)
            .map(|p| p as usize);
        return match pos.and_then(|p| levels.get(p - 1)) {
            Some(l) => Ok(Outcome::computed(l.fraction)),
            None => Err(Outcome::Invalid {
                reason: format!("mức số {} không có (no such level)", v.unwrap_or(f64::NAN)),
            }),
        };
    }
    let v = eval(of, inputs)?;
    let reached = levels
        .iter()
        .find(|l| l.min.is_some_and(|m| v >= m - 1e-12))
        .or_else(|| levels.iter().rev().find(|l| l.min.is_none()));
    Ok(Outcome::computed(reached.map_or(0.0, |l| l.fraction)))
}
