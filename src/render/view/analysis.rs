//! The "Hiện trạng" analysis, generated from the score engine so that it never disagrees
//! with the baseline: per main index the indicators at full, partial and zero points (in
//! the plans' own phrasing), and the largest gaps with who leads them.

use serde::Serialize;

use crate::catalogue::Catalogue;
use crate::plan::Plan;
use crate::score::{LABEL_FULL, LABEL_PARTIAL, LABEL_ZERO, analysis_line, score_plan};
use crate::vn::number;

/// How many of the largest gaps the document lists.
const GAPS_SHOWN: usize = 10;

/// The analysis as the document shows it.
#[derive(Clone, Debug, Serialize)]
pub struct AnalysisView {
    pub indices: Vec<IndexAnalysis>,
    pub gaps: Vec<GapView>,
}

/// One main index: its lines, "Các tiêu chí đạt điểm tối đa: 03 (1.1, 1.5, 1.6)", each
/// only when it has indicators, and the indicators with no data ("chưa có số liệu"),
/// which are never counted as zero or as full.
#[derive(Clone, Debug, Serialize)]
pub struct IndexAnalysis {
    pub code: String,
    pub name: String,
    pub lines: Vec<String>,
}

/// "Các tiêu chí chưa có số liệu".
pub const LABEL_UNKNOWN: &str = "Các tiêu chí chưa có số liệu";

/// One indicator with points still to gain.
#[derive(Clone, Debug, Serialize)]
pub struct GapView {
    pub code: String,
    pub name: String,
    pub points: String,
    pub max_points: String,
    pub to_gain: String,
    pub lead: String,
}

/// The analysis, or `None` when the baseline gives no indicator figures to analyse.
pub fn build(plan: &Plan, catalogue: &Catalogue) -> Option<AnalysisView> {
    plan.baseline.as_ref()?;
    let report = score_plan(catalogue, plan, &[]);
    let indices: Vec<IndexAnalysis> = report
        .indices
        .iter()
        .filter(|i| !(i.full.is_empty() && i.partial.is_empty() && i.zero.is_empty()))
        .map(|i| {
            let known: Vec<&String> = i.full.iter().chain(&i.partial).chain(&i.zero).collect();
            let unknown: Vec<String> = catalogue
                .indices
                .iter()
                .find(|e| e.code.value == i.code)
                .map(|e| {
                    e.children
                        .iter()
                        .map(|c| c.code.value.clone())
                        .filter(|c| !known.contains(&c))
                        .collect()
                })
                .unwrap_or_default();
            let mut lines = Vec::new();
            for (codes, label) in [
                (&i.full, LABEL_FULL),
                (&i.partial, LABEL_PARTIAL),
                (&i.zero, LABEL_ZERO),
                (&unknown, LABEL_UNKNOWN),
            ] {
                if !codes.is_empty() {
                    lines.push(analysis_line(codes, label));
                }
            }
            IndexAnalysis {
                code: i.code.clone(),
                name: i.name.clone(),
                lines,
            }
        })
        .collect();
    if indices.is_empty() {
        return None;
    }
    let gaps = report
        .priorities
        .iter()
        .take(GAPS_SHOWN)
        .map(|p| GapView {
            code: p.code.clone(),
            name: p.name.clone(),
            points: number::points(p.points),
            max_points: number::points(p.max_points),
            to_gain: number::points(p.to_gain),
            lead: p.lead.join("; "),
        })
        .collect();
    Some(AnalysisView { indices, gaps })
}
