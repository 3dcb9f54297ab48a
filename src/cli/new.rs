//! `kehoach new PATH`: a draft plan from the catalogue, every indicator an assignment row
//! with blanks for the author. Asks for what the flags leave out only on a terminal; never
//! overwrites a file.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::draft::new::{BLANKS, NewPlan, header, new_plan};
use crate::draft::yaml::to_yaml;

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// Tệp kế hoạch mới (the new plan file; never overwritten).
    pub path: PathBuf,
    /// Địa danh (place: "Gia Lai").
    #[arg(long)]
    pub place: Option<String>,
    /// Năm của kế hoạch (the plan's year).
    #[arg(long)]
    pub year: Option<i32>,
    /// Cơ quan ban hành (issuer in running text; default "Ủy ban nhân dân tỉnh PLACE").
    #[arg(long)]
    pub issuer: Option<String>,
    /// Bộ chỉ số (catalogue YAML file; default: the embedded one).
    #[arg(long)]
    pub catalogue: Option<PathBuf>,
}

fn ask(question: &str) -> anyhow::Result<String> {
    let mut err = std::io::stderr();
    write!(err, "{question}: ")?;
    err.flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim().to_string())
}

pub fn run(args: NewArgs) -> anyhow::Result<ExitCode> {
    let terminal = std::io::stdin().is_terminal();
    let place = match args.place {
        Some(p) => p,
        None if terminal => ask("địa danh (place, e.g. Gia Lai)")?,
        None => bail!("thiếu `--place` (give the place: --place \"Gia Lai\")"),
    };
    if place.trim().is_empty() {
        bail!("địa danh trống (the place is empty)");
    }
    let year = match args.year {
        Some(y) => y,
        None if terminal => {
            let t = ask("năm (year, e.g. 2025)")?;
            t.parse()
                .with_context(|| format!("năm không hợp lệ (not a year): `{t}`"))?
        }
        None => bail!("thiếu `--year` (give the year: --year 2025)"),
    };
    if !(2000..=2100).contains(&year) {
        bail!("năm {year} ngoài khoảng 2000–2100 (year out of range)");
    }
    let issuer = match args.issuer {
        Some(i) => Some(i),
        None if terminal => {
            let t = ask(&format!(
                "cơ quan ban hành (issuer; Enter: Ủy ban nhân dân tỉnh {place})"
            ))?;
            (!t.is_empty()).then_some(t)
        }
        None => None,
    };
    let cat = crate::catalogue::embedded_or(args.catalogue.as_deref())?;
    let new = NewPlan {
        place: place.trim().to_string(),
        year,
        issuer,
    };
    let plan = new_plan(&cat, &new);
    let text = to_yaml(&plan, &header(&cat, &new), BLANKS)?;
    write_new(&args.path, text.as_bytes())?;
    let rows = plan.tasks.len();
    eprintln!(
        "đã tạo {} ({rows} dòng chỉ số, dự thảo); chạy `kehoach lint {}` để xem còn thiếu gì\n(created {}: {rows} indicator rows, a draft; run `kehoach lint` to see what is left)",
        args.path.display(),
        args.path.display(),
        args.path.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Create `path` with `bytes`, refusing if it exists.
pub(crate) fn write_new(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                anyhow::anyhow!(
                    "{} đã có, không ghi đè (already exists, not overwritten)",
                    path.display()
                )
            } else {
                anyhow::anyhow!("không tạo được (cannot create) {}: {e}", path.display())
            }
        })?;
    f.write_all(bytes)
        .and_then(|()| f.sync_all())
        .with_context(|| format!("không ghi được (cannot write) {}", path.display()))
}
