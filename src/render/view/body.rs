//! The body of the document as a flat list of blocks, in the author's order: from the
//! plan's `outline` when it has one, else from the standard order of the old format.
//! Every writer (the Typst template, DOCX) lays these blocks out one after the other;
//! numbers and letters are already counted here.

use serde::Serialize;

use super::analysis::{self, AnalysisView, GapView};
use super::baseline::{self, BaselineView};
use super::tasks::{self, AgencyView};
use super::{KeptView, figure_text};
use crate::catalogue::Catalogue;
use crate::plan::{
    BlockKind, OutlineItem, Plan, Section, Task, TaskField, TaskSelector, TaskStyle,
};
use crate::source::Spanned;
use crate::vn::letters;

/// One block of the body.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BodyBlock {
    /// "I. MỤC ĐÍCH, YÊU CẦU": `number` is "I".
    Part { number: String, heading: String },
    /// "1. Mục đích": `number` is "1".
    Item { number: String, heading: String },
    /// "a) …": `label` is "a)", `text` inline Markdown.
    Point { label: String, text: String },
    /// "- …", inline Markdown.
    Dash { text: String },
    /// Paragraphs (Markdown).
    Text { text: String },
    /// One task placed here.
    Task(TaskBlock),
    /// The table of main indices.
    BaselineTable { baseline: BaselineView },
    /// The Hiện trạng analysis.
    Analysis { analysis: AnalysisView },
    /// The largest gaps.
    Priorities { gaps: Vec<GapView> },
    /// Per agency, what it leads and supports.
    AgencyDigest { agencies: Vec<AgencyView> },
    /// The indicators kept as they are.
    Kept { kept: Vec<KeptView> },
    /// "(Chi tiết tại Phụ lục kèm theo)".
    AppendixReference { text: String },
    /// The legal bases, where the author lists them.
    Bases { bases: Vec<String> },
}

/// A task as the body prints it: its mark, its title when it has one, its body, and the
/// lines the author asked for.
#[derive(Clone, Debug, Serialize)]
pub struct TaskBlock {
    pub id: String,
    /// `point`, `item`, `dash`, `plus` or `paragraph`.
    pub style: &'static str,
    /// "a)", "1.", "-" or "".
    pub mark: String,
    /// The item number alone ("1") for `item` style.
    pub number: String,
    pub title: Option<String>,
    pub body: Option<String>,
    /// True when the body starts with a paragraph, so the mark runs into it.
    pub runin: bool,
    /// (label, value) lines: "Cơ quan chủ trì", "Sở Thông tin và Truyền thông".
    pub fields: Vec<(String, String)>,
}

/// Counters of one sibling list.
#[derive(Default)]
struct Counters {
    part: u32,
    item: u32,
    point: usize,
}

struct Builder<'a> {
    plan: &'a Plan,
    catalogue: &'a Catalogue,
    out: Vec<BodyBlock>,
    /// For each task index: where the body placed it ("điểm a khoản 1 Mục V").
    places: Vec<Option<String>>,
}

/// The body blocks and, per task (plan order), where the body placed it.
pub fn build(plan: &Plan, catalogue: &Catalogue) -> (Vec<BodyBlock>, Vec<Option<String>>) {
    let mut b = Builder {
        plan,
        catalogue,
        out: Vec::new(),
        places: vec![None; plan.tasks.len()],
    };
    if plan.outline.is_empty() {
        b.standard();
    } else {
        let fields = plan.task_fields.clone();
        b.items(&plan.outline, &fields, &[]);
    }
    // The digest names tasks by their place, so it is filled in once every task is placed.
    let agencies = tasks::agencies(plan, catalogue, &b.places);
    for block in &mut b.out {
        if let BodyBlock::AgencyDigest { agencies: a } = block {
            *a = agencies.clone();
        }
    }
    (b.out, b.places)
}

/// Whether the outline places the legal bases itself (then they are not printed under
/// the title).
pub fn places_bases(plan: &Plan) -> bool {
    OutlineItem::walk(&plan.outline).iter().any(|(_, it)| {
        it.block
            .as_ref()
            .is_some_and(|b| b.value == BlockKind::Bases)
    })
}

/// Whether the task is a row of an assignment appendix (printed there only, unless the
/// outline places it in the body).
pub fn in_appendix(plan: &Plan, index: usize) -> bool {
    plan.appendices
        .iter()
        .filter(|a| a.kind == crate::plan::AppendixKind::Assignment)
        .any(|a| match &a.tasks {
            Some(sel) => sel.select(&plan.tasks).0.contains(&index),
            None => !plan.tasks[index].indicators.is_empty(),
        })
}

