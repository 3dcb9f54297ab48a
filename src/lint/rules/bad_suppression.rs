//! KH902 bad-suppression: a `# kehoach:` comment that cannot be read. Emitted by the
//! suppression pass (`lint::suppress`).

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};
use crate::source::Span;

/// A suppression comment that is malformed, names no known rule, has no reason, or
/// stands before nothing.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH902",
        name: "bad-suppression",
        level: Level::Warning,
        summary: StaticText::new(
            "chú thích bỏ qua không hợp lệ",
            "a suppression comment that cannot be read",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "chú thích `# kehoach: allow MÃ -- lý do` là cách duy nhất để chấp nhận một sai lệch có chủ ý (ví dụ chỉ số chưa giao vì đang chờ hướng dẫn của Bộ). Chú thích viết sai thì không có tác dụng, hoặc không ghi lý do thì người thẩm định không biết vì sao sai lệch được chấp nhận",
                "`# kehoach: allow CODE -- reason` is the one way to accept a deliberate deviation (an indicator left unassigned while the ministry's guidance is pending). A misspelt comment silences nothing, and one without a reason leaves reviewers guessing why the deviation was accepted",
            ),
            bad: "tasks:\n  - id: nv-1  # kehoach: alow KH301\n",
            good: "tasks:\n  - id: nv-1  # kehoach: allow KH301 -- chờ UBND tỉnh phân công\n",
        },
    },
    check: Check::Elsewhere(
        "the suppression pass (`crate::lint::suppress`), for every directive it cannot read",
    ),
};

/// What is wrong with a directive.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    UnknownVerb(String),
    NoRule,
    UnknownRule(String),
    NoReason,
    NoNode,
}

/// The finding for a malformed directive at `span`.
pub fn finding(span: Span, problem: Problem) -> Diagnostic {
    let (vi, en, help) = match &problem {
        Problem::UnknownVerb(v) => (
            format!("chỉ thị `{v}` không được hỗ trợ"),
            format!("unknown directive `{v}`"),
            t(
                "viết `# kehoach: allow MÃ -- lý do` hoặc `# kehoach: allow-file MÃ -- lý do`",
                "write `# kehoach: allow CODE -- reason` or `# kehoach: allow-file CODE -- reason`",
            ),
        ),
        Problem::NoRule => (
            "chú thích bỏ qua không nêu quy tắc nào".to_string(),
            "the suppression names no rule".to_string(),
            t(
                "nêu mã (KH201), tên (uncovered-indicator) hoặc tiền tố (KH2) của quy tắc",
                "name the rule by code (KH201), name (uncovered-indicator) or prefix (KH2)",
            ),
        ),
        Problem::UnknownRule(r) => (
            format!("không có quy tắc `{r}`"),
            format!("no rule is named `{r}`"),
            t(
                "xem danh sách quy tắc bằng `kehoach explain --list`",
                "list the rules with `kehoach explain --list`",
            ),
        ),
        Problem::NoReason => (
            "chú thích bỏ qua thiếu lý do".to_string(),
            "the suppression gives no reason".to_string(),
            t(
                "thêm lý do sau `--`: `# kehoach: allow KH201 -- lý do`",
                "add a reason after `--`: `# kehoach: allow KH201 -- reason`",
            ),
        ),
        Problem::NoNode => (
            "chú thích bỏ qua không đứng trước nút nào".to_string(),
            "the suppression stands before no node".to_string(),
            t(
                "đặt chú thích ở cuối dòng của nút, hoặc ngay trên nút",
                "put the comment at the end of the node's line, or on the line just above it",
            ),
        ),
    };
    RULE.meta.diag(vi, en, span)
        .with_label(t("ở đây", "here"))
        .with_help(help)
}

