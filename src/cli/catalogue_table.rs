//! `kehoach catalogue import FILE.csv|FILE.xlsx` and `kehoach catalogue export`: a
//! decision's appendix table to a validated catalogue YAML file, and a catalogue to the
//! table template.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;

use crate::catalogue::table::{self, Header, TableError};
use crate::catalogue::{CatalogueLevel, Decision, emit};

/// Arguments of `catalogue import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Bảng phụ lục (the appendix table): .csv (UTF-8) or .xlsx (first sheet).
    pub file: PathBuf,
    /// Mã bộ chỉ số mà kế hoạch ghi ở `catalogue:` (the id plans pin), e.g. dti-405-2025-tinh.
    #[arg(long)]
    pub id: String,
    /// Tên bộ chỉ số (title); default: "Bộ chỉ số đánh giá chuyển đổi số" and the decision.
    #[arg(long)]
    pub title: Option<String>,
    /// Số, ký hiệu quyết định ban hành (decision number), e.g. "405/QĐ-BKHCN".
    #[arg(long)]
    pub decision: String,
    /// Ngày ban hành, ISO (decision date), e.g. 2025-04-03.
    #[arg(long)]
    pub date: String,
    /// Cơ quan ban hành (issuer), e.g. "Bộ Khoa học và Công nghệ".
    #[arg(long)]
    pub issuer: String,
    /// Trích yếu của quyết định (the decision's title).
    #[arg(long)]
    pub decision_title: Option<String>,
    /// Đối tượng đánh giá (whom it assesses): province, commune, agency, ministry.
    #[arg(long, default_value = "province")]
    pub level: String,
    /// Tổng điểm (the declared total); default: the sum of the main indices.
    #[arg(long)]
    pub total: Option<f64>,
    /// Ghi chú đầu tệp (a header comment, e.g. which parts of the list are not yet known).
    #[arg(long)]
    pub note: Option<String>,
    /// Tệp YAML ghi ra (output file); default: standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
}

/// Format of `catalogue export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Csv,
    Xlsx,
}

/// Arguments of `catalogue export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = TableFormat::Csv)]
    pub format: TableFormat,
    /// Tệp bộ chỉ số (a catalogue file); default: the embedded one.
    #[arg(long, value_name = "PATH")]
    pub catalogue: Option<PathBuf>,
    /// Tệp ghi ra (output file); required for xlsx, default standard output for csv.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
}

pub fn import(a: ImportArgs) -> anyhow::Result<ExitCode> {
    let Some(level) = CatalogueLevel::parse(&a.level) else {
        eprintln!(
            "lỗi: --level \"{}\" không hợp lệ: province, commune, agency hoặc ministry (invalid --level)",
            a.level
        );
        return Ok(ExitCode::from(super::EXIT_ERROR));
    };
    if crate::vn::Date::parse_iso(&a.date).is_none() {
        eprintln!(
            "lỗi: --date \"{}\" không phải ngày ISO như 2025-04-03 (not an ISO date)",
            a.date
        );
        return Ok(ExitCode::from(super::EXIT_ERROR));
    }
    let header = Header {
        id: a.id.clone(),
        title: a.title.clone().unwrap_or_else(|| {
            format!(
                "Bộ chỉ số đánh giá chuyển đổi số theo Quyết định {}",
                a.decision
            )
        }),
        decision: Decision {
            number: a.decision.clone(),
            date: a.date.clone(),
            issuer: a.issuer.clone(),
            title: a.decision_title.clone(),
        },
        level,
        total_points: a.total,
    };
    let read = table::read(&a.file);
    let t = match read {
        Ok(t) => t,
        Err(e) => {
            eprintln!("lỗi: {e}");
            return Ok(ExitCode::from(super::EXIT_ERROR));
        }
    };
    let cat = match table::to_catalogue(&t, &header) {
        Ok(c) => c,
        Err(problems) => {
            let e = TableError::Invalid {
                path: a.file.clone(),
                problems,
            };
            eprintln!("lỗi: {e}");
            return Ok(ExitCode::from(1));
        }
    };
    let source = a
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut comment = format!(
        "Bộ chỉ số nhập từ bảng {source} bằng `kehoach catalogue import` (imported from a table).\n"
    );
    if let Some(n) = &a.note {
        comment.push('\n');
        comment.push_str(n);
        comment.push('\n');
    }
    let yaml = emit::to_yaml(&cat, &comment);
    // What was written must load as the same catalogue: a bug here is caught before a
    // province uses the file.
    let check = crate::source::SourceFile::new("<imported>", yaml.clone());
    if let Err(e) = crate::catalogue::parse(&check) {
        anyhow::bail!(
            "the imported catalogue does not read back (a kehoach bug): {:?}",
            miette::Report::new(e)
        );
    }
    let entries = cat.walk().len();
    let unknown = cat
        .walk()
        .iter()
        .filter(|w| w.entry.max_points.is_none())
        .count();
    match &a.out {
        Some(path) => super::write_atomic(path, yaml.as_bytes())?,
        None => super::write::to_stdout(&yaml)?,
    }
    eprintln!(
        "đã nhập (imported) {} mục (entries) từ {}{}",
        entries,
        a.file.display(),
        if unknown > 0 {
            format!(", {unknown} mục chưa có điểm tối đa ({unknown} without max points)")
        } else {
            String::new()
        }
    );
    Ok(ExitCode::SUCCESS)
}

pub fn export(a: ExportArgs) -> anyhow::Result<ExitCode> {
    let cat = match crate::catalogue::embedded_or(a.catalogue.as_deref()) {
        Ok(c) => c,
        Err(err) => {
            eprintln!("{:?}", miette::Report::new(err));
            return Ok(ExitCode::from(super::EXIT_ERROR));
        }
    };
    let rows = table::from_catalogue(&cat);
    let bytes = match a.format {
        TableFormat::Csv => table::write_csv(&rows),
        TableFormat::Xlsx => match table::write_xlsx(&rows) {
            Ok(b) => b,
            Err(e) => anyhow::bail!("không ghi được XLSX (cannot write the workbook): {e}"),
        },
    };
    match (&a.out, a.format) {
        (Some(path), _) => super::write_atomic(path, &bytes)?,
        (None, TableFormat::Csv) => {
            super::write::to_stdout(&String::from_utf8_lossy(&bytes))?;
        }
        (None, TableFormat::Xlsx) => {
            eprintln!("lỗi: xuất xlsx cần --out TỆP (xlsx needs --out FILE)");
            return Ok(ExitCode::from(super::EXIT_ERROR));
        }
    }
    Ok(ExitCode::SUCCESS)
}
