//! The plan model: everything a KH-UBND document holds, as read from a plan YAML file.
//!
//! Keys are English (see `docs/glossary.md`); the JSON Schema published by
//! `kehoach schema` carries the Vietnamese term in each description. Values are as
//! written in the source document: nothing is corrected on the way in, so the linter can
//! find what is wrong. Values a lint may point at are `Spanned`.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::source::Spanned;

pub use super::outline::{BlockKind, OutlineItem, TaskField, TaskFilter, TaskSelector, TaskStyle};

/// A whole plan (Kế hoạch).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Bộ chỉ số: the id of the catalogue the plan is linted against (`dti-922-2022`).
    pub catalogue: Spanned<String>,
    /// Thể thức văn bản: header, number, date, title.
    pub document: Document,
    /// Căn cứ: the legal bases, one per paragraph, as written ("Căn cứ Quyết định số …").
    #[serde(default)]
    pub bases: Vec<Spanned<String>>,
    /// Lời mở đầu: text between the bases and part I (Markdown).
    #[serde(default)]
    pub preamble: Option<String>,
    /// Mục đích (Markdown).
    #[serde(default)]
    pub purposes: Option<String>,
    /// Yêu cầu (Markdown).
    #[serde(default)]
    pub requirements: Option<String>,
    /// Hiện trạng: the previous DTI results the plan starts from.
    #[serde(default)]
    pub baseline: Option<Baseline>,
    /// Mục tiêu: goals in prose and numeric targets.
    #[serde(default)]
    pub goals: Option<Goals>,
    /// Nhiệm vụ, giải pháp: the tasks. An appendix row assigning an indicator is a task.
    #[serde(default)]
    pub tasks: Vec<Task>,
    /// Chỉ số giữ nguyên: indicators deliberately kept as they are (already at full
    /// points) or not applicable, each with a reason.
    #[serde(default)]
    pub kept: Vec<Kept>,
    /// Phần tự do: further sections (Markdown), rendered in order after the tasks.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Dự án, kinh phí: project and budget tables (appendix), with stated subtotals.
    #[serde(default)]
    pub budget_tables: Vec<BudgetTable>,
    /// Tổ chức thực hiện: general text and duties per agency (Markdown).
    #[serde(default)]
    pub organisation: Option<Organisation>,
    /// Chế độ báo cáo (Markdown).
    #[serde(default)]
    pub reporting: Option<String>,
    /// Lời kết: the closing paragraph before "./." (Markdown).
    #[serde(default)]
    pub closing: Option<String>,
    /// Nơi nhận: one recipient a line, as written ("Bộ Thông tin và Truyền thông (b/c);").
    #[serde(default)]
    pub recipients: Vec<Spanned<String>>,
    /// Người ký.
    #[serde(default)]
    pub signer: Option<Signer>,
    /// Phụ lục: titles of the appendices, in order.
    #[serde(default)]
    pub appendices: Vec<Appendix>,
    /// Bố cục: the document's own parts in order (see `docs/plan-format.md`). When given,
    /// the body is exactly this outline, and `preamble`, `purposes`, `requirements`,
    /// `goals.text`, `baseline.text`, `sections`, `organisation` and `reporting` are not
    /// printed (they may still hold data for lint and score); without it the standard
    /// order applies.
    #[serde(default)]
    pub outline: Vec<OutlineItem>,
    /// Which task lines (chủ trì, phối hợp, thời hạn, kết quả, kinh phí, ghi chú) the body
    /// shows under each task; none unless asked. An outline item's or a task's own setting
    /// overrides this.
    #[serde(default)]
    pub task_fields: Vec<TaskField>,
}

