//! Published DTI results: the file `kehoach next` reads (YAML or CSV).
//!
//! YAML (`plans/results.schema.json` is its JSON Schema):
//!
//! ```yaml
//! year: 2023            # the year assessed
//! province: Gia Lai     # optional
//! source: "…"           # where the figures come from (optional)
//! total: 512.3          # optional
//! rank: 40              # optional
//! scores:               # main indices ("6"), indicators ("6.12") and sub-indicators
//!   - code: "1"
//!     points: 80.5
//!     rank: 30
//!   - code: "1.1"
//!     points: 10
//!   - code: "6.12"
//!     inputs: {a: 120, b: 150}   # or the scoring rule's inputs instead of points
//! ```
//!
//! CSV: lines starting with `#` are comments; a header `year,code,points,rank,inputs` and one row per entry; `code` is `total`
//! for the overall row; `inputs` is `a=120;b=150` (`true`/`false` for yes/no inputs);
//! empty cells are absent values; every row names the same year.

use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::catalogue::Catalogue;
use crate::plan::InputValue;
use crate::plan::load::MAX_PLAN_BYTES;
use crate::source::{SourceFile, Span, Spanned};
use crate::yaml::{LoadError, error_to_diagnostic, read_source};

/// The published results of one year's assessment.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Results {
    /// Năm đánh giá: the year assessed (2023).
    pub year: Spanned<i32>,
    /// Tỉnh, thành phố.
    #[serde(default)]
    pub province: Option<String>,
    /// Nguồn số liệu: where the figures come from.
    #[serde(default)]
    pub source: Option<String>,
    /// Tổng điểm.
    #[serde(default)]
    pub total: Option<Spanned<f64>>,
    /// Xếp hạng (of 63).
    #[serde(default)]
    pub rank: Option<Spanned<u32>>,
    /// Điểm từng chỉ số: main indices, indicators and sub-indicators.
    #[serde(default)]
    pub scores: Vec<Score>,
}

/// The result of one main index, indicator or sub-indicator.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// Mã chỉ số ("6", "6.12", "8.8.1.1").
    pub code: Spanned<String>,
    /// Điểm đạt được.
    #[serde(default)]
    pub points: Option<Spanned<f64>>,
    /// Xếp hạng.
    #[serde(default)]
    pub rank: Option<Spanned<u32>>,
    /// Số liệu đầu vào of the scoring rule, when points are not given.
    #[serde(default)]
    pub inputs: IndexMap<String, Spanned<InputValue>>,
}

/// Why a results file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ResultsError {
    #[error("không đọc được (cannot read) {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Located problems, each "file:line:column: message".
    #[error("tệp kết quả không hợp lệ (invalid results file):\n  {}", .0.join("\n  "))]
    Invalid(Vec<String>),
}

impl Results {
    /// Read a results file: CSV when it ends in `.csv`, YAML otherwise.
    pub fn load(path: &Path) -> Result<Results, ResultsError> {
        let source = read_source(path, MAX_PLAN_BYTES).map_err(|e| match e {
            LoadError::Io { path, source } => ResultsError::Io { path, source },
            LoadError::Invalid { file, diagnostics } => ResultsError::Invalid(
                diagnostics
                    .iter()
                    .map(|d| format!("{}: {}", file.name(), d.message.vi))
                    .collect(),
            ),
        })?;
        let is_csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        if is_csv {
            Results::from_csv(&source)
        } else {
            Results::from_yaml(&source)
        }
    }

    /// Parse results YAML.
    pub fn from_yaml(source: &SourceFile) -> Result<Results, ResultsError> {
        crate::yaml::from_str_saphyr::<Results>(&source.text).map_err(|err| {
            let d = error_to_diagnostic(source, &err);
            ResultsError::Invalid(vec![format!(
                "{}:{}:{}: {}",
                source.name(),
                d.span.line,
                d.span.column,
                d.message.vi
            )])
        })
    }

