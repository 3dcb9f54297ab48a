//! Why a catalogue could not be used: I/O, YAML, or validation problems (all of them).

use std::path::PathBuf;
use std::sync::Arc;

use miette::{LabeledSpan, NamedSource, SourceSpan};

use crate::source::{SourceFile, Span};

/// A catalogue that could not be read, parsed or validated.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum CatalogueError {
    /// The file could not be read.
    #[error("không đọc được tệp bộ chỉ số {} (cannot read catalogue file): {cause}", .path.display())]
    #[diagnostic(code(kehoach::catalogue::io))]
    Io {
        path: PathBuf,
        cause: std::io::Error,
    },
    /// The file is not YAML of the catalogue's shape (or is over the size budget).
    #[error("tệp bộ chỉ số {name} không đọc được: {message}")]
    #[diagnostic(
        code(kehoach::catalogue::yaml),
        help(
            "sửa cú pháp YAML hoặc khóa tại vị trí được chỉ ra (fix the YAML at the marked place)"
        )
    )]
    Yaml {
        name: String,
        message: String,
        #[source_code]
        src: Arc<NamedSource<Arc<str>>>,
        #[label("tại đây (here)")]
        span: Option<SourceSpan>,
    },
    /// The file parsed but breaks the catalogue's rules; every problem is in `problems`.
    #[error("bộ chỉ số {name} không hợp lệ: {} lỗi (invalid catalogue: {} problem(s))", .problems.len(), .problems.len())]
    #[diagnostic(code(kehoach::catalogue::invalid))]
    Invalid {
        name: String,
        #[source_code]
        src: Arc<NamedSource<Arc<str>>>,
        #[related]
        problems: Vec<Problem>,
    },
    /// No catalogue with this id is embedded and no file was given.
    #[error("không có bộ chỉ số \"{id}\" (unknown catalogue id); có sẵn (available): {}", .known.join(", "))]
    #[diagnostic(
        code(kehoach::catalogue::unknown_id),
        help("dùng --catalogue TỆP để nạp bộ chỉ số khác (use --catalogue PATH)")
    )]
    UnknownId { id: String, known: Vec<String> },
}

/// One validation problem, located in the catalogue file.
#[derive(Debug, Clone, thiserror::Error, miette::Diagnostic)]
#[error("{message}")]
pub struct Problem {
    pub message: String,
    #[label(collection)]
    pub labels: Vec<LabeledSpan>,
    #[help]
    pub help: Option<String>,
}

impl Problem {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Problem {
            message: message.into(),
            labels: Vec::new(),
            help: None,
        }
    }

    /// Add a label at a span (ignored when the span is unknown).
    pub(crate) fn label(mut self, span: Span, text: impl Into<String>) -> Self {
        if span.is_known() {
            self.labels
                .push(LabeledSpan::at((span.offset, span.len.max(1)), text.into()));
        }
        self
    }

    pub(crate) fn help(mut self, text: impl Into<String>) -> Self {
        self.help = Some(text.into());
        self
    }
}

pub(crate) fn named(source: &SourceFile) -> Arc<NamedSource<Arc<str>>> {
    Arc::new(NamedSource::new(source.name(), source.text.clone()).with_language("yaml"))
}

impl CatalogueError {
    /// The validation problems, if that is what went wrong.
    pub fn problems(&self) -> &[Problem] {
        match self {
            CatalogueError::Invalid { problems, .. } => problems,
            _ => &[],
        }
    }

    /// True for errors reading the file (exit code 2), false for an invalid catalogue.
    pub fn is_io(&self) -> bool {
        matches!(self, CatalogueError::Io { .. })
    }
}
