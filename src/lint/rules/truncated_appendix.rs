//! KH134 truncated-appendix: an indicator appendix that stops inside a main index: its
//! last row leaves indicators of that index without a row, and either no later scored
//! main index has a row, or the last row's own text is cut off mid-sentence.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Check, Explanation, Meta, RuleDef, StaticText, t};

pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH134",
        name: "truncated-appendix",
        level: Level::Warning,
        summary: StaticText::new(
            "phụ lục chỉ số dừng giữa một chỉ số chính",
            "an indicator appendix that stops inside a main index",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "phụ lục giao chỉ số đi theo thứ tự Bộ chỉ số; nếu dòng cuối nằm giữa một chỉ số chính (6.11 trong 22 chỉ số của chỉ số 6) và không có dòng nào của các chỉ số chính sau nó, phụ lục gần như chắc chắn bị mất phần cuối (qua trang, khi chuyển định dạng) và các chỉ số còn lại không ai được giao",
                "an assignment appendix runs in catalogue order; when its last row falls inside a main index (6.11 of index 6's 22) and no later main index has a row, the appendix has almost certainly lost its end (a page, a conversion) and the remaining indicators are assigned to nobody",
            ),
            bad: "tasks:\n  - id: pl-1.2\n    indicators: [\"1.2\"]\n    max_points: 10\n    lead: [Sở Khoa học và Công nghệ]\n    deadline: Quý IV/2023\n  - id: pl-6.1.1\n    indicators: [\"6.1.1\"]\n    max_points: 10\n    lead: [Văn phòng UBND tỉnh]\n    deadline: Theo chỉ tiêu tại Công văn số 4842/UBND-KSTT ngày 06/9/2022 của Ủy ban\n  - id: nv-6.2\n    indicators: [\"6.2\"]\n    lead: [Sở Khoa học và Công nghệ]\n    deadline: Năm 2024\n",
            good: "tasks:\n  - id: pl-1.2\n    indicators: [\"1.2\"]\n    max_points: 10\n    lead: [Sở Khoa học và Công nghệ]\n    deadline: Quý IV/2023\n  - id: pl-6.1.1\n    indicators: [\"6.1.1\"]\n    max_points: 10\n    lead: [Văn phòng UBND tỉnh]\n    deadline: Trước 30/11/2023\n  - id: pl-6.2\n    indicators: [\"6.2\"]\n    max_points: 20\n    lead: [Sở Khoa học và Công nghệ]\n    deadline: Năm 2024\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(cat) = cx.catalogue else { return };
    // Appendix rows state the indicator's points.
    let rows: Vec<(usize, &str)> = cx
        .plan
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.max_points.is_some())
        .filter_map(|(i, t)| t.indicators.first().map(|c| (i, crate::lint::trim(&c.value))))
        .filter(|(_, c)| cat.get(c).is_some())
        .collect();
    let Some(&(last_i, last)) = rows.last() else { return };
    let Some(last_e) = cat.get(last) else { return };
    let main = last_e.main.clone();
    let entries = cat.entries();
    let pos = |code: &str| entries.iter().position(|e| e.code == code);
    let Some(last_pos) = pos(last) else { return };
    let has_row = |code: &str| {
        rows.iter()
            .any(|(_, c)| *c == code || c.starts_with(&format!("{code}.")))
    };
    // Scored indicators of the same main index after the last row, with no row.
    let rest: Vec<&str> = entries[last_pos + 1..]
        .iter()
        .filter(|e| e.main == main && e.depth == 2 && e.max_points.is_some_and(|p| p > 0.0))
        .map(|e| e.code.as_str())
        .filter(|c| !has_row(c))
        .collect();
    let later: Vec<&str> = entries[last_pos + 1..]
        .iter()
        .filter(|e| e.depth == 1 && e.code != main && e.max_points.is_some_and(|p| p > 0.0))
        .map(|e| e.code.as_str())
        .collect();
    let task = &cx.plan.tasks[last_i];
    let row_cut = [&task.deadline.as_ref().map(|d| d.value.clone()), &task.method, &task.target, &task.note]
        .iter()
        .any(|t| t.as_deref().is_some_and(|t| super::truncated_text::cut_off(t).is_some()));
    // Earlier main indices with rows: the appendix covers the catalogue in order.
    let earlier = rows
        .iter()
        .any(|(_, c)| cat.get(c).is_some_and(|e| e.main != main));
    if rest.is_empty() || !(row_cut || (earlier && !later.is_empty())) {
        return;
    }
    let span = cx.plan.tasks[last_i].indicators[0].span;
    let missing = format!(
        "{}–{}",
        rest.first().copied().unwrap_or(""),
        rest.last().copied().unwrap_or("")
    );
    let (vi, en) = if later.is_empty() {
        (
            format!("phụ lục dừng ở {last} giữa chỉ số chính {main}, dòng cuối bị cắt: {missing} không có dòng nào"),
            format!("the appendix stops at {last} inside main index {main}, its last row cut off: {missing} have no row"),
        )
    } else {
        let later_s = later.join(", ");
        (
            format!("phụ lục dừng ở {last} giữa chỉ số chính {main}: {missing} và các chỉ số chính {later_s} không có dòng nào"),
            format!("the appendix stops at {last} inside main index {main}: {missing} and main indices {later_s} have no row"),
        )
    };
    out.push(
        RULE.meta
            .diag(vi, en, span)
            .with_path(format!("tasks[{last_i}].indicators[0]"))
            .with_indicator(last.to_string())
            .with_label(t("dòng cuối", "last row"))
            .with_help(t(
                "chép tiếp các dòng còn thiếu của phụ lục từ bản gốc",
                "copy the appendix's missing rows from the original",
            )),
    );
}
