//! KH301 missing-lead: a task no agency leads.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};

/// A task that serves an indicator or names supporting agencies, without a lead agency
/// (cơ quan chủ trì) on it or on a row of the same indicator family (its parent or
/// sub-rows). Prose tasks that assign nothing are not checked.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH301",
        name: "missing-lead",
        level: Level::Error,
        summary: StaticText::new(
            "nhiệm vụ chưa có cơ quan chủ trì",
            "a task has no lead agency",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "mỗi nhiệm vụ, mỗi chỉ số phải có một cơ quan chủ trì chịu trách nhiệm thực hiện và cung cấp tài liệu kiểm chứng cho Bộ; nhiệm vụ chỉ có cơ quan phối hợp thì không ai chịu trách nhiệm chính",
                "every task and every indicator needs a lead agency answerable for doing it and for the evidence sent to the ministry; a task with only supporting agencies is nobody's job",
            ),
            bad: "tasks:\n  - id: pl1-6.12\n    indicators: [\"6.12\"]\n    support: [Sở Nội vụ]\n",
            good: "tasks:\n  - id: pl1-6.12\n    indicators: [\"6.12\"]\n    lead: [Sở Khoa học và Công nghệ]\n    support: [Sở Nội vụ]\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for (i, task) in cx.plan.tasks.iter().enumerate() {
        let has_lead =
            |_: usize, t: &crate::plan::Task| t.lead.iter().any(|l| !crate::lint::trim(&l.value).is_empty());
        if has_lead(i, task) {
            continue;
        }
        // A prose task that assigns nothing (no indicator, no agency) is left to the
        // "Tổ chức thực hiện" section; only assignments need a lead.
        if task.indicators.is_empty() && task.support.is_empty() {
            continue;
        }
        // A sub-row under a row with a lead, or a row whose sub-rows carry the leads,
        // is owned: tables merge the lead cell.
        if super::family_has(&cx.plan.tasks, i, has_lead) {
            continue;
        }
        let mut d = RULE.meta
            .diag(
                format!("nhiệm vụ `{}` chưa có cơ quan chủ trì", task.id.value),
                format!("task `{}` has no lead agency", task.id.value),
                task.id.span,
            )
            .with_path(format!("tasks[{i}]"))
            .with_label(t("thiếu `lead`", "no `lead`"))
            .with_help(t(
                "thêm `lead:` với cơ quan chủ trì (tên chuẩn trong danh mục cơ quan)",
                "add `lead:` naming the lead agency (its canonical name in the agency registry)",
            ));
        if let [code] = task.indicators.as_slice() {
            d = d.with_indicator(crate::lint::trim(&code.value));
        }
        out.push(d);
    }
}
