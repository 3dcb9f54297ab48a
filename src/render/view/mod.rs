//! The view: everything the templates show, computed from the plan and the catalogue so
//! the sections never disagree (tables, per-agency lists, totals). Numbers are formatted
//! the Vietnamese way here; the templates only lay things out.

pub mod analysis;
mod appendix;
mod baseline;
mod budget;
mod tasks;

use serde::Serialize;

use crate::catalogue::{Catalogue, Entry};
use crate::plan::{Figure, Plan, Section};
use crate::vn::Date;
use crate::vn::number;

pub use appendix::AppendixView;
pub use baseline::BaselineView;
pub use budget::{BudgetRow, BudgetView};
pub use tasks::{AgencyView, AssignmentView, TaskGroup, TaskView};

/// Non-breaking spaces for the blanks of a draft ("Số:      /KH-UBND").
const BLANK: &str = "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}";

/// Everything a template may show.
#[derive(Clone, Debug, Serialize)]
pub struct View {
    pub meta: Meta,
    /// The "Hiện trạng" analysis from the score engine.
    pub analysis: Option<analysis::AnalysisView>,
    /// The date written into the PDF: the document date, or 1 January of the plan year
    /// for a draft (PDF/A needs one, and the clock is never used).
    #[serde(skip)]
    pub pdf_date: Date,
    pub draft: bool,
    pub header: Header,
    /// "Kế hoạch số 444/KH-UBND ngày 23 tháng 10 năm 2023 của Ủy ban nhân dân tỉnh …".
    pub reference: String,
    pub title: String,
    pub bases: Vec<String>,
    pub preamble: Option<String>,
    pub purposes: Option<String>,
    pub requirements: Option<String>,
    pub baseline: Option<BaselineView>,
    pub goals: Option<GoalsView>,
    pub task_groups: Vec<TaskGroup>,
    pub kept: Vec<KeptView>,
    pub sections: Vec<SectionView>,
    pub organisation: Option<OrgView>,
    pub agencies: Vec<AgencyView>,
    pub reporting: Option<String>,
    pub closing: Option<String>,
    pub recipients: Vec<String>,
    pub signer: SignerView,
    pub appendices: Vec<AppendixView>,
}

/// PDF metadata.
#[derive(Clone, Debug, Serialize)]
pub struct Meta {
    pub title: String,
    pub author: String,
    /// Stable document identifier (hashed into the PDF id).
    pub ident: String,
}

/// Boxes 1–4 of the header.
#[derive(Clone, Debug, Serialize)]
pub struct Header {
    pub parent: Vec<String>,
    pub issuer: Vec<String>,
    /// "Số: 444/KH-UBND", "Số: 05/KH-UBND", or the draft blank.
    pub number_line: String,
    /// "Tiền Giang, ngày 23 tháng 10 năm 2023", or the draft blank.
    pub place_date: String,
}

/// Mục tiêu.
#[derive(Clone, Debug, Serialize)]
pub struct GoalsView {
    pub text: Option<String>,
    pub total: Option<String>,
    pub rank: Option<u32>,
}

/// An indicator kept as it is.
#[derive(Clone, Debug, Serialize)]
pub struct KeptView {
    pub code: String,
    pub name: String,
    pub status: String,
    pub reason: String,
}

/// A free section flattened with its depth (1 = part heading).
#[derive(Clone, Debug, Serialize)]
pub struct SectionView {
    pub depth: usize,
    pub heading: String,
    pub body: Option<String>,
}

/// Tổ chức thực hiện.
#[derive(Clone, Debug, Serialize)]
pub struct OrgView {
    pub text: Option<String>,
    pub duties: Vec<DutyView>,
}

/// One agency's duties as the plan writes them.
#[derive(Clone, Debug, Serialize)]
pub struct DutyView {
    pub agency: String,
    pub body: String,
}

/// Boxes 7a and 7b.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SignerView {
    pub authority: Option<String>,
    pub title: String,
    pub name: String,
}

