//! KH102 missing-date: an issued plan without a valid issue date.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};
use crate::vn::Date;

/// The issue date is missing (unless a draft) or is not a real calendar date.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH102",
        name: "missing-date",
        level: Level::Error,
        summary: StaticText::new(
            "thiếu ngày ban hành hoặc ngày không hợp lệ",
            "the issue date is missing or invalid",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "ngày ban hành (\"Tiền Giang, ngày 23 tháng 10 năm 2023\") là mốc để tính thời hạn các nhiệm vụ và để dẫn chiếu văn bản; ngày không có thật như 31/02 hoặc viết sai định dạng làm hỏng cả hai. Ngày được viết theo ISO (2023-10-23) và được in lại đúng thể thức",
                "the issue date (\"Tiền Giang, ngày 23 tháng 10 năm 2023\") anchors every task deadline and every citation of the plan; an impossible date such as 31/02, or one in the wrong format, breaks both. Write it in ISO form (2023-10-23); it is printed in the Decree 30 form",
            ),
            bad: "document:\n  date: 2023-02-31\n",
            good: "document:\n  date: 2023-10-23\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let doc = &cx.plan.document;
    match &doc.date {
        Some(d) if crate::lint::trim(&d.value).is_empty() => {
            if !doc.draft {
                out.push(missing(d.span, "document.date"));
            }
        }
        None => {
            if !doc.draft {
                out.push(missing(doc.symbol.span, "document"));
            }
        }
        Some(d) => {
            if Date::parse_iso(&d.value).is_none() {
                let v = crate::lint::trim(&d.value);
                let hint = Date::parse_dmy(v).map(|x| x.iso());
                let help = match hint {
                    Some(iso) => t(
                        format!("viết ngày theo ISO: `{iso}`"),
                        format!("write the date in ISO form: `{iso}`"),
                    ),
                    None => t(
                        "viết một ngày có thật theo ISO, ví dụ `2023-10-23`",
                        "write a real date in ISO form, e.g. `2023-10-23`",
                    ),
                };
                out.push(
                    RULE.meta.diag(
                        format!("ngày ban hành `{v}` không hợp lệ"),
                        format!("issue date `{v}` is not a valid date"),
                        d.span,
                    )
                    .with_path("document.date")
                    .with_label(t("ngày không hợp lệ", "invalid date"))
                    .with_help(help),
                );
            }
        }
    }
}

fn missing(span: crate::source::Span, path: &str) -> Diagnostic {
    RULE.meta.diag(
        "kế hoạch thiếu ngày ban hành",
        "the plan has no issue date",
        span,
    )
    .with_path(path)
    .with_label(t("cần ngày ban hành", "issue date needed"))
    .with_help(t(
        "điền `date:` theo ISO (2023-10-23), hoặc đặt `draft: true` nếu đây là dự thảo",
        "fill in `date:` in ISO form (2023-10-23), or set `draft: true` if this is a draft",
    ))
}
