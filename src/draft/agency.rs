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

/// The plan cut down to the extract's tasks — the model the PDF and DOCX renderers take:
/// the same header, number, date, title, signer and recipients; an opening paragraph
/// saying whose extract it is; the agency's tasks in plan order (its leads first) with
/// their lead, support, deadline and target lines; the assignment appendix with its rows
/// among them. The author's outline, the bases, the baseline, the budget tables and the
/// free sections are about the whole plan and are left out.
pub fn filtered_plan(plan: &Plan, extract: &Extract<'_>) -> Plan {
    use crate::plan::{TaskField, TaskSelector};
    let mut p = plan.clone();
    p.tasks = extract.rows.iter().map(|r| r.task.clone()).collect();
    for t in &mut p.tasks {
        t.fields = None;
    }
    p.task_fields = vec![
        TaskField::Lead,
        TaskField::Support,
        TaskField::Deadline,
        TaskField::Target,
    ];
    p.outline.clear();
    p.bases.clear();
    p.purposes = None;
    p.requirements = None;
    p.goals = None;
    p.sections.clear();
    p.organisation = None;
    p.reporting = None;
    p.closing = None;
    p.kept.clear();
    p.baseline = None;
    p.budget_tables.clear();
    // The assignment appendix, when some of the agency's tasks are its rows (the rows
    // it names that are not the agency's are dropped from its list).
    let tasks = p.tasks.clone();
    p.appendices.retain_mut(|a| {
        if a.kind != crate::plan::AppendixKind::Assignment {
            return false;
        }
        match &a.tasks {
            None => tasks.iter().any(|t| !t.indicators.is_empty()),
            Some(sel) => {
                let (found, _missing) = sel.select(&tasks);
                if let TaskSelector::Ids(ids) = sel {
                    let kept = ids
                        .iter()
                        .filter(|id| tasks.iter().any(|t| t.id.trim() == id.trim()))
                        .cloned()
                        .collect();
                    a.tasks = Some(TaskSelector::Ids(kept));
                }
                !found.is_empty()
            }
        }
    });
    p.preamble = Some(opening(plan, extract));
    p
}

/// "Trích Kế hoạch số 444/KH-UBND ngày 23/10/2023 của Ủy ban nhân dân tỉnh Tiền Giang: các
/// nhiệm vụ Sở Y tế chủ trì (2) và phối hợp (0)."
fn opening(plan: &Plan, extract: &Extract<'_>) -> String {
    let d = &plan.document;
    let number = d.number.as_ref().map_or("…", |n| n.value.as_str());
    let date = d
        .date
        .as_ref()
        .and_then(|x| Date::parse_iso(&x.value))
        .map(|x| format!(" ngày {:02}/{:02}/{}", x.day, x.month, x.year))
        .unwrap_or_default();
    format!(
        "Trích Kế hoạch số {number}/{}{date} của {} về {}: các nhiệm vụ {} chủ trì ({}) và \
         phối hợp thực hiện ({}), với thời hạn hoàn thành.",
        d.symbol.value,
        d.issuer_name,
        lower_first(d.title.value.trim()),
        extract.agency.name,
        extract.leads().count(),
        extract.supports().count()
    )
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// An ASCII file-name part for an agency: diacritics dropped (đ → d), lower case, words
/// joined by `-` ("Sở Y tế" → "so-y-te").
pub fn slug(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let mut out = String::new();
    let mut dash = false;
    for c in name.nfd().filter(|c| !is_combining_mark(*c)) {
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        "co-quan".to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("Sở Y tế"), "so-y-te");
        assert_eq!(slug("Sở Giáo dục và Đào tạo"), "so-giao-duc-va-dao-tao");
        assert_eq!(slug("Sở TT&TT"), "so-tt-tt");
        assert_eq!(
            slug("Ủy ban nhân dân huyện Cái Bè"),
            "uy-ban-nhan-dan-huyen-cai-be"
        );
        assert_eq!(slug("«»"), "co-quan");
    }
}