impl<'a> Builder<'a> {
    /// One sibling list; `place` is the chain of marks above it (["Mục V", "khoản 1"]).
    fn items(&mut self, items: &'a [OutlineItem], fields: &[TaskField], place: &[String]) {
        let mut c = Counters::default();
        for it in items {
            let fields: Vec<TaskField> = it.task_fields.clone().unwrap_or_else(|| fields.to_vec());
            let mut here = place.to_vec();
            if let Some(h) = &it.part {
                c.part = next(c.part, it.number.as_ref(), letters::parse_roman);
                let number = label(it.number.as_ref(), || letters::roman(c.part));
                here.push(format!("Mục {number}"));
                self.out.push(BodyBlock::Part {
                    number,
                    heading: h.value.clone(),
                });
                c.item = 0;
                c.point = 0;
            } else if let Some(h) = &it.item {
                c.item = next(c.item, it.number.as_ref(), |s| s.parse().ok());
                let number = label(it.number.as_ref(), || c.item.to_string());
                here.push(format!("khoản {number}"));
                self.out.push(BodyBlock::Item {
                    number,
                    heading: h.value.clone(),
                });
                c.point = 0;
            } else if let Some(h) = &it.point {
                c.point = next_point(c.point, it.number.as_ref());
                let letter = label(it.number.as_ref(), || {
                    letters::point_letter(c.point).to_string()
                });
                here.push(format!("điểm {letter}"));
                self.out.push(BodyBlock::Point {
                    label: format!("{letter})"),
                    text: h.value.clone(),
                });
            } else if let Some(h) = &it.dash {
                self.out.push(BodyBlock::Dash {
                    text: h.value.clone(),
                });
            }
            if let Some(t) = it.text.as_ref().filter(|t| !t.trim().is_empty()) {
                self.out.push(BodyBlock::Text { text: t.clone() });
            }
            if let Some(sel) = &it.tasks {
                let style = it.as_.unwrap_or(TaskStyle::Point);
                self.tasks(sel, style, it.number.as_ref(), &mut c, &fields, &here);
            }
            if let Some(block) = &it.block {
                self.block(block.value, it.appendix.as_ref().map(|a| a.value));
            }
            self.items(&it.items, &fields, &here);
        }
    }

    fn tasks(
        &mut self,
        sel: &TaskSelector,
        style: TaskStyle,
        first: Option<&Spanned<String>>,
        c: &mut Counters,
        fields: &[TaskField],
        place: &[String],
    ) {
        let (found, _missing) = sel.select(&self.plan.tasks);
        for (k, i) in found.into_iter().enumerate() {
            let task = &self.plan.tasks[i];
            let given = first.filter(|_| k == 0);
            let (mark, number, place_mark) = match style {
                TaskStyle::Point => {
                    c.point = next_point(c.point, given);
                    let l = letters::point_letter(c.point);
                    (format!("{l})"), String::new(), Some(format!("điểm {l}")))
                }
                TaskStyle::Item => {
                    c.item = next(c.item, given, |s| s.parse().ok());
                    (
                        format!("{}.", c.item),
                        c.item.to_string(),
                        Some(format!("khoản {}", c.item)),
                    )
                }
                TaskStyle::Dash => ("-".into(), String::new(), None),
                TaskStyle::Plus => ("+".into(), String::new(), None),
                TaskStyle::Paragraph => (String::new(), String::new(), None),
            };
            if self.places[i].is_none() {
                let mut p = place.to_vec();
                p.extend(place_mark);
                p.reverse();
                self.places[i] = Some(p.join(" "));
            }
            let block = task_block(task, style, mark, number, fields);
            self.out.push(BodyBlock::Task(block));
        }
    }

    fn block(&mut self, kind: BlockKind, appendix: Option<u32>) {
        let plan = self.plan;
        let cat = self.catalogue;
        match kind {
            BlockKind::Bases => self.out.push(BodyBlock::Bases {
                bases: plan.bases.iter().map(|b| b.value.clone()).collect(),
            }),
            BlockKind::BaselineTable => {
                if let Some(b) = &plan.baseline {
                    self.out.push(BodyBlock::BaselineTable {
                        baseline: baseline::build(b, cat),
                    });
                }
            }
            BlockKind::Analysis => {
                if let Some(a) = analysis::build(plan, cat) {
                    self.out.push(BodyBlock::Analysis { analysis: a });
                }
            }
            BlockKind::Priorities => {
                if let Some(a) = analysis::build(plan, cat).filter(|a| !a.gaps.is_empty()) {
                    self.out.push(BodyBlock::Priorities { gaps: a.gaps });
                }
            }
            BlockKind::AgencyDigest => self.out.push(BodyBlock::AgencyDigest {
                agencies: Vec::new(),
            }),
            BlockKind::Kept => {
                let kept = super::kept_views(plan, cat);
                if !kept.is_empty() {
                    self.out.push(BodyBlock::Kept { kept });
                }
            }
            BlockKind::AppendixReference => {
                if let Some(text) = appendix_reference(plan, appendix) {
                    self.out.push(BodyBlock::AppendixReference { text });
                }
            }
        }
    }

