//! KH503 budget-sum-mismatch: budget subtotals and totals that are not the sum of their
//! items, or left blank.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};
use crate::plan::{BudgetSection, Figure};
use crate::source::Spanned;
use crate::vn::number::format;

use super::{Num, num, value};

/// A section subtotal or table total that differs from the sum of what it holds, or is
/// stated blank.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH503",
        name: "budget-sum-mismatch",
        level: Level::Error,
        summary: StaticText::new(
            "cộng kinh phí không khớp với các khoản",
            "a budget subtotal or total does not add up",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "phụ lục dự án và kinh phí là căn cứ bố trí vốn; dòng cộng không bằng tổng các khoản, hoặc để trống, thì không biết số nào đúng khi lập dự toán. Mỗi dòng cộng được tính lại từ các khoản của nó (sai số làm tròn 0,01 cho mỗi khoản)",
                "the project and budget appendix is what funds are allocated from; a subtotal that is not the sum of its items, or is blank, leaves the estimate without a right figure. Each subtotal is recomputed from its items (0.01 rounding per item)",
            ),
            bad: "sections:\n  - title: Dự án đầu tư\n    subtotal: \"100.000\"\n    items:\n      - {name: A, amount: \"60.000\"}\n      - {name: B, amount: \"50.000\"}\n",
            good: "sections:\n  - title: Dự án đầu tư\n    subtotal: \"110.000\"\n    items:\n      - {name: A, amount: \"60.000\"}\n      - {name: B, amount: \"50.000\"}\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for (ti, table) in cx.plan.budget_tables.iter().enumerate() {
        let mut parts = Vec::new();
        for (si, s) in table.sections.iter().enumerate() {
            let path = format!("budget_tables[{ti}].sections[{si}]");
            parts.push(section(s, &path, out));
        }
        if let Some(total) = &table.total {
            compare(
                total,
                &parts,
                format!("budget_tables[{ti}].total"),
                ("tổng cộng", "the total"),
                ("các mục", "its sections"),
                out,
            );
        }
    }
}

/// The section's value (its stated subtotal when it is a number, else the computed sum),
/// checking its subtotal on the way.
fn section(s: &BudgetSection, path: &str, out: &mut Vec<Diagnostic>) -> f64 {
    let mut parts: Vec<f64> = s
        .items
        .iter()
        .filter_map(|i| i.amount.as_ref().and_then(|a| value(a)))
        .collect();
    for (k, sub) in s.sections.iter().enumerate() {
        parts.push(section(sub, &format!("{path}.sections[{k}]"), out));
    }
    let computed: f64 = parts.iter().sum();
    let Some(stated) = &s.subtotal else {
        return computed;
    };
    let name = s.title.trim();
    compare(
        stated,
        &parts,
        format!("{path}.subtotal"),
        (
            &format!("cộng mục \"{name}\""),
            &format!("the subtotal of \"{name}\""),
        ),
        ("các khoản", "its items"),
        out,
    );
    value(stated).unwrap_or(computed)
}

fn compare(
    stated: &Spanned<Figure>,
    parts: &[f64],
    path: String,
    (vi, en_what): (&str, &str),
    (parts_vi, parts_en): (&str, &str),
    out: &mut Vec<Diagnostic>,
) {
    let sum: f64 = parts.iter().sum();
    let shown = format(sum, 3);
    let shown_en = en(sum);
    let d = match num(stated) {
        Num::Value(v) => {
            let tol = 0.01 * parts.len().max(1) as f64 + 1e-9;
            if (v - sum).abs() <= tol {
                return;
            }
            let v_en = en(v);
            RULE.meta.diag(
                format!("{vi} ghi {} nhưng tổng {parts_vi} là {shown}", format(v, 3)),
                format!("{en_what} is stated as {v_en} but {parts_en} add up to {shown_en}"),
                stated.span,
            )
        }
        Num::Blank => RULE.meta.diag(
            format!("{vi} bị để trống (tổng {parts_vi} là {shown})"),
            format!("{en_what} is blank ({parts_en} add up to {shown_en})"),
            stated.span,
        ),
        Num::NotANumber => return,
    };
    out.push(
        d.with_path(path)
            .with_label(t(format!("tổng: {shown}"), format!("sum: {shown_en}")))
            .with_help(t(
                format!("ghi {shown}, hoặc sửa khoản bị chép sai"),
                format!("write {shown_en}, or fix the item that was copied wrong"),
            )),
    );
}

/// An amount in English notation: "," groups thousands, "." marks decimals.
fn en(v: f64) -> String {
    format(v, 3)
        .chars()
        .map(|c| match c {
            '.' => ',',
            ',' => '.',
            c => c,
        })
        .collect()
}
