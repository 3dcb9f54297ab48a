//! KH201 uncovered-indicator: a scored indicator no task serves and `kept` does not
//! name.

use std::collections::HashSet;

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};

use super::{pts, pts_en};

/// Every scored indicator of the catalogue must be served by a task (naming it or one of
/// its sub-indicators) or declared in `kept` (already at full points, or not
/// applicable) with a reason.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH201",
        name: "uncovered-indicator",
        level: Level::Error,
        summary: StaticText::new(
            "chỉ số thành phần có điểm chưa được giao cho nhiệm vụ nào",
            "a scored indicator is served by no task",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "điểm DTI của tỉnh là tổng điểm các chỉ số thành phần; chỉ số không được giao cho cơ quan nào thì không ai chịu trách nhiệm cải thiện và chuẩn bị tài liệu kiểm chứng, và điểm của nó dễ mất. Chỉ số đã đạt điểm tối đa hoặc không áp dụng thì khai báo trong `kept` kèm lý do",
                "the province's DTI score is the sum of its indicators' points; an indicator assigned to no agency has nobody to improve it or to gather its evidence, and its points are easily lost. An indicator already at full points, or not applicable, is declared in `kept` with a reason",
            ),
            bad: "tasks:\n  - id: pl1-6.1\n    indicators: [\"6.1\"]\n    lead: [Sở Thông tin và Truyền thông]\n# 6.2 … 6.12 are served by no task\n",
            good: "tasks:\n  - id: pl1-6.1\n    indicators: [\"6.1\"]\n    lead: [Sở Thông tin và Truyền thông]\nkept:\n  - code: \"6.2\"\n    status: full_points\n    reason: đạt điểm tối đa năm 2022, duy trì\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(cat) = cx.catalogue else {
        return;
    };
    let plan = cx.plan;
    let mut served: HashSet<&str> = HashSet::new();
    for task in &plan.tasks {
        for code in &task.indicators {
            served.insert(code.value.trim());
        }
    }
    let kept: Vec<&str> = plan.kept.iter().map(|k| k.code.value.trim()).collect();
    let span = cx.top_key_span("tasks");
    for ind in cat.scored_indicators() {
        let code = ind.code.as_str();
        let by_task = served.iter().any(|s| covers(code, s));
        let by_kept = kept.iter().any(|k| *k == code || is_ancestor(k, code));
        if by_task || by_kept {
            continue;
        }
        let max = ind.max_points.unwrap_or(0.0);
        out.push(
            RULE.meta.diag(
                format!(
                    "chỉ số {code} \"{}\" ({} điểm) chưa được giao cho nhiệm vụ nào",
                    ind.name,
                    pts(max)
                ),
                format!(
                    "indicator {code} \"{}\" ({} points) is served by no task",
                    ind.name,
                    pts_en(max)
                ),
                span,
            )
            .with_path("tasks")
            .with_indicator(code)
            .with_label(t(
                format!("thiếu chỉ số {code}"),
                format!("{code} missing"),
            ))
            .with_help(t(
                format!(
                    "thêm nhiệm vụ có `indicators: [\"{code}\"]` và cơ quan chủ trì, hoặc khai báo {code} trong `kept` kèm lý do"
                ),
                format!(
                    "add a task with `indicators: [\"{code}\"]` and a lead agency, or declare {code} in `kept` with a reason"
                ),
            )),
        );
    }
}

/// Whether a task naming `named` serves indicator `code`: the code itself or one of its
/// sub-indicators.
fn covers(code: &str, named: &str) -> bool {
    named == code || is_ancestor(code, named)
}

/// Whether `a` is a proper ancestor of `b` ("6" of "6.12", "8.8" of "8.8.1.1").
fn is_ancestor(a: &str, b: &str) -> bool {
    b.len() > a.len() && b.starts_with(a) && b.as_bytes()[a.len()] == b'.'
}
