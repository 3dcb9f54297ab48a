//! The catalogue model: main indices, indicators, sub-indicators and their scoring rules.
//!
//! A catalogue file (`lints/dti-922-2022.yaml`) is a tree: `indices` holds the main
//! indices, each entry may hold `children`. Every entry has a dotted `code`
//! ("6", "6.12", "8.8.1.1"); the parent of a code is the code with its last part removed.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::source::Spanned;

/// A whole DTI catalogue (Bộ chỉ số).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Stable id a plan pins, e.g. `dti-922-2022`.
    pub id: Spanned<String>,
    pub title: String,
    pub decision: Decision,
    /// Whom the catalogue assesses: `province` (cấp tỉnh), `commune` (cấp xã), `agency`
    /// (the departments and bodies of a province or ministry), `ministry` (cấp bộ).
    pub level: CatalogueLevel,
    /// The declared total of the scored main indices (1000 in 922/QĐ-BTTTT).
    pub total_points: Spanned<f64>,
    /// When a later decision replaced this catalogue: plans for `from_year` on should
    /// cite the new one (KH110 superseded-catalogue).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superseded: Option<Superseded>,
    /// The three pillars (trụ cột), for reference.
    #[serde(default)]
    pub pillars: Vec<String>,
    pub indices: Vec<Entry>,
}

/// Whom a catalogue assesses.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum CatalogueLevel {
    /// cấp tỉnh: the provinces and centrally-run cities
    #[serde(alias = "provincial")]
    Province,
    /// cấp xã: communes, wards and special zones
    Commune,
    /// the departments, bodies and units of one province or ministry (cơ quan, đơn vị)
    Agency,
    /// cấp bộ: ministries and ministry-level bodies
    #[serde(alias = "ministerial")]
    Ministry,
}

impl CatalogueLevel {
    /// As written in YAML (`province`, `commune`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            CatalogueLevel::Province => "province",
            CatalogueLevel::Commune => "commune",
            CatalogueLevel::Agency => "agency",
            CatalogueLevel::Ministry => "ministry",
        }
    }

    /// Read a level as written in YAML or on the command line.
    pub fn parse(s: &str) -> Option<CatalogueLevel> {
        match s.trim() {
            "province" | "provincial" => Some(CatalogueLevel::Province),
            "commune" => Some(CatalogueLevel::Commune),
            "agency" => Some(CatalogueLevel::Agency),
            "ministry" | "ministerial" => Some(CatalogueLevel::Ministry),
            _ => None,
        }
    }
}

/// The decision that replaced a catalogue.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Superseded {
    /// "405/QĐ-BKHCN"
    pub by: String,
    /// ISO date of that decision, "2025-04-03".
    pub date: String,
    pub issuer: String,
    /// The first plan year the new decision applies to (2025).
    pub from_year: i32,
}

/// The legal instrument that issues the catalogue.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// "922/QĐ-BTTTT"
    pub number: String,
    /// ISO date, "2022-05-20"
    pub date: String,
    pub issuer: String,
    #[serde(default)]
    pub title: Option<String>,
}

/// Group of a main index: nền tảng chung (foundations) or hoạt động (activities).
#[derive(Clone, Copy, Debug, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// nền tảng chung
    Foundation,
    /// hoạt động
    Activity,
}

/// A main index, indicator or sub-indicator.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub code: Spanned<String>,
    pub name: String,
    /// Points the entry can earn; absent where the catalogue gives none (index 9 in 2022).
    #[serde(default)]
    pub max_points: Option<Spanned<f64>>,
    /// Main indices only.
    #[serde(default)]
    pub group: Option<Group>,
    /// Main indices only: chính quyền số / kinh tế số / xã hội số, where one applies.
    #[serde(default)]
    pub pillar: Option<String>,
    /// The scoring-method text, as in the decision (cách xác định và tính điểm).
    #[serde(default)]
    pub method: Option<String>,
    /// The named inputs the rule is computed from.
    #[serde(default)]
    pub inputs: Vec<Input>,
    /// The machine-readable scoring rule; absent on main indices (sum of children).
    #[serde(default)]
    pub scoring: Option<Scoring>,
    /// Evidence (tài liệu kiểm chứng), where the decision names it.
    #[serde(default)]
    pub evidence: Option<String>,
    #[serde(default)]
    pub children: Vec<Entry>,
}

