//! KH201 uncovered-indicator: a scored indicator no task serves and `kept` does not
//! name.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::coverage::{self, Cover};
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};

use super::{pts, pts_en};

/// Every scored indicator of the catalogue must be served by a task (listing its code or a
/// sub-indicator's, or naming it in its text: see indicator-named-in-text), declared in
/// `kept`, or at full points in the baseline (stated, or left no other value by the
/// plan's own figures). The finding points at the indicator's baseline entry when there
/// is one, else at the first task of its main index.
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
            bad: "tasks:\n  - id: pl1-6.1\n    indicators: [\"6.1\"]\n    lead: [Sở Khoa học và Công nghệ]\n# 6.2 … 6.12 are served by no task\n",
            good: "tasks:\n  - id: pl1-6.1\n    indicators: [\"6.1\"]\n    lead: [Sở Khoa học và Công nghệ]\nkept:\n  - code: \"6.2\"\n    status: full_points\n    reason: đạt điểm tối đa năm 2022, duy trì\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for &(ind, ref cover) in coverage::of(cx) {
        if *cover != Cover::None {
            continue;
        }
        let code = ind.code.as_str();
        let max = ind.max_points.unwrap_or(0.0);
        let (span, path) = coverage::anchor(cx, ind);
        let in_baseline = path.starts_with("baseline.");
        let (label_vi, label_en) = if in_baseline {
            (
                format!("{code} chưa đạt điểm tối đa, chưa có nhiệm vụ"),
                format!("{code} below full points, no task"),
            )
        } else {
            (format!("thiếu chỉ số {code}"), format!("{code} missing"))
        };
        out.push(
            RULE.meta
                .diag(
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
                .with_path(path)
                .with_indicator(code)
                .with_label(t(label_vi, label_en))
                .with_help(help(cx, ind)),
        );
    }
}

/// What to do. A task that names only the main index ("6") does not serve its indicators:
/// the plan must say who leads 6.2 (a main index is a heading, as in the appendices), so
/// the help names that task, where the code is most likely missing.
fn help(cx: &Context, ind: &crate::lint::catindex::EntryInfo) -> crate::diagnostic::Text {
    let code = ind.code.as_str();
    let broad = cx
        .plan
        .tasks
        .iter()
        .find(|task| task.indicators.iter().any(|c| crate::lint::trim(&c.value) == ind.main));
    match broad {
        Some(task) => t(
            format!(
                "nhiệm vụ `{}` chỉ ghi chỉ số chính {main}, không giao chỉ số {code}: ghi \"{code}\" vào `indicators` của nhiệm vụ nếu nhiệm vụ phục vụ chỉ số này, thêm nhiệm vụ riêng, hoặc khai báo {code} trong `kept` kèm lý do",
                crate::lint::trim(&task.id.value),
                main = ind.main
            ),
            format!(
                "task `{}` names only main index {main}, which assigns none of its indicators: write \"{code}\" into its `indicators` if it serves {code}, add a task of its own, or declare {code} in `kept` with a reason",
                crate::lint::trim(&task.id.value),
                main = ind.main
            ),
        ),
        None => t(
            format!(
                "thêm nhiệm vụ có `indicators: [\"{code}\"]` và cơ quan chủ trì (hoặc ghi mã vào nhiệm vụ đã nêu nội dung này), hoặc khai báo {code} trong `kept` kèm lý do"
            ),
            format!(
                "add a task with `indicators: [\"{code}\"]` and a lead agency (or write the code into the task that already names it), or declare {code} in `kept` with a reason"
            ),
        ),
    }
}
