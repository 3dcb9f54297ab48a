//! `kehoach catalogue list | show | check | import | export`: the DTI catalogue as a table,
//! as JSON, one entry explained in Vietnamese, validation of a catalogue file, and the
//! decision's appendix table read from / written to CSV or XLSX (`catalogue_table.rs`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};
use serde_json::{Value, json};

use crate::catalogue::{self, Catalogue, CatalogueError, Entry, describe};
use crate::vn::number::points as fmt;

use super::write::to_stdout;

/// Arguments of `kehoach catalogue`.
#[derive(Debug, clap::Args)]
pub struct CatalogueArgs {
    #[command(subcommand)]
    pub command: CatalogueCommand,
}

/// The catalogue subcommands.
#[derive(Debug, Subcommand)]
pub enum CatalogueCommand {
    /// Liệt kê mọi chỉ số (list every entry).
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        /// Tệp bộ chỉ số thay cho bộ nhúng sẵn (a catalogue file instead of the embedded one).
        #[arg(long, value_name = "PATH")]
        catalogue: Option<PathBuf>,
    },
    /// Xem một chỉ số (show one entry).
    Show {
        /// Mã chỉ số, ví dụ 6.12 (indicator code).
        code: String,
        #[arg(long, value_name = "PATH")]
        catalogue: Option<PathBuf>,
    },
    /// Kiểm tra một tệp bộ chỉ số (validate a catalogue file): exit 0 valid, 1 invalid.
    Check { file: PathBuf },
    /// Nhập bảng phụ lục của quyết định (CSV, XLSX) thành tệp bộ chỉ số YAML (import a
    /// decision's appendix table as a catalogue file): exit 0 written, 1 problems (each
    /// with its row), 2 unreadable.
    Import(super::catalogue_table::ImportArgs),
    /// Xuất bộ chỉ số thành bảng mẫu CSV hoặc XLSX (write a catalogue as the table
    /// template `import` reads).
    Export(super::catalogue_table::ExportArgs),
}

/// Output format of `catalogue list`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

