//! KH504 blank-number: a blank or a word where the source needs a number.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};
use crate::plan::Figure;
use crate::source::Spanned;

use super::{Num, num};

/// A figure (points, maximum, amount) left blank ("") or written as text that is not a
/// number. Stated budget subtotals are checked by budget-sum-mismatch.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH504",
        name: "blank-number",
        level: Level::Warning,
        summary: StaticText::new(
            "ô số liệu bị bỏ trống hoặc không phải số",
            "a number left blank or written as text",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "bảng điểm và bảng kinh phí là căn cứ để theo dõi và tính tổng; ô để trống (\"\") không biết là 0, là chưa có số liệu hay là bị sót khi chép. Ghi số, hoặc bỏ hẳn khóa nếu văn bản gốc không có số liệu",
                "score and budget tables are what totals and follow-up rest on; a blank cell (\"\") might mean 0, no data yet, or a copying slip. Write the number, or leave the key out when the source has no figure",
            ),
            bad: "budget_tables:\n  - id: pl1\n    title: Kinh phí\n    sections:\n      - title: Dự án\n        items:\n          - name: Trung tâm dữ liệu\n            amount: \"\"\n",
            good: "budget_tables:\n  - id: pl1\n    title: Kinh phí\n    sections:\n      - title: Dự án\n        items:\n          - name: Trung tâm dữ liệu\n            amount: \"45.000\"\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let mut check = |f: &Spanned<Figure>, path: String| {
        let (vi, en) = match num(f) {
            Num::Value(_) => return,
            Num::Blank => (
                format!("ô số liệu `{path}` bị bỏ trống"),
                format!("`{path}` is blank where a number belongs"),
            ),
            Num::NotANumber => {
                let Figure::Text(s) = &f.value else { return };
                (
                    format!("`{}` ở `{path}` không phải là số", s.trim()),
                    format!("`{}` at `{path}` is not a number", s.trim()),
                )
            }
        };
        out.push(
            RULE.meta.diag(vi, en, f.span)
                .with_path(path)
                .with_label(t("cần một số", "number needed"))
                .with_help(t(
                    "ghi số như văn bản gốc (\"226.420\", \"6,67\"), hoặc bỏ khóa nếu không có số liệu",
                    "write the number as the source does (\"226.420\", \"6,67\"), or drop the key when there is no figure",
                )),
        );
    };
    let plan = cx.plan;
    let scored = |code: &str| {
        cx.catalogue
            .and_then(|c| c.get(code))
            .is_none_or(|e| e.max_points.is_some_and(|p| p > 0.0))
    };
    if let Some(b) = &plan.baseline {
        if let Some(x) = &b.total {
            check(x, "baseline.total".into());
        }
        if let Some(m) = &b.max_points {
            check(m, "baseline.max_points".into());
        }
        for (i, x) in b.indices.iter().enumerate() {
            // An index the catalogue does not score (9 in 2022) may have no figure: no
            // points, no maximum ("Bộ TT&TT chưa chấm điểm"), no change.
            if !scored(crate::lint::trim(&x.code.value)) {
                continue;
            }
            check(&x.points, format!("baseline.indices[{i}].points"));
            if let Some(m) = &x.max_points {
                check(m, format!("baseline.indices[{i}].max_points"));
            }
            if let Some(c) = &x.change {
                check(c, format!("baseline.indices[{i}].change"));
            }
        }
        for (i, x) in b.indicators.iter().enumerate() {
            if let Some(p) = &x.points {
                if scored(crate::lint::trim(&x.code.value)) {
                    check(p, format!("baseline.indicators[{i}].points"));
                }
            }
        }
    }
    if let Some(g) = &plan.goals {
        if let Some(x) = &g.total {
            check(x, "goals.total".into());
        }
        for (i, x) in g.targets.iter().enumerate() {
            if let Some(p) = &x.points {
                check(p, format!("goals.targets[{i}].points"));
            }
        }
    }
    for (i, task) in plan.tasks.iter().enumerate() {
        if let Some(m) = &task.max_points {
            // A row of an unscored index (9 in 2022) may leave its maximum blank.
            if task.indicators.iter().all(|c| scored(crate::lint::trim(&c.value))) {
                check(m, format!("tasks[{i}].max_points"));
            }
        }
        if let Some(m) = &task.budget {
            check(m, format!("tasks[{i}].budget"));
        }
    }
    for (ai, a) in plan.appendices.iter().enumerate() {
        for (gi, g) in a.groups.iter().enumerate() {
            // The heading row of an unscored index may leave its maximum blank.
            if !scored(crate::lint::trim(&g.code.value)) {
                continue;
            }
            if let Some(m) = &g.max_points {
                check(m, format!("appendices[{ai}].groups[{gi}].max_points"));
            }
        }
    }
    for (ti, table) in plan.budget_tables.iter().enumerate() {
        let mut stack: Vec<(String, &crate::plan::BudgetSection)> = table
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("budget_tables[{ti}].sections[{i}]"), s))
            .collect();
        while let Some((path, s)) = stack.pop() {
            for (k, item) in s.items.iter().enumerate() {
                if let Some(a) = &item.amount {
                    check(a, format!("{path}.items[{k}].amount"));
                }
            }
            for (k, sub) in s.sections.iter().enumerate() {
                stack.push((format!("{path}.sections[{k}]"), sub));
            }
        }
    }
}