    /// The old format's order: purposes and requirements, baseline, goals, tasks (those
    /// not in an appendix), kept, free sections, organisation, reporting.
    fn standard(&mut self) {
        let plan = self.plan;
        let part = |b: &mut Self, heading: &str| b.push_part(heading.to_string());
        if let Some(t) = nonempty(&plan.preamble) {
            self.out.push(BodyBlock::Text { text: t });
        }
        if plan.purposes.is_some() || plan.requirements.is_some() {
            part(self, "MỤC ĐÍCH, YÊU CẦU");
            let mut n = 0;
            for (h, t) in [
                ("Mục đích", &plan.purposes),
                ("Yêu cầu", &plan.requirements),
            ] {
                if let Some(t) = nonempty(t) {
                    n += 1;
                    self.out.push(BodyBlock::Item {
                        number: n.to_string(),
                        heading: h.into(),
                    });
                    self.out.push(BodyBlock::Text { text: t });
                }
            }
        }
        if let Some(b) = &plan.baseline {
            part(self, &format!("HIỆN TRẠNG CHỈ SỐ DTI NĂM {}", b.year));
            self.block(BlockKind::BaselineTable, None);
            if let Some(t) = nonempty(&b.text) {
                self.out.push(BodyBlock::Text { text: t });
            }
        }
        if let Some(g) = &plan.goals {
            part(self, "MỤC TIÊU");
            if let Some(t) = nonempty(&g.text) {
                self.out.push(BodyBlock::Text { text: t });
            }
        }
        let body_tasks: Vec<usize> = (0..plan.tasks.len())
            .filter(|&i| !in_appendix(plan, i))
            .collect();
        if !body_tasks.is_empty() || !plan.kept.is_empty() {
            let roman = part(self, "NHIỆM VỤ, GIẢI PHÁP");
            let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
            for i in body_tasks {
                let key = plan.tasks[i]
                    .group
                    .as_ref()
                    .map(|g| g.trim().to_string())
                    .unwrap_or_default();
                match groups.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, v)) => v.push(i),
                    None => groups.push((key, vec![i])),
                }
            }
            let fields = plan.task_fields.clone();
            let mut item = 0;
            for (key, idx) in groups {
                let mut place = vec![format!("Mục {roman}")];
                if !key.is_empty() {
                    item += 1;
                    self.out.push(BodyBlock::Item {
                        number: item.to_string(),
                        heading: tasks::group_heading(&key, self.catalogue),
                    });
                    place.push(format!("khoản {item}"));
                }
                let ids = idx
                    .iter()
                    .map(|&i| plan.tasks[i].id.clone())
                    .collect::<Vec<Spanned<String>>>();
                let mut c = Counters::default();
                self.tasks(
                    &TaskSelector::Ids(ids),
                    TaskStyle::Point,
                    None,
                    &mut c,
                    &fields,
                    &place,
                );
            }
            self.block(BlockKind::Kept, None);
        }
        self.sections(&plan.sections, 0);
        if let Some(o) = &plan.organisation {
            part(self, "TỔ CHỨC THỰC HIỆN");
            if let Some(t) = nonempty(&o.text) {
                self.out.push(BodyBlock::Text { text: t });
            }
            for (k, d) in o.duties.iter().enumerate() {
                self.out.push(BodyBlock::Item {
                    number: (k + 1).to_string(),
                    heading: d.agency.value.clone(),
                });
                self.out.push(BodyBlock::Text {
                    text: d.body.clone(),
                });
            }
        }
        if let Some(t) = nonempty(&plan.reporting) {
            part(self, "CHẾ ĐỘ BÁO CÁO");
            self.out.push(BodyBlock::Text { text: t });
        }
    }

    /// A part heading numbered after the parts already in the body; its numeral.
    fn push_part(&mut self, heading: String) -> String {
        let n = self
            .out
            .iter()
            .filter(|b| matches!(b, BodyBlock::Part { .. }))
            .count() as u32;
        let number = letters::roman(n + 1);
        self.out.push(BodyBlock::Part {
            number: number.clone(),
            heading,
        });
        number
    }

    fn sections(&mut self, sections: &[Section], depth: usize) {
        let mut item = 0;
        for s in sections {
            if depth == 0 {
                self.push_part(s.heading.clone());
            } else if depth == 1 {
                item += 1;
                self.out.push(BodyBlock::Item {
                    number: item.to_string(),
                    heading: s.heading.clone(),
                });
            } else {
                self.out.push(BodyBlock::Dash {
                    text: s.heading.clone(),
                });
            }
            if let Some(t) = nonempty(&s.body) {
                self.out.push(BodyBlock::Text { text: t });
            }
            self.sections(&s.sections, depth + 1);
        }
    }
}

