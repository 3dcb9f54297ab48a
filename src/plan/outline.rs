//! The outline: the document's own parts, in the author's order (`outline:` in a plan).
//!
//! An outline is a list of items; each item is one of
//!
//! | key | renders as |
//! | --- | --- |
//! | `part: "MỤC ĐÍCH, YÊU CẦU"` | "I. MỤC ĐÍCH, YÊU CẦU" (Roman, bold capitals) |
//! | `item: "Mục đích"` | "1. Mục đích" (bold) |
//! | `point: "Về thực hiện …"` | "a) Về thực hiện …" (a b c d đ e g h i k l m n …) |
//! | `dash: "…"` | "- …", an administrative dash paragraph |
//! | `text: "…"` | free paragraphs (Markdown) |
//! | `tasks: [id, …]` or `tasks: {group: "…"}` | the tasks, placed here, in that order |
//! | `block: baseline_table` (and the other [`BlockKind`]s) | a generated block |
//!
//! with `text` (Markdown after the heading) and `items` (what the part holds) on any
//! heading. Numbers and letters are counted in order among siblings; `number:` gives the
//! one the author wrote when it is not the next one (the count goes on from it).
//! `task_fields` chooses which task lines (chủ trì, phối hợp, …) the tasks inside show.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::source::Spanned;

/// One item of the outline.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OutlineItem {
    /// Phần (I., II., …): a part heading as written, in capitals.
    #[serde(default)]
    pub part: Option<Spanned<String>>,
    /// Mục (1., 2., …): a numbered item's heading as written.
    #[serde(default)]
    pub item: Option<Spanned<String>>,
    /// Điểm (a), b), … đ) …): a lettered point's text as written (a run-in paragraph or a
    /// short heading).
    #[serde(default)]
    pub point: Option<Spanned<String>>,
    /// Gạch đầu dòng: a dash paragraph ("- …") that heads what follows it.
    #[serde(default)]
    pub dash: Option<Spanned<String>>,
    /// The number or letter as the author wrote it ("V", "3", "k"), when it is not the next
    /// in sequence; counting goes on from it.
    #[serde(default)]
    pub number: Option<Spanned<String>>,
    /// Markdown paragraphs: after the heading, or on their own (no heading key).
    #[serde(default)]
    pub text: Option<String>,
    /// Tasks placed here, by id or by selector, rendered in the selection's order.
    #[serde(default)]
    pub tasks: Option<TaskSelector>,
    /// How the placed tasks are numbered: `point` (a), b), … — the default), `item`
    /// (1., 2., …), `dash` ("- …"), `plus` ("+ …") or `paragraph` (no mark).
    #[serde(default, rename = "as")]
    pub as_: Option<TaskStyle>,
    /// A generated block placed here.
    #[serde(default)]
    pub block: Option<Spanned<BlockKind>>,
    /// For `block: appendix_reference`: which appendix (1-based, in `appendices` order);
    /// all of them when absent.
    #[serde(default)]
    pub appendix: Option<Spanned<u32>>,
    /// Which task lines the tasks inside this item show (overrides the plan's
    /// `task_fields`; a task's own `fields` overrides this).
    #[serde(default)]
    pub task_fields: Option<Vec<TaskField>>,
    /// What this part holds, in order.
    #[serde(default)]
    pub items: Vec<OutlineItem>,
}

/// Which tasks: a list of ids, or every task matching a filter (in the plan's order).
/// (Deserialised by hand, not `untagged`: an untagged enum buffers its input, which loses
/// the spans of the ids.)
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum TaskSelector {
    /// Task ids, in the order to print them.
    Ids(Vec<Spanned<String>>),
    /// Every task whose fields match (all given conditions must hold).
    Filter(TaskFilter),
}

impl<'de> Deserialize<'de> for TaskSelector {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = TaskSelector;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of task ids, or a filter {group, id_prefix, indicator}")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element::<Spanned<String>>()? {
                    ids.push(id);
                }
                Ok(TaskSelector::Ids(ids))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                TaskFilter::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(TaskSelector::Filter)
            }
        }
        d.deserialize_any(V)
    }
}

