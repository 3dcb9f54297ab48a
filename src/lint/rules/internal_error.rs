//! KH000 internal-error: linting a file panicked (a kehoach bug). Made by the lint
//! command's per-file panic guard; the other files are still linted and the run exits 101.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::rule::{Check, Explanation, Meta, RuleDef, StaticText, t};
use crate::source::Span;

/// A file whose linting stopped on an internal error: its findings are unknown.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH000",
        name: "internal-error",
        level: Level::Error,
        summary: StaticText::new(
            "lỗi nội bộ của kehoach khi kiểm tra tệp",
            "kehoach failed internally while linting the file",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "một lỗi trong kehoach làm dừng việc kiểm tra tệp này nên không biết tệp có lỗi gì; các tệp khác vẫn được kiểm tra và lệnh kết thúc với mã 101 để CI không báo xanh",
                "a bug in kehoach stopped the checks of this file, so what is wrong with it is unknown; the other files are still linted and the run exits 101 so that CI does not pass",
            ),
            bad: "# any plan that makes kehoach fail internally\n",
            good: "# the same plan, once the bug is fixed\n",
        },
    },
    check: Check::Elsewhere(
        "the lint command's per-file panic guard (`crate::cli::lint`), when linting a file panicked",
    ),
};

/// The finding for a file whose linting panicked with `message`.
pub fn finding(message: &str) -> Diagnostic {
    RULE.meta
        .diag(
            format!("lỗi nội bộ khi kiểm tra tệp: {message}"),
            format!("internal error while linting the file: {message}"),
            Span::default(),
        )
        .with_help(t(
            "đây là lỗi của kehoach, không phải của kế hoạch: hãy báo lỗi kèm tệp này",
            "this is a bug in kehoach, not in the plan: please report it with this file",
        ))
}
