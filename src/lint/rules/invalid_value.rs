//! KH002 invalid-value: reported by the plan loader (`crate::plan::load`); registered here so that it
//! can be explained and configured.

use crate::diagnostic::Level;
use crate::lint::rule::{Explanation, Meta, StaticText, Check, RuleDef};

/// a value has the wrong type or is not allowed.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH002",
        name: "invalid-value",
        level: Level::Error,
        summary: StaticText::new(
            "giá trị sai kiểu hoặc không được phép",
            "a value has the wrong type or is not allowed",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "mỗi khóa của kế hoạch có kiểu xác định (số, chuỗi, danh sách); giá trị sai kiểu khiến phần mềm hiểu sai văn bản, ví dụ năm viết thành chữ thì không tính được thời hạn",
                "every plan key has a type (number, text, list); a value of the wrong type makes the plan mean something else, e.g. a year written as words cannot bound the deadlines",
            ),
            bad: "document:\n  year: hai nghìn hai mươi ba\n",
            good: "document:\n  year: 2023\n",
        },
    },
    check: Check::Elsewhere(
        "the plan loader (`crate::plan::load`), when a value has the wrong type or form",
    ),
};