/// A task filter: each given condition must hold.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskFilter {
    /// The task's `group`, exactly as written.
    #[serde(default)]
    pub group: Option<Spanned<String>>,
    /// The task id starts with this ("pl-").
    #[serde(default)]
    pub id_prefix: Option<Spanned<String>>,
    /// The task serves an indicator of this main index or under this code ("6", "6.12").
    #[serde(default)]
    pub indicator: Option<Spanned<String>>,
}

/// How placed tasks are marked.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TaskStyle {
    Point,
    Item,
    Dash,
    Plus,
    Paragraph,
}

/// A task line the body may show under a task.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TaskField {
    /// Cơ quan chủ trì
    Lead,
    /// Cơ quan phối hợp
    Support,
    /// Thời gian hoàn thành
    Deadline,
    /// Kết quả cần đạt
    Target,
    /// Kinh phí
    Budget,
    /// Ghi chú
    Note,
}

/// A block generated from the plan's data, placed where the author puts it.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The legal bases (`bases`), placed here instead of under the title (for a plan that
    /// lists them in a part of its own, "I. CĂN CỨ LẬP KẾ HOẠCH").
    Bases,
    /// The table of main indices (max, points, rank) from `baseline`.
    BaselineTable,
    /// Per main index, the indicators at full, partial and zero points, and those with no
    /// data ("chưa có số liệu"), from the score engine.
    Analysis,
    /// The indicators with most points still to gain, with their lead agency.
    Priorities,
    /// Per agency, the tasks it leads and supports.
    AgencyDigest,
    /// The indicators kept as they are (`kept`).
    Kept,
    /// "(Chi tiết tại Phụ lục … kèm theo)".
    AppendixReference,
}

impl OutlineItem {
    /// The heading kinds this item has set (a valid item has at most one).
    pub fn kinds(&self) -> Vec<&'static str> {
        let mut k = Vec::new();
        if self.part.is_some() {
            k.push("part");
        }
        if self.item.is_some() {
            k.push("item");
        }
        if self.point.is_some() {
            k.push("point");
        }
        if self.dash.is_some() {
            k.push("dash");
        }
        if self.tasks.is_some() {
            k.push("tasks");
        }
        if self.block.is_some() {
            k.push("block");
        }
        k
    }

    /// Every item of an outline, depth first, with its path (`outline[2].items[0]`).
    pub fn walk(outline: &[OutlineItem]) -> Vec<(String, &OutlineItem)> {
        fn go<'a>(items: &'a [OutlineItem], path: &str, out: &mut Vec<(String, &'a OutlineItem)>) {
            for (i, it) in items.iter().enumerate() {
                let p = format!("{path}[{i}]");
                out.push((p.clone(), it));
                go(&it.items, &format!("{p}.items"), out);
            }
        }
        let mut out = Vec::new();
        go(outline, "outline", &mut out);
        out
    }
}

impl TaskFilter {
    /// Whether a task matches every given condition.
    pub fn matches(&self, task: &super::Task) -> bool {
        let group_ok = self
            .group
            .as_ref()
            .is_none_or(|g| task.group.as_ref().is_some_and(|tg| tg.trim() == g.trim()));
        let prefix_ok = self
            .id_prefix
            .as_ref()
            .is_none_or(|p| task.id.starts_with(p.as_str()));
        let ind_ok = self.indicator.as_ref().is_none_or(|c| {
            let c = c.trim();
            task.indicators.iter().any(|t| {
                let t = t.trim();
                t == c || t.starts_with(&format!("{c}."))
            })
        });
        group_ok && prefix_ok && ind_ok
    }
}

impl TaskSelector {
    /// The indices (into `tasks`) of the tasks selected, in order; ids not found are
    /// returned separately.
    pub fn select<'a>(&'a self, tasks: &[super::Task]) -> (Vec<usize>, Vec<&'a Spanned<String>>) {
        match self {
            TaskSelector::Ids(ids) => {
                let mut found = Vec::new();
                let mut missing = Vec::new();
                for id in ids {
                    match tasks.iter().position(|t| t.id.trim() == id.trim()) {
                        Some(i) => found.push(i),
                        None => missing.push(id),
                    }
                }
                (found, missing)
            }
            TaskSelector::Filter(f) => (
                tasks
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| f.matches(t))
                    .map(|(i, _)| i)
                    .collect(),
                Vec::new(),
            ),
        }
    }
}

