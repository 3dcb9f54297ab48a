//! KH202 unknown-indicator: a code the catalogue does not have.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};
use crate::source::Spanned;

/// A task, baseline, target or `kept` entry names a code that is not in the catalogue.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH202",
        name: "unknown-indicator",
        level: Level::Error,
        summary: StaticText::new(
            "mã chỉ số không có trong bộ chỉ số",
            "an indicator code that is not in the catalogue",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "nhiệm vụ gắn với mã chỉ số không tồn tại (gõ nhầm 6.31 thay cho 6.13, hoặc mã của bộ chỉ số năm khác) thì chỉ số thật không được giao, và số liệu hiện trạng không đối chiếu được với điểm tối đa",
                "a task tied to a code that does not exist (6.31 typed for 6.13, or a code from another year's catalogue) leaves the real indicator unassigned, and its baseline cannot be checked against the maximum",
            ),
            bad: "tasks:\n  - id: nv-1\n    indicators: [\"6.31\"]\n",
            good: "tasks:\n  - id: nv-1\n    indicators: [\"6.13\"]\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(cat) = cx.catalogue else {
        return;
    };
    let plan = cx.plan;
    let mut check = |code: &Spanned<String>, path: &dyn Fn() -> String| {
        if cat.get(&code.value).is_some() {
            return;
        }
        let c = crate::lint::trim(&code.value);
        let near = cat.nearest_codes(c);
        let help = if near.is_empty() {
            t(
                format!("kiểm tra lại mã với bộ chỉ số {}", cat.id()),
                format!("check the code against catalogue {}", cat.id()),
            )
        } else {
            let list = near.join(", ");
            t(
                format!("có phải ý bạn là: {list}?"),
                format!("did you mean: {list}?"),
            )
        };
        out.push(
            RULE.meta.diag(
                format!("mã chỉ số `{c}` không có trong bộ chỉ số {}", cat.id()),
                format!("indicator `{c}` is not in catalogue {}", cat.id()),
                code.span,
            )
            .with_path(path())
            .with_indicator(c)
            .with_label(t("mã lạ", "unknown code"))
            .with_help(help),
        );
    };
    for (i, task) in plan.tasks.iter().enumerate() {
        for (j, code) in task.indicators.iter().enumerate() {
            check(code, &|| format!("tasks[{i}].indicators[{j}]"));
        }
    }
    if let Some(b) = &plan.baseline {
        for (i, x) in b.indices.iter().enumerate() {
            check(&x.code, &|| format!("baseline.indices[{i}].code"));
        }
        for (i, x) in b.indicators.iter().enumerate() {
            check(&x.code, &|| format!("baseline.indicators[{i}].code"));
        }
    }
    if let Some(g) = &plan.goals {
        for (i, x) in g.targets.iter().enumerate() {
            check(&x.code, &|| format!("goals.targets[{i}].code"));
        }
    }
    for (i, k) in plan.kept.iter().enumerate() {
        check(&k.code, &|| format!("kept[{i}].code"));
    }
}
