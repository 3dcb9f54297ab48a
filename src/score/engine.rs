//! Scoring a plan: each entry's baseline from its published points and/or inputs, its
//! projection from the targets, rolled up sub-indicator → indicator → main index → total.

use std::collections::HashMap;

use super::report::{
    IndexScore, IndicatorScore, Priority, ProblemKind, ScoreProblem, ScoreReport, Stage,
};
use super::rule::{self, Inputs, Outcome};
use crate::catalogue::{Catalogue, Entry};
use crate::plan::{Figure, InputValue, Plan, PointsClass};
use crate::source::{Span, Spanned};

/// Rounding tolerance of one published figure (two decimals).
const ROUNDING: f64 = 0.0051;

/// Drop float noise from sums (627.4200000000001 → 627.42) without rounding real digits.
fn tidy(v: f64) -> f64 {
    (v * 1e9).round() / 1e9
}

struct Published {
    value: Option<f64>,
    span: Span,
}

struct Engine<'a> {
    /// Published points per code (main indices from the baseline table, the rest from
    /// the indicator list).
    published: HashMap<&'a str, Published>,
    inputs: HashMap<String, (Inputs, Span)>,
    targets: HashMap<&'a str, &'a crate::plan::Target>,
    /// Codes a what-if value was set on.
    what_if: Vec<String>,
    /// The baseline was assessed before the catalogue existed (another methodology):
    /// its figures are not checked against the catalogue's arithmetic.
    other_method: bool,
    problems: Vec<ScoreProblem>,
}

