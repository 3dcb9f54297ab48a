//! `kehoach render` and `kehoach build`: plans to PDF (and Typst) files.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::plan::{LoadError, load_plan};
use crate::render::{RenderOptions, render_plan};

use super::EXIT_ERROR;
use super::write::{same_file, write_all_atomic};

/// What to write: the PDF, the Typst source, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Emit {
    Pdf,
    Typ,
    Both,
}

/// The document format: the signature-ready PDF, or the Word file circulated for
/// comments (the same document from the same model).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Pdf,
    Docx,
    /// The assignment workbook (`render` only; with `--agency`, that agency's sheet).
    Xlsx,
}

impl Format {
    pub(crate) fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
        }
    }
}

/// `kehoach render PLAN`.
#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// Tệp kế hoạch (plan YAML file).
    pub plan: PathBuf,
    /// Tệp ra (output file; default: the plan's name with .pdf or .docx, next to it).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Định dạng: PDF, Word hay Excel (output format: pdf, docx or xlsx).
    #[arg(long, value_enum, default_value = "pdf")]
    pub format: Format,
    /// Xuất PDF, Typst hay cả hai (the .typ, with the nd30.typ it imports, is written next
    /// to the PDF; PDF only).
    #[arg(long, value_enum, default_value = "pdf")]
    pub emit: Emit,
    /// Chỉ các nhiệm vụ một cơ quan chủ trì và phối hợp (only the tasks this agency leads
    /// and supports: "Sở Y tế"; the output name says the agency).
    #[arg(long)]
    pub agency: Option<String>,
    /// Danh mục cơ quan (agency registry file for --agency; default: the bundled one).
    #[arg(long)]
    pub agencies: Option<PathBuf>,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// Options shared by `render` and `build`.
#[derive(Debug, clap::Args)]
pub struct CommonArgs {
    /// Thư mục mẫu thay thế (templates overriding the embedded ones by file name).
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// Thư mục phông chữ bổ sung (extra font directory; repeatable).
    #[arg(long = "font-path")]
    pub font_path: Vec<PathBuf>,
    /// Bộ chỉ số (catalogue YAML file; default: the embedded one the plan names).
    #[arg(long)]
    pub catalogue: Option<PathBuf>,
}

impl CommonArgs {
    /// What these options override in the resolution every command shares.
    pub(crate) fn overrides(&self) -> crate::settings::Overrides {
        crate::settings::Overrides {
            catalogue: self
                .catalogue
                .as_ref()
                .map(|p| p.to_string_lossy().into_owned()),
            ..Default::default()
        }
    }
}

/// `kehoach build [PATHS…]`.
#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Tệp hoặc thư mục kế hoạch (plan files or directories; default `plans`).
    pub paths: Vec<PathBuf>,
    /// Thư mục ra (output directory; default `build`).
    #[arg(long, default_value = "build")]
    pub out: PathBuf,
    /// Định dạng xuất, cách nhau bởi dấu phẩy (formats to write beside each other,
    /// comma-separated; default both: the PDF to sign and the DOCX to circulate).
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = [Format::Pdf, Format::Docx])]
    pub format: Vec<Format>,
    /// Không kiểm tra trước khi xuất (skip the lint that runs before rendering).
    #[arg(long)]
    pub no_lint: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// `kehoach lint PATHS…` called as a function, with its own config discovery and the
/// default format (human on a terminal, GitHub commands under Actions).
fn lint_first(paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    super::lint::run(super::lint::LintArgs::for_paths(paths.to_vec()))
}

