//! KH001 yaml-syntax: reported by the plan loader (`crate::plan::load`); registered here so that it
//! can be explained and configured.

use crate::diagnostic::Level;
use crate::lint::rule::{Explanation, Meta, StaticText, Check, RuleDef};

/// the file is not valid YAML.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH001",
        name: "yaml-syntax",
        level: Level::Error,
        summary: StaticText::new("tệp không phải YAML hợp lệ", "the file is not valid YAML"),
        explanation: Explanation {
            why: StaticText::new(
                "kế hoạch là tệp nguồn của văn bản sẽ ký ban hành; nếu tệp không đọc được thì không kiểm tra, chấm điểm hay xuất PDF được. Lỗi cú pháp được báo đúng dòng, cột để sửa ngay",
                "the plan is the source of the document that will be signed; a file that does not parse cannot be checked, scored or rendered. The syntax error is reported at its line and column",
            ),
            bad: "tasks:\n  - id: nv-1\n    title: \"Triển khai nền tảng\n",
            good: "tasks:\n  - id: nv-1\n    title: \"Triển khai nền tảng\"\n",
        },
    },
    check: Check::Elsewhere(
        "the plan loader (`crate::plan::load`), when the file is not YAML",
    ),
};