/// Score a plan against a catalogue. `overrides` are what-if input values, `("8.3.a",
/// value)` for input `a` of indicator 8.3; they replace the baseline inputs.
pub fn score_plan(cat: &Catalogue, plan: &Plan, overrides: &[(String, InputValue)]) -> ScoreReport {
    let mut eng = Engine {
        published: HashMap::new(),
        inputs: HashMap::new(),
        targets: HashMap::new(),
        what_if: Vec::new(),
        other_method: false,
        problems: Vec::new(),
    };
    let baseline = plan.baseline.as_ref();
    let decided = cat
        .decision
        .date
        .get(..4)
        .and_then(|y| y.parse::<i32>().ok());
    if let (Some(b), Some(d)) = (baseline, decided) {
        if b.year < d {
            eng.other_method = true;
            let kind = ProblemKind::OtherMethodology {
                year: b.year,
                catalogue_year: d,
            };
            eng.problem("baseline", Stage::Baseline, kind, Span::UNKNOWN);
        }
    }
    let mut ranks: HashMap<&str, u32> = HashMap::new();
    if let Some(b) = baseline {
        for i in &b.indicators {
            eng.known(cat, &i.code, Stage::Baseline);
            if let Some(p) = &i.points {
                let value = eng.figure(&i.code, p, Stage::Baseline);
                eng.published.insert(
                    i.code.as_str(),
                    Published {
                        value,
                        span: p.span,
                    },
                );
            }
            if !i.inputs.is_empty() {
                let inputs = i
                    .inputs
                    .iter()
                    .map(|(k, v)| (k.clone(), v.value.clone()))
                    .collect();
                eng.inputs
                    .insert(i.code.value.clone(), (inputs, i.code.span));
            }
        }
        for i in &b.indices {
            eng.known(cat, &i.code, Stage::Baseline);
            let value = eng.figure(&i.code, &i.points, Stage::Baseline);
            eng.published.insert(
                i.code.as_str(),
                Published {
                    value,
                    span: i.points.span,
                },
            );
            if let Some(r) = &i.rank {
                ranks.insert(i.code.as_str(), r.value);
            }
        }
    }
    for (key, value) in overrides {
        let Some((code, input)) = key.rsplit_once('.') else {
            eng.problem(
                key,
                Stage::Baseline,
                ProblemKind::UnknownCode,
                Span::UNKNOWN,
            );
            continue;
        };
        if cat.get(code).is_none() {
            eng.problem(
                code,
                Stage::Baseline,
                ProblemKind::UnknownCode,
                Span::UNKNOWN,
            );
            continue;
        }
        let slot = eng
            .inputs
            .entry(code.to_string())
            .or_insert_with(|| (Inputs::new(), Span::UNKNOWN));
        slot.0.insert(input.to_string(), value.clone());
        eng.what_if.push(code.to_string());
    }
    if let Some(g) = &plan.goals {
        for t in &g.targets {
            eng.known(cat, &t.code, Stage::Target);
            eng.targets.insert(t.code.as_str(), t);
        }
    }

    let stated_class: HashMap<&str, PointsClass> = baseline
        .map(|b| {
            b.indicators
                .iter()
                .filter_map(|i| Some((i.code.as_str().trim(), i.status?)))
                .collect()
        })
        .unwrap_or_default();
    let mut indices = Vec::new();
    for e in &cat.indices {
        let s = eng.entry(e);
        let mut idx = IndexScore {
            code: s.code.clone(),
            name: s.name.clone(),
            max_points: s.max_points,
            points: s.points,
            published: s.published,
            rank: ranks.get(e.code.as_str()).copied(),
            projected_points: s.projected_points,
            gain: s.projected_points.zip(s.points).map(|(p, b)| tidy(p - b)),
            ..IndexScore::default()
        };
        for i in &s.children {
            let class = match (i.max_points, i.points) {
                (Some(max), Some(pts)) if pts >= max - ROUNDING => PointsClass::Full,
                (Some(_), Some(pts)) if pts <= ROUNDING => PointsClass::Zero,
                (Some(_), Some(_)) => PointsClass::Partial,
                // No figure: the class the plan states, if any.
                _ => match stated_class.get(i.code.as_str()) {
                    Some(c) => *c,
                    None => continue,
                },
            };
            let list = match class {
                PointsClass::Full => &mut idx.full,
                PointsClass::Zero => &mut idx.zero,
                PointsClass::Partial => &mut idx.partial,
            };
            list.push(i.code.clone());
        }
        idx.indicators = s.children;
        indices.push(idx);
    }

    let scored: Vec<&IndexScore> = indices.iter().filter(|i| i.max_points.is_some()).collect();
    // No index with known points (a catalogue entered before its points are published):
    // there is nothing to add up, so no total rather than 0.
    let sum = |f: fn(&IndexScore) -> Option<f64>| -> Option<f64> {
        if scored.is_empty() {
            return None;
        }
        scored.iter().map(|i| f(i)).sum::<Option<f64>>()
    };
    let published_total = baseline
        .and_then(|b| b.total.as_ref())
        .and_then(|t| eng.figure_str("total", t, Stage::Baseline));
    let computed_total = sum(|i| i.points);
    if let (Some(p), Some(c), false) = (published_total, computed_total, eng.other_method) {
        if (p - c).abs() > ROUNDING * (scored.len() as f64 + 1.0) {
            let span = baseline
                .and_then(|b| b.total.as_ref())
                .map_or(Span::UNKNOWN, |t| t.span);
            eng.problem(
                "total",
                Stage::Baseline,
                ProblemKind::Mismatch {
                    published: p,
                    computed: tidy(c),
                },
                span,
            );
        }
    }
    let priorities = priorities(plan, &indices);
    let other_method = eng.other_method;
    ScoreReport {
        catalogue: cat.id.value.clone(),
        // Under another methodology the total is not a sum of the indices.
        total: if other_method {
            published_total.or(computed_total.map(tidy))
        } else {
            computed_total.map(tidy).or(published_total)
        },
        published_total,
        projected_total: if other_method {
            // The projection adds the gains to the published total.
            published_total.map(|t| tidy(t + scored.iter().filter_map(|i| i.gain).sum::<f64>()))
        } else {
            sum(|i| i.projected_points).map(tidy)
        },
        max_points: cat.total_points.value,
        rank: baseline.and_then(|b| b.rank.as_ref()).map(|r| r.value),
        indices,
        priorities,
        problems: eng.problems,
    }
}

impl<'a> Engine<'a> {
    fn problem(&mut self, code: &str, stage: Stage, kind: ProblemKind, span: Span) {
        self.problems
            .push(ScoreProblem::new(code, stage, kind, span));
    }

