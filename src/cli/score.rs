//! `kehoach score PLAN [--format table|json] [--set CODE.INPUT=VALUE]… [--catalogue PATH]`:
//! points per main index, projection, full / partial / zero lists and priorities.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;

use super::write::to_stdout;
use crate::diagnostic::Lang;
use crate::plan::{InputValue, LoadError, load_plan};
use crate::score::{self, LABEL_FULL, LABEL_PARTIAL, LABEL_ZERO, ScoreReport, analysis_line};
use crate::vn::number::points as fmt;

/// Arguments of `kehoach score`.
#[derive(Debug, clap::Args)]
pub struct ScoreArgs {
    /// Tệp kế hoạch (the plan file).
    pub plan: PathBuf,
    #[arg(long, value_enum, default_value_t = ScoreFormat::Table)]
    pub format: ScoreFormat,
    /// Giả định một đầu vào (what-if): --set 8.3.a=120000, --set 1.2.a=true.
    #[arg(long = "set", value_name = "CODE.INPUT=VALUE")]
    pub set: Vec<String>,
    /// Tệp bộ chỉ số thay cho bộ chỉ số kế hoạch chọn (a catalogue file).
    #[arg(long, value_name = "PATH")]
    pub catalogue: Option<PathBuf>,
}

/// Output format of `kehoach score`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ScoreFormat {
    Table,
    Json,
}

pub fn run(args: ScoreArgs) -> anyhow::Result<ExitCode> {
    let overrides = args
        .set
        .iter()
        .map(|s| parse_set(s))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let loaded = match load_plan(&args.plan) {
        Ok(p) => p,
        Err(LoadError::Invalid { file, diagnostics }) => {
            for d in &diagnostics {
                eprintln!(
                    "{}:{}:{}: {} {}",
                    file.name(),
                    d.span.line,
                    d.span.column,
                    d.code,
                    d.message.get(Lang::Vi)
                );
            }
            return Ok(ExitCode::from(super::EXIT_ERROR));
        }
        Err(e) => anyhow::bail!(e),
    };
    // The catalogue lint uses for this plan (`--catalogue`, kehoach.yaml's `catalogue:`,
    // else the bundled one it pins).
    let overrides_cli = crate::settings::Overrides {
        catalogue: args
            .catalogue
            .as_ref()
            .map(|p| p.to_string_lossy().into_owned()),
        ..Default::default()
    };
    let cat = crate::settings::Settings::new(overrides_cli, &std::env::current_dir()?)
        .catalogue_for_plan(&args.plan, &loaded.plan.catalogue.value)?;
    let report = score::score_plan(&cat.catalogue, &loaded.plan, &overrides);
    match args.format {
        ScoreFormat::Json => to_stdout(&(serde_json::to_string_pretty(&report)? + "\n"))?,
        ScoreFormat::Table => to_stdout(&table(&report))?,
    }
    Ok(ExitCode::SUCCESS)
}

/// "8.3.a=120000" → ("8.3.a", 120000); "true"/"false" are booleans, other text stays text.
fn parse_set(s: &str) -> anyhow::Result<(String, InputValue)> {
    let Some((key, value)) = s.split_once('=') else {
        anyhow::bail!("--set cần dạng MÃ.ĐẦU_VÀO=GIÁ_TRỊ, ví dụ 8.3.a=120000 (got \"{s}\")");
    };
    let key = key.trim();
    if !key.contains('.') || key.ends_with('.') {
        anyhow::bail!("--set: \"{key}\" thiếu tên đầu vào sau mã chỉ số, ví dụ 8.3.a");
    }
    let v = value.trim();
    let value = match v {
        "true" | "có" => InputValue::Bool(true),
        "false" | "không" => InputValue::Bool(false),
        _ => match v
            .parse::<f64>()
            .ok()
            .or_else(|| crate::vn::number::parse(v))
        {
            Some(n) if !v.ends_with('%') => InputValue::Number(n),
            _ => InputValue::Text(v.to_string()),
        },
    };
    Ok((key.to_string(), value))
}

fn opt(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), fmt)
}

/// The table: indices, analysis lines, priorities, problems.
pub fn table(r: &ScoreReport) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "Điểm DTI theo bộ chỉ số {}", r.catalogue);
    let _ = writeln!(
        o,
        "{:<36} {:>7} {:>10} {:>5} {:>9} {:>8}",
        "Chỉ số chính", "Tối đa", "Hiện trạng", "Hạng", "Dự kiến", "Tăng"
    );
    for i in &r.indices {
        let name: String = format!("{} {}", i.code, i.name).chars().take(36).collect();
        let _ = writeln!(
            o,
            "{name:<36} {:>7} {:>10} {:>5} {:>9} {:>8}",
            opt(i.max_points),
            opt(i.points),
            i.rank.map_or("—".into(), |r| r.to_string()),
            opt(i.projected_points),
            opt(i.gain)
        );
    }
    let gain = r.projected_total.zip(r.total).map(|(p, b)| p - b);
    let _ = writeln!(
        o,
        "{:<36} {:>7} {:>10} {:>5} {:>9} {:>8}",
        "TỔNG",
        fmt(r.max_points),
        opt(r.total),
        r.rank.map_or("—".into(), |r| r.to_string()),
        opt(r.projected_total),
        opt(gain)
    );
    let unknown: Vec<&str> = r
        .indices
        .iter()
        .filter(|i| i.max_points.is_none())
        .map(|i| i.code.as_str())
        .collect();
    if !unknown.is_empty() {
        let _ = writeln!(
            o,
            "Chưa tính được điểm của chỉ số chính {}: bộ chỉ số {} chưa có điểm tối đa của các chỉ số này; tổng chỉ cộng các chỉ số đã biết điểm",
            unknown.join(", "),
            r.catalogue
        );
    }
    for i in r.indices.iter().filter(|i| !i.indicators.is_empty()) {
        let known = i.full.len() + i.partial.len() + i.zero.len();
        if known == 0 {
            continue;
        }
        let _ = writeln!(
            o,
            "\n{}. {} ({} chỉ số có điểm / {} chỉ số)",
            i.code,
            i.name,
            known,
            i.indicators.len()
        );
        for (codes, label) in [
            (&i.full, LABEL_FULL),
            (&i.partial, LABEL_PARTIAL),
            (&i.zero, LABEL_ZERO),
        ] {
            let _ = writeln!(o, "- {}", analysis_line(codes, label));
        }
    }
    if !r.priorities.is_empty() {
        let _ = writeln!(o, "\nƯu tiên (điểm còn có thể tăng):");
        for (n, p) in r.priorities.iter().enumerate() {
            let _ = write!(
                o,
                "{:>3}. {} {}: còn {} điểm ({}/{})",
                n + 1,
                p.code,
                p.name.chars().take(60).collect::<String>(),
                fmt(p.to_gain),
                fmt(p.points),
                fmt(p.max_points)
            );
            if !p.lead.is_empty() {
                let _ = write!(o, "; chủ trì: {}", p.lead.join(", "));
            }
            if !p.deadline.is_empty() {
                let _ = write!(o, "; thời hạn: {}", p.deadline.join(", "));
            }
            o.push('\n');
        }
    }
    if !r.problems.is_empty() {
        let _ = writeln!(o, "\nCần xem lại:");
        for p in &r.problems {
            let _ = writeln!(o, "  - {}", p.message().get(Lang::Vi));
        }
    }
    o
}
