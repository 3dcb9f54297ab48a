//! The command line: clap arguments and one module per command.
//!
//! Exit codes: 0 clean, 1 findings at the failing level, 2 usage, config, catalogue or
//! I/O error.

// The command line is the one place that prints (house rule 1; `[lints]` in Cargo.toml).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub mod catalogue;
pub mod catalogue_table;
pub mod explain;
pub mod export;
pub mod lint;
pub mod new;
pub mod next;
pub mod render;
pub mod schema;
pub mod score;
pub mod watch;
pub mod write;

/// kehoach — kế hoạch nâng cao chỉ số DTI dưới dạng mã nguồn
/// (Vietnamese provincial DTI plans as code: lint, score, render).
#[derive(Debug, Parser)]
#[command(name = "kehoach", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Bộ chỉ số DTI: list, show and check catalogues.
    Catalogue(catalogue::CatalogueArgs),
    /// Kiểm tra kế hoạch với bộ chỉ số (lint plans against the catalogue).
    Lint(lint::LintArgs),
    /// Giải thích một quy tắc kiểm tra (explain a lint rule).
    Explain(explain::ExplainArgs),
    /// Tính điểm DTI, dự báo và ưu tiên (score a plan).
    Score(score::ScoreArgs),
    /// Xuất kế hoạch ra PDF/Typst (render a plan).
    Render(render::RenderArgs),
    /// Kiểm tra và xuất PDF mọi kế hoạch (lint and render every plan).
    Build(render::BuildArgs),
    /// In JSON Schema của tệp kế hoạch (print the plan JSON Schema).
    Schema(schema::SchemaArgs),
    /// Tạo dự thảo kế hoạch mới từ bộ chỉ số (a new draft plan from the catalogue).
    New(new::NewArgs),
    /// Dự thảo năm sau từ kế hoạch và kết quả đã công bố (next year's draft from the results).
    Next(next::NextArgs),
    /// Xuất bảng phân công (XLSX) hoặc lịch thời hạn (ICS) (export a workbook or a calendar).
    Export(export::ExportArgs),
    /// Kiểm tra và xuất lại mỗi khi lưu kế hoạch (re-lint and re-render on every save).
    Watch(watch::WatchArgs),
}

/// Exit code for a usage, config, catalogue or I/O error.
pub const EXIT_ERROR: u8 = 2;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Catalogue(a) => catalogue::run(a),
        Command::Lint(a) => lint::run(a),
        Command::Explain(a) => explain::run(a),
        Command::Score(a) => score::run(a),
        Command::Render(a) => render::run(a),
        Command::Build(a) => render::build(a),
        Command::Schema(a) => schema::run(a),
        Command::New(a) => new::run(a),
        Command::Next(a) => next::run(a),
        Command::Export(a) => export::run(a),
        Command::Watch(a) => watch::run(a),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("lỗi (error): {err:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

pub(crate) use write::write_atomic;
