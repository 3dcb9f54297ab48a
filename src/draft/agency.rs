//! The per-agency extract: the tasks one agency leads and the tasks it supports, with
//! their deadlines — what each agency receives. The agency is found through the registry,
//! so "Sở TT&TT", "Sở Thông tin và Truyền thông (Sở TT &TT)" and the canonical name all
//! match the same rows. Renderers (PDF, XLSX, DOCX) take the [`Extract`] as it is.

use serde::Serialize;

use crate::plan::{Plan, Task};
use crate::vn::agency::{Agency, Lookup, Registry, split_agencies};
use crate::vn::{Date, Deadline};

/// Whether the agency leads a task or supports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Chủ trì.
    Lead,
    /// Phối hợp.
    Support,
}

impl Role {
    pub fn vi(self) -> &'static str {
        match self {
            Role::Lead => "Chủ trì",
            Role::Support => "Phối hợp",
        }
    }
}

/// One task of the extract.
#[derive(Clone, Debug, Serialize)]
pub struct Row<'a> {
    pub role: Role,
    /// Index of the task in `plan.tasks`.
    pub index: usize,
    pub task: &'a Task,
    /// The last day the deadline allows (the plan's year read in where the text leaves it).
    #[serde(skip)]
    pub last_day: Option<Date>,
}

/// The tasks one agency leads and supports, in plan order (leads first).
#[derive(Clone, Debug, Serialize)]
pub struct Extract<'a> {
    /// The agency as the registry names it.
    pub agency: &'a Agency,
    pub rows: Vec<Row<'a>>,
}

impl Extract<'_> {
    pub fn leads(&self) -> impl Iterator<Item = &Row<'_>> {
        self.rows.iter().filter(|r| r.role == Role::Lead)
    }
    pub fn supports(&self) -> impl Iterator<Item = &Row<'_>> {
        self.rows.iter().filter(|r| r.role == Role::Support)
    }
}

/// Why no extract could be made.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error(
        "không có cơ quan «{name}» trong danh mục (no such agency in the registry){}",
        .suggestion.as_ref().map(|s| format!("; có phải «{s}»? (did you mean)")).unwrap_or_default()
    )]
    Unknown {
        name: String,
        suggestion: Option<String>,
    },
    #[error("«{0}» là một nhóm cơ quan, không phải một cơ quan (a group, not one agency)")]
    Group(String),
}

/// The agency named `name` (canonical, short form or alias).
pub fn find<'r>(registry: &'r Registry, name: &str) -> Result<&'r Agency, ExtractError> {
    match registry.lookup(name) {
        Lookup::Canonical(a) | Lookup::Alias { agency: a, .. } => Ok(a),
        Lookup::Group(a) => Err(ExtractError::Group(a.name.clone())),
        Lookup::Unknown => Err(ExtractError::Unknown {
            name: name.to_string(),
            suggestion: registry.suggest(name).map(str::to_string),
        }),
    }
}

/// Whether a cell (one or several agencies as written) names `agency`.
fn names(registry: &Registry, cell: &str, agency: &Agency) -> bool {
    let hit = |n: &str| {
        registry
            .lookup(n)
            .agency()
            .is_some_and(|a| a.id == agency.id)
    };
    hit(cell) || split_agencies(cell).iter().any(|p| hit(p))
}

/// The extract of `plan` for `agency`.
pub fn extract<'a>(plan: &'a Plan, registry: &Registry, agency: &'a Agency) -> Extract<'a> {
    let year = plan.document.year.value;
    let mut leads = Vec::new();
    let mut supports = Vec::new();
    for (index, task) in plan.tasks.iter().enumerate() {
        let last_day = task
            .deadline
            .as_ref()
            .and_then(|d| Deadline::parse(&d.value).latest_in(year));
        let row = |role| Row {
            role,
            index,
            task,
            last_day,
        };
        if task.lead.iter().any(|c| names(registry, &c.value, agency)) {
            leads.push(row(Role::Lead));
        } else if task
            .support
            .iter()
            .any(|c| names(registry, &c.value, agency))
        {
            supports.push(row(Role::Support));
        }
    }
    leads.extend(supports);
    Extract {
        agency,
        rows: leads,
    }
}

/// The plan cut down to the extract's tasks: same document, only those tasks, no
/// baseline, budget tables or free sections — the model the PDF and DOCX renderers take.
pub fn filtered_plan(plan: &Plan, extract: &Extract<'_>) -> Plan {
    let mut p = plan.clone();
    p.tasks = extract.rows.iter().map(|r| r.task.clone()).collect();
    p.kept.clear();
    p.baseline = None;
    p.budget_tables.clear();
    p.appendices
        .retain(|a| a.kind == crate::plan::AppendixKind::Assignment);
    p
}
