//! Every place a plan assigns work to an agency (task leads and supports, budget item
//! leads), each cell cut into single agencies, with the span of each piece. Duty holders
//! in "Tổ chức thực hiện" are not included: plans write them as roles and groups
//! ("Thủ trưởng các sở, ban, ngành …"), not as agency names.

use foldhash::{HashMap, HashMapExt};

use crate::plan::{BudgetSection, Plan};
use crate::source::{SourceFile, Span, Spanned};
use crate::vn::agency::{Lookup, Registry, split_agencies};

/// Which column an agency was named in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Lead,
    Support,
}

/// One agency named in one cell.
#[derive(Clone, Debug)]
pub struct Mention {
    /// The agency as written (one piece of the cell).
    pub text: String,
    pub span: Span,
    /// The whole cell's scalar (quotes included), for fixes.
    pub cell: Span,
    /// YAML path of the cell ("tasks[3].lead[0]").
    pub path: String,
    pub role: Role,
}

/// Every agency mention in the plan, with its registry lookup, in document order.
pub fn compute<'a>(
    plan: &Plan,
    source: &SourceFile,
    reg: &'a Registry,
) -> Vec<(Mention, Lookup<'a>)> {
    let mut memo: HashMap<String, Lookup<'a>> = HashMap::new();
    agency_mentions(plan, source)
        .into_iter()
        .map(|m| {
            let l = *memo
                .entry(m.text.clone())
                .or_insert_with(|| reg.lookup(&m.text));
            (m, l)
        })
        .collect()
}

/// Every agency mention in the plan, in document order.
pub fn agency_mentions<'p>(plan: &'p Plan, source: &SourceFile) -> Vec<Mention> {
    let mut out = Vec::new();
    // Cells repeat ("Sở Thông tin và Truyền thông" leads most tasks): split each text once.
    let mut pieces: HashMap<&'p str, Vec<String>> = HashMap::new();
    let mut push = |cell: &'p Spanned<String>, path: String, role: Role| {
        let split = pieces
            .entry(cell.value.as_str())
            .or_insert_with(|| split_agencies(&cell.value));
        for piece in split.iter().cloned() {
            out.push(Mention {
                span: sub_span(source, cell.span, &piece),
                cell: cell.span,
                text: piece,
                path: path.clone(),
                role,
            });
        }
    };
    for (i, task) in plan.tasks.iter().enumerate() {
        for (j, l) in task.lead.iter().enumerate() {
            push(l, format!("tasks[{i}].lead[{j}]"), Role::Lead);
        }
        for (j, s) in task.support.iter().enumerate() {
            push(s, format!("tasks[{i}].support[{j}]"), Role::Support);
        }
    }
    for (t, table) in plan.budget_tables.iter().enumerate() {
        let mut stack: Vec<(String, &BudgetSection)> = table
            .sections
            .iter()
            .enumerate()
            .rev()
            .map(|(k, s)| (format!("budget_tables[{t}].sections[{k}]"), s))
            .collect();
        while let Some((path, s)) = stack.pop() {
            for (k, item) in s.items.iter().enumerate() {
                for (j, l) in item.lead.iter().enumerate() {
                    push(l, format!("{path}.items[{k}].lead[{j}]"), Role::Lead);
                }
            }
            for (k, sub) in s.sections.iter().enumerate().rev() {
                stack.push((format!("{path}.sections[{k}]"), sub));
            }
        }
    }
    out
}

/// The span of `needle` inside the source text of `within` (a scalar's span), or
/// `within` itself when the text is not there verbatim (escapes, folding).
pub fn sub_span(source: &SourceFile, within: Span, needle: &str) -> Span {
    let text: &str = &source.text;
    let end = (within.offset + within.len.max(1)).min(text.len());
    let hay = text.get(within.offset..end).unwrap_or("");
    // memchr's search for a short scalar is cheaper than building a two-way searcher.
    match memchr::memmem::find(hay.as_bytes(), needle.as_bytes()) {
        Some(i) if within.is_known() && !needle.is_empty() => {
            let offset = within.offset + i;
            // Count from the scalar's own start, not the file's: O(scalar), not O(file).
            let between = &hay[..i];
            let (line, column) = match between.rfind('\n') {
                Some(nl) => (
                    within.line + between.matches('\n').count() as u32,
                    between[nl + 1..].chars().count() as u32 + 1,
                ),
                None => (within.line, within.column + between.chars().count() as u32),
            };
            Span {
                line,
                column,
                offset,
                len: needle.len(),
            }
        }
        _ => within,
    }
}
