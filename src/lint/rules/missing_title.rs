//! KH103 missing-title: the summary title (trích yếu) is empty.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};

/// The trích yếu under "KẾ HOẠCH" is blank.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH103",
        name: "missing-title",
        level: Level::Error,
        summary: StaticText::new("kế hoạch thiếu trích yếu", "the plan has no title"),
        explanation: Explanation {
            why: StaticText::new(
                "trích yếu nội dung là thành phần bắt buộc của thể thức văn bản (Nghị định 30/2020/NĐ-CP); nó cho biết kế hoạch nhằm gì, ví dụ nâng cao Chỉ số DTI năm nào",
                "the summary title is a required part of the layout under Decree 30/2020/NĐ-CP; it says what the plan is for, e.g. raising the DTI in which year",
            ),
            bad: "document:\n  title: \"\"\n",
            good: "document:\n  title: Nâng cao Chỉ số chuyển đổi số (DTI) tỉnh Tiền Giang năm 2023 và các năm tiếp theo\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let title = &cx.plan.document.title;
    if crate::lint::trim(&title.value).is_empty() {
        out.push(
            RULE.meta.diag(
                "kế hoạch thiếu trích yếu",
                "the plan has no title",
                title.span,
            )
            .with_path("document.title")
            .with_label(t("trích yếu trống", "empty title"))
            .with_help(t(
                "điền `title:` với nội dung trích yếu dưới chữ KẾ HOẠCH",
                "fill in `title:` with the summary printed under KẾ HOẠCH",
            )),
        );
    }
}