/// A named input of a scoring rule: `a`, `b`, … with its Vietnamese definition.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Input {
    pub name: String,
    pub description: String,
    /// `number` (default), `boolean` (đã có / chưa có) or `choice` (one of the tiers).
    #[serde(default)]
    pub kind: InputKind,
    /// A helper input the decision defines from others (`"c + d"`): `score` computes it
    /// from them when a plan does not give it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    #[default]
    Number,
    Boolean,
    Choice,
}

/// How an entry's points are computed. Every rule yields a fraction in [0, 1] of the
/// points it stands for (the entry's `max_points`, or a part's weight of it), except
/// `sum_of_children`, which adds the children's points.
///
/// A value reference `of` is an input name (`"a"`) or a ratio of two (`"a/b"`).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Scoring {
    /// Has it / has it not: full points or 0. `of` is a boolean input.
    Binary { of: String },
    /// Levels checked in order; the first whose `min` the value reaches gives its
    /// fraction. Levels without `min` are choices: the input names a level by `id`
    /// or by its 1-based position.
    Tiers { of: String, levels: Vec<Level> },
    /// points = min(value, 1) × max. `of` is usually "a/b".
    Ratio { of: String },
    /// value ≥ threshold: full points; below it: value / threshold × max.
    RatioThreshold { of: String, threshold: f64 },
    /// points = (value − worst) / (best − worst) × max, where best (and worst, default 0)
    /// are the values of the best (and worst) province: inputs the plan must supply.
    MinMax {
        of: String,
        best: String,
        #[serde(default)]
        worst: Option<String>,
    },
    /// points = min(count × per_item, cap) with cap defaulting to max.
    CappedCount {
        of: String,
        per_item: f64,
        #[serde(default)]
        cap: Option<f64>,
    },
    /// Parts that add up: each part's rule scores its `weight` (fraction of max).
    Parts { parts: Vec<Part> },
    /// The entry's points are the sum of its children's points.
    SumOfChildren,
    /// The method cannot be computed from plan inputs (assessor judgement); the
    /// published points are taken as they are.
    Manual { reason: String },
}

impl Scoring {
    /// The rule kind as written in YAML (`binary`, `tiers`, …).
    pub fn kind(&self) -> &'static str {
        match self {
            Scoring::Binary { .. } => "binary",
            Scoring::Tiers { .. } => "tiers",
            Scoring::Ratio { .. } => "ratio",
            Scoring::RatioThreshold { .. } => "ratio_threshold",
            Scoring::MinMax { .. } => "min_max",
            Scoring::CappedCount { .. } => "capped_count",
            Scoring::Parts { .. } => "parts",
            Scoring::SumOfChildren => "sum_of_children",
            Scoring::Manual { .. } => "manual",
        }
    }
}

/// One level of a `tiers` rule.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Short id a plan may name the level by (choices).
    #[serde(default)]
    pub id: Option<String>,
    /// The level as the decision words it ("Từ 20 trở lên").
    pub label: String,
    /// Lowest value (inclusive) that reaches this level; absent for choices.
    #[serde(default)]
    pub min: Option<f64>,
    /// Fraction of the maximum this level earns (1, 0.5, 0.25, 0).
    pub fraction: f64,
}

/// One part of a `parts` rule.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub label: String,
    /// Fraction of the entry's max this part stands for; the weights add up to 1.
    pub weight: f64,
    pub rule: Box<Scoring>,
}
