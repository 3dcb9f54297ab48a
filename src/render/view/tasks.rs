//! Tasks grouped by main index (DTI plans) or by their `group`, the per-agency list of
//! what each agency leads and supports, and the rows of the DTI assignment appendix.

use indexmap::IndexMap;
use serde::Serialize;

use super::{figure_text, find, main_index};
use crate::catalogue::Catalogue;
use crate::plan::{Appendix, Plan, Task};
use crate::vn::number;

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

/// The DTI assignment appendix: the columns the rows fill, and rows grouped by main index.
#[derive(Clone, Debug, Serialize)]
pub struct AssignmentView {
    /// The columns shown (a column no row fills is left out), widths from content.
    pub columns: Vec<Column>,
    /// Positions (in `columns`) of the cells that are Markdown: the task's body.
    pub markdown: Vec<usize>,
    pub groups: Vec<AssignmentGroup>,
    pub rows: usize,
}

/// One column: header and relative width (Typst `fr`, or `auto`).
#[derive(Clone, Debug, Serialize)]
pub struct Column {
    pub key: &'static str,
    pub header: &'static str,
    /// "auto" or "3.2fr".
    pub width: String,
    /// "left" or "center".
    pub align: &'static str,
}

/// The rows of one main index.
#[derive(Clone, Debug, Serialize)]
pub struct AssignmentGroup {
    pub heading: String,
    pub rows: Vec<AssignmentRow>,
}

/// One row: its cells in column order, and the input rows (a, b, c …) under it.
#[derive(Clone, Debug, Serialize)]
pub struct AssignmentRow {
    pub code: String,
    pub cells: Vec<String>,
    /// (label, name and text) of each input row.
    pub inputs: Vec<(String, String)>,
}