pub fn run(args: RenderArgs) -> anyhow::Result<ExitCode> {
    if args.format != Format::Pdf && args.emit != Emit::Pdf {
        bail!("--emit chỉ dùng cho PDF (--emit applies to --format pdf only)");
    }
    // With --agency: the plan cut down to that agency's tasks, named after it.
    let loaded = load_for_render(&args.plan)?;
    let registry = super::export::registry(args.agencies.as_deref())?;
    let agency = match args.agency.as_deref() {
        Some(name) => Some(crate::draft::agency::find(&registry, name)?),
        None => None,
    };
    let default_output = || {
        let ext = args.format.extension();
        match agency {
            Some(a) => {
                let stem = args.plan.file_stem().unwrap_or_default().to_string_lossy();
                let slug = crate::draft::agency::slug(&a.name);
                args.plan.with_file_name(format!("{stem}-{slug}.{ext}"))
            }
            None => args.plan.with_extension(ext),
        }
    };
    let output = args.output.clone().unwrap_or_else(default_output);
    if same_file(&output, &args.plan) {
        bail!(
            "không ghi đè lên tệp kế hoạch (refusing to overwrite the plan itself): {}",
            output.display()
        );
    }
    let extract = agency.map(|a| crate::draft::agency::extract(&loaded.plan, &registry, a));
    if let Some(ex) = &extract {
        if ex.rows.is_empty() {
            bail!(
                "kế hoạch {} không giao nhiệm vụ nào cho «{}» (the plan gives this agency no \
                 task to lead or support); kiểm tra tên cơ quan (check the name)",
                args.plan.display(),
                ex.agency.name
            );
        }
    }
    if args.format == Format::Xlsx {
        let bytes = match &extract {
            Some(ex) => crate::export::xlsx::extract_workbook(&loaded.plan, ex)?,
            None => crate::export::xlsx::workbook(&loaded.plan, &registry)?,
        };
        super::write_atomic(&output, &bytes)?;
        eprintln!("đã ghi (wrote) {}", output.display());
        return Ok(ExitCode::SUCCESS);
    }
    let plan = match &extract {
        Some(ex) => std::borrow::Cow::Owned(crate::draft::agency::filtered_plan(&loaded.plan, ex)),
        None => std::borrow::Cow::Borrowed(&loaded.plan),
    };
    let job = Job {
        pdf: (args.format == Format::Pdf).then_some((output.as_path(), args.emit)),
        docx: (args.format == Format::Docx).then_some(output.as_path()),
    };
    render_loaded(&args.plan, &plan, &loaded.source, &job, &args.common)?;
    if extract.is_some() {
        eprintln!("đã ghi (wrote) {}", output.display());
    }
    Ok(ExitCode::SUCCESS)
}

