//! How each scored indicator of the catalogue is covered by a plan: a task names its code
//! (or a sub-indicator's), `kept` declares it, the baseline has it at full points (kept
//! unless the plan says otherwise), or a task's text names it without its code. Shared
//! by uncovered-indicator (KH201) and indicator-named-in-text (KH205).

use crate::plan::{PointsClass, Task};
use crate::source::Span;

use super::catindex::EntryInfo;
use super::context::Context;
use super::named::Hit;

pub use super::cover::Cover;

/// Each scored indicator of the catalogue with its cover, in catalogue order, computed
/// once per file for the coverage rules. Empty without a catalogue.
pub fn of<'a, 'c>(cx: &'a Context<'c>) -> &'a [(&'c EntryInfo, Cover)] {
    cx.coverage_cell().get_or_init(|| compute(cx))
}

/// Each scored indicator of the catalogue with its cover, in catalogue order. Empty
/// without a catalogue.
pub fn compute<'c>(cx: &Context<'c>) -> Vec<(&'c EntryInfo, Cover)> {
    let Some(cat) = cx.catalogue else {
        return Vec::new();
    };
    let plan = cx.plan;
    // Sorted: the codes a code covers (itself, its descendants) start with it, so they
    // are one run found by binary search (this is asked for every scored indicator).
    let mut served: Vec<&str> = plan
        .tasks
        .iter()
        .flat_map(|t| t.indicators.iter().map(|c| crate::lint::trim(&c.value)))
        .collect();
    served.sort_unstable();
    served.dedup();
    let served_covers = |code: &str| {
        let from = served.partition_point(|s| *s < code);
        served[from..]
            .iter()
            .take_while(|s| s.starts_with(code))
            .any(|s| covers(code, s))
    };
    let kept: Vec<&str> = plan
        .kept
        .iter()
        .map(|k| crate::lint::trim(&k.code.value))
        .collect();
    let mut out: Vec<(&EntryInfo, Cover)> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for ind in cat.scored_indicators() {
        let code = ind.code.as_str();
        let cover = if served_covers(code) {
            Cover::Task
        } else if kept.iter().any(|k| *k == code || is_ancestor(k, code)) {
            Cover::Kept
        } else if full_in_baseline(cx, ind) {
            Cover::FullInBaseline
        } else {
            open.push(out.len());
            Cover::None
        };
        out.push((ind, cover));
    }
    if open.is_empty() {
        return out;
    }
    // Only the indicators still open are looked for in the tasks' text.
    let names = cat.names();
    for (ti, task) in plan.tasks.iter().enumerate() {
        for text in task_texts(task) {
            for hit in names.find(text) {
                let top = indicator_of(&hit.code);
                if let Some(&oi) = open.iter().find(|&&oi| out[oi].0.code == top) {
                    let hit = Hit {
                        code: top.to_string(),
                        ..hit
                    };
                    match &mut out[oi].1 {
                        Cover::Named(v) => {
                            if !v.iter().any(|(t, _)| *t == ti) {
                                v.push((ti, hit));
                            }
                        }
                        c => *c = Cover::Named(vec![(ti, hit)]),
                    }
                }
            }
        }
    }
    out
}

/// The texts of a task that may name an indicator: title, body, target, note.
pub fn task_texts(task: &Task) -> impl Iterator<Item = &str> {
    [
        task.title.as_ref().map(|t| t.value.as_str()),
        task.body.as_deref(),
        task.target.as_deref(),
        task.note.as_deref(),
    ]
    .into_iter()
    .flatten()
}

/// "8.8.1.2" → "8.8", "6.12" → "6.12": the indicator (depth 2) a code belongs to.
pub fn indicator_of(code: &str) -> &str {
    let mut dots = code.match_indices('.').map(|(i, _)| i);
    match (dots.next(), dots.next()) {
        (Some(_), Some(second)) => &code[..second],
        _ => code,
    }
}

/// Whether the baseline has `ind` at full points: class `full`, points at or above the
/// catalogue's maximum, or every sub-indicator at full points.
fn full_in_baseline(cx: &Context, ind: &EntryInfo) -> bool {
    let Some(b) = &cx.plan.baseline else {
        return false;
    };
    let full = |code: &str, max: Option<f64>| {
        cx.baseline_rows(code).iter().any(|&i| {
            let bi = &b.indicators[i];
            bi.status == Some(PointsClass::Full)
                || match (
                    bi.points
                        .as_ref()
                        .and_then(|p| super::rules::value(&p.value)),
                    max,
                ) {
                    (Some(p), Some(m)) => m > 0.0 && p >= m,
                    _ => false,
                }
        })
    };
    if full(&ind.code, ind.max_points) {
        return true;
    }
    let Some(cat) = cx.catalogue else {
        return false;
    };
    if implied_full(cx, cat, ind) {
        return true;
    }
    !ind.children.is_empty()
        && ind.children.iter().all(|c| {
            let max = cat.get(c).and_then(|e| e.max_points);
            full(c, max)
        })
}