    fn known(&mut self, cat: &Catalogue, code: &Spanned<String>, stage: Stage) {
        if cat.get(code).is_none() {
            self.problem(code, stage, ProblemKind::UnknownCode, code.span);
        }
    }

    fn figure(&mut self, code: &str, f: &Spanned<Figure>, stage: Stage) -> Option<f64> {
        self.figure_str(code, f, stage)
    }

    fn figure_str(&mut self, code: &str, f: &Spanned<Figure>, stage: Stage) -> Option<f64> {
        match &f.value {
            Figure::Number(n) => Some(*n),
            Figure::Text(t) if t.trim().is_empty() => None,
            Figure::Text(t) => {
                let v = crate::vn::number::parse(t);
                if v.is_none() {
                    self.problem(
                        code,
                        stage,
                        ProblemKind::Unreadable { text: t.clone() },
                        f.span,
                    );
                }
                v
            }
        }
    }

    /// Report an outcome that is not a value; return the value if there is one.
    fn outcome(
        &mut self,
        code: &str,
        stage: Stage,
        o: Outcome,
        max: Option<f64>,
        span: Span,
    ) -> Option<f64> {
        let kind = match o {
            Outcome::Computed { fraction, .. } => return max.map(|m| fraction * m),
            Outcome::SumOfChildren => return None,
            Outcome::Missing { inputs } => ProblemKind::MissingInputs { inputs },
            Outcome::ZeroDenominator { denominator } => {
                ProblemKind::ZeroDenominator { denominator }
            }
            Outcome::NotComputable { reason } => ProblemKind::NotComputable { reason },
            Outcome::Invalid { reason } => ProblemKind::InvalidInput { reason },
        };
        self.problem(code, stage, kind, span);
        None
    }

    fn entry(&mut self, e: &'a Entry) -> IndicatorScore {
        let code = e.code.as_str();
        let max = e.max();
        let children: Vec<IndicatorScore> = e.children.iter().map(|c| self.entry(c)).collect();
        let (published, pub_span) = match self.published.get(code) {
            Some(p) => (p.value, p.span),
            None => (None, Span::UNKNOWN),
        };
        let scored: Vec<&IndicatorScore> =
            children.iter().filter(|c| c.max_points.is_some()).collect();
        let (computed, tolerance) = if !scored.is_empty() {
            (
                scored.iter().map(|c| c.points).sum::<Option<f64>>(),
                ROUNDING * (scored.len() as f64 + 1.0),
            )
        } else if let (Some(rule), Some((inputs, span))) =
            (e.effective_scoring(), self.inputs.get(code).cloned())
        {
            let inputs = rule::with_derived(&e.inputs, &inputs);
            let o =
                rule::name_missing_parts(&e.inputs, &inputs, rule::evaluate(&rule, &inputs, max));
            (self.outcome(code, Stage::Baseline, o, max, span), ROUNDING)
        } else {
            (None, ROUNDING)
        };
        let what_if = self.what_if.iter().any(|c| c == code) || children.iter().any(|c| c.what_if);
        if let (Some(p), Some(c), false) = (published, computed, what_if || self.other_method) {
            if (p - c).abs() > tolerance {
                self.problem(
                    code,
                    Stage::Baseline,
                    ProblemKind::Mismatch {
                        published: p,
                        computed: tidy(c),
                    },
                    pub_span,
                );
            }
        }
        if let (Some(p), Some(m), false) = (published, max, self.other_method) {
            if p > m + 1e-9 {
                self.problem(
                    code,
                    Stage::Baseline,
                    ProblemKind::AboveMax { points: p, max: m },
                    pub_span,
                );
            }
        }
        let points = if what_if {
            // Not every child has a figure: move the published points by what the
            // what-if values changed below.
            let shifted = published.map(|p| {
                p + children
                    .iter()
                    .filter(|c| c.what_if)
                    .filter_map(|c| c.points.zip(c.published).map(|(n, o)| n - o))
                    .sum::<f64>()
            });
            computed.or(shifted)
        } else {
            published.or(computed)
        };
        let projected = self.projection(e, points, &children);
        IndicatorScore {
            code: code.to_string(),
            name: e.name.clone(),
            max_points: max,
            points: points.map(tidy),
            published,
            computed: computed.map(tidy),
            projected_points: projected.map(tidy),
            what_if,
            children,
        }
    }

