//! The baseline (hiện trạng) table of main indices: max, points, rank, with the max from
//! the catalogue and the points summed from indicator points where the plan gives none.

use serde::Serialize;

use super::{figure_text, figure_value, find, main_index};
use crate::catalogue::Catalogue;
use crate::plan::Baseline;
use crate::vn::number;

/// The baseline as the document shows it.
#[derive(Clone, Debug, Serialize)]
pub struct BaselineView {
    pub year: i32,
    pub rows: Vec<BaselineRow>,
    pub total_max: String,
    pub total_points: String,
    pub total_rank: Option<u32>,
    pub text: Option<String>,
    /// Per indicator, for the baseline appendix.
    pub indicators: Vec<IndicatorRow>,
}

/// One main index.
#[derive(Clone, Debug, Serialize)]
pub struct BaselineRow {
    pub code: String,
    pub name: String,
    pub max_points: String,
    pub points: String,
    pub rank: Option<u32>,
}

/// One indicator's baseline.
#[derive(Clone, Debug, Serialize)]
pub struct IndicatorRow {
    pub code: String,
    pub name: String,
    pub max_points: String,
    pub points: String,
    pub note: String,
}

/// Build the baseline view.
pub fn build(b: &Baseline, catalogue: &Catalogue) -> BaselineView {
    let mut rows = Vec::new();
    let mut sum = 0.0;
    let mut any = false;
    let mut unknown = false;
    // The plan's own table when it states one: its rows, in its order; else one row per
    // catalogue index that the indicator figures give points for.
    let stated_only = !b.indices.is_empty();
    for entry in catalogue.indices.iter().filter(|e| {
        !stated_only
            || b.indices.iter().any(|i| i.code.trim() == e.code.value)
            || b.indicators
                .iter()
                .any(|i| main_index(&i.code) == e.code.value)
    }) {
        let code = entry.code.value.as_str();
        let stated = b.indices.iter().find(|i| i.code.trim() == code);
        let points = match stated {
            Some(s) => {
                if let Some(v) = figure_value(&s.points) {
                    sum += v;
                    any = true;
                }
                figure_text(&s.points)
            }
            None => {
                // Sum the direct children's published points, when the plan gives them.
                let parts: Vec<f64> = b
                    .indicators
                    .iter()
                    .filter(|i| {
                        main_index(&i.code) == code && i.code.trim().matches('.').count() == 1
                    })
                    .filter_map(|i| i.points.as_ref().and_then(|p| figure_value(p)))
                    .collect();
                if parts.is_empty() {
                    unknown = true;
                    "chưa có số liệu".to_string()
                } else {
                    let v: f64 = parts.iter().sum();
                    sum += v;
                    any = true;
                    number::points(v)
                }
            }
        };
        let max_points = stated
            .and_then(|s| s.max_points.as_ref().map(|m| figure_text(m)))
            .or_else(|| entry.max_points.as_ref().map(|m| number::points(m.value)))
            .unwrap_or_default();
        rows.push(BaselineRow {
            code: code.to_string(),
            name: stated
                .and_then(|s| s.name.clone())
                .unwrap_or_else(|| entry.name.clone()),
            max_points,
            points,
            rank: stated.and_then(|s| s.rank.as_ref().map(|r| r.value)),
        });
    }
    for s in &b.indices {
        if !rows.iter().any(|r| r.code == s.code.trim()) {
            rows.push(BaselineRow {
                code: s.code.trim().to_string(),
                name: s.name.clone().unwrap_or_default(),
                max_points: s
                    .max_points
                    .as_ref()
                    .map(|m| figure_text(m))
                    .unwrap_or_default(),
                points: figure_text(&s.points),
                rank: s.rank.as_ref().map(|r| r.value),
            });
        }
    }
    let total_points = match &b.total {
        Some(t) => figure_text(t),
        None if unknown => "chưa có số liệu".to_string(),
        None if any => number::points(sum),
        None => String::new(),
    };
    BaselineView {
        year: b.year,
        rows,
        total_max: number::points(catalogue.total_points.value),
        total_points,
        total_rank: b.rank.as_ref().map(|r| r.value),
        text: b.text.clone(),
        indicators: b
            .indicators
            .iter()
            .map(|i| {
                let entry = find(catalogue, &i.code);
                IndicatorRow {
                    code: i.code.trim().to_string(),
                    name: entry.map(|e| e.name.clone()).unwrap_or_default(),
                    max_points: entry
                        .and_then(|e| e.max_points.as_ref())
                        .map(|m| number::points(m.value))
                        .unwrap_or_default(),
                    points: i
                        .points
                        .as_ref()
                        .map(|p| figure_text(p))
                        .unwrap_or_default(),
                    note: i.note.clone().unwrap_or_default(),
                }
            })
            .collect(),
    }
}
