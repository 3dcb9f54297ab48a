//! Reporters: each file's findings are rendered as soon as the file is linted (so the
//! sources need not be kept), then the pieces are put together in file order.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Lang, Level};

use super::engine::FileReport;

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

/// Text from a plan made safe for a terminal: control characters (C0 but tab and line
/// feed, DEL, C1) and bidirectional overrides are shown as `\u{1b}`-style escapes, so a
/// plan value cannot set the window title, clear the screen or reorder what is shown.
/// Every reporter that writes plan text for a terminal (human, concise, GitHub) calls
/// this; JSON and SARIF escape through JSON.
pub fn terminal_safe(s: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(unsafe_char) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_char(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// [`terminal_safe`] for a source text shown in a snippet: the same characters replaced
/// by ones of the same UTF-8 length (`?` for one byte, `¿` for two, `�` for three), so
/// byte offsets and columns of the findings still point at the right place.
pub fn terminal_safe_same_len(s: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t' && c != '\r')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(unsafe_char) {
        return s.into();
    }
    s.chars()
        .map(|c| match (unsafe_char(c), c.len_utf8()) {
            (false, _) => c,
            (true, 1) => '?',
            (true, 2) => '¿',
            (true, _) => '\u{fffd}',
        })
        .collect::<String>()
        .into()
}

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Concise,
    Json,
    Sarif,
    Github,
}

/// What every reporter needs to know.
#[derive(Clone, Debug)]
pub struct Options {
    pub lang: Lang,
    /// Colour in human output (only on a terminal).
    pub color: bool,
    /// Width human output wraps at.
    pub width: usize,
    /// Repository root that SARIF and GitHub paths are relative to.
    pub root: PathBuf,
    /// Ids of the catalogues used (SARIF run properties).
    pub catalogues: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: Lang::Vi,
            color: false,
            width: 100,
            root: PathBuf::from("."),
            catalogues: Vec::new(),
        }
    }
}

/// Counts over a whole run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub suppressed: usize,
}

impl Summary {
    pub fn add(&mut self, r: &FileReport) {
        self.files += 1;
        self.suppressed += r.suppressed;
        for d in &r.diagnostics {
            match d.level {
                Level::Error => self.errors += 1,
                Level::Warning => self.warnings += 1,
                Level::Info => self.infos += 1,
            }
        }
    }

    /// Findings at or above a level.
    pub fn at_least(&self, level: Level) -> usize {
        match level {
            Level::Error => self.errors,
            Level::Warning => self.errors + self.warnings,
            Level::Info => self.errors + self.warnings + self.infos,
        }
    }

    /// The closing line of human and concise output.
    pub fn line(&self, lang: Lang) -> String {
        let files = self.files;
        let sup = self.suppressed;
        if self.at_least(Level::Info) == 0 {
            return match lang {
                Lang::Vi => {
                    format!("không phát hiện vấn đề nào trong {files} tệp ({sup} đã bỏ qua)")
                }
                Lang::En => format!("no problems in {files} file(s) ({sup} suppressed)"),
            };
        }
        match lang {
            Lang::Vi => format!(
                "{} lỗi, {} cảnh báo, {} thông tin trong {files} tệp ({sup} đã bỏ qua)",
                self.errors, self.warnings, self.infos
            ),
            Lang::En => format!(
                "{} error(s), {} warning(s), {} info in {files} file(s) ({sup} suppressed)",
                self.errors, self.warnings, self.infos
            ),
        }
    }
}

/// One file's rendered findings.
#[derive(Debug, Default)]
pub struct Fragment {
    /// Text formats: the file's part of the output.
    pub text: String,
    /// GitHub: lines per level (error, warning, notice), to send errors first.
    pub by_level: [String; 3],
    /// JSON and SARIF: one value per finding.
    pub values: Vec<serde_json::Value>,
}

/// Render one file's findings.
pub fn fragment(format: Format, report: &FileReport, opts: &Options) -> Fragment {
    match format {
        Format::Human => human::fragment(report, opts),
        Format::Concise => concise::fragment(report, opts),
        Format::Json => json::fragment(report, opts),
        Format::Sarif => sarif::fragment(report, opts),
        Format::Github => github::fragment(report, opts),
    }
}

/// Put the pieces together.
pub fn finish(format: Format, parts: Vec<Fragment>, summary: &Summary, opts: &Options) -> String {
    match format {
        Format::Human | Format::Concise => {
            let mut s: String = parts.into_iter().map(|p| p.text).collect();
            s.push_str(&summary.line(opts.lang));
            s.push('\n');
            s
        }
        Format::Json => json::finish(parts, summary),
        Format::Sarif => sarif::finish(parts, opts),
        Format::Github => github::finish(parts),
    }
}

/// Render whole reports at once (tests, small runs).
pub fn render(format: Format, reports: &[FileReport], opts: &Options) -> String {
    let mut summary = Summary::default();
    let parts = reports
        .iter()
        .map(|r| {
            summary.add(r);
            fragment(format, r, opts)
        })
        .collect();
    finish(format, parts, &summary, opts)
}

/// 1-based start and end (line, column) of a finding; (1, 1) when it has no place.
pub fn position(r: &FileReport, d: &Diagnostic) -> (u32, u32, u32, u32) {
    if !d.span.is_known() {
        return (1, 1, 1, 1);
    }
    let (el, ec) = r.source.end_line_col(&d.span);
    (d.span.line, d.span.column, el.max(d.span.line), ec)
}

/// A path relative to the root, with `/` separators.
pub fn relative(root: &Path, file: &Path) -> String {
    let abs = super::config::absolute(file);
    let root = super::config::absolute(root);
    let rel = abs
        .strip_prefix(&root)
        .map(Path::to_path_buf)
        .unwrap_or(abs);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}
