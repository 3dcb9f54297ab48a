//! KH107 unknown-catalogue: the plan pins a catalogue id that is not available.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};

/// The `catalogue:` id names no catalogue kehoach knows; coverage rules cannot run.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH107",
        name: "unknown-catalogue",
        level: Level::Error,
        summary: StaticText::new(
            "kế hoạch ghim một bộ chỉ số không có",
            "the plan pins a catalogue that is not available",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "mỗi kế hoạch được đối chiếu với đúng bộ chỉ số DTI mà nó thực hiện (Quyết định 922/QĐ-BTTTT năm 2022); bộ chỉ số thay đổi theo năm nên kế hoạch ghim bộ chỉ số bằng mã. Mã sai thì không kiểm tra được việc giao chỉ số và điểm tối đa",
                "each plan is checked against the DTI catalogue it implements (Decision 922/QĐ-BTTTT of 2022); catalogues change from year to year, so a plan pins one by id. With a wrong id, coverage and maximum points cannot be checked",
            ),
            bad: "catalogue: dti-922\n",
            good: "catalogue: dti-922-2022\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    if cx.catalogue.is_some() {
        return;
    }
    let id = crate::lint::trim(&cx.plan.catalogue.value);
    let known = cx.known_catalogues.join(", ");
    let best = cx
        .known_catalogues
        .iter()
        .max_by(|a, b| strsim::jaro_winkler(id, a).total_cmp(&strsim::jaro_winkler(id, b)));
    let help = match best {
        Some(b) => t(
            format!("có phải ý bạn là `{b}`? (các bộ chỉ số có: {known})"),
            format!("did you mean `{b}`? (available: {known})"),
        ),
        None => t(
            "chỉ định tệp bộ chỉ số bằng `--catalogue` hoặc `catalogue:` trong kehoach.yaml",
            "name a catalogue file with `--catalogue` or `catalogue:` in kehoach.yaml",
        ),
    };
    out.push(
        RULE.meta.diag(
            format!("không có bộ chỉ số `{id}`"),
            format!("no catalogue `{id}` is available"),
            cx.plan.catalogue.span,
        )
        .with_path("catalogue")
        .with_label(t("bộ chỉ số lạ", "unknown catalogue"))
        .with_help(help),
    );
}
