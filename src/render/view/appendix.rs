//! The appendices: heading ("PHỤ LỤC", Roman-numbered when there are two or more), title
//! in capitals, the "(Kèm theo Kế hoạch số …)" line, and the content of each kind.

use serde::Serialize;

use super::baseline::{self, BaselineView};
use super::budget::{self, BudgetView};
use super::tasks::{self, AssignmentView};
use crate::catalogue::Catalogue;
use crate::plan::{AppendixKind, Plan};

/// One appendix.
#[derive(Clone, Debug, Serialize)]
pub struct AppendixView {
    /// "PHỤ LỤC" or "PHỤ LỤC II".
    pub heading: String,
    pub title: String,
    /// "(Kèm theo Kế hoạch số 444/KH-UBND ngày … của …)".
    pub attach: String,
    /// `assignment`, `budget` or `baseline`.
    pub kind: &'static str,
    /// Landscape page.
    pub flipped: bool,
    pub assignment: Option<AssignmentView>,
    pub budget: Option<BudgetView>,
    pub baseline: Option<BaselineView>,
    /// Set when the appendix refers to something the plan lacks (a budget table id).
    pub missing: Option<String>,
}

/// Build every appendix the plan lists.
pub fn build(plan: &Plan, catalogue: &Catalogue, reference: &str) -> Vec<AppendixView> {
    let many = plan.appendices.len() >= 2;
    plan.appendices
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut view = AppendixView {
                heading: if many {
                    format!("PHỤ LỤC {}", crate::vn::letters::roman(i as u32 + 1))
                } else {
                    "PHỤ LỤC".into()
                },
                title: a.title.trim().to_uppercase(),
                attach: format!("(Kèm theo {reference})"),
                kind: "assignment",
                flipped: true,
                assignment: None,
                budget: None,
                baseline: None,
                missing: None,
            };
            match a.kind {
                AppendixKind::Assignment => {
                    view.assignment = Some(tasks::assignment(plan, a, catalogue));
                }
                AppendixKind::Budget => {
                    view.kind = "budget";
                    let id = a.table.as_deref().unwrap_or("");
                    let table =
                        plan.budget_tables
                            .iter()
                            .find(|t| t.id.value == id)
                            .or(if id.is_empty() {
                                plan.budget_tables.first()
                            } else {
                                None
                            });
                    match table {
                        Some(t) => view.budget = Some(budget::build(t)),
                        None => view.missing = Some(format!("không có bảng kinh phí “{id}”")),
                    }
                }
                AppendixKind::Baseline => {
                    view.kind = "baseline";
                    view.flipped = false;
                    view.baseline = plan
                        .baseline
                        .as_ref()
                        .map(|b| baseline::build(b, catalogue));
                }
            }
            view
        })
        .collect()
}
