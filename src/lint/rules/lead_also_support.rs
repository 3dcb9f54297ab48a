//! KH303 lead-also-support: the same agency leads and supports one task.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};

/// An agency listed both as lead (chủ trì) and support (phối hợp) of the same task.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH303",
        name: "lead-also-support",
        level: Level::Warning,
        summary: StaticText::new(
            "một cơ quan vừa chủ trì vừa phối hợp cùng nhiệm vụ",
            "the same agency leads and supports a task",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "cơ quan chủ trì đã chịu trách nhiệm chính; ghi thêm nó vào cơ quan phối hợp làm bảng phân công khó đọc và thường che giấu việc quên ghi cơ quan phối hợp thật",
                "the lead agency is already answerable; listing it again as support clutters the assignment table and often hides a forgotten real supporting agency",
            ),
            bad: "tasks:\n  - id: nv-1\n    lead: [Sở Nội vụ]\n    support: [Sở Nội vụ, Sở Tài chính]\n",
            good: "tasks:\n  - id: nv-1\n    lead: [Sở Nội vụ]\n    support: [Sở Tài chính]\n",
        },
    },
    check: Check::Plan(check),
};

/// How two spellings of one agency are compared: case, spacing and "&" folded.
pub fn fold(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace(" & ", " và ")
        .replace('&', " và ")
        .trim_end_matches(['.', ';', ','])
        .to_string()
}

/// The identity of an agency: its registry id when the registry knows the name (so an
/// alias and the canonical name match), else the folded name.
fn key(cx: &Context, name: &str) -> String {
    match cx.agencies.and_then(|r| r.lookup(name).agency()) {
        Some(a) => format!("id:{}", a.id),
        None => fold(name),
    }
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let mut memo: foldhash::HashMap<String, String> = Default::default();
    for (i, task) in cx.plan.tasks.iter().enumerate() {
        if task.lead.is_empty() || task.support.is_empty() {
            continue;
        }
        let mut key = |name: &str| -> String {
            memo.entry(name.to_string())
                .or_insert_with(|| key(cx, name))
                .clone()
        };
        let leads: Vec<String> = task.lead.iter().map(|l| key(&l.value)).collect();
        for (j, s) in task.support.iter().enumerate() {
            if crate::lint::trim(&s.value).is_empty() || !leads.contains(&key(&s.value)) {
                continue;
            }
            out.push(
                RULE.meta.diag(
                    format!(
                        "`{}` vừa chủ trì vừa phối hợp nhiệm vụ `{}`",
                        crate::lint::trim(&s.value),
                        task.id.value
                    ),
                    format!(
                        "`{}` both leads and supports task `{}`",
                        crate::lint::trim(&s.value),
                        task.id.value
                    ),
                    s.span,
                )
                .with_path(format!("tasks[{i}].support[{j}]"))
                .with_label(t("đã là cơ quan chủ trì", "already the lead"))
                .with_help(t(
                    "xóa cơ quan này khỏi `support`",
                    "remove this agency from `support`",
                )),
            );
        }
    }
}