/// Số, ký hiệu, địa danh, ngày tháng, trích yếu.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Cơ quan chủ quản: the body above the issuer (none for a provincial UBND).
    #[serde(default)]
    pub parent_body: Option<String>,
    /// Cơ quan ban hành, as the header writes it, one line an item:
    /// ["ỦY BAN NHÂN DÂN", "TỈNH TIỀN GIANG"].
    pub issuer: Vec<String>,
    /// The issuer's name in running text ("Ủy ban nhân dân tỉnh Tiền Giang").
    pub issuer_name: String,
    /// Số: the number in the issuer's yearly sequence ("444"); empty for a draft.
    #[serde(default)]
    pub number: Option<Spanned<String>>,
    /// Ký hiệu: "KH-UBND".
    pub symbol: Spanned<String>,
    /// Địa danh: "Tiền Giang".
    pub place: String,
    /// Ngày ban hành, ISO ("2023-10-23"); empty for a draft.
    #[serde(default)]
    pub date: Option<Spanned<String>>,
    /// Trích yếu: the summary title under "KẾ HOẠCH".
    pub title: Spanned<String>,
    /// The year the plan is for (2023).
    pub year: Spanned<i32>,
    /// The last year the plan covers ("2023 và các năm tiếp theo" → 2025); default `year`.
    #[serde(default)]
    pub horizon: Option<Spanned<i32>>,
    /// True while number and date are not yet filled in.
    #[serde(default)]
    pub draft: bool,
}

/// A number as written: a YAML number, or text such as "226.420", "468,9" or "" (blank).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema, PartialEq)]
#[serde(untagged)]
pub enum Figure {
    Number(f64),
    Text(String),
}

/// Hiện trạng: the previous DTI results, as published.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// The year assessed (2022).
    pub year: i32,
    /// Total points as stated.
    #[serde(default)]
    pub total: Option<Spanned<Figure>>,
    /// Rank among the 63 provinces, as stated.
    #[serde(default)]
    pub rank: Option<Spanned<u32>>,
    /// Thang điểm: the maximum of the total as the table states it ("1.000").
    #[serde(default)]
    pub max_points: Option<Spanned<Figure>>,
    /// So sánh với năm trước (điểm): change of the total on the year before, as stated
    /// ("Tăng 114,2").
    #[serde(default)]
    pub total_change: Option<Spanned<Figure>>,
    /// So sánh với năm trước (xếp hạng): change of the rank, as stated ("Giảm 20 hạng").
    #[serde(default)]
    pub rank_change: Option<Spanned<Figure>>,
    /// Per main index, as stated in the plan's own table.
    #[serde(default)]
    pub indices: Vec<BaselineIndex>,
    /// Per indicator or sub-indicator, as stated.
    #[serde(default)]
    pub indicators: Vec<BaselineIndicator>,
    /// Text of the analysis as the plan writes it (Markdown), kept for reference.
    #[serde(default)]
    pub text: Option<String>,
}

/// One main index in the baseline table.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BaselineIndex {
    pub code: Spanned<String>,
    /// Name as written, if the table gives it.
    #[serde(default)]
    pub name: Option<String>,
    /// Max points as stated in the table.
    #[serde(default)]
    pub max_points: Option<Spanned<Figure>>,
    pub points: Spanned<Figure>,
    #[serde(default)]
    pub rank: Option<Spanned<u32>>,
    /// Change on the year before, as stated (Cà Mau's "tăng/giảm").
    #[serde(default)]
    pub change: Option<Spanned<Figure>>,
    /// So sánh xếp hạng với năm trước: change of the rank, as stated ("-12", "+ 29").
    #[serde(default)]
    pub rank_change: Option<Spanned<Figure>>,
    #[serde(default)]
    pub note: Option<String>,
}

/// One indicator's baseline: published points, raw inputs, or both.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BaselineIndicator {
    pub code: Spanned<String>,
    #[serde(default)]
    pub points: Option<Spanned<Figure>>,
    /// Xếp loại: the class the plan gives the indicator when it states no figure
    /// ("Các tiêu chí đạt điểm tối đa: 03 (1.1, 1.5, 1.6)").
    #[serde(default)]
    pub status: Option<PointsClass>,
    /// Raw inputs of the scoring rule: `{a: 12, b: 15}`; booleans for binary rules.
    #[serde(default)]
    pub inputs: IndexMap<String, Spanned<InputValue>>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Where an indicator stands against its maximum.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum PointsClass {
    /// đạt điểm tối đa
    Full,
    /// không đạt điểm tối đa (some points)
    Partial,
    /// không đạt điểm (no points)
    Zero,
}

