//! KH901 unused-suppression: a `# kehoach: allow` that silences nothing. Emitted by the
//! engine after the rules ran.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};
use crate::source::Span;

/// A suppression whose rule found nothing in the node it covers.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH901",
        name: "unused-suppression",
        level: Level::Warning,
        summary: StaticText::new(
            "chú thích bỏ qua không bỏ qua lỗi nào",
            "a suppression that silences nothing",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "khi lỗi đã được sửa (ví dụ đã giao cơ quan chủ trì), chú thích bỏ qua còn sót lại sẽ che mất lỗi tương tự xuất hiện sau này ở cùng chỗ; vì vậy chú thích không còn tác dụng bị báo để xóa đi",
                "once the problem is fixed (a lead agency was assigned), a leftover suppression would hide the same problem when it comes back at that place; an unused suppression is reported so it gets removed",
            ),
            bad: "tasks:\n  - id: nv-1  # kehoach: allow KH301 -- chờ phân công\n    lead: [Sở Tài chính]\n",
            good: "tasks:\n  - id: nv-1\n    lead: [Sở Tài chính]\n",
        },
    },
    check: Check::Elsewhere(
        "the engine (`crate::lint::engine`), after the rules ran, for every suppression that silenced nothing",
    ),
};

/// The finding for selector `sel` of the directive at `span`.
pub fn finding(span: Span, sel: &str) -> Diagnostic {
    RULE.meta.diag(
        format!("chú thích bỏ qua `{sel}` không bỏ qua lỗi nào"),
        format!("the suppression of `{sel}` silences nothing"),
        span,
    )
    .with_label(t("không dùng đến", "unused"))
    .with_help(t(
        "xóa chú thích này (lỗi đã được sửa, hoặc nằm ở nút khác hay thuộc chỉ số khác)",
        "remove this comment (the problem was fixed, or it is on another node or about another indicator)",
    ))
}

