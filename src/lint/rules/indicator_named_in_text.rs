//! KH205 indicator-named-in-text: a task's text names an indicator (by its catalogue
//! name or a usual short form) that no task lists by code.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::coverage::{self, Cover, task_texts};
use crate::lint::fix::add_task_indicators;
use crate::lint::rule::{Check, Explanation, Meta, RuleDef, StaticText, t};
use crate::source::Span;

/// Plans assign indicators by naming their subject as often as by code ("Công an tỉnh
/// cung cấp số lượng người dân có danh tính số" is 8.1). Such a task does serve the
/// indicator (so uncovered-indicator does not report it), but the code makes the
/// assignment explicit for the score, the per-agency extract and the reader: this is a
/// suggestion, with a safe fix adding the code.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH205",
        name: "indicator-named-in-text",
        level: Level::Info,
        summary: StaticText::new(
            "nhiệm vụ nêu tên một chỉ số thành phần nhưng không ghi mã chỉ số",
            "a task names an indicator in its text but does not list its code",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "nhiều kế hoạch giao chỉ số bằng cách nêu nội dung của nó (\"cung cấp số lượng người dân có danh tính số\" là chỉ số 8.1) chứ không ghi mã. Nhiệm vụ đó vẫn phục vụ chỉ số, nhưng ghi mã thì bảng điểm, bảng phân công theo cơ quan và người đọc đều thấy rõ chỉ số nào do ai chịu trách nhiệm. `kehoach lint --fix` thêm mã vào nhiệm vụ",
                "many plans assign an indicator by naming its subject (\"provide the number of residents with a digital identity\" is indicator 8.1) rather than its code. The task still serves the indicator, but with the code the score, the per-agency extract and the reader all see which agency answers for which indicator. `kehoach lint --fix` adds the code to the task",
            ),
            bad: "tasks:\n  # chỉ số 8.1, nhưng không ghi mã\n  - id: nv-8.3\n    body: Công an tỉnh cung cấp số lượng người dân có danh tính số/ tài khoản định danh điện tử trên địa bàn tỉnh.\n    lead: [Công an tỉnh]\n",
            good: "tasks:\n  - id: nv-8.3\n    indicators: [\"8.1\"]\n    body: Công an tỉnh cung cấp số lượng người dân có danh tính số/ tài khoản định danh điện tử trên địa bàn tỉnh.\n    lead: [Công an tỉnh]\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(cat) = cx.catalogue else { return };
    // Per task: the indicators its text names, in catalogue order.
    let mut by_task: BTreeMap<usize, Vec<(String, crate::lint::named::Hit)>> = BTreeMap::new();
    for (ind, cover) in coverage::of(cx) {
        if let Cover::Named(hits) = cover {
            for (ti, hit) in hits {
                by_task.entry(*ti).or_default().push((ind.code.clone(), hit.clone()));
            }
        }
    }
    let text = &cx.source.text;
    for (ti, hits) in by_task {
        let task = &cx.plan.tasks[ti];
        let id = crate::lint::trim(&task.id.value);
        let codes: Vec<&str> = hits.iter().map(|(c, _)| c.as_str()).collect();
        let mut fix = add_task_indicators(text, task.id.span, &codes);
        for (code, hit) in &hits {
            let name = cat.get(code).map_or("", |e| e.name.as_str());
            let phrase = task_texts(task)
                .find_map(|s| s.get(hit.start..hit.end).filter(|_| s.len() >= hit.end))
                .unwrap_or("");
            let span = phrase_span(cx, task.id.span, ti, phrase);
            let list = codes
                .iter()
                .map(|c| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(", ");
            let mut d = RULE
                .meta
                .diag(
                    format!(
                        "nhiệm vụ `{id}` nêu chỉ số {code} \"{name}\" nhưng không ghi mã chỉ số"
                    ),
                    format!(
                        "task `{id}` names indicator {code} \"{name}\" but does not list its code"
                    ),
                    span,
                )
                .with_path(format!("tasks[{ti}]"))
                .with_indicator(code.clone())
                .with_label(t(format!("chỉ số {code}"), format!("indicator {code}")))
                .with_help(t(
                    format!("thêm `indicators: [{list}]` vào nhiệm vụ (`kehoach lint --fix`)"),
                    format!("add `indicators: [{list}]` to the task (`kehoach lint --fix`)"),
                ));
            // One edit per task adds all its codes: it goes on the task's first finding.
            if let Some(f) = fix.take() {
                d = d.with_fix(f);
            }
            out.push(d);
        }
    }
}

/// The span of `phrase` in the task's source (after its id, before the next task's), or
/// the id when the phrase is not there verbatim (folded or escaped text).
fn phrase_span(cx: &Context, id: Span, ti: usize, phrase: &str) -> Span {
    if !id.is_known() || phrase.is_empty() {
        return id;
    }
    let end = cx
        .plan
        .tasks
        .get(ti + 1)
        .map(|t| t.id.span.offset)
        .filter(|&o| o > id.offset)
        .unwrap_or(cx.source.text.len());
    let within = Span {
        len: end - id.offset,
        ..id
    };
    let s = cx.sub_span(within, phrase);
    if s == within { id } else { s }
}
