//! KH401 missing-deadline: a task with no completion time.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};

/// A task serving an indicator without `deadline` (thời gian hoàn thành), or any task
/// with a blank one.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH401",
        name: "missing-deadline",
        level: Level::Warning,
        summary: StaticText::new(
            "nhiệm vụ chưa có thời gian hoàn thành",
            "a task has no deadline",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "Bộ chấm DTI theo số liệu đến một thời điểm trong năm; nhiệm vụ không có thời hạn thì không biết có kịp kỳ đánh giá không và không đôn đốc được. Ghi thời hạn như văn bản viết: \"Quý IV/2023\", \"Trước 30/11/2023\", \"Thường xuyên\"",
                "the ministry scores the DTI on figures up to a date in the year; a task without a deadline cannot be checked against the assessment, nor chased. Write it as the document does: \"Quý IV/2023\", \"Trước 30/11/2023\", \"Thường xuyên\"",
            ),
            bad: "tasks:\n  - id: pl1-6.12\n    indicators: [\"6.12\"]\n    lead: [Sở Nội vụ]\n",
            good: "tasks:\n  - id: pl1-6.12\n    indicators: [\"6.12\"]\n    lead: [Sở Nội vụ]\n    deadline: Quý IV/2023\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for (i, task) in cx.plan.tasks.iter().enumerate() {
        // Prose tasks that serve no indicator are not assignments (see missing-lead).
        if task.indicators.is_empty() && task.deadline.is_none() {
            continue;
        }
        // Nor are duties written as prose (a body, no appendix-row cells), even when the
        // encoding gives the codes of the indicators their text names: the originals
        // give such paragraphs no deadline column.
        let prose = task.body.is_some() && task.max_points.is_none() && task.method.is_none();
        if prose && task.deadline.is_none() {
            continue;
        }
        let own = cx.deadlines()[i].as_ref();
        if own.is_some_and(|d| !d.is_blank()) {
            continue;
        }
        // The deadlines parsed once per file (by task index).
        let has = |j: usize, _: &crate::plan::Task| {
            cx.deadlines()[j].as_ref().is_some_and(|d| !d.is_blank())
        };
        if super::family_has(&cx.plan.tasks, i, has) {
            continue;
        }
        let (span, path) = match &task.deadline {
            Some(d) => (d.span, format!("tasks[{i}].deadline")),
            None => (task.id.span, format!("tasks[{i}]")),
        };
        let mut d = RULE.meta
            .diag(
                format!("nhiệm vụ `{}` chưa có thời gian hoàn thành", task.id.value),
                format!("task `{}` has no deadline", task.id.value),
                span,
            )
            .with_path(path)
            .with_label(t("thiếu `deadline`", "no `deadline`"))
            .with_help(t(
                "thêm `deadline:`, ví dụ \"Quý IV/2023\" hoặc \"Thường xuyên\"",
                "add `deadline:`, e.g. \"Quý IV/2023\" or \"Thường xuyên\"",
            ));
        if let [code] = task.indicators.as_slice() {
            d = d.with_indicator(crate::lint::trim(&code.value));
        }
        out.push(d);
    }
}