    /// The points if the targets are met: a target's points or inputs; else the entry's
    /// points plus the gains of its children; never above the maximum (unless the
    /// baseline already is).
    fn projection(
        &mut self,
        e: &'a Entry,
        points: Option<f64>,
        children: &[IndicatorScore],
    ) -> Option<f64> {
        let code = e.code.as_str();
        let cap = |v: f64| match e.max() {
            Some(m) => v.min(m.max(points.unwrap_or(m))),
            None => v,
        };
        if let Some(t) = self.targets.get(code).copied() {
            if let Some(p) = &t.points {
                if let Some(v) = self.figure(code, p, Stage::Target) {
                    return Some(cap(v));
                }
            }
            if !t.inputs.is_empty() {
                let mut inputs = self
                    .inputs
                    .get(code)
                    .map(|(i, _)| i.clone())
                    .unwrap_or_default();
                for (k, v) in &t.inputs {
                    inputs.insert(k.clone(), v.value.clone());
                }
                if let Some(rule) = e.effective_scoring() {
                    // A helper the target changes a part of is derived again from the
                    // target's parts, not kept from the baseline.
                    for d in &e.inputs {
                        let Some(f) = &d.derived else { continue };
                        let parts = crate::catalogue::expr::parse(f)
                            .map(|x| x.names().iter().any(|n| t.inputs.contains_key(*n)))
                            .unwrap_or(false);
                        if parts && !t.inputs.contains_key(&d.name) {
                            inputs.shift_remove(&d.name);
                        }
                    }
                    let inputs = rule::with_derived(&e.inputs, &inputs);
                    let o = rule::name_missing_parts(
                        &e.inputs,
                        &inputs,
                        rule::evaluate(&rule, &inputs, e.max()),
                    );
                    if let Some(v) = self.outcome(code, Stage::Target, o, e.max(), t.code.span) {
                        return Some(cap(v));
                    }
                }
            }
        }
        let scored: Vec<&IndicatorScore> =
            children.iter().filter(|c| c.max_points.is_some()).collect();
        if scored.is_empty() {
            return points;
        }
        let gains: f64 = scored
            .iter()
            .filter_map(|c| c.projected_points.zip(c.points).map(|(p, b)| p - b))
            .sum();
        match points {
            Some(p) => Some(if gains > 0.0 {
                cap(p + gains)
            } else {
                p + gains
            }),
            // No baseline figure: the children's projections, if all are known.
            None => scored.iter().map(|c| c.projected_points).sum(),
        }
    }
}

fn priorities(plan: &Plan, indices: &[IndexScore]) -> Vec<Priority> {
    let mut out = Vec::new();
    for idx in indices {
        for i in &idx.indicators {
            let (Some(max), Some(pts)) = (i.max_points, i.points) else {
                continue;
            };
            if max - pts <= ROUNDING {
                continue;
            }
            let serves = |c: &str| {
                c == i.code
                    || c.strip_prefix(i.code.as_str())
                        .is_some_and(|r| r.starts_with('.'))
            };
            let mut lead: Vec<String> = Vec::new();
            let mut deadline: Vec<String> = Vec::new();
            for t in plan
                .tasks
                .iter()
                .filter(|t| t.indicators.iter().any(|c| serves(c)))
            {
                for l in &t.lead {
                    if !lead.contains(&l.value) {
                        lead.push(l.value.clone());
                    }
                }
                if let Some(d) = &t.deadline {
                    if !deadline.contains(&d.value) {
                        deadline.push(d.value.clone());
                    }
                }
            }
            out.push(Priority {
                code: i.code.clone(),
                name: i.name.clone(),
                index: idx.code.clone(),
                max_points: max,
                points: pts,
                to_gain: max - pts,
                lead,
                deadline,
            });
        }
    }
    // Largest gap first; ties keep catalogue order (stable sort).
    out.sort_by(|a, b| b.to_gain.total_cmp(&a.to_gain));
    out
}
