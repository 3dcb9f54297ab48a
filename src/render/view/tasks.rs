//! Tasks grouped by main index (DTI plans) or by their `group`, the per-agency list of
//! what each agency leads and supports, and the rows of the DTI assignment appendix.

use indexmap::IndexMap;
use serde::Serialize;

use super::{figure_text, figure_value, find, main_index};
use crate::catalogue::Catalogue;
use crate::plan::{Plan, Task};
use crate::vn::number;

/// A group of tasks under one heading.
#[derive(Clone, Debug, Serialize)]
pub struct TaskGroup {
    pub heading: String,
    pub tasks: Vec<TaskView>,
}

/// One task as the body shows it.
#[derive(Clone, Debug, Serialize)]
pub struct TaskView {
    pub id: String,
    /// The title, or the indicator it serves ("Chỉ số 6.12: …") when it has none.
    pub title: String,
    pub body: Option<String>,
    pub indicators: Vec<String>,
    pub lead: String,
    pub support: String,
    pub deadline: Option<String>,
    pub target: Option<String>,
    pub budget: Option<String>,
    pub note: Option<String>,
}

/// What one agency leads and supports, with deadlines.
#[derive(Clone, Debug, Serialize)]
pub struct AgencyView {
    pub name: String,
    pub leads: Vec<Assignment>,
    pub supports: Vec<Assignment>,
}

/// A task named in an agency's list.
#[derive(Clone, Debug, Serialize)]
pub struct Assignment {
    pub task: String,
    pub deadline: Option<String>,
}

/// The DTI assignment appendix: rows grouped by main index.
#[derive(Clone, Debug, Serialize)]
pub struct AssignmentView {
    pub groups: Vec<AssignmentGroup>,
    pub rows: usize,
}

/// The rows of one main index.
#[derive(Clone, Debug, Serialize)]
pub struct AssignmentGroup {
    pub heading: String,
    pub rows: Vec<AssignmentRow>,
}

/// One row: code, indicator, max points, method, lead, support, deadline, target.
#[derive(Clone, Debug, Serialize)]
pub struct AssignmentRow {
    pub number: usize,
    pub code: String,
    pub name: String,
    pub max_points: String,
    pub method: String,
    pub lead: String,
    pub support: String,
    pub deadline: String,
    pub target: String,
}

/// The groups of tasks and the per-agency lists.
pub fn build(plan: &Plan, catalogue: &Catalogue) -> (Vec<TaskGroup>, Vec<AgencyView>) {
    let mut groups: IndexMap<String, Vec<TaskView>> = IndexMap::new();
    for task in &plan.tasks {
        groups
            .entry(group_key(task))
            .or_default()
            .push(task_view(task, catalogue));
    }
    let order: Vec<&str> = catalogue.indices.iter().map(|e| e.code.as_str()).collect();
    if groups.keys().all(|k| order.contains(&k.as_str())) {
        groups.sort_by_cached_key(|k, _| {
            order
                .iter()
                .position(|c| *c == k.as_str())
                .unwrap_or(usize::MAX)
        });
    }
    let groups = groups
        .into_iter()
        .map(|(key, tasks)| TaskGroup {
            heading: group_heading(&key, catalogue),
            tasks,
        })
        .collect();
    (groups, agencies(plan, catalogue))
}

fn group_key(task: &Task) -> String {
    if let Some(g) = task.group.as_ref().filter(|g| !g.trim().is_empty()) {
        return g.trim().to_string();
    }
    match task.indicators.first() {
        Some(code) => main_index(code).to_string(),
        None => String::new(),
    }
}

fn group_heading(key: &str, catalogue: &Catalogue) -> String {
    if key.is_empty() {
        return "Nhiệm vụ khác".into();
    }
    match catalogue.indices.iter().find(|e| e.code.value == key) {
        Some(e) => match &e.max_points {
            Some(m) => format!(
                "Chỉ số {} ({}, tối đa {} điểm)",
                e.name,
                key,
                number::points(m.value)
            ),
            None => format!("Chỉ số {} ({})", e.name, key),
        },
        None => key.to_string(),
    }
}

fn task_label(task: &Task, catalogue: &Catalogue) -> String {
    if let Some(t) = task.title.as_ref().filter(|t| !t.trim().is_empty()) {
        return t.trim().to_string();
    }
    let names: Vec<String> = task
        .indicators
        .iter()
        .map(|c| match find(catalogue, c) {
            Some(e) => format!("{} {}", c.trim(), e.name),
            None => c.trim().to_string(),
        })
        .collect();
    if names.is_empty() {
        body_summary(task).unwrap_or_else(|| task.id.value.clone())
    } else {
        format!("Chỉ số {}", names.join("; "))
    }
}

