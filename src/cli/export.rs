//! `kehoach export PLAN --format xlsx|ics`: the assignment workbook, or the deadline
//! calendar.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::bail;

use crate::plan::{LoadError, LoadedPlan, load_plan};
use crate::vn::agency::Registry;

use super::write_atomic;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Bảng phân công (Excel workbook).
    Xlsx,
    /// Lịch thời hạn (iCalendar).
    Ics,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Ics => "ics",
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Tệp kế hoạch (plan YAML file).
    pub plan: PathBuf,
    /// Định dạng (format).
    #[arg(long, value_enum)]
    pub format: Format,
    /// Tệp ra (output; default: the plan's name with .xlsx / .ics, next to it).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Danh mục cơ quan (agency registry file; default: the bundled one).
    #[arg(long)]
    pub agencies: Option<PathBuf>,
}

/// Load a plan for export or render, every problem located.
pub(crate) fn load(path: &Path) -> anyhow::Result<LoadedPlan> {
    match load_plan(path) {
        Ok(l) => Ok(l),
        Err(LoadError::Invalid { file, diagnostics }) => {
            let lines: Vec<String> = diagnostics
                .iter()
                .map(|d| {
                    format!(
                        "{}:{}:{}: {} {}",
                        file.name(),
                        d.span.line,
                        d.span.column,
                        d.code,
                        d.message.vi
                    )
                })
                .collect();
            bail!(
                "{} không phải kế hoạch hợp lệ (not a valid plan):\n  {}",
                file.name(),
                lines.join("\n  ")
            )
        }
        Err(e) => Err(e.into()),
    }
}

/// The registry given, or the bundled one.
pub(crate) fn registry(path: Option<&Path>) -> anyhow::Result<Cow<'static, Registry>> {
    Ok(match path {
        Some(p) => Cow::Owned(Registry::load(p)?),
        None => Cow::Borrowed(Registry::embedded()),
    })
}

/// The bytes of an export.
pub fn export_bytes(
    plan: &crate::plan::Plan,
    format: Format,
    registry: &Registry,
) -> anyhow::Result<Vec<u8>> {
    Ok(match format {
        Format::Xlsx => crate::export::xlsx::workbook(plan, registry)?,
        Format::Ics => crate::export::ics::to_ics(plan).into_bytes(),
    })
}

pub fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let loaded = load(&args.plan)?;
    let output = args
        .output
        .unwrap_or_else(|| args.plan.with_extension(args.format.extension()));
    if super::write::same_file(&output, &args.plan) {
        bail!(
            "không ghi đè lên tệp kế hoạch (refusing to overwrite the plan itself): {}",
            output.display()
        );
    }
    let reg = registry(args.agencies.as_deref())?;
    let bytes = export_bytes(&loaded.plan, args.format, &reg)?;
    write_atomic(&output, &bytes)?;
    eprintln!("đã ghi (wrote) {}", output.display());
    Ok(ExitCode::SUCCESS)
}
