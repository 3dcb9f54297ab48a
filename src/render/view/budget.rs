//! The project and budget appendix: sections, items, subtotals and the grand total
//! computed from the items; a stated subtotal or total that differs is shown and flagged.

use serde::Serialize;

use super::{figure_text, figure_value};
use crate::plan::{BudgetSection, BudgetTable};
use crate::vn::number;

/// A budget table flattened into rows.
#[derive(Clone, Debug, Serialize)]
pub struct BudgetView {
    pub title: String,
    pub unit: String,
    pub rows: Vec<BudgetRow>,
    pub total: String,
    /// The stated grand total when it differs from the computed one.
    pub stated_total: Option<String>,
    /// Number of subtotals and totals that differ from the computed sums.
    pub mismatches: usize,
}

/// One row: a section (with its computed subtotal) or an item.
#[derive(Clone, Debug, Serialize)]
pub struct BudgetRow {
    /// `section` or `item`.
    pub kind: &'static str,
    pub depth: usize,
    pub number: String,
    pub name: String,
    pub lead: String,
    pub goal: String,
    pub amount: String,
    /// The stated subtotal when it differs from the computed one.
    pub stated: Option<String>,
    pub period: String,
    pub note: String,
}

/// Two amounts differ when they are apart by more than rounding.
fn differs(a: f64, b: f64) -> bool {
    (a - b).abs() > 0.0005 * a.abs().max(b.abs()).max(1.0)
}

/// Build the view of one budget table.
pub fn build(table: &BudgetTable) -> BudgetView {
    let mut rows = Vec::new();
    let mut mismatches = 0;
    let mut total = 0.0;
    for s in &table.sections {
        total += section(s, 0, &mut rows, &mut mismatches);
    }
    let stated_total = table
        .total
        .as_ref()
        .filter(|t| figure_value(t).is_none_or(|v| differs(v, total)))
        .map(|t| {
            mismatches += 1;
            let text = figure_text(t);
            if text.is_empty() {
                "(để trống)".to_string()
            } else {
                text
            }
        });
    BudgetView {
        title: table.title.clone(),
        unit: table.unit.clone().unwrap_or_else(|| "triệu đồng".into()),
        rows,
        total: number::format(total, 3),
        stated_total,
        mismatches,
    }
}

/// Push a section's row, its items and sub-sections; return its computed subtotal.
fn section(s: &BudgetSection, depth: usize, rows: &mut Vec<BudgetRow>, bad: &mut usize) -> f64 {
    let at = rows.len();
    rows.push(BudgetRow {
        kind: "section",
        depth,
        number: s.number.clone().unwrap_or_default(),
        name: s.title.clone(),
        lead: String::new(),
        goal: String::new(),
        amount: String::new(),
        stated: None,
        period: String::new(),
        note: String::new(),
    });
    let mut sum = 0.0;
    for item in &s.items {
        if let Some(v) = item.amount.as_ref().and_then(|a| figure_value(a)) {
            sum += v;
        }
        rows.push(BudgetRow {
            kind: "item",
            depth: depth + 1,
            number: item.number.clone().unwrap_or_default(),
            name: item.name.value.clone(),
            lead: item
                .lead
                .iter()
                .map(|l| l.trim())
                .collect::<Vec<_>>()
                .join(", "),
            goal: item.goal.clone().unwrap_or_default(),
            amount: item
                .amount
                .as_ref()
                .map(|a| figure_text(a))
                .unwrap_or_default(),
            stated: None,
            period: item
                .period
                .as_ref()
                .map(|p| p.value.clone())
                .unwrap_or_default(),
            note: item.note.clone().unwrap_or_default(),
        });
    }
    for sub in &s.sections {
        sum += section(sub, depth + 1, rows, bad);
    }
    rows[at].amount = number::format(sum, 3);
    if let Some(stated) = &s.subtotal
        && figure_value(stated).is_none_or(|v| differs(v, sum))
    {
        *bad += 1;
        let text = figure_text(stated);
        rows[at].stated = Some(if text.is_empty() {
            "(để trống)".into()
        } else {
            text
        });
    }
    sum
}
