//! KH404 not-a-deadline: a deadline cell that names an activity, not a time.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};
use crate::vn::deadline::DeadlineKind;

/// A deadline that is an activity or a target ("Thống kê số liệu", "Triển khai theo dự
/// án") rather than a time.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH404",
        name: "not-a-deadline",
        level: Level::Info,
        summary: StaticText::new(
            "cột thời hạn ghi một việc, không phải thời gian",
            "the deadline names an activity, not a time",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "bảng phân công thường chép nhầm cột: \"Thống kê số liệu\" hay \"Triển khai theo dự án\" nằm ở cột thời gian hoàn thành. Nhiệm vụ khi đó không có thời hạn thật; ghi việc vào `target` hoặc `note` và ghi thời hạn vào `deadline`",
                "assignment tables often slip a column: \"Thống kê số liệu\" or \"Triển khai theo dự án\" sits in the deadline column. The task then has no real deadline; put the activity in `target` or `note` and a time in `deadline`",
            ),
            bad: "tasks:\n  - id: pl-8.1\n    deadline: Thống kê số liệu\n",
            good: "tasks:\n  - id: pl-8.1\n    deadline: Quý IV/2023\n    note: Thống kê số liệu\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for (i, task) in cx.plan.tasks.iter().enumerate() {
        let Some(d) = &task.deadline else { continue };
        if cx.deadlines()[i]
            .as_ref()
            .map_or(DeadlineKind::Blank, |x| x.kind)
            != DeadlineKind::NotADeadline
        {
            continue;
        }
        let text = crate::lint::trim(&d.value);
        out.push(
            RULE.meta.diag(
                format!("\"{text}\" không phải là thời hạn"),
                format!("\"{text}\" is not a deadline"),
                d.span,
            )
            .with_path(format!("tasks[{i}].deadline"))
            .with_label(t("không phải thời gian", "not a time"))
            .with_help(t(
                "chuyển nội dung này sang `target` hoặc `note` và ghi thời hạn vào `deadline`",
                "move this text to `target` or `note` and put a time in `deadline`",
            )),
        );
    }
}
