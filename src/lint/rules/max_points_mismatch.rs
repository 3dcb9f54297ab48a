//! KH204 max-points-mismatch: a stated maximum that differs from the catalogue's.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};
use crate::plan::Figure;
use crate::source::Spanned;

use super::{pts, pts_en, value};

/// A task row or baseline index states max points that the catalogue does not give.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH204",
        name: "max-points-mismatch",
        level: Level::Error,
        summary: StaticText::new(
            "điểm tối đa ghi trong kế hoạch khác bộ chỉ số",
            "stated max points differ from the catalogue",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "điểm tối đa của mỗi chỉ số do Quyết định 922/QĐ-BTTTT quy định; bảng phụ lục chép sai thì cơ quan được giao đánh giá sai mức độ quan trọng của chỉ số, và tổng điểm tối đa của chỉ số chính không còn khớp",
                "the maximum of each indicator is set by Decision 922/QĐ-BTTTT; a copying slip in the appendix misleads the assigned agency about how much the indicator weighs, and the main index maximum no longer adds up",
            ),
            bad: "tasks:\n  - id: pl1-6.12\n    indicators: [\"6.12\"]\n    max_points: 15\n",
            good: "tasks:\n  - id: pl1-6.12\n    indicators: [\"6.12\"]\n    max_points: 10\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(cat) = cx.catalogue else {
        return;
    };
    let baseline = cx.plan.baseline.as_ref();
    if let Some(stated) = baseline.and_then(|b| b.max_points.as_ref()) {
        let total = cat.catalogue.total_points.value;
        if let Some(s) = value(stated).filter(|s| (total - s).abs() > 0.005) {
            out.push(
                RULE.meta.diag(
                    format!(
                        "thang điểm tổng ghi {} nhưng bộ chỉ số quy định {}",
                        pts(s),
                        pts(total)
                    ),
                    format!(
                        "the total maximum is stated as {} but the catalogue gives {}",
                        pts_en(s),
                        pts_en(total)
                    ),
                    stated.span,
                )
                .with_path("baseline.max_points")
                .with_label(t(
                    format!("bộ chỉ số: {}", pts(total)),
                    format!("catalogue: {}", pts_en(total)),
                ))
                .with_help(t(
                    format!("sửa thành {}", pts(total)),
                    format!("write {}", pts_en(total)),
                )),
            );
        }
    }
    let mut check = |code: &str, stated: &Spanned<Figure>, path: String| {
        let Some(entry) = cat.get(code) else { return };
        let (Some(max), Some(s)) = (entry.max_points, value(stated)) else {
            return;
        };
        if (max - s).abs() > 0.005 {
            out.push(
                RULE.meta.diag(
                    format!(
                        "điểm tối đa của {} ghi {} nhưng bộ chỉ số quy định {}",
                        entry.code,
                        pts(s),
                        pts(max)
                    ),
                    format!(
                        "max points of {} stated as {} but the catalogue gives {}",
                        entry.code,
                        pts_en(s),
                        pts_en(max)
                    ),
                    stated.span,
                )
                .with_path(path)
                .with_indicator(entry.code.clone())
                .with_label(t(
                    format!("bộ chỉ số: {}", pts(max)),
                    format!("catalogue: {}", pts_en(max)),
                ))
                .with_help(t(
                    format!("sửa thành {}", pts(max)),
                    format!("write {}", pts_en(max)),
                )),
            );
        }
    };
    for (i, task) in cx.plan.tasks.iter().enumerate() {
        if let (Some(stated), [code]) = (&task.max_points, task.indicators.as_slice()) {
            check(&code.value, stated, format!("tasks[{i}].max_points"));
        }
    }
    for (ai, a) in cx.plan.appendices.iter().enumerate() {
        for (gi, g) in a.groups.iter().enumerate() {
            if let Some(stated) = &g.max_points {
                let path = format!("appendices[{ai}].groups[{gi}].max_points");
                check(&g.code.value, stated, path);
            }
        }
    }
    for (i, x) in baseline
        .map(|b| b.indices.as_slice())
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        if let Some(stated) = &x.max_points {
            check(
                &x.code.value,
                stated,
                format!("baseline.indices[{i}].max_points"),
            );
        }
    }
}