/// A value of a scoring input.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema, PartialEq)]
#[serde(untagged)]
pub enum InputValue {
    Bool(bool),
    Number(f64),
    Text(String),
}

/// Mục tiêu.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goals {
    /// Mục tiêu chung / cụ thể in prose (Markdown).
    #[serde(default)]
    pub text: Option<String>,
    /// Target total points, if stated.
    #[serde(default)]
    pub total: Option<Spanned<Figure>>,
    /// Target rank, if stated.
    #[serde(default)]
    pub rank: Option<Spanned<u32>>,
    /// Numeric targets per indicator: input values or points to reach.
    #[serde(default)]
    pub targets: Vec<Target>,
}

/// A target for one indicator: the inputs it aims at, or the points.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub code: Spanned<String>,
    #[serde(default)]
    pub points: Option<Spanned<Figure>>,
    #[serde(default)]
    pub inputs: IndexMap<String, Spanned<InputValue>>,
    #[serde(default)]
    pub text: Option<String>,
}

/// Nhiệm vụ: one task, or one row of an indicator-assignment appendix.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// Stable id, unique in the plan ("pl1-6.12", "nv-2.3").
    pub id: Spanned<String>,
    /// Heading the source lists the task under: a main index code ("6") for DTI-structured
    /// plans, or an area title ("Hạ tầng số").
    #[serde(default)]
    pub group: Option<Spanned<String>>,
    /// Title as written; for an indicator row, the indicator name as the plan writes it.
    #[serde(default)]
    pub title: Option<Spanned<String>>,
    /// What is to be done (Markdown).
    #[serde(default)]
    pub body: Option<String>,
    /// Indicator codes the task serves ("6.12", "8.8.1.1").
    #[serde(default)]
    pub indicators: Vec<Spanned<String>>,
    /// Max points as the plan's table states them (may disagree with the catalogue).
    #[serde(default)]
    pub max_points: Option<Spanned<Figure>>,
    /// Scoring method as the plan's table writes it, when it reproduces it.
    #[serde(default)]
    pub method: Option<String>,
    /// Cơ quan chủ trì: one or more agencies as written.
    #[serde(default)]
    pub lead: Vec<Spanned<String>>,
    /// Cơ quan phối hợp.
    #[serde(default)]
    pub support: Vec<Spanned<String>>,
    /// Thời gian hoàn thành, as written ("Quý IV/2023").
    #[serde(default)]
    pub deadline: Option<Spanned<String>>,
    /// Kết quả / mục tiêu đạt được.
    #[serde(default)]
    pub target: Option<String>,
    /// Kinh phí, million VND unless stated.
    #[serde(default)]
    pub budget: Option<Spanned<Figure>>,
    /// Ghi chú.
    #[serde(default)]
    pub note: Option<String>,
    /// Dòng số liệu a, b, c: input rows the appendix lists under the indicator (the figures
    /// its scoring rule needs), in order.
    #[serde(default)]
    pub inputs: Vec<TaskInput>,
    /// Which task lines the body shows under this task (overrides the plan's and the
    /// outline's `task_fields`).
    #[serde(default)]
    pub fields: Option<Vec<TaskField>>,
}

/// One input row under an indicator row of an assignment appendix ("a | Kinh phí đầu tư
/// từ NSNN cho ATTT | …. tỷ đồng").
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskInput {
    /// Ký hiệu: the letter as written ("a").
    pub label: Spanned<String>,
    /// Tên: the input's name as written.
    pub name: Spanned<String>,
    /// Any other text the row holds (a placeholder such as "…. tỷ đồng", an explanation).
    #[serde(default)]
    pub text: Option<String>,
}

/// An indicator deliberately left as it is, with a reason.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kept {
    pub code: Spanned<String>,
    /// `full_points` (giữ vững, already at full points) or `not_applicable`.
    pub status: KeptStatus,
    pub reason: Spanned<String>,
}

