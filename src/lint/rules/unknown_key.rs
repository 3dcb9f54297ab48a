//! KH003 unknown-key: reported by the plan loader (`crate::plan::load`); registered here so that it
//! can be explained and configured.

use crate::diagnostic::Level;
use crate::lint::rule::{Explanation, Meta, StaticText, Check, RuleDef};

/// a key the plan format does not know.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH003",
        name: "unknown-key",
        level: Level::Error,
        summary: StaticText::new(
            "khóa không có trong định dạng kế hoạch",
            "a key the plan format does not know",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "khóa gõ sai (ví dụ `dealine`) bị bỏ qua một cách lặng lẽ thì thời hạn của nhiệm vụ coi như không có; vì vậy mọi khóa lạ đều bị báo, kèm gợi ý khóa gần nhất",
                "a misspelt key (`dealine`) silently ignored would drop the task's deadline; every unknown key is reported, with the closest known key",
            ),
            bad: "tasks:\n  - id: nv-1\n    dealine: Quý IV/2023\n",
            good: "tasks:\n  - id: nv-1\n    deadline: Quý IV/2023\n",
        },
    },
    check: Check::Elsewhere(
        "the plan loader (`crate::plan::load`), when a key is not in the plan format",
    ),
};

