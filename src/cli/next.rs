//! `kehoach next PLAN --results RESULTS`: next year's draft from this year's plan and the
//! published results, and a report of what changed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::bail;

use crate::draft::next::next_plan;
use crate::draft::results::Results;
use crate::draft::yaml::to_yaml;
use crate::plan::{LoadError, load_plan};

use super::new::write_new;

#[derive(Debug, clap::Args)]
pub struct NextArgs {
    /// Kế hoạch năm nay (this year's plan).
    pub plan: PathBuf,
    /// Kết quả DTI đã công bố (published results, YAML or .csv; see `--results-schema`).
    #[arg(long, required_unless_present = "results_schema")]
    pub results: Option<PathBuf>,
    /// Tệp dự thảo ra (output; default: the plan's name with the next year, next to it).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Ghi báo cáo thay đổi ra tệp Markdown (also write the report to this file).
    #[arg(long)]
    pub report: Option<PathBuf>,
    /// In JSON Schema của tệp kết quả (print the results JSON Schema and exit).
    #[arg(long)]
    pub results_schema: bool,
    /// Bộ chỉ số (catalogue YAML file; default: the embedded one the plan names).
    #[arg(long)]
    pub catalogue: Option<PathBuf>,
}

/// "gia-lai-2023.yaml" → "gia-lai-2024.yaml"; without the year in the name, "-next".
fn default_output(plan: &Path, from: i32, to: i32) -> PathBuf {
    let name = plan.file_name().unwrap_or_default().to_string_lossy();
    let y = from.to_string();
    let new = if name.contains(&y) {
        name.replacen(&y, &to.to_string(), 1)
    } else {
        let stem = plan.file_stem().unwrap_or_default().to_string_lossy();
        format!("{stem}-{to}.yaml")
    };
    plan.with_file_name(new)
}

pub fn run(args: NextArgs) -> anyhow::Result<ExitCode> {
    if args.results_schema {
        print!("{}", Results::schema_text());
        return Ok(ExitCode::SUCCESS);
    }
    let Some(results_path) = args.results else {
        bail!("thiếu `--results` (give the results file)");
    };
    let loaded = match load_plan(&args.plan) {
        Ok(l) => l,
        Err(LoadError::Invalid { file, diagnostics }) => {
            let lines: Vec<String> = diagnostics
                .iter()
                .map(|d| {
                    format!(
                        "{}:{}:{}: {}",
                        file.name(),
                        d.span.line,
                        d.span.column,
                        d.message.vi
                    )
                })
                .collect();
            bail!(
                "{} không phải kế hoạch hợp lệ (not a valid plan):\n  {}",
                file.name(),
                lines.join("\n  ")
            );
        }
        Err(e) => return Err(e.into()),
    };
    let cat = crate::catalogue::resolve(&loaded.plan.catalogue, args.catalogue.as_deref())?;
    let results = Results::load(&results_path)?;
    let problems = results.check(&cat, &results_path.display().to_string());
    if !problems.is_empty() {
        bail!(
            "tệp kết quả không dùng được (results file not usable):\n  {}",
            problems.join("\n  ")
        );
    }
    let (plan, report) = next_plan(&cat, &loaded.plan, &results);
    let output = args
        .output
        .unwrap_or_else(|| default_output(&args.plan, report.from_year, report.to_year));
    let header = format!(
        "# yaml-language-server: $schema=plan.schema.json\n\
         # Dự thảo năm {to} tạo bởi `kehoach next` từ {plan} và kết quả {results}.\n\
         # Draft for {to} made by `kehoach next` from {plan} and the results in {results}.\n",
        to = report.to_year,
        plan = args.plan.display(),
        results = results_path.display(),
    );
    let text = to_yaml(&plan, &header, &[])?;
    write_new(&output, text.as_bytes())?;
    let md = report.to_markdown();
    if let Some(r) = &args.report {
        write_new(r, md.as_bytes())?;
    }
    print!("{md}");
    eprintln!("đã tạo (created) {}", output.display());
    Ok(ExitCode::SUCCESS)
}