fn nonempty(s: &Option<String>) -> Option<String> {
    s.as_ref().filter(|t| !t.trim().is_empty()).cloned()
}

/// The count after this item: the author's number when given and readable, else one more.
fn next<T: Copy + std::ops::Add<Output = T> + From<u8>>(
    cur: T,
    given: Option<&Spanned<String>>,
    parse: impl Fn(&str) -> Option<T>,
) -> T {
    given
        .and_then(|g| parse(g.trim().trim_end_matches(['.', ')'])))
        .unwrap_or(cur + T::from(1))
}

fn next_point(cur: usize, given: Option<&Spanned<String>>) -> usize {
    given
        .and_then(|g| letters::parse_point_letter(g))
        .unwrap_or(cur + 1)
}

/// The author's number as written (without a trailing "." or ")"), else the counted one.
fn label(given: Option<&Spanned<String>>, counted: impl FnOnce() -> String) -> String {
    match given {
        Some(g) if !g.trim().is_empty() => g.trim().trim_end_matches(['.', ')']).to_string(),
        _ => counted(),
    }
}

/// Whether Markdown text starts with a plain paragraph (so a mark can run into it).
fn starts_with_paragraph(md: &str) -> bool {
    let first = md.trim_start();
    let line = first.lines().next().unwrap_or("");
    let t = line.trim_start();
    !(t.starts_with("- ")
        || t.starts_with("+ ")
        || t.starts_with("* ")
        || t.starts_with('#')
        || t.starts_with('|')
        || t.starts_with('>')
        || t.split_once(". ")
            .is_some_and(|(n, _)| n.parse::<u32>().is_ok()))
}

fn task_block(
    task: &Task,
    style: TaskStyle,
    mark: String,
    number: String,
    fields: &[TaskField],
) -> TaskBlock {
    let fields: &[TaskField] = task.fields.as_deref().unwrap_or(fields);
    let joined = |l: &[Spanned<String>]| {
        l.iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut lines = Vec::new();
    for f in fields {
        let (label, value) = match f {
            TaskField::Lead => ("Cơ quan chủ trì", Some(joined(&task.lead))),
            TaskField::Support => ("Cơ quan phối hợp", Some(joined(&task.support))),
            TaskField::Deadline => (
                "Thời gian hoàn thành",
                task.deadline.as_ref().map(|d| d.trim().to_string()),
            ),
            TaskField::Target => ("Kết quả cần đạt", task.target.clone()),
            TaskField::Budget => ("Kinh phí", task.budget.as_ref().map(|b| figure_text(b))),
            TaskField::Note => ("Ghi chú", task.note.clone()),
        };
        if let Some(v) = value
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
        {
            lines.push((label.to_string(), v));
        }
    }
    let title = task
        .title
        .as_ref()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    let body = task.body.clone().filter(|b| !b.trim().is_empty());
    let runin = title.is_none() && body.as_deref().is_some_and(starts_with_paragraph);
    TaskBlock {
        id: task.id.value.clone(),
        style: match style {
            TaskStyle::Point => "point",
            TaskStyle::Item => "item",
            TaskStyle::Dash => "dash",
            TaskStyle::Plus => "plus",
            TaskStyle::Paragraph => "paragraph",
        },
        mark,
        number,
        title,
        body,
        runin,
        fields: lines,
    }
}

/// "(Chi tiết tại Phụ lục kèm theo)", naming the appendix when there are several.
fn appendix_reference(plan: &Plan, which: Option<u32>) -> Option<String> {
    let n = plan.appendices.len();
    if n == 0 {
        return None;
    }
    Some(match which {
        Some(k) if n >= 2 => format!("(Chi tiết tại Phụ lục {} kèm theo)", letters::roman(k)),
        _ if n >= 2 => {
            let all: Vec<String> = (1..=n as u32).map(letters::roman).collect();
            format!("(Chi tiết tại các Phụ lục {} kèm theo)", all.join(", "))
        }
        _ => "(Chi tiết tại Phụ lục kèm theo)".to_string(),
    })
}
