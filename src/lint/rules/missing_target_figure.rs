//! KH533 missing-target-figure: a comparative target whose figure is missing ("đạt tối
//! thiểu, …", "đạt trên Tỷ lệ …").

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::prose::missing_figures;
use crate::lint::rule::{Check, Explanation, Meta, RuleDef, StaticText, t};

pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH533",
        name: "missing-target-figure",
        level: Level::Warning,
        summary: StaticText::new(
            "chỉ tiêu so sánh thiếu con số (\"đạt tối thiểu, …\")",
            "a comparative target with its figure missing (\"đạt tối thiểu, …\")",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "một chỉ tiêu \"đạt tối thiểu …\", \"đạt trên …\" mà mất con số thì không đo được và không ai chịu trách nhiệm về nó; lỗi này hay gặp khi soạn từ bảng và các ô số bị bỏ trống (\"Tỷ trọng kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu, Năng suất lao động …\")",
                "a target \"đạt tối thiểu …\" or \"đạt trên …\" that lost its figure cannot be measured and nobody answers for it; it happens when text is drafted from a table whose figure cells were left empty (\"Tỷ trọng kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu, Năng suất lao động …\")",
            ),
            bad: "tasks:\n  - id: nv-1\n    target: Tỷ trọng kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu, năng suất lao động tăng\n",
            good: "tasks:\n  - id: nv-1\n    target: Tỷ trọng kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu 10%, năng suất lao động tăng\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let texts = cx.texts();
    for f in texts.fields() {
        // Titles and names repeat the catalogue's wording ("tỷ lệ chi … tối thiểu").
        if matches!(f.key, "title" | "name" | "heading") || f.path.starts_with("bases[") {
            continue;
        }
        for m in missing_figures(&f.text) {
            out.push(
                RULE.meta
                    .diag(
                        format!("\"{}\" không có con số đi kèm", &f.text[m.range.clone()]),
                        format!("\"{}\" has no figure after it", &f.text[m.range.clone()]),
                        texts.phrase(f, m.range.clone()),
                    )
                    .with_path(f.path.clone())
                    .with_label(t("thiếu con số", "figure missing"))
                    .with_help(t(
                        format!("điền mức cần đạt sau \"{}\" (ví dụ \"{} 10%\") như trên bản gốc", m.comparative, m.comparative),
                        format!("fill in the level to reach after \"{}\" (e.g. \"{} 10%\") as in the original", m.comparative, m.comparative),
                    )),
            );
        }
    }
}
