//! KH233 duplicate-method-option: a scoring method that lists the same option twice.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::method;
use crate::lint::rule::{Check, Explanation, Meta, RuleDef, StaticText, t};

pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH233",
        name: "duplicate-method-option",
        level: Level::Warning,
        summary: StaticText::new(
            "cách tính điểm ghi một mức hai lần",
            "a scoring method that lists the same option twice",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "một mức điểm ghi hai lần (\"- Thực hiện: Điểm tối đa\" rồi lại \"- Thực hiện: Điểm tối đa\") thường là dòng khác bị chép đè — ở đây là dòng \"Chưa thực hiện: 0 điểm\" — nên cách tính mất một trường hợp",
                "an option written twice (\"- Thực hiện: Điểm tối đa\" and again \"- Thực hiện: Điểm tối đa\") is usually another line pasted over — here \"Chưa thực hiện: 0 điểm\" — so the method loses a case",
            ),
            bad: "tasks:\n  - id: pl-9.3\n    indicators: [\"9.3\"]\n    method: |\n      - Thực hiện: Điểm tối đa\n      - Thực hiện: Điểm tối đa\n",
            good: "tasks:\n  - id: pl-9.3\n    indicators: [\"9.3\"]\n    method: |\n      - Thực hiện: Điểm tối đa\n      - Chưa thực hiện: 0 điểm\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let texts = cx.texts();
    for (i, task) in cx.plan.tasks.iter().enumerate() {
        let Some(m) = &task.method else { continue };
        if super::common::method_from_catalogue(cx, task, m) {
            continue;
        }
        let path = format!("tasks[{i}].method");
        for o in method::read(m).repeated() {
            let mut d = RULE
                .meta
                .diag(
                    format!("mức \"{}\" được ghi hai lần", o.text),
                    format!("option \"{}\" is listed twice", o.text),
                    texts.span(&path, m, o.range.start, o.range.end),
                )
                .with_path(path.clone())
                .with_label(t("lặp lại", "repeated"))
                .with_help(t(
                    "đối chiếu với Bộ chỉ số: dòng lặp thường thay cho một mức khác (như \"0 điểm\")",
                    "compare with the catalogue: the repeated line usually stands for another case (such as \"0 điểm\")",
                ));
            if let Some(c) = task.indicators.first() {
                d = d.with_indicator(crate::lint::trim(&c.value));
            }
            out.push(d);
        }
    }
}