pub fn build(args: BuildArgs) -> anyhow::Result<ExitCode> {
    let roots = if args.paths.is_empty() {
        vec![PathBuf::from("plans")]
    } else {
        args.paths
    };
    if args.format.contains(&Format::Xlsx) {
        bail!(
            "build viết PDF và DOCX; bảng XLSX: kehoach export PLAN --format xlsx (build writes \
             pdf and docx; for the workbook use kehoach export PLAN --format xlsx)"
        );
    }
    let plans = collect_plans(&roots)?;
    if plans.is_empty() {
        bail!("không tìm thấy tệp kế hoạch .yaml, .yml (no plan files found)");
    }
    // Lint first; the plans are rendered whatever it finds (a draft with findings still
    // needs its PDF), and its exit code is the build's unless a render fails.
    let lint_code = if args.no_lint {
        ExitCode::SUCCESS
    } else {
        lint_first(&roots)?
    };
    // Two plans must not write the same output (`a.yaml` and `a.yml` → `a.pdf`), and no
    // output may be one of the plans.
    let outputs: Vec<PathBuf> = plans
        .iter()
        .map(|p| args.out.join(p.file_stem().unwrap_or_default()))
        .collect();
    let mut seen: std::collections::HashMap<&Path, &Path> = std::collections::HashMap::new();
    for (plan, out) in plans.iter().zip(&outputs) {
        if let Some(first) = seen.insert(out, plan) {
            let ext = args.format.first().map_or("pdf", |f| f.extension());
            let out = out.with_extension(ext);
            bail!(
                "hai kế hoạch cùng ghi ra một tệp (two plans would write the same output) {}: \
                 {} và (and) {}; đổi tên một tệp (rename one of them)",
                out.display(),
                first.display(),
                plan.display()
            );
        }
        if let Some(src) = plans.iter().find(|p| {
            args.format
                .iter()
                .any(|f| same_file(&out.with_extension(f.extension()), p))
        }) {
            bail!(
                "tệp ra trùng với một tệp kế hoạch, không ghi đè (an output is one of the plans; \
                 not overwritten): {}; chọn thư mục --out khác (choose another --out directory)",
                src.display()
            );
        }
    }
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("không tạo được (cannot create) {}", args.out.display()))?;
    let mut failed = 0;
    let total = plans.len();
    let stderr = std::io::stderr();
    for (i, (plan, stem)) in plans.iter().zip(&outputs).enumerate() {
        let out = stem.with_extension("pdf");
        let docx_out = stem.with_extension("docx");
        let job = Job {
            pdf: args
                .format
                .contains(&Format::Pdf)
                .then_some((out.as_path(), Emit::Pdf)),
            docx: args
                .format
                .contains(&Format::Docx)
                .then_some(docx_out.as_path()),
        };
        let shown = if job.pdf.is_some() { &out } else { &docx_out };
        let mut e = stderr.lock();
        let _ = write!(
            e,
            "[{}/{}] {} → {} … ",
            i + 1,
            total,
            plan.display(),
            shown.display()
        );
        let _ = e.flush();
        drop(e);
        match render_one(plan, &job, &args.common) {
            Ok(Some(pages)) if job.docx.is_some() => {
                eprintln!("{pages} trang (pages), + {}", docx_out.display())
            }
            Ok(Some(pages)) => eprintln!("{pages} trang (pages)"),
            Ok(None) => eprintln!("xong (done)"),
            Err(err) => {
                failed += 1;
                eprintln!("lỗi (error)\n  {err:#}");
            }
        }
    }
    eprintln!(
        "{} / {} kế hoạch đã xuất (plans rendered)",
        total - failed,
        total
    );
    Ok(if failed == 0 {
        lint_code
    } else {
        ExitCode::from(EXIT_ERROR)
    })
}

/// Render one plan; returns the page count.
/// What to write for one plan: the PDF (and/or Typst) and/or the DOCX.
struct Job<'a> {
    pdf: Option<(&'a Path, Emit)>,
    docx: Option<&'a Path>,
}

/// A plan loaded for rendering, every problem located.
pub(crate) fn load_for_render(plan_path: &Path) -> anyhow::Result<crate::plan::LoadedPlan> {
    match load_plan(plan_path) {
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
            );
        }
        Err(e) => Err(e.into()),
    }
}

/// Render one plan; returns the PDF's page count when a PDF was made. Every file it
/// writes is written, or none is.
fn render_one(plan_path: &Path, job: &Job, common: &CommonArgs) -> anyhow::Result<Option<usize>> {
    let loaded = load_for_render(plan_path)?;
    render_loaded(plan_path, &loaded.plan, &loaded.source, job, common)
}