/// Build the view of a plan.
pub fn build(plan: &Plan, catalogue: &Catalogue) -> View {
    let doc = &plan.document;
    let year = *doc.year;
    let number = doc
        .number
        .as_ref()
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty() && !doc.draft);
    let date = doc
        .date
        .as_ref()
        .and_then(|d| Date::parse_iso(d))
        .filter(|_| !doc.draft);
    let number_text = match &number {
        Some(n) => format!("{}/{}", pad_number(n), doc.symbol.trim()),
        None => format!("{BLANK}/{}", doc.symbol.trim()),
    };
    let date_text = match date {
        Some(d) => d.long_vi(),
        None => format!("ngày{BLANK}tháng{BLANK}năm {year}"),
    };
    let header = Header {
        parent: doc.parent_body.iter().cloned().collect(),
        issuer: doc.issuer.clone(),
        number_line: format!("Số: {number_text}"),
        place_date: format!("{}, {date_text}", doc.place.trim()),
    };
    let reference = format!(
        "Kế hoạch số {number_text} {date_text} của {}",
        doc.issuer_name.trim()
    );
    let signer = plan
        .signer
        .as_ref()
        .map(|s| SignerView {
            authority: s.authority.clone().filter(|a| !a.trim().is_empty()),
            title: s.title.value.clone(),
            name: s.name.value.clone(),
        })
        .unwrap_or_default();
    let (task_groups, agencies) = tasks::build(plan, catalogue);
    View {
        analysis: analysis::build(plan, catalogue),
        meta: Meta {
            title: format!("Kế hoạch {}", doc.title.value),
            author: doc.issuer_name.clone(),
            ident: format!("{}/{}/{}", number_text, doc.issuer_name, year),
        },
        pdf_date: date.unwrap_or(Date {
            year,
            month: 1,
            day: 1,
        }),
        draft: number.is_none() || date.is_none(),
        header,
        reference: reference.clone(),
        title: doc.title.value.clone(),
        bases: plan.bases.iter().map(|b| b.value.clone()).collect(),
        preamble: plan.preamble.clone(),
        purposes: plan.purposes.clone(),
        requirements: plan.requirements.clone(),
        baseline: plan
            .baseline
            .as_ref()
            .map(|b| baseline::build(b, catalogue)),
        goals: plan.goals.as_ref().map(|g| GoalsView {
            text: g.text.clone(),
            total: g.total.as_ref().map(|t| figure_text(t)),
            rank: g.rank.as_ref().map(|r| r.value),
        }),
        task_groups,
        kept: plan
            .kept
            .iter()
            .map(|k| KeptView {
                code: k.code.value.clone(),
                name: find(catalogue, &k.code)
                    .map(|e| e.name.clone())
                    .unwrap_or_default(),
                status: match k.status {
                    crate::plan::KeptStatus::FullPoints => "giữ vững điểm tối đa".into(),
                    crate::plan::KeptStatus::NotApplicable => "không áp dụng".into(),
                },
                reason: k.reason.value.clone(),
            })
            .collect(),
        sections: flatten_sections(&plan.sections, 1),
        organisation: plan.organisation.as_ref().map(|o| OrgView {
            text: o.text.clone(),
            duties: o
                .duties
                .iter()
                .map(|d| DutyView {
                    agency: d.agency.value.clone(),
                    body: d.body.clone(),
                })
                .collect(),
        }),
        agencies,
        reporting: plan.reporting.clone(),
        closing: plan.closing.as_deref().map(closing_text),
        recipients: plan.recipients.iter().map(|r| r.value.clone()).collect(),
        signer,
        appendices: appendix::build(plan, catalogue, &reference),
    }
}

/// The closing paragraph without its final period: the template appends "./.".
fn closing_text(s: &str) -> String {
    let t = s.trim_end();
    t.strip_suffix("./.")
        .or_else(|| t.strip_suffix('.'))
        .unwrap_or(t)
        .to_string()
}

/// Numbers below 10 get a leading zero (Decree 30: "Số: 05/KH-UBND").
fn pad_number(n: &str) -> String {
    match n.parse::<u32>() {
        Ok(v) if v < 10 => format!("{v:02}"),
        _ => n.to_string(),
    }
}

fn flatten_sections(sections: &[Section], depth: usize) -> Vec<SectionView> {
    let mut out = Vec::new();
    for s in sections {
        out.push(SectionView {
            depth,
            heading: s.heading.clone(),
            body: s.body.clone(),
        });
        out.extend(flatten_sections(&s.sections, depth + 1));
    }
    out
}

/// The catalogue entry with this code, searched depth-first.
pub fn find<'a>(catalogue: &'a Catalogue, code: &str) -> Option<&'a Entry> {
    fn walk<'a>(entries: &'a [Entry], code: &str) -> Option<&'a Entry> {
        for e in entries {
            if e.code.value == code {
                return Some(e);
            }
            if code.starts_with(&format!("{}.", e.code.value))
                && let Some(found) = walk(&e.children, code)
            {
                return Some(found);
            }
        }
        None
    }
    walk(&catalogue.indices, code.trim())
}

/// The main index a code belongs to ("6.12" → "6").
pub fn main_index(code: &str) -> &str {
    code.trim().split('.').next().unwrap_or("")
}

/// The value of a figure as written ("226.420", "627,42"), or formatted when a number.
pub fn figure_text(f: &Figure) -> String {
    match f {
        Figure::Number(v) => number::format(*v, 3),
        Figure::Text(s) => s.trim().to_string(),
    }
}

/// The numeric value of a figure, when it has one.
pub fn figure_value(f: &Figure) -> Option<f64> {
    match f {
        Figure::Number(v) => Some(*v),
        Figure::Text(s) => number::parse(s),
    }
}
