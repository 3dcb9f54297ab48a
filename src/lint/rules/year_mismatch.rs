//! KH108 year-mismatch: the plan's year, horizon and issue date do not fit together.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};

/// A plan issued more than a year before the year it is for, after that year, or with a
/// horizon before its year.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH108",
        name: "year-mismatch",
        level: Level::Warning,
        summary: StaticText::new(
            "năm kế hoạch không khớp ngày ban hành hoặc thời kỳ",
            "the plan's year does not fit its issue date or horizon",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "kế hoạch năm 2024 được ban hành trong năm 2024 hoặc cuối năm 2023; kế hoạch ghi năm 2023 mà ngày ban hành năm 2021, hoặc thời kỳ kết thúc trước năm bắt đầu, thường là do sao chép kế hoạch cũ mà quên sửa năm, và mọi thời hạn tính theo năm đó đều sai",
                "a plan for 2024 is issued in 2024 or late 2023; a plan for 2023 dated 2021, or a horizon before the plan's year, usually comes from copying an old plan without updating the year, and every deadline read in that year is then wrong",
            ),
            bad: "document:\n  date: 2021-10-23\n  year: 2023\n",
            good: "document:\n  date: 2023-10-23\n  year: 2023\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let doc = &cx.plan.document;
    let year = doc.year.value;
    if let (Some(date), Some(d)) = (cx.issue_date(), &doc.date) {
        if date.year < year - 1 || date.year > year {
            out.push(
                RULE.meta.diag(
                    format!(
                        "kế hoạch năm {year} nhưng ban hành ngày {}",
                        date.short_vi()
                    ),
                    format!("a plan for {year} issued on {}", date.iso()),
                    d.span,
                )
                .with_path("document.date")
                .with_label(t(
                    format!("năm {}", date.year),
                    format!("year {}", date.year),
                ))
                .with_help(t(
                    "kiểm tra lại `year` và `date` của văn bản",
                    "check the document's `year` and `date`",
                )),
            );
        }
    }
    if let Some(h) = &doc.horizon {
        if h.value < year {
            out.push(
                RULE.meta.diag(
                    format!("thời kỳ kết thúc năm {} trước năm kế hoạch {year}", h.value),
                    format!("the horizon {} is before the plan's year {year}", h.value),
                    h.span,
                )
                .with_path("document.horizon")
                .with_label(t("trước năm kế hoạch", "before the plan's year"))
                .with_help(t(
                    format!("ghi năm cuối của kế hoạch, từ {year} trở đi"),
                    format!("write the last year the plan covers, {year} or later"),
                )),
            );
        }
    }
}