/// Whether the plan's own figures leave `ind` nothing but full points: its main index's
/// stated points equal what its stated indicators give plus the full maximum of every
/// indicator it does not state ("87,50" for index 1 with 1.2 at 5 and 1.3 at 2,5 of 10
/// means every other indicator of index 1 is at its maximum). Not for 0–1 index values.
fn implied_full(cx: &Context, cat: &super::CatalogueIndex, ind: &EntryInfo) -> bool {
    use super::rules::value;
    let Some(b) = &cx.plan.baseline else {
        return false;
    };
    let Some(stated) = b
        .indices
        .iter()
        .find(|x| crate::lint::trim(&x.code.value) == ind.main)
        .and_then(|x| value(&x.points))
    else {
        return false;
    };
    let Some(main) = cat.get(&ind.main) else {
        return false;
    };
    // 0–1 index values (DTI 2021) are not points; `ind` itself must be one the baseline
    // says nothing about.
    let said = |code: &str| {
        b.indicators.iter().any(|x| {
            let c = crate::lint::trim(&x.code.value);
            c == code || is_ancestor(code, c)
        })
    };
    if main.max_points.is_none_or(|m| m <= 1.0) || stated <= 1.0 || said(&ind.code) {
        return false;
    }
    let mut known = 0.0;
    let mut open_max = 0.0;
    let mut n = 0usize;
    for c in &main.children {
        let Some(e) = cat.get(c) else { continue };
        let max = e.max_points.unwrap_or(0.0);
        if max <= 0.0 {
            continue;
        }
        n += 1;
        // What the baseline states about the indicator or, failing that, its parts.
        let own = cx.baseline_rows(c).first().map(|&i| &b.indicators[i]);
        let figure = own.and_then(|x| x.points.as_ref()).and_then(|p| value(p));
        let class = own.and_then(|x| x.status);
        let parts: Vec<f64> = b
            .indicators
            .iter()
            .filter(|x| is_ancestor(c, crate::lint::trim(&x.code.value)))
            .filter_map(|x| x.points.as_ref().and_then(|p| value(p)))
            .collect();
        let from_inputs = own
            .filter(|x| x.points.is_none())
            .and_then(|x| super::arith::input_bound(cat, c, &x.inputs));
        match (figure, class) {
            (Some(v), _) => known += v.min(max),
            (None, None) if from_inputs.is_some() => {
                // Yes/no inputs of its parts: what they take off is known, the rest open.
                let (lo, hi) = from_inputs.unwrap_or((0.0, max));
                known += lo;
                open_max += hi - lo;
            }
            (None, Some(PointsClass::Full)) => known += max,
            (None, Some(PointsClass::Zero)) => {}
            (None, Some(PointsClass::Partial)) => return false,
            (None, None) if !parts.is_empty() => {
                // Stated parts of an indicator: what is lost there is known, the rest open.
                let sub_max: f64 = b
                    .indicators
                    .iter()
                    .filter(|x| is_ancestor(c, crate::lint::trim(&x.code.value)))
                    .filter(|x| x.points.as_ref().and_then(|p| value(p)).is_some())
                    .filter_map(|x| {
                        cat.get(crate::lint::trim(&x.code.value))
                            .and_then(|e| e.max_points)
                    })
                    .sum();
                known += parts.iter().sum::<f64>();
                open_max += (max - sub_max).max(0.0);
            }
            (None, None) => open_max += max,
        }
    }
    let tol = super::arith::TOLERANCE * (n as f64 + 1.0);
    open_max > 0.0 && stated >= known + open_max - tol
}

/// Whether a task naming `named` serves indicator `code`: the code itself or one of its
/// sub-indicators.
pub fn covers(code: &str, named: &str) -> bool {
    named == code || is_ancestor(code, named)
}

/// Whether `a` is a proper ancestor of `b` ("6" of "6.12", "8.8" of "8.8.1.1").
pub fn is_ancestor(a: &str, b: &str) -> bool {
    b.len() > a.len() && b.starts_with(a) && b.as_bytes()[a.len()] == b'.'
}

/// Where a finding about an uncovered indicator can be acted on: its baseline entry when
/// the plan has one (the figure that says it needs work), else the first task of its main
/// index (where a task for it belongs), else the `tasks:` key.
pub fn anchor(cx: &Context, ind: &EntryInfo) -> (Span, String) {
    let plan = cx.plan;
    if let Some(b) = &plan.baseline {
        if let Some(&i) = cx.baseline_rows(&ind.code).first() {
            return (
                b.indicators[i].code.span,
                format!("baseline.indicators[{i}]"),
            );
        }
    }
    let in_main = |t: &Task| {
        t.group
            .as_ref()
            .is_some_and(|g| crate::lint::trim(&g.value) == ind.main)
            || t.indicators.iter().any(|c| {
                indicator_of(crate::lint::trim(&c.value)).split('.').next() == Some(&ind.main)
            })
    };
    if let Some(i) = plan.tasks.iter().position(in_main) {
        return (plan.tasks[i].id.span, format!("tasks[{i}].id"));
    }
    (cx.top_key_span("tasks"), "tasks".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indicator_of_cuts_to_depth_two() {
        assert_eq!(indicator_of("8.8.1.2"), "8.8");
        assert_eq!(indicator_of("6.12"), "6.12");
        assert_eq!(indicator_of("6"), "6");
    }

    #[test]
    fn covers_itself_and_its_descendants_only() {
        assert!(covers("8.8", "8.8.1.1"));
        assert!(covers("6.1", "6.1"));
        assert!(!covers("6.1", "6.12"));
        assert!(!covers("8.8.1", "8.8"));
    }
}
