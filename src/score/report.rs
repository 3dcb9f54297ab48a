//! What `score_plan` returns: points per main index and indicator, the projection, the
//! priorities, and the problems found on the way (as data, for the linter).

use serde::Serialize;

use crate::diagnostic::Text;
use crate::source::Span;
use crate::vn::number::points as fmt;

/// The whole score of a plan: baseline, projection, analysis.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ScoreReport {
    /// The catalogue scored against.
    pub catalogue: String,
    /// Baseline total: the sum of the main indices, or the published total when an
    /// index has no figure.
    pub total: Option<f64>,
    /// The total as the plan states it.
    pub published_total: Option<f64>,
    /// The total if every target is met (indicators without a target keep their points).
    pub projected_total: Option<f64>,
    /// The catalogue's maximum.
    pub max_points: f64,
    pub rank: Option<u32>,
    pub indices: Vec<IndexScore>,
    /// Indicators by points still to gain, largest first.
    pub priorities: Vec<Priority>,
    pub problems: Vec<ScoreProblem>,
}

/// One main index.
#[derive(Clone, Debug, Default, Serialize)]
pub struct IndexScore {
    pub code: String,
    pub name: String,
    pub max_points: Option<f64>,
    /// Baseline points (computed from the indicators, else as published).
    pub points: Option<f64>,
    /// The index points as the plan's table states them.
    pub published: Option<f64>,
    pub rank: Option<u32>,
    pub projected_points: Option<f64>,
    /// projected − baseline.
    pub gain: Option<f64>,
    /// Component indicators at full, partial and zero points (codes, catalogue order).
    pub full: Vec<String>,
    pub partial: Vec<String>,
    pub zero: Vec<String>,
    pub indicators: Vec<IndicatorScore>,
}

/// One indicator or sub-indicator.
#[derive(Clone, Debug, Default, Serialize)]
pub struct IndicatorScore {
    pub code: String,
    pub name: String,
    pub max_points: Option<f64>,
    /// Baseline points: the published figure, else the computed one (the computed one
    /// when a what-if value applies).
    pub points: Option<f64>,
    /// As the plan states them.
    pub published: Option<f64>,
    /// From the inputs (or the children's points).
    pub computed: Option<f64>,
    pub projected_points: Option<f64>,
    /// True when a what-if value (`--set`) changed this entry or one below it; the
    /// computed points then win over the published ones.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub what_if: bool,
    /// Sub-indicators, if the catalogue has any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<IndicatorScore>,
}

/// An indicator with points still to gain.
#[derive(Clone, Debug, Serialize)]
pub struct Priority {
    pub code: String,
    pub name: String,
    pub index: String,
    pub max_points: f64,
    pub points: f64,
    /// max − points.
    pub to_gain: f64,
    /// Lead agencies of the tasks that serve the indicator, as written.
    pub lead: Vec<String>,
    /// Deadlines of those tasks, as written.
    pub deadline: Vec<String>,
}

/// Which figures a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Baseline,
    Target,
}

/// Something the score engine could not compute, or found inconsistent.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreProblem {
    /// The entry (or "total").
    pub code: String,
    pub stage: Stage,
    pub kind: ProblemKind,
    /// The problem in Vietnamese and English (what [`ScoreProblem::message`] returns).
    pub text: Text,
    /// Where in the plan (the published figure or the inputs), when known.
    #[serde(skip)]
    pub span: Span,
}

/// The kinds of score problems.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProblemKind {
    /// The published figure is not what the inputs (or the parts) give.
    Mismatch {
        published: f64,
        computed: f64,
    },
    /// Published points above the catalogue's maximum.
    AboveMax {
        points: f64,
        max: f64,
    },
    MissingInputs {
        inputs: Vec<String>,
    },
    ZeroDenominator {
        denominator: String,
    },
    NotComputable {
        reason: String,
    },
    InvalidInput {
        reason: String,
    },
    /// A figure that is not a number ("", "x").
    Unreadable {
        text: String,
    },
    /// A code the catalogue does not hold.
    UnknownCode,
    /// The baseline year is before the catalogue's decision: its figures come from another
    /// methodology (DTI 2021 published index values between 0 and 1), so they are shown
    /// but not checked against this catalogue's sums and maxima.
    OtherMethodology {
        year: i32,
        catalogue_year: i32,
    },
}

impl ScoreProblem {
    /// A problem about `code`, with its message.
    pub fn new(code: &str, stage: Stage, kind: ProblemKind, span: Span) -> Self {
        ScoreProblem {
            code: code.to_string(),
            stage,
            text: text(code, &kind),
            kind,
            span,
        }
    }

    /// The problem in both languages (lower case, no final period).
    pub fn message(&self) -> Text {
        self.text.clone()
    }
}

fn text(c: &str, kind: &ProblemKind) -> Text {
    match kind {
        ProblemKind::Mismatch {
            published,
            computed,
        } => Text::new(
            format!(
                "điểm {c} công bố là {} nhưng tính được {}",
                fmt(*published),
                fmt(*computed)
            ),
            format!(
                "{c}: published {} but the figures give {}",
                en(*published),
                en(*computed)
            ),
        ),
        ProblemKind::AboveMax { points, max } => Text::new(
            format!(
                "điểm {c} là {} vượt điểm tối đa {}",
                fmt(*points),
                fmt(*max)
            ),
            format!(
                "{c}: {} points is above the maximum of {}",
                en(*points),
                en(*max)
            ),
        ),
        ProblemKind::MissingInputs { inputs } => Text::new(
            format!("thiếu đầu vào để tính {c}: {}", inputs.join(", ")),
            format!("{c}: missing inputs {}", inputs.join(", ")),
        ),
        ProblemKind::ZeroDenominator { denominator } => Text::new(
            format!("mẫu số {denominator} của {c} bằng 0, không chia được"),
            format!("{c}: the denominator {denominator} is zero"),
        ),
        ProblemKind::NotComputable { reason } => Text::new(
            format!("không tính được {c} tại địa phương, lấy điểm công bố: {reason}"),
            format!("{c} is not computable locally, the published points are taken: {reason}"),
        ),
        ProblemKind::InvalidInput { reason } => Text::new(
            format!("đầu vào của {c} không hợp lệ: {reason}"),
            format!("{c}: invalid input: {reason}"),
        ),
        ProblemKind::Unreadable { text } => Text::new(
            format!("điểm của {c} không phải là số: \"{text}\""),
            format!("{c}: the points \"{text}\" are not a number"),
        ),
        ProblemKind::OtherMethodology {
            year,
            catalogue_year,
        } => Text::new(
            format!(
                "hiện trạng năm {year} được đánh giá theo phương pháp trước bộ chỉ số năm {catalogue_year}: không kiểm tra tổng và điểm tối đa"
            ),
            format!(
                "the {year} baseline was assessed before the {catalogue_year} catalogue (another methodology): sums and maxima are not checked"
            ),
        ),
        ProblemKind::UnknownCode => Text::new(
            format!("mã {c} không có trong bộ chỉ số"),
            format!("{c} is not in the catalogue"),
        ),
    }
}

/// Points in English notation: "60.74", "10".
fn en(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
