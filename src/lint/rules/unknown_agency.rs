//! KH302 unknown-agency: an agency the registry does not know, with a did-you-mean.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};
use crate::vn::agency::Registry;

/// A lead, supporting or duty-holding agency that is neither a name, an alias nor a group
/// of the agency registry (`lints/agencies.yaml`, or the province's own).
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH302",
        name: "unknown-agency",
        level: Level::Warning,
        summary: StaticText::new(
            "cơ quan không có trong danh mục cơ quan",
            "an agency that is not in the agency registry",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "nhiệm vụ được giao cho cơ quan ghi sai tên (\"Công TTĐT tỉnh\" thay cho \"Cổng TTĐT tỉnh\", \"Văn phòng Ủy ban nhân tỉnh\") thì không tổng hợp được theo cơ quan ở phần Tổ chức thực hiện, và cơ quan đó có thể không nhận ra nhiệm vụ của mình. Tên được đối chiếu với danh mục cơ quan của tỉnh, có gợi ý tên gần nhất",
                "a task assigned to a misspelt agency (\"Công TTĐT tỉnh\" for \"Cổng TTĐT tỉnh\", \"Văn phòng Ủy ban nhân tỉnh\") cannot be grouped by agency in the organisation section, and the agency may not recognise its task. Names are checked against the province's agency registry, with the closest name suggested",
            ),
            bad: "tasks:\n  - id: nv-1\n    lead: [Công TTĐT tỉnh]\n",
            good: "tasks:\n  - id: nv-1\n    lead: [Cổng Thông tin điện tử tỉnh]\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(reg) = cx.agencies else { return };
    for (m, found) in cx.agency_lookups() {
        if found.is_known() {
            continue;
        }
        // "nt" / "như trên" (ditto) repeats the row above, as tables write it.
        let ditto = matches!(
            m.text.trim().to_lowercase().as_str(),
            "nt" | "như trên" | "-nt-"
        );
        if ditto || office_holder_of_known(reg, &m.text) {
            continue;
        }
        let name = m.text.trim();
        let help = match reg.suggest(name) {
            Some(s) => t(
                format!("có phải ý bạn là \"{s}\"?"),
                format!("did you mean \"{s}\"?"),
            ),
            None => t(
                "viết đúng tên cơ quan, hoặc thêm cơ quan vào danh mục (`--agencies`, `agencies:` trong kehoach.yaml)",
                "write the agency's exact name, or add it to the registry (`--agencies`, `agencies:` in kehoach.yaml)",
            ),
        };
        out.push(
            RULE.meta.diag(
                format!("cơ quan \"{name}\" không có trong danh mục cơ quan"),
                format!("agency \"{name}\" is not in the agency registry"),
                m.span,
            )
            .with_path(m.path.clone())
            .with_label(t("cơ quan lạ", "unknown agency"))
            .with_help(help),
        );
    }
}

/// Titles of the office holders a plan may name as doing a task: the head of an agency
/// the registry knows ("Chủ tịch Ủy ban nhân dân cấp huyện", "Giám đốc Sở Y tế").
const OFFICE_TITLES: &[&str] = &[
    "phó chủ tịch",
    "chủ tịch",
    "phó giám đốc",
    "giám đốc",
    "thủ trưởng",
    "chánh văn phòng",
    "hiệu trưởng",
];

/// "<title> <agency>", optionally with the role the holder has besides (" - Trưởng ban chỉ
/// đạo chuyển đổi số cấp huyện"), where the agency is in the registry: the head of a
/// known agency is not an unknown agency. The agency part itself must be spelt right
/// ("Chủ tịch Ủy ban nhân tỉnh" stays a finding).
fn office_holder_of_known(reg: &Registry, text: &str) -> bool {
    let name = text.trim();
    let name = name.split(" - ").next().unwrap_or(name).trim();
    let lower = name.to_lowercase();
    OFFICE_TITLES.iter().any(|title| {
        lower
            .strip_prefix(title)
            .filter(|rest| rest.starts_with(' '))
            .is_some_and(|_| {
                // Lower-casing keeps the number of characters: cut the title off the original.
                let rest: String = name.chars().skip(title.chars().count()).collect();
                reg.lookup(rest.trim()).is_known()
            })
    })
}
