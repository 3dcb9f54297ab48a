//! Office formats built from the plan model: the deadline calendar (ICS) and the
//! assignment workbook (XLSX). Both are deterministic: the same plan gives the same bytes
//! (timestamps come from the plan's own date, never the clock).

pub mod ics;
pub mod xlsx;

use crate::plan::{Plan, Task};
use crate::vn::Date;

/// The date output is stamped with: the plan's issue date, else 1 January of its year.
pub fn stamp_date(plan: &Plan) -> Date {
    plan.document
        .date
        .as_ref()
        .and_then(|d| Date::parse_iso(&d.value))
        .or_else(|| Date::new(plan.document.year.value, 1, 1))
        .unwrap_or(Date {
            year: 2000,
            month: 1,
            day: 1,
        })
}

/// A task's name for a table or a calendar: its title, else the first line of its body,
/// else its id.
pub fn task_name(task: &Task) -> String {
    if let Some(t) = task.title.as_ref().filter(|t| !t.value.trim().is_empty()) {
        return t.value.trim().to_string();
    }
    if let Some(b) = task.body.as_deref() {
        if let Some(line) = b.lines().map(str::trim).find(|l| !l.is_empty()) {
            return line.trim_start_matches(['-', '*', ' ']).to_string();
        }
    }
    task.id.value.clone()
}

/// The agencies of a cell list, joined as a table writes them.
pub fn agencies(list: &[crate::source::Spanned<String>]) -> String {
    list.iter()
        .map(|a| a.value.trim())
        .filter(|a| !a.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}
