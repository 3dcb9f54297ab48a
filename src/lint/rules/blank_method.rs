//! KH231 blank-method: a scoring method ("cách xác định và tính điểm") left blank, or one
//! that never says what it awards.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::method;
use crate::lint::rule::{Check, Explanation, Meta, RuleDef, StaticText, t};

pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH231",
        name: "blank-method",
        level: Level::Warning,
        summary: StaticText::new(
            "cách xác định và tính điểm bị bỏ trống hoặc không nói cho bao nhiêu điểm",
            "a scoring method left blank, or one that never says what it awards",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "cột \"cách xác định và tính điểm\" cho cơ quan chủ trì biết phải đạt gì để được điểm; ô trống, hoặc chỉ có định nghĩa mà không có mức điểm (\"DVCTT được điền sẵn thông tin là …\"), thì cơ quan đó không biết mục tiêu. Bỏ hẳn khóa `method:` nếu kế hoạch không chép cách tính của Bộ chỉ số",
                "the \"cách xác định và tính điểm\" column tells the lead agency what earns the points; a blank cell, or one with a definition and no points (\"DVCTT được điền sẵn thông tin là …\"), leaves it without a goal. Leave `method:` out altogether when the plan does not reproduce the catalogue's method",
            ),
            bad: "tasks:\n  - id: pl-5.1\n    indicators: [\"5.1\"]\n    max_points: 10\n    method: \"\"\n",
            good: "tasks:\n  - id: pl-5.1\n    indicators: [\"5.1\"]\n    max_points: 10\n    method: \"Tỷ lệ = a/b; Điểm = Tỷ lệ*Điểm tối đa\"\n",
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
        let blank = m.trim().is_empty();
        if !blank && method::read(m).scores_anything() {
            continue;
        }
        let span = texts
            .scalar_span(&path)
            .unwrap_or(task.id.span);
        let (vi, en) = if blank {
            ("cách xác định và tính điểm bị bỏ trống", "the scoring method is blank")
        } else {
            (
                "cách xác định và tính điểm không nói cho bao nhiêu điểm",
                "the scoring method never says what it awards",
            )
        };
        let mut d = RULE
            .meta
            .diag(vi, en, span)
            .with_path(path)
            .with_label(t("cách tính điểm", "scoring method"))
            .with_help(t(
                "chép cách tính điểm của chỉ số từ Bộ chỉ số (`kehoach catalogue show MÃ`), hoặc bỏ khóa `method:`",
                "copy the indicator's method from the catalogue (`kehoach catalogue show CODE`), or leave `method:` out",
            ));
        if let Some(c) = task.indicators.first() {
            d = d.with_indicator(crate::lint::trim(&c.value));
        }
        out.push(d);
    }
}
