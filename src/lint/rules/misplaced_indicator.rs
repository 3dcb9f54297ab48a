//! KH203 misplaced-indicator: a task filed under a main index its indicator is not in.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};

/// A task's `group` is a main index code, and one of its indicators belongs to another
/// main index.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH203",
        name: "misplaced-indicator",
        level: Level::Warning,
        summary: StaticText::new(
            "chỉ số được xếp dưới chỉ số chính không chứa nó",
            "an indicator filed under a main index it does not belong to",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "kế hoạch DTI trình bày nhiệm vụ theo 9 chỉ số chính; chỉ số 6.12 nằm dưới mục \"Hoạt động chính quyền số\" (6). Xếp nhầm mục thì bảng phân công và phần tính điểm theo chỉ số chính bị sai, và thường là dấu hiệu gõ nhầm mã",
                "DTI plans present tasks by the 9 main indices; indicator 6.12 belongs under index 6 (digital government activities). Filed under another index, it skews the per-index assignment table and totals, and usually means the code was mistyped",
            ),
            bad: "tasks:\n  - id: nv-1\n    group: \"5\"\n    indicators: [\"6.12\"]\n",
            good: "tasks:\n  - id: nv-1\n    group: \"6\"\n    indicators: [\"6.12\"]\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(cat) = cx.catalogue else {
        return;
    };
    for (i, task) in cx.plan.tasks.iter().enumerate() {
        let Some(group) = &task.group else { continue };
        let g = crate::lint::trim(&group.value);
        if cat.get(g).is_none_or(|e| e.depth != 1) {
            continue;
        }
        for (j, code) in task.indicators.iter().enumerate() {
            let Some(entry) = cat.get(&code.value) else {
                continue;
            };
            if entry.main != g {
                let c = entry.code.as_str();
                let main = &entry.main;
                out.push(
                    RULE.meta.diag(
                        format!("chỉ số {c} thuộc chỉ số chính {main}, không thuộc {g}"),
                        format!("indicator {c} belongs to main index {main}, not {g}"),
                        code.span,
                    )
                    .with_path(format!("tasks[{i}].indicators[{j}]"))
                    .with_indicator(c)
                    .with_label(t(
                        format!("thuộc chỉ số chính {main}"),
                        format!("in main index {main}"),
                    ))
                    .with_help(t(
                        format!("đổi `group` thành \"{main}\", hoặc kiểm tra lại mã chỉ số"),
                        format!("set `group` to \"{main}\", or check the indicator code"),
                    )),
                );
            }
        }
    }
}
