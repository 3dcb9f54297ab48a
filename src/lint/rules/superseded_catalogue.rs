//! KH110 superseded-catalogue: a plan for a year the pinned catalogue no longer applies to.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Check, Explanation, Meta, RuleDef, StaticText, t};

/// The catalogue the plan pins says it was replaced (`superseded:` in the catalogue
/// file) from a year at or before the plan's: the 922/QĐ-BTTTT DTI for a plan for 2025
/// or later, which 405/QĐ-BKHCN of 03/4/2025 replaced.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
    code: "KH110",
    name: "superseded-catalogue",
    level: Level::Warning,
    summary: StaticText::new(
        "kế hoạch dùng bộ chỉ số đã được thay thế cho năm của nó",
        "the plan pins a catalogue that was replaced for its year",
    ),
    explanation: Explanation {
        why: StaticText::new(
            "Quyết định 405/QĐ-BKHCN ngày 03/4/2025 phê duyệt Bộ chỉ số DTI mới (cấp tỉnh: 8 chỉ số chính, 47 chỉ số thành phần, 1.000 điểm) thay cho Bộ chỉ số của Quyết định 922/QĐ-BTTTT; DTI 2024 đã được đánh giá theo bộ mới. Kế hoạch năm 2025 trở đi lập theo bộ 922 giao nhiệm vụ cho những chỉ số không còn được chấm. Nhập bộ chỉ số mới bằng `kehoach catalogue import` và ghi nó ở `catalogue:`",
            "Decision 405/QĐ-BKHCN of 03/4/2025 approved a new DTI (provinces: 8 main indices, 47 component indicators, 1,000 points) in place of the catalogue of Decision 922/QĐ-BTTTT; DTI 2024 was assessed on the new one. A plan for 2025 or later written against 922 assigns work to indicators that are no longer scored. Import the new catalogue with `kehoach catalogue import` and pin it in `catalogue:`",
        ),
        bad: "catalogue: dti-922-2022\ndocument:\n  year: 2026\n",
        good: "catalogue: dti-405-2025-tinh.yaml  # imported from the decision's appendix\ndocument:\n  year: 2026\n",
    },
},
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(cat) = cx.catalogue else { return };
    let Some(s) = &cat.catalogue.superseded else {
        return;
    };
    let year = cx.plan.document.year.value;
    if year < s.from_year {
        return;
    }
    let old = &cat.catalogue.decision.number;
    let date = crate::vn::Date::parse_iso(&s.date)
        .map(crate::lint::asof::day_vi)
        .unwrap_or_else(|| s.date.clone());
    out.push(
        RULE.meta
            .diag(
                format!(
                    "kế hoạch năm {year} dùng bộ chỉ số \"{}\" ({old}), đã được thay thế bởi Quyết định {} ngày {date} của {} cho các năm từ {}",
                    cat.id(),
                    s.by,
                    s.issuer,
                    s.from_year
                ),
                format!(
                    "the plan for {year} pins \"{}\" ({old}), replaced by Decision {} of {date} ({}) for {} on",
                    cat.id(),
                    s.by,
                    s.issuer,
                    s.from_year
                ),
                cx.plan.catalogue.span,
            )
            .with_path("catalogue")
            .with_label(t("bộ chỉ số đã thay thế", "superseded catalogue"))
            .with_help(t(
                format!(
                    "nhập bảng chỉ số của Quyết định {} (`kehoach catalogue import BẢNG.xlsx`) và ghi tệp đó ở `catalogue:`",
                    s.by
                ),
                format!(
                    "import the table of Decision {} (`kehoach catalogue import TABLE.xlsx`) and pin that file in `catalogue:`",
                    s.by
                ),
            )),
    );
}
