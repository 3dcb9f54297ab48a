//! Findings as data: every loader error and lint finding is a [`Diagnostic`].
//!
//! Messages are carried in both languages; reporters pick one (`--lang vi|en`).

use std::path::PathBuf;

use serde::Serialize;

use crate::source::Span;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Info,
    Warning,
    Error,
}

impl Level {
    pub fn as_str(&self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// Output language of messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

/// A text in Vietnamese and English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

impl Text {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            vi: vi.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// One finding about one place in one file.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// Rule code, "KH201".
    pub code: &'static str,
    /// Rule name, "uncovered-indicator".
    pub rule: &'static str,
    pub level: Level,
    pub message: Text,
    /// The file the finding is in (set by the engine when the rule does not).
    pub file: PathBuf,
    pub span: Span,
    /// YAML path of the node, "tasks[3].lead[0]".
    pub path: Option<String>,
    /// Short label shown under the carets.
    pub label: Option<Text>,
    /// What to do about it.
    pub help: Option<Text>,
    /// The indicator the finding is about, when it is about one.
    pub indicator: Option<String>,
    /// A safe, mechanical correction (`kehoach lint --fix`).
    pub fix: Option<Fix>,
}

/// A correction: byte-range edits of the source that change only the value concerned,
/// keeping comments, quoting and layout.
#[derive(Clone, Debug, PartialEq)]
pub struct Fix {
    pub edits: Vec<Edit>,
}

/// Replace `len` bytes at `offset` with `text`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Edit {
    pub offset: usize,
    pub len: usize,
    pub text: String,
}

impl Diagnostic {
    pub fn new(
        code: &'static str,
        rule: &'static str,
        level: Level,
        message: Text,
        span: Span,
    ) -> Self {
        Diagnostic {
            code,
            rule,
            level,
            message,
            file: PathBuf::new(),
            span,
            path: None,
            label: None,
            help: None,
            indicator: None,
            fix: None,
        }
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    pub fn with_path(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    pub fn with_label(mut self, label: Text) -> Self {
        self.label = Some(label);
        self
    }

    pub fn with_help(mut self, help: Text) -> Self {
        self.help = Some(help);
        self
    }

    pub fn with_indicator(mut self, code: impl Into<String>) -> Self {
        self.indicator = Some(code.into());
        self
    }

    pub fn with_file(mut self, file: impl Into<PathBuf>) -> Self {
        self.file = file.into();
        self
    }
}
