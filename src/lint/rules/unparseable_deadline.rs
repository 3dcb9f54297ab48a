//! KH402 unparseable-deadline: a deadline nobody can read as a time.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};
use crate::vn::deadline::DeadlineKind;

/// A task deadline that cannot be read: an impossible date, a quarter V, a cut-off year.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH402",
        name: "unparseable-deadline",
        level: Level::Warning,
        summary: StaticText::new(
            "thời gian hoàn thành không đọc được",
            "a deadline that cannot be read",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "thời hạn phải là một mốc thời gian rõ ràng để đôn đốc và để so với kỳ đánh giá DTI; \"Quý V/2023\", \"31/02/2023\" hay \"Quý IV năm 20\" (bị cắt) không cho biết khi nào việc phải xong",
                "a deadline must be a clear time to chase the work and compare it with the DTI assessment; \"Quý V/2023\", \"31/02/2023\" or \"Quý IV năm 20\" (cut off) do not say when the work is due",
            ),
            bad: "tasks:\n  - id: nv-1\n    deadline: Quý V/2023\n",
            good: "tasks:\n  - id: nv-1\n    deadline: Quý IV/2023\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for (i, task) in cx.plan.tasks.iter().enumerate() {
        let Some(d) = &task.deadline else { continue };
        let DeadlineKind::Unparseable { reason } = cx.deadlines()[i]
            .as_ref()
            .map_or(DeadlineKind::Blank, |x| x.kind)
        else {
            continue;
        };
        let why = reason.message();
        let text = crate::lint::trim(&d.value);
        out.push(
            RULE.meta.diag(
                format!("không đọc được thời hạn \"{text}\": {}", why.vi),
                format!("cannot read deadline \"{text}\": {}", why.en),
                d.span,
            )
            .with_path(format!("tasks[{i}].deadline"))
            .with_label(t("thời hạn không rõ", "unclear deadline"))
            .with_help(t(
                "viết thời hạn như \"Quý IV/2023\", \"Trước 30/11/2023\", \"Năm 2024\" hoặc \"Thường xuyên\"",
                "write the deadline as \"Quý IV/2023\", \"Trước 30/11/2023\", \"Năm 2024\" or \"Thường xuyên\"",
            )),
        );
    }
}