/// The heading of a task group in the standard order: the main index name for a code,
/// else the group as written.
pub fn group_heading(key: &str, catalogue: &Catalogue) -> String {
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

/// How the per-agency digest names a task: its title, else the indicators it serves,
/// else where the body placed it ("điểm a khoản 1 Mục V"), else its id. Nothing is cut
/// from the body.
fn task_label(task: &Task, catalogue: &Catalogue, place: Option<&String>) -> String {
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
    if !names.is_empty() {
        return format!("Chỉ số {}", names.join("; "));
    }
    match place {
        Some(p) => format!("Nhiệm vụ tại {p}"),
        None => format!("Nhiệm vụ {}", task.id.trim()),
    }
}

fn joined(list: &[crate::source::Spanned<String>]) -> String {
    list.iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The per-agency digest: each agency with the tasks it leads and supports, a ditto
/// ("nt") read as the agency of the row above.
pub fn agencies(plan: &Plan, catalogue: &Catalogue, places: &[Option<String>]) -> Vec<AgencyView> {
    let mut map: IndexMap<String, AgencyView> = IndexMap::new();
    let (mut prev_lead, mut prev_support, mut prev_deadline) =
        (Vec::new(), Vec::new(), None::<String>);
    for (i, task) in plan.tasks.iter().enumerate() {
        let lead = resolve_list(&task.lead, &prev_lead);
        let support = resolve_list(&task.support, &prev_support);
        let deadline = task
            .deadline
            .as_ref()
            .map(|d| d.trim().to_string())
            .map(|d| {
                if is_ditto(&d) {
                    prev_deadline.clone().unwrap_or(d)
                } else {
                    d
                }
            });
        let item = Assignment {
            task: task_label(task, catalogue, places.get(i).and_then(|p| p.as_ref())),
            deadline: deadline.clone(),
        };
        for (list, is_lead) in [(&lead, true), (&support, false)] {
            for agency in list.iter().map(|a| a.trim()).filter(|a| !a.is_empty()) {
                let view = map.entry(agency.to_string()).or_insert_with(|| AgencyView {
                    name: agency.to_string(),
                    leads: Vec::new(),
                    supports: Vec::new(),
                });
                if is_lead {
                    view.leads.push(item.clone());
                } else {
                    view.supports.push(item.clone());
                }
            }
        }
        prev_lead = lead;
        prev_support = support;
        prev_deadline = deadline;
    }
    map.into_values().collect()
}

/// "nt" (như trên, ditto) in a table cell.
pub fn is_ditto(s: &str) -> bool {
    matches!(
        s.trim().trim_end_matches('.').to_lowercase().as_str(),
        "nt" | "như trên" | "-nt-" | "“nt”" | "\"nt\""
    )
}

/// A list of agencies with a ditto replaced by the list above it.
fn resolve_list(list: &[crate::source::Spanned<String>], prev: &[String]) -> Vec<String> {
    let items: Vec<String> = list.iter().map(|s| s.trim().to_string()).collect();
    if items.len() == 1 && is_ditto(&items[0]) && !prev.is_empty() {
        prev.to_vec()
    } else {
        items
    }
}

/// A row before its columns are chosen: code, every cell, input rows.
type RawRow = (String, Vec<String>, Vec<(String, String)>);

/// Every column an assignment appendix can have: key, header.
const COLUMNS: &[(&str, &str)] = &[
    ("number", "TT"),
    ("code", "Mã chỉ số"),
    ("name", "Tên chỉ số"),
    ("body", "Nhiệm vụ"),
    ("max_points", "Điểm tối đa"),
    ("method", "Cách xác định và tính điểm"),
    ("lead", "Cơ quan chủ trì"),
    ("support", "Cơ quan phối hợp"),
    ("deadline", "Thời gian hoàn thành"),
    ("target", "Mục tiêu"),
    ("budget", "Kinh phí"),
    ("note", "Ghi chú"),
];

/// The assignment appendix: the rows the appendix selects (every task serving an
/// indicator when it selects none), grouped by main index, names and points as the plan
/// writes them (the catalogue's where it writes none), a ditto ("nt") as the value above.
pub fn assignment(plan: &Plan, appendix: &Appendix, catalogue: &Catalogue) -> AssignmentView {
    let selected: Vec<usize> = match &appendix.tasks {
        Some(sel) => sel.select(&plan.tasks).0,
        None => (0..plan.tasks.len())
            .filter(|&i| !plan.tasks[i].indicators.is_empty())
            .collect(),
    };
    let mut groups: IndexMap<String, Vec<RawRow>> = IndexMap::new();
    let mut prev: Vec<String> = vec![String::new(); COLUMNS.len()];
    for (n, &i) in selected.iter().enumerate() {
        let task = &plan.tasks[i];
        let codes: Vec<&str> = task.indicators.iter().map(|c| c.trim()).collect();
        let entries: Vec<_> = codes.iter().map(|c| find(catalogue, c)).collect();
        let name = match task.title.as_ref().filter(|t| !t.trim().is_empty()) {
            Some(t) => t.trim().to_string(),
            None => entries
                .iter()
                .flatten()
                .map(|e| e.name.clone())
                .collect::<Vec<_>>()
                .join("; "),
        };
        let max_points = match task.max_points.as_ref() {
            Some(s) => figure_text(s),
            None => entries
                .iter()
                .map(|e| e.and_then(|e| e.max_points.as_ref().map(|m| m.value)))
                .sum::<Option<f64>>()
                .map(number::points)
                .unwrap_or_default(),
        };
        let method = task.method.clone().unwrap_or_else(|| {
            entries
                .iter()
                .flatten()
                .filter_map(|e| e.method.clone())
                .collect::<Vec<_>>()
                .join("\n")
        });
        let mut cells = vec![
            (n + 1).to_string(),
            codes.join(", "),
            name,
            task.body.clone().unwrap_or_default(),
            max_points,
            method,
            joined(&task.lead),
            joined(&task.support),
            task.deadline
                .as_ref()
                .map(|d| d.trim().to_string())
                .unwrap_or_default(),
            task.target.clone().unwrap_or_default(),
            task.budget
                .as_ref()
                .map(|b| figure_text(b))
                .unwrap_or_default(),
            task.note.clone().unwrap_or_default(),
        ];
        for (k, cell) in cells.iter_mut().enumerate().skip(6) {
            if is_ditto(cell) && !prev[k].is_empty() {
                *cell = prev[k].clone();
            }
        }
        prev = cells.clone();
        let inputs = task
            .inputs
            .iter()
            .map(|x| {
                let mut t = x.name.trim().to_string();
                if let Some(more) = x.text.as_ref().filter(|m| !m.trim().is_empty()) {
                    t.push_str(": ");
                    t.push_str(more.trim());
                }
                (x.label.trim().to_string(), t)
            })
            .collect();
        let key = main_index(codes.first().unwrap_or(&"")).to_string();
        groups
            .entry(key)
            .or_default()
            .push((codes.join(", "), cells, inputs));
    }
    if appendix.groups.is_empty() {
        let order: Vec<&str> = catalogue.indices.iter().map(|e| e.code.as_str()).collect();
        groups.sort_by_cached_key(|k, _| {
            order
                .iter()
                .position(|c| *c == k.as_str())
                .unwrap_or(usize::MAX)
        });
    }
    // Columns: those some row fills; widths from the cells' lengths, never narrower than
    // the header's longest word.
    let all: Vec<&Vec<String>> = groups.values().flatten().map(|(_, c, _)| c).collect();
    let mut keep = Vec::new();
    let mut columns = Vec::new();
    for (k, (key, header)) in COLUMNS.iter().enumerate() {
        let filled: Vec<&str> = all
            .iter()
            .map(|c| c[k].as_str())
            .filter(|c| !c.trim().is_empty())
            .collect();
        if k > 2 && filled.is_empty() {
            continue;
        }
        keep.push(k);
        let width = if k < 2 {
            "auto".to_string()
        } else {
            let total: usize = filled.iter().map(|c| c.chars().count()).sum();
            let mean = total as f64 / filled.len().max(1) as f64;
            let word = header
                .split(' ')
                .chain(filled.iter().flat_map(|c| c.split_whitespace()))
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(4)
                .min(14) as f64;
            let w = mean.sqrt().max(word * 0.7).max(3.0);
            format!("{:.1}fr", w)
        };
        columns.push(Column {
            key,
            header,
            width,
            align: if matches!(*key, "number" | "code" | "max_points" | "budget") {
                "center"
            } else {
                "left"
            },
        });
    }
    let rows = selected.len();
    let markdown = columns
        .iter()
        .enumerate()
        .filter(|(_, c)| c.key == "body")
        .map(|(i, _)| i)
        .collect();
    AssignmentView {
        markdown,
        columns,
        rows,
        groups: groups
            .into_iter()
            .map(|(key, rows)| AssignmentGroup {
                heading: match appendix.groups.iter().find(|g| g.code.trim() == key) {
                    Some(g) => match g.max_points.as_ref().map(|m| figure_text(m)) {
                        Some(m) if !m.is_empty() => {
                            format!("{}. {} ({} điểm)", key, g.title.trim(), m)
                        }
                        _ => format!("{}. {}", key, g.title.trim()),
                    },
                    None => match catalogue.indices.iter().find(|e| e.code.value == key) {
                        Some(e) => format!("{}. {}", key, e.name),
                        None => key,
                    },
                },
                rows: rows
                    .into_iter()
                    .map(|(code, cells, inputs)| AssignmentRow {
                        code,
                        cells: keep.iter().map(|&k| cells[k].clone()).collect(),
                        inputs,
                    })
                    .collect(),
            })
            .collect(),
    }
}