/// The first sentence of a task's body, at most about 160 characters, for a task that has
/// neither a title nor indicators.
fn body_summary(task: &Task) -> Option<String> {
    let body = task.body.as_deref()?.trim();
    let first = body
        .lines()
        .map(|l| l.trim().trim_start_matches(['-', '+', '*']).trim())
        .find(|l| !l.is_empty())?;
    let sentence = first.split_inclusive(". ").next().unwrap_or(first).trim();
    if sentence.chars().count() <= 160 {
        return Some(sentence.trim_end_matches(['.', ';', ':']).to_string());
    }
    let cut: String = sentence.chars().take(160).collect();
    let cut = cut.rsplit_once(' ').map(|(a, _)| a).unwrap_or(&cut);
    Some(format!("{cut} …"))
}

fn joined(list: &[crate::source::Spanned<String>]) -> String {
    list.iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

fn task_view(task: &Task, catalogue: &Catalogue) -> TaskView {
    TaskView {
        id: task.id.value.clone(),
        title: task_label(task, catalogue),
        body: task.body.clone().filter(|b| !b.trim().is_empty()),
        indicators: task
            .indicators
            .iter()
            .map(|c| c.trim().to_string())
            .collect(),
        lead: joined(&task.lead),
        support: joined(&task.support),
        deadline: task.deadline.as_ref().map(|d| d.trim().to_string()),
        target: task.target.clone(),
        budget: task.budget.as_ref().map(|b| figure_text(b)),
        note: task.note.clone(),
    }
}

fn agencies(plan: &Plan, catalogue: &Catalogue) -> Vec<AgencyView> {
    let mut map: IndexMap<String, AgencyView> = IndexMap::new();
    for task in &plan.tasks {
        let item = Assignment {
            task: task_label(task, catalogue),
            deadline: task.deadline.as_ref().map(|d| d.trim().to_string()),
        };
        for (list, lead) in [(&task.lead, true), (&task.support, false)] {
            for agency in list.iter().map(|a| a.trim()).filter(|a| !a.is_empty()) {
                let view = map.entry(agency.to_string()).or_insert_with(|| AgencyView {
                    name: agency.to_string(),
                    leads: Vec::new(),
                    supports: Vec::new(),
                });
                if lead {
                    view.leads.push(item.clone());
                } else {
                    view.supports.push(item.clone());
                }
            }
        }
    }
    map.into_values().collect()
}

/// The assignment appendix: every task that serves indicators, grouped by main index.
pub fn assignment(plan: &Plan, catalogue: &Catalogue) -> AssignmentView {
    let mut groups: IndexMap<String, Vec<AssignmentRow>> = IndexMap::new();
    let mut n = 0;
    for task in plan.tasks.iter().filter(|t| !t.indicators.is_empty()) {
        n += 1;
        let codes: Vec<&str> = task.indicators.iter().map(|c| c.trim()).collect();
        let entries: Vec<_> = codes.iter().map(|c| find(catalogue, c)).collect();
        let name = if entries.iter().all(Option::is_some) {
            entries
                .iter()
                .flatten()
                .map(|e| e.name.clone())
                .collect::<Vec<_>>()
                .join("; ")
        } else {
            task.title
                .as_ref()
                .map(|t| t.value.clone())
                .unwrap_or_default()
        };
        let catalogue_max: Option<f64> = entries
            .iter()
            .map(|e| e.and_then(|e| e.max_points.as_ref().map(|m| m.value)))
            .sum();
        let stated = task.max_points.as_ref().map(|m| &m.value);
        let max_points = match (catalogue_max, stated) {
            (Some(c), Some(s)) if figure_value(s).is_some_and(|v| (v - c).abs() > 1e-6) => {
                format!("{} (kế hoạch ghi: {})", number::points(c), figure_text(s))
            }
            (Some(c), _) => number::points(c),
            (None, Some(s)) => figure_text(s),
            (None, None) => String::new(),
        };
        let method = task.method.clone().unwrap_or_else(|| {
            entries
                .iter()
                .flatten()
                .filter_map(|e| e.method.clone())
                .collect::<Vec<_>>()
                .join("\n")
        });
        let row = AssignmentRow {
            number: n,
            code: codes.join(", "),
            name,
            max_points,
            method,
            lead: joined(&task.lead),
            support: joined(&task.support),
            deadline: task
                .deadline
                .as_ref()
                .map(|d| d.value.clone())
                .unwrap_or_default(),
            target: task.target.clone().unwrap_or_default(),
        };
        groups
            .entry(main_index(codes.first().unwrap_or(&"")).to_string())
            .or_default()
            .push(row);
    }
    let order: Vec<&str> = catalogue.indices.iter().map(|e| e.code.as_str()).collect();
    groups.sort_by_cached_key(|k, _| {
        order
            .iter()
            .position(|c| *c == k.as_str())
            .unwrap_or(usize::MAX)
    });
    AssignmentView {
        rows: n,
        groups: groups
            .into_iter()
            .map(|(key, rows)| AssignmentGroup {
                heading: match catalogue.indices.iter().find(|e| e.code.value == key) {
                    Some(e) => format!("{}. {}", key, e.name),
                    None => key,
                },
                rows,
            })
            .collect(),
    }
}