    /// Parse results CSV (`year,code,points,rank,inputs`).
    pub fn from_csv(source: &SourceFile) -> Result<Results, ResultsError> {
        let name = source.name();
        let mut problems = Vec::new();
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .comment(Some(b'#'))
            .from_reader(source.text.as_bytes());
        let headers = match reader.headers() {
            Ok(h) => h.clone(),
            Err(e) => return Err(ResultsError::Invalid(vec![format!("{name}:1:1: {e}")])),
        };
        let col = |n: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(n));
        let (Some(c_year), Some(c_code)) = (col("year"), col("code")) else {
            return Err(ResultsError::Invalid(vec![format!(
                "{name}:1:1: thiếu cột `year` hoặc `code` (the header must have `year` and `code`: year,code,points,rank,inputs)"
            )]));
        };
        let (c_points, c_rank, c_inputs) = (col("points"), col("rank"), col("inputs"));
        let mut results = Results {
            year: Spanned::unlocated(0),
            province: None,
            source: None,
            total: None,
            rank: None,
            scores: Vec::new(),
        };
        let mut year_seen = false;
        for record in reader.records() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    problems.push(format!("{name}:{line}:1: {e}"));
                    continue;
                }
            };
            let line = record.position().map_or(0, |p| p.line()) as u32;
            let span = Span {
                line,
                column: 1,
                offset: record.position().map_or(0, |p| p.byte() as usize),
                len: 0,
            };
            fn located<T>(value: T, span: Span) -> Spanned<T> {
                Spanned { value, span }
            }
            let cell = |c: Option<usize>| c.and_then(|i| record.get(i)).filter(|s| !s.is_empty());
            let bad = |problems: &mut Vec<String>, what: &str, text: &str| {
                problems.push(format!(
                    "{name}:{line}:1: {what} không đọc được (cannot read {what}): `{text}`"
                ))
            };
            match cell(Some(c_year)).map(str::parse::<i32>) {
                Some(Ok(y)) if !year_seen || y == results.year.value => {
                    results.year = located(y, span);
                    year_seen = true;
                }
                Some(Ok(y)) => problems.push(format!(
                    "{name}:{line}:1: năm {y} khác năm {} của các dòng trên (every row must name the same year)",
                    results.year.value
                )),
                Some(Err(_)) => bad(&mut problems, "year", record.get(c_year).unwrap_or("")),
                None => bad(&mut problems, "year", ""),
            }
            let points = match cell(c_points).map(|t| (t, number(t))) {
                Some((_, Some(p))) => Some(located(p, span)),
                Some((t, None)) => {
                    bad(&mut problems, "points", t);
                    None
                }
                None => None,
            };
            let rank = match cell(c_rank).map(|t| (t, t.parse::<u32>())) {
                Some((_, Ok(r))) => Some(located(r, span)),
                Some((t, Err(_))) => {
                    bad(&mut problems, "rank", t);
                    None
                }
                None => None,
            };
            let mut inputs = IndexMap::new();
            for pair in cell(c_inputs)
                .unwrap_or("")
                .split(';')
                .filter(|p| !p.trim().is_empty())
            {
                match pair.split_once('=') {
                    Some((k, v)) => {
                        inputs.insert(k.trim().to_string(), located(input_value(v.trim()), span));
                    }
                    None => bad(&mut problems, "inputs", pair),
                }
            }
            let code = cell(Some(c_code)).unwrap_or("");
            if code.is_empty() {
                bad(&mut problems, "code", "");
            } else if code.eq_ignore_ascii_case("total") || code == "tổng" {
                results.total = points;
                results.rank = rank;
            } else {
                results.scores.push(Score {
                    code: located(code.to_string(), span),
                    points,
                    rank,
                    inputs,
                });
            }
        }
        if !year_seen && problems.is_empty() {
            problems.push(format!("{name}:2:1: không có dòng nào (no rows)"));
        }
        if problems.is_empty() {
            Ok(results)
        } else {
            Err(ResultsError::Invalid(problems))
        }
    }

    /// Problems against the catalogue: unknown or repeated codes, points above the
    /// maximum, a score with neither points nor inputs. Each "file:line:column: message".
    pub fn check(&self, cat: &Catalogue, file: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let at = |s: &Span| format!("{file}:{}:{}", s.line, s.column);
        for s in &self.scores {
            let code = s.code.value.as_str();
            let Some(entry) = cat.get(code) else {
                out.push(format!(
                    "{}: mã `{code}` không có trong bộ chỉ số {} (code not in the catalogue)",
                    at(&s.code.span),
                    cat.id.value
                ));
                continue;
            };
            if !seen.insert(code) {
                out.push(format!(
                    "{}: mã `{code}` lặp lại (code given twice)",
                    at(&s.code.span)
                ));
            }
            if let (Some(p), Some(max)) = (&s.points, &entry.max_points) {
                if p.value > max.value + 1e-9 || p.value < 0.0 {
                    out.push(format!(
                        "{}: `{code}` được {} điểm, ngoài thang 0–{} (points outside 0–max)",
                        at(&p.span),
                        p.value,
                        max.value
                    ));
                }
            }
            if s.points.is_none() && s.inputs.is_empty() && s.rank.is_none() {
                out.push(format!(
                    "{}: `{code}` không có điểm, xếp hạng hay số liệu (give points, rank or inputs)",
                    at(&s.code.span)
                ));
            }
        }
        out
    }

    /// The JSON Schema of the YAML form (the text of `plans/results.schema.json`).
    pub fn schema_text() -> String {
        let schema = schemars::schema_for!(Results);
        let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
        s.push('\n');
        s
    }
}

fn input_value(text: &str) -> InputValue {
    match text {
        "true" | "có" => InputValue::Bool(true),
        "false" | "không" => InputValue::Bool(false),
        _ => number(text).map_or_else(|| InputValue::Text(text.to_string()), InputValue::Number),
    }
}

/// A number in a CSV cell: "63.33" as written in software, else as Vietnamese documents
/// write it ("63,33").
fn number(text: &str) -> Option<f64> {
    text.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .or_else(|| crate::vn::number::parse(text))
}
