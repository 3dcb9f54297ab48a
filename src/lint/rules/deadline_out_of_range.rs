//! KH403 deadline-out-of-range: a deadline before the plan is issued, or after its
//! horizon.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};
use crate::vn::Date;
use crate::vn::deadline::DeadlineKind;

/// A task due before the plan's issue date, or starting after the last year it covers.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH403",
        name: "deadline-out-of-range",
        level: Level::Error,
        summary: StaticText::new(
            "thời hạn trước ngày ban hành hoặc sau thời kỳ của kế hoạch",
            "a deadline before the issue date or after the plan's horizon",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "kế hoạch ban hành ngày 23/10/2023 không thể giao việc phải xong trong Quý II/2023; kế hoạch năm 2023 cũng không giao việc cho năm 2027. Thời hạn như vậy thường là năm gõ nhầm hoặc chép từ kế hoạch năm trước",
                "a plan issued on 23/10/2023 cannot assign work due in Quý II/2023, and a plan for 2023 does not assign work for 2027. Such deadlines are usually a mistyped year, or copied from last year's plan",
            ),
            bad: "document:\n  date: 2023-10-23\n  year: 2023\ntasks:\n  - id: nv-1\n    deadline: Quý II/2023\n",
            good: "document:\n  date: 2023-10-23\n  year: 2023\ntasks:\n  - id: nv-1\n    deadline: Quý IV/2023\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let year = cx.plan.document.year.value;
    let horizon = cx.horizon().max(year);
    let issued = cx.issue_date();
    for (i, task) in cx.plan.tasks.iter().enumerate() {
        let Some(d) = &task.deadline else { continue };
        let Some(dl) = cx.deadlines()[i].as_ref() else {
            continue;
        };
        // Recurring work comes back every period; it is never out of range.
        if matches!(dl.kind, DeadlineKind::Recurring { .. }) {
            continue;
        }
        let text = crate::lint::trim(&d.value);
        let before = issued.zip(dl.latest_in(year)).filter(|(iss, l)| l < iss);
        let after = dl.earliest_in(year).filter(|e| e.year > horizon);
        let early = before.is_some();
        let (vi, en) = match (before, after) {
            (Some((iss, _)), _) => (
                format!(
                    "thời hạn \"{text}\" đã qua trước ngày ban hành kế hoạch {}",
                    iss.short_vi()
                ),
                format!(
                    "deadline \"{text}\" ends before the plan is issued ({})",
                    iss.iso()
                ),
            ),
            (None, Some(e)) => (
                format!("thời hạn \"{text}\" sau năm cuối của kế hoạch ({horizon})"),
                format!(
                    "deadline \"{text}\" ({}) is after the plan's last year ({horizon})",
                    Date::iso(&e)
                ),
            ),
            (None, None) => continue,
        };
        out.push(
            RULE.meta.diag(vi, en, d.span)
                .with_path(format!("tasks[{i}].deadline"))
                .with_label(t("ngoài thời kỳ kế hoạch", "outside the plan's period"))
                .with_help(if early {
                    // A deadline already past: the horizon has nothing to do with it.
                    t(
                        "kiểm tra lại thời hạn (thường là năm chép từ kế hoạch năm trước), hoặc ngày ban hành `document.date`",
                        "check the deadline (often a year copied from last year's plan), or the issue date `document.date`",
                    )
                } else {
                    t(
                        "kiểm tra lại năm của thời hạn, hoặc `document.horizon` nếu kế hoạch kéo dài nhiều năm",
                        "check the year of the deadline, or `document.horizon` if the plan spans several years",
                    )
                }),
        );
    }
}
