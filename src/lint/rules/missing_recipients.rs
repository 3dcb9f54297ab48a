//! KH105 missing-recipients: no "Nơi nhận" list.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};

/// The plan names no recipients, or only blank ones.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH105",
        name: "missing-recipients",
        level: Level::Error,
        summary: StaticText::new("kế hoạch thiếu nơi nhận", "the plan has no recipients"),
        explanation: Explanation {
            why: StaticText::new(
                "nơi nhận cho biết văn bản được gửi đến ai để thực hiện và để báo cáo (Bộ Khoa học và Công nghệ (b/c); các sở, ban, ngành; Lưu: VT). Kế hoạch DTI giao nhiệm vụ cho nhiều cơ quan: thiếu nơi nhận thì cơ quan được giao không nhận được văn bản",
                "the recipients say who receives the document to act on or for information (the ministry (b/c), departments, \"Lưu: VT\"). A DTI plan assigns work to many agencies: without recipients the agencies assigned never receive it",
            ),
            bad: "recipients: []\n",
            good: "recipients:\n  - Bộ Khoa học và Công nghệ (b/c);\n  - Các sở, ban, ngành tỉnh;\n  - \"Lưu: VT.\"\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let recipients = &cx.plan.recipients;
    for (i, r) in recipients.iter().enumerate() {
        if crate::lint::trim(&r.value).is_empty() {
            out.push(
                RULE.meta.diag("nơi nhận trống", "a blank recipient", r.span)
                    .with_path(format!("recipients[{i}]"))
                    .with_label(t("trống", "blank"))
                    .with_help(t("xóa dòng trống này", "remove this blank line")),
            );
        }
    }
    if recipients.is_empty() {
        out.push(
            RULE.meta.diag(
                "kế hoạch thiếu nơi nhận",
                "the plan has no recipients",
                cx.top_key_span("recipients"),
            )
            .with_path("recipients")
            .with_label(t("cần nơi nhận", "recipients needed"))
            .with_help(t(
                "thêm `recipients:` liệt kê các cơ quan nhận văn bản, kết thúc bằng \"Lưu: VT\"",
                "add `recipients:` listing who receives the plan, ending with \"Lưu: VT\"",
            )),
        );
    }
}