pub fn run(args: CatalogueArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        CatalogueCommand::Import(a) => super::catalogue_table::import(a),
        CatalogueCommand::Export(a) => super::catalogue_table::export(a),
        CatalogueCommand::List { format, catalogue } => {
            let Some(cat) = open(catalogue.as_deref()) else {
                return Ok(ExitCode::from(super::EXIT_ERROR));
            };
            match format {
                ListFormat::Table => to_stdout(&table(&cat))?,
                ListFormat::Json => {
                    to_stdout(&(serde_json::to_string_pretty(&list_json(&cat))? + "\n"))?
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        CatalogueCommand::Show { code, catalogue } => {
            let Some(cat) = open(catalogue.as_deref()) else {
                return Ok(ExitCode::from(super::EXIT_ERROR));
            };
            match cat.get(&code) {
                Some(e) => {
                    to_stdout(&show(&cat, e))?;
                    Ok(ExitCode::SUCCESS)
                }
                None => {
                    let near = cat.nearest_codes(&code, 3);
                    eprintln!(
                        "lỗi: không có mã {code} trong bộ chỉ số {} (no such code){}",
                        cat.id.as_str(),
                        if near.is_empty() {
                            String::new()
                        } else {
                            format!("; có phải (did you mean): {}?", near.join(", "))
                        }
                    );
                    Ok(ExitCode::from(super::EXIT_ERROR))
                }
            }
        }
        CatalogueCommand::Check { file } => match catalogue::load(&file) {
            Ok(cat) => {
                to_stdout(&format!(
                    "hợp lệ (valid): {} — {} mục, tổng {} điểm\n",
                    cat.id.as_str(),
                    cat.walk().len(),
                    fmt(cat.total_points.value)
                ))?;
                Ok(ExitCode::SUCCESS)
            }
            Err(err) => {
                let code = if err.is_io() { super::EXIT_ERROR } else { 1 };
                eprintln!("{:?}", miette::Report::new(err));
                Ok(ExitCode::from(code))
            }
        },
    }
}

/// The embedded catalogue or the given file; on failure the report is printed.
fn open(path: Option<&Path>) -> Option<std::borrow::Cow<'static, Catalogue>> {
    match catalogue::embedded_or(path) {
        Ok(c) => Some(c),
        Err(err) => {
            report(err);
            None
        }
    }
}

fn report(err: CatalogueError) {
    eprintln!("{:?}", miette::Report::new(err));
}

/// The JSON of `catalogue list`: one object per entry, depth-first in file order.
/// Contract: `code`, `parent` (null for main indices), `name`, `max_points` (null where
/// none), `scoring` (object with `kind` and the rule's parameters).
pub fn list_json(cat: &Catalogue) -> Value {
    let rows: Vec<Value> = cat
        .walk()
        .into_iter()
        .map(|w| {
            let e = w.entry;
            let scoring = match e.effective_scoring() {
                Some(s) => serde_json::to_value(&*s).unwrap_or(Value::Null),
                None => json!({"kind": "none"}),
            };
            json!({
                "code": e.code.as_str(),
                "parent": w.parent,
                "name": e.name,
                "max_points": e.max(),
                "depth": w.depth,
                "group": e.group,
                "scoring": scoring,
                "inputs": e.inputs.iter().map(|i| json!({
                    "name": i.name, "description": i.description, "kind": i.kind,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    Value::Array(rows)
}

fn table(cat: &Catalogue) -> String {
    let mut out = format!(
        "{} — {} ({} ngày {}), tổng {} điểm\n",
        cat.id.as_str(),
        cat.title,
        cat.decision.number,
        cat.decision.date,
        fmt(cat.total_points.value)
    );
    out.push_str(&format!(
        "{:<14} {:>7}  {:<16} {}\n",
        "MÃ", "ĐIỂM", "CÁCH TÍNH", "TÊN"
    ));
    for w in cat.walk() {
        let e = w.entry;
        let code = format!("{}{}", "  ".repeat(w.depth), e.code.as_str());
        let kind = e.effective_scoring().map_or("—", |s| s.kind());
        let max = e.max().map_or("—".to_string(), fmt);
        out.push_str(&format!("{code:<14} {max:>7}  {kind:<16} {}\n", e.name));
    }
    out
}

fn show(cat: &Catalogue, e: &Entry) -> String {
    let mut out = format!("{} {}\n", e.code.as_str(), e.name);
    out.push_str(&format!(
        "Bộ chỉ số: {} ({})\n",
        cat.id.as_str(),
        cat.decision.number
    ));
    if let Some(p) = cat.parent_code(e.code.as_str()).and_then(|p| cat.get(p)) {
        out.push_str(&format!("Thuộc: {} {}\n", p.code.as_str(), p.name));
    }
    out.push_str(&format!(
        "Điểm tối đa: {}\n",
        e.max().map_or("không tính điểm".to_string(), fmt)
    ));
    if let Some(g) = e.group {
        let g = match g {
            catalogue::Group::Foundation => "nền tảng chung",
            catalogue::Group::Activity => "hoạt động",
        };
        out.push_str(&format!("Nhóm: {g}\n"));
    }
    if let Some(m) = &e.method {
        out.push_str("\nCách xác định và tính điểm:\n");
        for line in m.lines() {
            out.push_str(&format!("  {line}\n"));
        }
    }
    if let Some(rule) = e.effective_scoring() {
        out.push_str(&format!("\nQuy tắc tính điểm ({}):\n", rule.kind()));
        for line in describe::describe(&rule, e.max()) {
            out.push_str(&format!("  {line}\n"));
        }
    }
    if !e.inputs.is_empty() {
        out.push_str("\nĐầu vào:\n");
        for i in &e.inputs {
            out.push_str(&format!(
                "  {} = {} ({})\n",
                i.name,
                i.description,
                describe::input_kind(i.kind)
            ));
        }
    }
    if !e.children.is_empty() {
        out.push_str("\nChỉ số con:\n");
        for c in &e.children {
            let max = c
                .max()
                .map_or("—".to_string(), |m| format!("{} điểm", fmt(m)));
            out.push_str(&format!("  {} {} ({max})\n", c.code.as_str(), c.name));
        }
    }
    if let Some(ev) = &e.evidence {
        out.push_str(&format!("\nTài liệu kiểm chứng: {ev}\n"));
    }
    out
}