/// A problem with an outline: where (line, column, YAML path) and what, in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineProblem {
    pub line: u32,
    pub column: u32,
    pub path: String,
    pub vi: String,
    pub en: String,
}

/// The outline's problems: an item with two kinds (`part` and `item`, say), a task id
/// that names no task, a task placed twice, `as` or `appendix` where they mean nothing.
pub fn check(plan: &super::Plan) -> Vec<OutlineProblem> {
    let mut out = Vec::new();
    let mut placed: Vec<(String, u32)> = Vec::new();
    let at = |s: &crate::source::Span| (s.line, s.column);
    for (path, it) in OutlineItem::walk(&plan.outline) {
        let kinds = it.kinds();
        let first_span = it
            .part
            .as_ref()
            .or(it.item.as_ref())
            .or(it.point.as_ref())
            .or(it.dash.as_ref())
            .map(|s| s.span)
            .or(it.block.as_ref().map(|b| b.span))
            .unwrap_or_default();
        if kinds.len() > 1 {
            let (line, column) = at(&first_span);
            out.push(OutlineProblem {
                line,
                column,
                path: path.clone(),
                vi: format!(
                    "mục bố cục có nhiều loại cùng lúc ({}): tách thành các mục riêng",
                    kinds.join(", ")
                ),
                en: format!(
                    "outline item has several kinds at once ({}): split it into separate items",
                    kinds.join(", ")
                ),
            });
        }
        if kinds.is_empty() && it.text.is_none() && it.items.is_empty() {
            out.push(OutlineProblem {
                line: 0,
                column: 0,
                path: path.clone(),
                vi: "mục bố cục trống: thêm part, item, point, dash, text, tasks hoặc block".into(),
                en: "empty outline item: give it part, item, point, dash, text, tasks or block"
                    .into(),
            });
        }
        if let Some(sel) = &it.tasks {
            let (found, missing) = sel.select(&plan.tasks);
            for id in missing {
                let (line, column) = at(&id.span);
                let near = plan
                    .tasks
                    .iter()
                    .map(|t| t.id.value.as_str())
                    .min_by_key(|t| strsim::levenshtein(t, id))
                    .map(|t| format!(" (“{t}”?)"))
                    .unwrap_or_default();
                out.push(OutlineProblem {
                    line,
                    column,
                    path: format!("{path}.tasks"),
                    vi: format!("không có nhiệm vụ mã “{}”{near}", id.value),
                    en: format!("no task has the id “{}”{near}", id.value),
                });
            }
            if let TaskSelector::Filter(_) = sel
                && found.is_empty()
            {
                out.push(OutlineProblem {
                    line: 0,
                    column: 0,
                    path: format!("{path}.tasks"),
                    vi: "bộ lọc nhiệm vụ không chọn nhiệm vụ nào".into(),
                    en: "the task filter selects no task".into(),
                });
            }
            for i in found {
                let id = plan.tasks[i].id.value.clone();
                if let Some((_, line)) = placed.iter().find(|(p, _)| *p == id) {
                    out.push(OutlineProblem {
                        line: plan.tasks[i].id.span.line,
                        column: plan.tasks[i].id.span.column,
                        path: format!("{path}.tasks"),
                        vi: format!(
                            "nhiệm vụ “{id}” được đặt hai lần trong bố cục (lần đầu ở dòng {line})"
                        ),
                        en: format!(
                            "task “{id}” is placed twice in the outline (first at line {line})"
                        ),
                    });
                } else {
                    let line = match sel {
                        TaskSelector::Ids(ids) => ids
                            .iter()
                            .find(|x| x.trim() == id.trim())
                            .map(|x| x.span.line)
                            .unwrap_or(0),
                        TaskSelector::Filter(_) => 0,
                    };
                    placed.push((id, line));
                }
            }
        }
    }
    out
}
