//! Loading a plan file: budgets first, then a typed parse with spans; on failure, every
//! problem is collected as a located [`Diagnostic`] (see `check.rs`).

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Level, Text};
use crate::plan::Plan;
use crate::source::{SourceFile, Span};

/// Largest plan file read (bytes). The largest real plan is about 200 KB.
pub const MAX_PLAN_BYTES: u64 = 8 * 1024 * 1024;

/// Rule codes of findings the loader itself reports.
pub mod codes {
    pub const SYNTAX: (&str, &str) = ("KH001", "yaml-syntax");
    pub const SCHEMA: (&str, &str) = ("KH002", "invalid-value");
    pub const UNKNOWN_KEY: (&str, &str) = ("KH003", "unknown-key");
    pub const MISSING_KEY: (&str, &str) = ("KH004", "missing-key");
    pub const BUDGET: (&str, &str) = ("KH005", "input-too-large");
}

/// A failure to load a plan: the file could not be read, or it is not a valid plan.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{} is not a valid plan ({} problem(s))", .file.name(), .diagnostics.len())]
    Invalid {
        file: SourceFile,
        diagnostics: Vec<Diagnostic>,
    },
}

/// A plan together with the source it came from.
#[derive(Clone, Debug)]
pub struct LoadedPlan {
    pub source: SourceFile,
    pub plan: Plan,
}

/// The YAML budgets kehoach parses plans (and catalogues) with.
pub fn yaml_options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: 48,
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_nodes: 250_000,
            max_total_scalar_bytes: MAX_PLAN_BYTES as usize,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 20_000,
            max_alias_expansions_per_anchor: 100,
        },
    }
}

/// Read and parse a plan file.
pub fn load_plan(path: &Path) -> Result<LoadedPlan, LoadError> {
    let source = read_source(path, MAX_PLAN_BYTES)?;
    match parse_plan(&source) {
        Ok(plan) => Ok(LoadedPlan { source, plan }),
        Err(diagnostics) => Err(LoadError::Invalid {
            file: source,
            diagnostics,
        }),
    }
}

/// Read a UTF-8 file, refusing it before reading when it is over `max` bytes.
pub fn read_source(path: &Path, max: u64) -> Result<SourceFile, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let len = std::fs::metadata(path).map_err(io)?.len();
    if len > max {
        let file = SourceFile::new(path, "");
        let d = too_large(len, max).with_file(path);
        return Err(LoadError::Invalid {
            file,
            diagnostics: vec![d],
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(path, text)),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let file = SourceFile::new(path, text);
            let span = file.span_at(offset);
            let d = Diagnostic::new(
                codes::SYNTAX.0,
                codes::SYNTAX.1,
                Level::Error,
                Text::new("tệp không phải văn bản UTF-8", "the file is not UTF-8 text"),
                span,
            )
            .with_help(Text::new(
                "lưu tệp ở mã UTF-8 (Unicode) để giữ dấu tiếng Việt",
                "save the file as UTF-8 so Vietnamese diacritics survive",
            ))
            .with_file(path);
            Err(LoadError::Invalid {
                file,
                diagnostics: vec![d],
            })
        }
    }
}

fn too_large(len: u64, max: u64) -> Diagnostic {
    Diagnostic::new(
        codes::BUDGET.0,
        codes::BUDGET.1,
        Level::Error,
        Text::new(
            format!("tệp quá lớn: {len} byte, giới hạn {max} byte"),
            format!("file too large: {len} bytes, the limit is {max} bytes"),
        ),
        Span::UNKNOWN,
    )
    .with_help(Text::new(
        "tách kế hoạch thành nhiều tệp hoặc kiểm tra tệp có đúng là kế hoạch không",
        "split the plan into several files, or check that this file really is a plan",
    ))
}

/// Parse plan text. On failure, returns every problem found, each located.
pub fn parse_plan(source: &SourceFile) -> Result<Plan, Vec<Diagnostic>> {
    if source.text.len() as u64 > MAX_PLAN_BYTES {
        return Err(vec![
            too_large(source.text.len() as u64, MAX_PLAN_BYTES).with_file(&source.path),
        ]);
    }
    // The fast path reads the YAML plans are usually written in; anything else, and every
    // error, goes through serde-saphyr (see `crate::yaml`).
    if let Some(plan) = crate::yaml::from_str::<Plan>(&source.text) {
        return Ok(plan);
    }
    match serde_saphyr::from_str_with_options::<Plan>(&source.text, yaml_options()) {
        Ok(plan) => Ok(plan),
        Err(err) => Err(super::check::diagnose(source, &err)),
    }
}

/// Turn a serde-saphyr error into a single located diagnostic (used when the detailed
/// check finds nothing more precise).
pub fn error_to_diagnostic(source: &SourceFile, err: &serde_saphyr::Error) -> Diagnostic {
    let span = err
        .location()
        .filter(|l| l.line() > 0)
        .map(|l| {
            let off = source.line_offset(l.line() as u32);
            let line_text = &source.text[off..];
            let col = l.column().saturating_sub(1) as usize;
            let byte_col: usize = line_text.chars().take(col).map(char::len_utf8).sum();
            source.span_at(off + byte_col)
        })
        .unwrap_or_else(|| source.span_at(0));
    let msg = first_line(&err.to_string());
    let (code, rule, vi) = classify(&msg);
    let help = if code == codes::BUDGET.0 {
        Text::new(
            "bỏ các bí danh (alias) lồng nhau hoặc các khối lồng quá sâu: kế hoạch thật không cần chúng",
            "remove nested aliases or deep nesting: a real plan does not need them",
        )
    } else {
        Text::new(
            "kiểm tra thụt lề, dấu hai chấm, dấu ngoặc và dấu nháy ở dòng này hoặc dòng trước",
            "check indentation, colons, brackets and quotes on this line or the one before",
        )
    };
    Diagnostic::new(
        code,
        rule,
        Level::Error,
        Text::new(format!("{vi}: {msg}"), msg.clone()),
        span,
    )
    .with_help(help)
    .with_file(&source.path)
}

fn classify(msg: &str) -> (&'static str, &'static str, &'static str) {
    let m = msg.to_lowercase();
    if m.contains("budget") || m.contains("limit") || m.contains("depth") || m.contains("alias") {
        (
            codes::BUDGET.0,
            codes::BUDGET.1,
            "tệp vượt giới hạn an toàn",
        )
    } else if m.contains("unknown field") {
        (
            codes::UNKNOWN_KEY.0,
            codes::UNKNOWN_KEY.1,
            "khóa không hợp lệ",
        )
    } else if m.contains("missing field") {
        (
            codes::MISSING_KEY.0,
            codes::MISSING_KEY.1,
            "thiếu khóa bắt buộc",
        )
    } else if m.contains("invalid type") || m.contains("invalid value") {
        (codes::SCHEMA.0, codes::SCHEMA.1, "giá trị sai kiểu")
    } else {
        (codes::SYNTAX.0, codes::SYNTAX.1, "lỗi cú pháp YAML")
    }
}

fn first_line(s: &str) -> String {
    let line = s
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("-->") && !l.starts_with('|'))
        .unwrap_or("");
    // "error: line 4 column 14: illegal …" → "illegal …": the location is shown apart.
    let line = line.strip_prefix("error: ").unwrap_or(line);
    static LOCATION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^line \d+ column \d+: ").expect("valid regex")
    });
    LOCATION.replace(line, "").into_owned()
}
