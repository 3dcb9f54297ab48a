//! KH101 missing-number: an issued plan without its number.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};

/// The document number (Số: 444/KH-UBND) is missing on a plan that is not a draft.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH101",
        name: "missing-number",
        level: Level::Error,
        summary: StaticText::new(
            "kế hoạch đã ban hành thiếu số văn bản",
            "an issued plan has no document number",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "theo Nghị định 30/2020/NĐ-CP, văn bản ban hành phải có số và ký hiệu (Số: 444/KH-UBND); các sở, ngành và Bộ dẫn chiếu kế hoạch bằng số này, và hồ sơ DTI gửi Bộ dùng nó làm tài liệu kiểm chứng. Bản dự thảo (`draft: true`) được để trống",
                "under Decree 30/2020/NĐ-CP an issued document carries a number and symbol (Số: 444/KH-UBND); departments and the ministry cite the plan by it, and DTI evidence files refer to it. A draft (`draft: true`) may leave it blank",
            ),
            bad: "document:\n  number: \"\"\n  symbol: KH-UBND\n  date: 2023-10-23\n",
            good: "document:\n  number: \"444\"\n  symbol: KH-UBND\n  date: 2023-10-23\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let doc = &cx.plan.document;
    if doc.draft {
        return;
    }
    let (span, path) = match &doc.number {
        Some(n) if !crate::lint::trim(&n.value).is_empty() => return,
        Some(n) => (n.span, "document.number"),
        None => (doc.symbol.span, "document.symbol"),
    };
    out.push(
        RULE.meta.diag(
            "kế hoạch thiếu số văn bản",
            "the plan has no document number",
            span,
        )
        .with_path(path)
        .with_label(t("cần số văn bản", "number needed"))
        .with_help(t(
            "điền `number:` (ví dụ \"444\"), hoặc đặt `draft: true` nếu đây là dự thảo",
            "fill in `number:` (e.g. \"444\"), or set `draft: true` if this is a draft",
        )),
    );
}