/// Render a loaded plan (the whole plan, or an agency's extract of it).
fn render_loaded(
    plan_path: &Path,
    plan: &crate::plan::Plan,
    source: &crate::source::SourceFile,
    job: &Job,
    common: &CommonArgs,
) -> anyhow::Result<Option<usize>> {
    // The catalogue lint uses for this plan (`--catalogue`, kehoach.yaml's `catalogue:`,
    // else the bundled one it pins).
    let index = crate::settings::Settings::new(common.overrides(), &std::env::current_dir()?)
        .catalogue_for_plan(plan_path, &plan.catalogue.value)?;
    let catalogue = &index.catalogue;
    let (output, emit) = match job.pdf {
        Some((o, e)) => (Some(o), e),
        None => (None, Emit::Pdf),
    };
    let opts = RenderOptions {
        templates: common.templates.clone(),
        font_dirs: common.font_path.clone(),
        root: None,
        typst_only: emit == Emit::Typ,
    };
    let typ_path = output.map(|o| o.with_extension("typ"));
    // The Typst files the source imports (nd30.typ), written beside it so the typst CLI
    // compiles the emitted project as it is.
    let library: Vec<PathBuf> = match (&typ_path, emit != Emit::Pdf) {
        (Some(t), true) => crate::render::templates::EMBEDDED
            .iter()
            .filter(|(name, _)| !name.ends_with(".tera"))
            .map(|(name, _)| t.with_file_name(name))
            .collect(),
        _ => Vec::new(),
    };
    if let Some(t) = typ_path
        .as_deref()
        .filter(|t| library.iter().any(|l| l == t))
    {
        bail!(
            "{} là tên thư viện Typst của kehoach, chọn tên khác với -o \
             (is the name of kehoach's Typst library: choose another name with -o)",
            t.display()
        );
    }
    let mut targets: Vec<&Path> = Vec::new();
    if let (Some(t), true) = (&typ_path, emit != Emit::Pdf) {
        targets.push(t);
        targets.extend(library.iter().map(PathBuf::as_path));
    }
    if let (Some(o), true) = (output, emit != Emit::Typ) {
        targets.push(o);
    }
    targets.extend(job.docx);
    for t in &targets {
        if same_file(t, plan_path) {
            bail!(
                "không ghi đè lên tệp kế hoạch (refusing to overwrite the plan itself): {}",
                t.display()
            );
        }
    }
    let docx = match job.docx {
        Some(path) => {
            let out = crate::render::docx::render_plan_docx(plan, catalogue)
                .with_context(|| format!("không xuất được (cannot export) {}", path.display()))?;
            for s in &out.stripped {
                eprintln!(
                    "cảnh báo (warning): {}: {}",
                    plan_path.display(),
                    s.message()
                );
            }
            out.bytes
        }
        None => Vec::new(),
    };
    let out = match output {
        Some(_) => Some(
            render_plan(plan, source, catalogue, &opts).with_context(|| {
                format!("không xuất được (cannot render) {}", plan_path.display())
            })?,
        ),
        None => None,
    };
    // The Typst source, the PDF and the DOCX are written all or none.
    let files: Vec<(&Path, &[u8])> = targets
        .iter()
        .map(|&t| {
            let bytes: &[u8] = match &out {
                Some(o) if Some(t) == typ_path.as_deref() => o.typst_source.as_bytes(),
                Some(o) if Some(t) == output => &o.pdf,
                Some(o) if library.iter().any(|l| l == t) => o
                    .typst_files
                    .iter()
                    .find(|(name, _)| t.file_name() == Some(std::ffi::OsStr::new(name)))
                    .map_or(&[][..], |(_, text)| text.as_bytes()),
                _ => &docx,
            };
            (t, bytes)
        })
        .collect();
    write_all_atomic(&files)?;
    Ok(out.map(|o| o.pages))
}

/// Plan files under the given paths (files as given; directories walked, sorted).
fn collect_plans(roots: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    // The linter's discovery: files named are taken as they are; in directories, the
    // .yaml/.yml files with a top-level `catalogue:` key, never `kehoach.yaml`.
    use crate::lint::discover::{candidates, looks_like_plan};
    let found = candidates(roots, &globset::GlobSet::empty())
        .map_err(|m| anyhow::anyhow!("{} không tồn tại (does not exist)", m.0.display()))?;
    Ok(found
        .into_iter()
        .filter(|c| {
            c.explicit
                || crate::yaml::read_text_bounded(&c.path, crate::yaml::MAX_YAML_BYTES)
                    .is_ok_and(|t| looks_like_plan(&t))
        })
        .map(|c| c.path)
        .collect())
}
