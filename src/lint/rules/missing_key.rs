//! KH004 missing-key: reported by the plan loader (`crate::plan::load`); registered here so that it
//! can be explained and configured.

use crate::diagnostic::Level;
use crate::lint::rule::{Explanation, Meta, StaticText, Check, RuleDef};

/// a required key is missing.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH004",
        name: "missing-key",
        level: Level::Error,
        summary: StaticText::new("thiếu khóa bắt buộc", "a required key is missing"),
        explanation: Explanation {
            why: StaticText::new(
                "một số thành phần là bắt buộc theo thể thức văn bản (Nghị định 30/2020/NĐ-CP) hoặc để liên kết với Bộ chỉ số, ví dụ `catalogue` cho biết kế hoạch được kiểm tra với bộ chỉ số nào",
                "some parts are required by the document layout (Decree 30/2020/NĐ-CP) or to link the plan to the catalogue, e.g. `catalogue` says which DTI catalogue the plan is checked against",
            ),
            bad: "document:\n  symbol: KH-UBND\n",
            good: "catalogue: dti-922-2022\ndocument:\n  symbol: KH-UBND\n",
        },
    },
    check: Check::Elsewhere(
        "the plan loader (`crate::plan::load`), when a required key is absent",
    ),
};

