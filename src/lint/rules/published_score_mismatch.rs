//! KH506 published-score-mismatch: published points that the plan's own inputs do not
//! give, computed by the score engine (`crate::score::score_plan`).

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};
use crate::score::report::ProblemKind;
use crate::score::score_plan;

use super::{pts, pts_en};

/// A baseline indicator given both as published points and as raw inputs, where the
/// catalogue's scoring rule turns the inputs into other points. (Sums of parts are
/// sum-mismatch's business.)
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH506",
        name: "published-score-mismatch",
        level: Level::Error,
        summary: StaticText::new(
            "điểm công bố khác điểm tính từ số liệu đầu vào",
            "published points differ from the points the inputs give",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "khi kế hoạch ghi cả điểm Bộ công bố lẫn số liệu đầu vào (a, b …) của một chỉ số, cách tính điểm của Quyết định 922/QĐ-BTTTT cho ra điểm từ số liệu đó. Hai con số khác nhau nghĩa là số liệu tỉnh báo cáo không phải số liệu Bộ đã chấm, hoặc chép sai một trong hai: cần đối chiếu trước khi đặt mục tiêu",
                "when a plan states both the published points and the raw inputs (a, b …) of an indicator, the scoring method of Decision 922/QĐ-BTTTT turns the inputs into points. If the two differ, the figures the province reports are not those the ministry scored, or one was copied wrong: reconcile them before setting targets",
            ),
            bad: "baseline:\n  year: 2022\n  indicators:\n    - code: \"6.1.1\"   # ratio a/b of 10 points\n      points: 10\n      inputs: {a: 30, b: 120}\n",
            good: "baseline:\n  year: 2022\n  indicators:\n    - code: \"6.1.1\"\n      points: 2.5\n      inputs: {a: 30, b: 120}\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let (Some(cat), Some(b)) = (cx.catalogue, &cx.plan.baseline) else {
        return;
    };
    // Only indicators given with raw inputs can disagree with their own inputs.
    let with_inputs: Vec<(usize, &str)> = b
        .indicators
        .iter()
        .enumerate()
        .filter(|(_, x)| !x.inputs.is_empty() && x.points.is_some())
        .map(|(i, x)| (i, crate::lint::trim(&x.code.value)))
        .collect();
    if with_inputs.is_empty() {
        return;
    }
    let report = score_plan(&cat.catalogue, cx.plan, &[]);
    for p in &report.problems {
        let ProblemKind::Mismatch {
            published,
            computed,
        } = p.kind
        else {
            continue;
        };
        let Some(&(i, code)) = with_inputs.iter().find(|(_, c)| *c == p.code) else {
            continue;
        };
        let span = b.indicators[i]
            .points
            .as_ref()
            .map(|x| x.span)
            .unwrap_or(p.span);
        out.push(
            RULE.meta.diag(
                format!(
                    "điểm {code} công bố là {} nhưng số liệu đầu vào cho {} điểm",
                    pts(published),
                    pts(computed)
                ),
                format!(
                    "{code} is published as {} points but its inputs give {}",
                    pts_en(published),
                    pts_en(computed)
                ),
                span,
            )
            .with_path(format!("baseline.indicators[{i}].points"))
            .with_indicator(code)
            .with_label(t(
                format!("số liệu cho {}", pts(computed)),
                format!("inputs give {}", pts_en(computed)),
            ))
            .with_help(t(
                "đối chiếu số liệu đầu vào với số liệu Bộ đã dùng khi chấm, rồi sửa điểm hoặc số liệu",
                "check the inputs against the figures the ministry scored, then fix the points or the inputs",
            )),
        );
    }
}
