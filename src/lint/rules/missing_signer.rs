//! KH104 missing-signer: no signer, or a signer without title or name.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};

/// The signature block lacks the signer, their title, or (unless a draft) their name.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH104",
        name: "missing-signer",
        level: Level::Error,
        summary: StaticText::new("kế hoạch thiếu người ký", "the plan has no signer"),
        explanation: Explanation {
            why: StaticText::new(
                "văn bản chỉ có hiệu lực khi có thẩm quyền ký (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH), chức vụ và họ tên người ký (Nghị định 30/2020/NĐ-CP). Dự thảo được để trống họ tên nhưng vẫn phải có chức vụ",
                "a document takes effect through its signature block: authority (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH), title and name of the signer (Decree 30/2020/NĐ-CP). A draft may leave the name blank but not the title",
            ),
            bad: "signer:\n  authority: KT. CHỦ TỊCH\n  title: \"\"\n  name: \"\"\n",
            good: "signer:\n  authority: KT. CHỦ TỊCH\n  title: PHÓ CHỦ TỊCH\n  name: Phạm Văn Trọng\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(s) = &cx.plan.signer else {
        out.push(
            RULE.meta.diag(
                "kế hoạch thiếu người ký",
                "the plan has no signer",
                cx.top_key_span("recipients"),
            )
            .with_path("signer")
            .with_label(t("cần khối chữ ký", "signature block needed"))
            .with_help(t(
                "thêm `signer:` với `authority`, `title` và `name`",
                "add `signer:` with `authority`, `title` and `name`",
            )),
        );
        return;
    };
    if crate::lint::trim(&s.title.value).is_empty() {
        out.push(
            RULE.meta.diag(
                "thiếu chức vụ người ký",
                "the signer's title is missing",
                s.title.span,
            )
            .with_path("signer.title")
            .with_label(t("chức vụ trống", "empty title"))
            .with_help(t(
                "điền chức vụ, ví dụ \"CHỦ TỊCH\" hoặc \"PHÓ CHỦ TỊCH\"",
                "fill in the title, e.g. \"CHỦ TỊCH\" or \"PHÓ CHỦ TỊCH\"",
            )),
        );
    }
    if crate::lint::trim(&s.name.value).is_empty() && !cx.plan.document.draft {
        out.push(
            RULE.meta.diag(
                "thiếu họ tên người ký",
                "the signer's name is missing",
                s.name.span,
            )
            .with_path("signer.name")
            .with_label(t("họ tên trống", "empty name"))
            .with_help(t(
                "điền họ tên người ký, hoặc đặt `draft: true` nếu đây là dự thảo",
                "fill in the signer's name, or set `draft: true` if this is a draft",
            )),
        );
    }
}