#[derive(Clone, Copy, Debug, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum KeptStatus {
    FullPoints,
    NotApplicable,
}

/// A free section: a heading and Markdown text.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub heading: String,
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub sections: Vec<Section>,
}

/// A project and budget table (Tiền Giang 2024 appendix).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetTable {
    pub id: Spanned<String>,
    pub title: String,
    /// "triệu đồng" unless stated.
    #[serde(default)]
    pub unit: Option<String>,
    pub sections: Vec<BudgetSection>,
    /// The grand total as stated.
    #[serde(default)]
    pub total: Option<Spanned<Figure>>,
}

/// A section of a budget table ("I. Dự án đầu tư"), possibly with sub-sections.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetSection {
    /// Numbering as written ("I", "1", "A").
    #[serde(default)]
    pub number: Option<String>,
    pub title: String,
    #[serde(default)]
    pub items: Vec<BudgetItem>,
    #[serde(default)]
    pub sections: Vec<BudgetSection>,
    /// The subtotal as stated on the section's row.
    #[serde(default)]
    pub subtotal: Option<Spanned<Figure>>,
}

/// One line of a budget table.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetItem {
    #[serde(default)]
    pub number: Option<String>,
    pub name: Spanned<String>,
    /// Lĩnh vực: the area the line belongs to, as written ("Cơ sở hạ tầng",
    /// "Thuê dịch vụ CNTT").
    #[serde(default)]
    pub sector: Option<Spanned<String>>,
    #[serde(default)]
    pub lead: Vec<Spanned<String>>,
    #[serde(default)]
    pub goal: Option<String>,
    #[serde(default)]
    pub amount: Option<Spanned<Figure>>,
    /// Thời gian thực hiện, as written.
    #[serde(default)]
    pub period: Option<Spanned<String>>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Tổ chức thực hiện.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    #[serde(default)]
    pub text: Option<String>,
    /// Duties per agency, in the source's order.
    #[serde(default)]
    pub duties: Vec<Duty>,
}

/// What one agency is asked to do in "Tổ chức thực hiện".
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Duty {
    pub agency: Spanned<String>,
    pub body: String,
}

/// Người ký.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    /// "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"; empty when the signer signs in person.
    #[serde(default)]
    pub authority: Option<String>,
    /// "CHỦ TỊCH", "PHÓ CHỦ TỊCH".
    pub title: Spanned<String>,
    pub name: Spanned<String>,
}

/// A phụ lục: its heading and what it holds.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Appendix {
    pub title: String,
    /// `assignment` (tasks with indicators), `budget` (a budget table by `table` id), or
    /// `baseline`.
    pub kind: AppendixKind,
    /// For `budget`: the id of the budget table.
    #[serde(default)]
    pub table: Option<String>,
    /// For `assignment`: the tasks that are this appendix's rows (`{id_prefix: "pl-"}`, a
    /// list of ids, …); every task serving an indicator when absent. A task that is an
    /// appendix row is printed in the appendix only, unless the outline places it in the
    /// body too.
    #[serde(default)]
    pub tasks: Option<TaskSelector>,
    /// Dòng chỉ số chính: for `assignment`, the main-index heading rows of the table, with
    /// the name and points they state (they assign nothing, so they are not tasks).
    #[serde(default)]
    pub groups: Vec<AppendixGroup>,
}

/// A main-index heading row of an assignment appendix ("6 | Hoạt động chính quyền số | 150").
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AppendixGroup {
    /// Mã chỉ số chính as written ("6").
    pub code: Spanned<String>,
    /// Tên chỉ số chính as the appendix writes it.
    pub title: Spanned<String>,
    /// Thang điểm as the row states it (may disagree with the catalogue, or be blank "").
    #[serde(default)]
    pub max_points: Option<Spanned<Figure>>,
}

#[derive(Clone, Copy, Debug, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AppendixKind {
    Assignment,
    Budget,
    Baseline,
}
