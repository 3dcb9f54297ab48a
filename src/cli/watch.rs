//! `kehoach watch PLAN`: lint and render again each time the plan is saved.
//!
//! The plan's directory is watched, not the file, so an editor that saves by writing a
//! new file and renaming it over the plan (vim, most IDEs) keeps being followed; events
//! are debounced (notify-debouncer-mini), and only those naming the plan start a run. The
//! templates and fonts are loaded once ([`crate::render::Resources`]) and Typst's
//! memoisation lives as long as the process, so a re-render after a small edit is faster
//! than a cold `kehoach render`. A failed load, lint or render is printed and watching
//! goes on; Ctrl-C ends it.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, new_debouncer};

use super::render::{CommonArgs, Format};
use crate::render::{RenderOptions, Resources};

/// `kehoach watch PLAN`.
#[derive(Debug, clap::Args)]
pub struct WatchArgs {
    /// Tệp kế hoạch (plan YAML file).
    pub plan: PathBuf,
    /// Tệp ra (output file; default: the plan's name with .pdf or .docx, next to it).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Định dạng: PDF hay Word (output format: pdf or docx).
    #[arg(long, value_enum, default_value = "pdf")]
    pub format: Format,
    /// Thời gian chờ sau lần lưu cuối, mili giây (debounce: wait this long after the last
    /// change before running).
    #[arg(long, default_value_t = 100)]
    pub debounce_ms: u64,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// The render half of a run.
#[derive(Clone, Debug)]
pub enum Rendered {
    /// Written: the file, its pages (PDF only) and how long the render took.
    Written {
        path: PathBuf,
        pages: Option<usize>,
        ms: f64,
    },
    /// Not written (the previous output is left as it was): why.
    Failed(String),
}

/// What one run found and made.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// The lint's exit code (0 clean, 1 findings at error level, 2 it could not run).
    pub lint_code: u8,
    /// The lint's concise report (one line a finding) and its notes.
    pub lint_report: String,
    pub lint_ms: f64,
    pub render: Rendered,
}

impl Outcome {
    /// The lines the terminal shows for this run.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        out.push_str(self.lint_report.trim_end());
        if !out.is_empty() {
            out.push('\n');
        }
        match &self.render {
            Rendered::Written { path, pages, ms } => {
                let pages = pages
                    .map(|p| format!("{p} trang (pages), "))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "đã xuất (rendered) {}: {pages}{ms:.0} ms (kiểm tra, lint {:.0} ms)",
                    path.display(),
                    self.lint_ms
                ));
            }
            Rendered::Failed(why) => out.push_str(&format!(
                "lỗi (error): {why}\nchưa xuất, tệp cũ giữ nguyên (not rendered; the previous \
                 output is kept)"
            )),
        }
        out
    }
}

/// One watched plan with what is kept warm between its runs.
pub struct Session {
    plan: PathBuf,
    output: PathBuf,
    format: Format,
    common: CommonArgs,
    options: RenderOptions,
    resources: Resources,
    /// What the plan and the `kehoach.yaml` beside it held at the last run: opening a
    /// file is an event too (inotify's IN_OPEN, which the debouncer does not tell apart),
    /// so the lint's and the render's own reads must not start another run.
    last: Option<u64>,
}

impl Session {
    /// A session for `plan` writing `output` (default: beside the plan) in `format`.
    pub fn new(
        plan: &Path,
        output: Option<PathBuf>,
        format: Format,
        common: CommonArgs,
    ) -> anyhow::Result<Session> {
        if format == Format::Xlsx {
            bail!("watch xuất PDF hoặc DOCX (watch renders pdf or docx)");
        }
        let output = output.unwrap_or_else(|| plan.with_extension(format.extension()));
        if super::write::same_file(&output, plan) {
            bail!(
                "không ghi đè lên tệp kế hoạch (refusing to overwrite the plan itself): {}",
                output.display()
            );
        }
        let options = RenderOptions {
            templates: common.templates.clone(),
            font_dirs: common.font_path.clone(),
            root: None,
            typst_only: false,
        };
        let resources = Resources::load(&options)?;
        Ok(Session {
            plan: plan.to_path_buf(),
            output,
            format,
            common,
            options,
            resources,
            last: None,
        })
    }

    /// The plan being watched.
    pub fn plan(&self) -> &Path {
        &self.plan
    }

    /// Whether a changed path is the plan (or the configuration beside it): compared by
    /// file name in the plan's directory, so a rename-save onto the plan counts.
    pub fn concerns(&self, changed: &Path) -> bool {
        let Some(name) = changed.file_name() else {
            return false;
        };
        let wanted = self.plan.file_name();
        (Some(name) == wanted || name == "kehoach.yaml")
            && same_dir(changed.parent(), self.plan.parent())
    }

