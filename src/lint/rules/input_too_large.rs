//! KH005 input-too-large: reported by the plan loader (`crate::plan::load`); registered here so that it
//! can be explained and configured.

use crate::diagnostic::Level;
use crate::lint::rule::{Explanation, Meta, StaticText, Check, RuleDef};

/// the file exceeds a safety limit.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH005",
        name: "input-too-large",
        level: Level::Error,
        summary: StaticText::new(
            "tệp vượt giới hạn an toàn",
            "the file exceeds a safety limit",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "kế hoạch thật lớn nhất chỉ khoảng 200 KB; tệp lớn hơn nhiều, lồng quá sâu hoặc dùng quá nhiều alias YAML gần như chắc chắn không phải kế hoạch, và bị từ chối để không treo máy CI",
                "the largest real plan is about 200 KB; a file far larger, nested too deep or using too many YAML aliases is almost surely not a plan, and is refused so CI does not hang",
            ),
            bad: "a: &a [*a, *a, *a]  # alias bomb\n",
            good: "catalogue: dti-922-2022\n",
        },
    },
    check: Check::Elsewhere(
        "the plan loader (`crate::plan::load`), when the file exceeds an input budget",
    ),
};