    /// A hash of the plan's bytes and of the `kehoach.yaml` beside it (a missing file
    /// hashes as missing).
    fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        std::fs::read(&self.plan).ok().hash(&mut h);
        let config = self
            .plan
            .parent()
            .map(|d| d.join("kehoach.yaml"))
            .and_then(|c| std::fs::read(c).ok());
        config.hash(&mut h);
        h.finish()
    }

    /// The run a batch of changed paths starts: none when no path is the plan (or its
    /// configuration) or the files hold what they held at the last run.
    pub fn on_change(&mut self, changed: &[PathBuf]) -> Option<Outcome> {
        if !changed.iter().any(|p| self.concerns(p)) {
            return None;
        }
        if self.last == Some(self.fingerprint()) {
            return None;
        }
        Some(self.run())
    }

    /// Lint and render once, writing the output when the render succeeds.
    pub fn run(&mut self) -> Outcome {
        self.last = Some(self.fingerprint());
        let start = Instant::now();
        let mut args = super::lint::LintArgs::for_paths(vec![self.plan.clone()]);
        args.format = super::lint::FormatArg::Concise;
        args.color = super::lint::ColorArg::Never;
        let (lint_code, lint_report) = match super::lint::execute(args) {
            Ok(o) => {
                let mut report = o.stdout;
                for line in o.notes.iter().chain(&o.stderr) {
                    report.push_str(line);
                    report.push('\n');
                }
                (o.code, report)
            }
            Err(e) => (2, format!("lỗi (error): {e:#}\n")),
        };
        let lint_ms = ms(start);
        let start = Instant::now();
        let render = match self.render() {
            Ok(pages) => Rendered::Written {
                path: self.output.clone(),
                pages,
                ms: ms(start),
            },
            Err(e) => Rendered::Failed(format!("{e:#}")),
        };
        Outcome {
            lint_code,
            lint_report,
            lint_ms,
            render,
        }
    }

    /// Load and render the plan with the warm resources; the page count for a PDF.
    fn render(&mut self) -> anyhow::Result<Option<usize>> {
        let loaded = super::render::load_for_render(&self.plan)?;
        let index =
            crate::settings::Settings::new(self.common.overrides(), &std::env::current_dir()?)
                .catalogue_for_plan(&self.plan, &loaded.plan.catalogue.value)?;
        let (bytes, pages) = match self.format {
            Format::Docx => {
                let out = crate::render::docx::render_plan_docx(&loaded.plan, &index.catalogue)?;
                (out.bytes, None)
            }
            _ => {
                let out = crate::render::render_plan_with(
                    &loaded.plan,
                    &loaded.source,
                    &index.catalogue,
                    &self.options,
                    &self.resources,
                )
                .with_context(|| {
                    format!("không xuất được (cannot render) {}", self.plan.display())
                })?;
                (out.pdf, Some(out.pages))
            }
        };
        super::write_atomic(&self.output, &bytes)?;
        // Typst memoises every compilation; keep what the last few runs used.
        typst::comemo::evict(10);
        Ok(pages)
    }
}

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

fn same_dir(a: Option<&Path>, b: Option<&Path>) -> bool {
    let norm = |p: Option<&Path>| {
        let p = match p {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        p.canonicalize().unwrap_or(p)
    };
    norm(a) == norm(b)
}

/// Run once, then again after every debounced change to the plan, calling `on_outcome`
/// with each outcome until it breaks. Errors of the watcher itself are passed on as
/// failed outcomes and watching goes on.
pub fn watch(
    session: &mut Session,
    debounce: Duration,
    mut on_outcome: impl FnMut(&Outcome) -> ControlFlow<()>,
) -> anyhow::Result<()> {
    let dir = match session.plan.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(debounce, tx)
        .context("không theo dõi được tệp (cannot start the file watcher)")?;
    debouncer
        .watcher()
        .watch(&dir, RecursiveMode::NonRecursive)
        .with_context(|| format!("không theo dõi được (cannot watch) {}", dir.display()))?;
    if on_outcome(&session.run()).is_break() {
        return Ok(());
    }
    for result in rx {
        let outcome = match result {
            Ok(events) => {
                let paths: Vec<PathBuf> = events.into_iter().map(|e| e.path).collect();
                match session.on_change(&paths) {
                    Some(o) => o,
                    None => continue,
                }
            }
            Err(e) => Outcome {
                lint_code: 2,
                lint_report: String::new(),
                lint_ms: 0.0,
                render: Rendered::Failed(format!("trình theo dõi tệp (file watcher): {e}")),
            },
        };
        if on_outcome(&outcome).is_break() {
            break;
        }
    }
    Ok(())
}

pub fn run(args: WatchArgs) -> anyhow::Result<ExitCode> {
    if !args.plan.is_file() {
        bail!("không có tệp (no such file) {}", args.plan.display());
    }
    let mut session = Session::new(&args.plan, args.output, args.format, args.common)?;
    eprintln!(
        "đang theo dõi (watching) {}; Ctrl-C để dừng (to stop)",
        session.plan().display()
    );
    watch(
        &mut session,
        Duration::from_millis(args.debounce_ms),
        |outcome| {
            eprintln!("{}", outcome.summary());
            ControlFlow::Continue(())
        },
    )?;
    Ok(ExitCode::SUCCESS)
}
