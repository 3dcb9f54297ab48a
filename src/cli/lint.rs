//! `kehoach lint [PATHS…]`: lint plans against their catalogue, in parallel.
//!
//! Exit codes: 0 clean, 1 findings at or above `--fail-on`, 2 usage, config, catalogue
//! or I/O error (a file that cannot be read is reported and the others still linted).

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use anyhow::{Context as _, bail};
use clap::ValueEnum;
use globset::{Glob, GlobSetBuilder};

use crate::diagnostic::{Lang, Level};
use crate::lint::config::{self, Config, RuleLevels, Setting};
use crate::lint::discover::{self, Candidate};
use crate::lint::report::{self, Format, Fragment, Options, Summary, Writer};
use crate::lint::rules::internal_error;
use crate::lint::{FileReport, Linter, fix, rules};
use crate::plan::load::{LoadError, MAX_PLAN_BYTES, parse_plan, read_source};
use crate::settings::{Overrides, Settings};
use crate::source::SourceFile;

/// Output language.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LangArg {
    Vi,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }
    }
}

/// Output format.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FormatArg {
    /// `github` under GitHub Actions, else `human`.
    Auto,
    Human,
    Concise,
    Json,
    Sarif,
    Github,
}

/// The lowest level that fails the run.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

/// What `--deny` makes fail.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Deny {
    Warnings,
}

/// When to colour human output.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

/// Arguments of `kehoach lint`.
#[derive(Debug, clap::Args)]
pub struct LintArgs {
    /// Plan files and directories (default: the current directory). Files named here are
    /// always linted; in directories, only .yaml/.yml files with a top-level `catalogue:`
    /// key are (kehoach.yaml, catalogues, registries and hidden directories are skipped).
    pub paths: Vec<PathBuf>,
    /// Skip paths matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Catalogue id or file, instead of the configured or bundled one.
    #[arg(long, value_name = "ID|FILE")]
    pub catalogue: Option<String>,
    /// Agency registry file, on top of the bundled registry.
    #[arg(long, value_name = "FILE")]
    pub agencies: Option<PathBuf>,
    /// Use the given registry files instead of the bundled registry, not on top of it.
    #[arg(long)]
    pub replace_agencies: bool,
    /// Configuration file, instead of the nearest kehoach.yaml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Language of messages.
    #[arg(long, value_enum, default_value = "vi")]
    pub lang: LangArg,
    /// Lowest level that makes the exit code 1.
    #[arg(long, value_enum, default_value = "error")]
    pub fail_on: FailOn,
    /// `--deny warnings`: warnings fail the run too.
    #[arg(long, value_enum)]
    pub deny: Vec<Deny>,
    /// Output format.
    #[arg(long, value_enum, default_value = "auto")]
    pub format: FormatArg,
    /// Only these rules (codes, names or prefixes, comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Turn these rules off (codes, names or prefixes, comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Colour in human output.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorArg,
    /// Apply safe fixes (agency aliases → canonical names) in place, then report what is
    /// left. Only the values concerned change; comments and layout are kept.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// Print the safe fixes as a unified diff instead of applying them (exit 1 if any).
    #[arg(long)]
    pub diff: bool,
    /// Exit 0 when no plan is found (otherwise that is an error, exit 2: a CI job that
    /// checks nothing should not pass).
    #[arg(long)]
    pub allow_empty: bool,
    /// Files linted at once (default: one per core).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Test hook of debug builds: panic while linting the files whose path contains
    /// this text (to test the per-file panic guard).
    #[cfg(debug_assertions)]
    #[arg(long, hide = true, value_name = "TEXT")]
    pub debug_panic_on: Option<String>,
}

impl LintArgs {
    /// The arguments of `kehoach lint PATHS…` with every option at its default.
    pub fn for_paths(paths: Vec<PathBuf>) -> Self {
        LintArgs {
            paths,
            exclude: Vec::new(),
            catalogue: None,
            agencies: None,
            replace_agencies: false,
            config: None,
            lang: LangArg::Vi,
            fail_on: FailOn::Error,
            deny: Vec::new(),
            format: FormatArg::Auto,
            select: Vec::new(),
            ignore: Vec::new(),
            color: ColorArg::Auto,
            fix: false,
            diff: false,
            allow_empty: false,
            jobs: None,
            #[cfg(debug_assertions)]
            debug_panic_on: None,
        }
    }
}

/// What to do with fixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FixMode {
    Off,
    Apply,
    Diff,
}

/// What a lint run produced: the report for stdout, error lines for stderr, the exit
/// code. Kept apart from printing so tests can run the command in process.
#[derive(Debug)]
pub struct Output {
    pub stdout: String,
    pub stderr: Vec<String>,
    /// Lines for stderr that are not errors (what `--fix` did).
    pub notes: Vec<String>,
    pub code: u8,
}

/// What a run leaves besides the report it wrote.
#[derive(Debug)]
pub struct Finished {
    pub stderr: Vec<String>,
    pub notes: Vec<String>,
    pub code: u8,
}

/// Exit code when linting some file panicked (a kehoach bug; the other files are still
/// reported).
pub const EXIT_PANIC: u8 = 101;

pub fn run(args: LintArgs) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let done = execute_to(args, std::io::BufWriter::new(stdout.lock()))?;
    print_finished(&done);
    Ok(ExitCode::from(done.code))
}

/// Notes and errors of a finished run, to stderr.
pub fn print_finished(done: &Finished) {
    for n in &done.notes {
        eprintln!("{n}");
    }
    for e in &done.stderr {
        eprintln!("lỗi (error): {e}");
    }
}

/// Run `kehoach lint` and return its output.
pub fn execute(args: LintArgs) -> anyhow::Result<Output> {
    let mut buf = Vec::new();
    let done = execute_to(args, &mut buf)?;
    Ok(Output {
        stdout: String::from_utf8_lossy(&buf).into_owned(),
        stderr: done.stderr,
        notes: done.notes,
        code: done.code,
    })
}

/// Run `kehoach lint`, writing the report to `out` file by file as each is linted.
pub fn execute_to(args: LintArgs, out: impl Write) -> anyhow::Result<Finished> {
    let format = match args.format {
        FormatArg::Auto if std::env::var("GITHUB_ACTIONS").as_deref() == Ok("true") => {
            Format::Github
        }
        FormatArg::Auto | FormatArg::Human => Format::Human,
        FormatArg::Concise => Format::Concise,
        FormatArg::Json => Format::Json,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Github => Format::Github,
    };
    let mode = match (args.fix, args.diff) {
        (true, _) => FixMode::Apply,
        (_, true) => FixMode::Diff,
        _ => FixMode::Off,
    };
    let metas = rules::metas();
    let cli_levels = cli_levels(&args, &metas)?;
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let mut ex = GlobSetBuilder::new();
    for g in &args.exclude {
        ex.add(Glob::new(g).with_context(|| format!("bad --exclude glob `{g}`"))?);
    }
    let exclude = ex.build()?;
    let found = discover::discover(&paths, &exclude)?;
    let mut walk_notes = found.loops;
    let walk_errors = found.errors;
    let candidates = found.candidates;

    // Configuration per file (nearest kehoach.yaml, or --config for all), and the
    // catalogues and registries they name: the resolution every command shares.
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut settings = Settings::new(
        Overrides {
            catalogue: args.catalogue.clone(),
            agencies: args.agencies.clone(),
            replace_agencies: args.replace_agencies,
            config: args.config.clone(),
            levels: cli_levels,
        },
        &cwd,
    );
    let mut jobs: Vec<(Candidate, Arc<Config>)> = Vec::new();
    for c in candidates {
        let cfg = settings.config_for(&c.path)?;
        if !cfg.excludes(&c.path) {
            jobs.push((c, cfg));
        }
    }
    let settings = settings;

    let lang: Lang = args.lang.into();
    let color = match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let opts = Options {
        lang,
        color,
        width: 100,
        root: repo_root(&cwd),
        catalogues: Vec::new(),
    };

    // Each file on a worker, taken in order; the reports are written in that order as
    // soon as each is ready, so at most a few files are held at once.
    let threads = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, jobs.len().max(1));
    let lint_job = |(cand, cfg): &(Candidate, Arc<Config>)| -> Outcome {
        let linter =
            Linter::new(settings.catalogues_for(cfg)).with_agencies(settings.registry_for(cfg));
        guarded(&cand.path, format, &opts, || {
            #[cfg(debug_assertions)]
            if let Some(t) = &args.debug_panic_on {
                if cand.path.to_string_lossy().contains(t.as_str()) {
                    panic!("--debug-panic-on {t}");
                }
            }
            lint_one(&linter, cand, cfg, format, &opts, mode)
        })
    };
    let mut run = Run {
        sink: match mode {
            FixMode::Diff => Sink::Diff(out),
            _ => Sink::Report(Writer::new(format, out, &opts)?),
        },
        io_errors: walk_errors,
        linted: 0,
        fixed: 0,
        fixed_files: 0,
        panicked: 0,
    };
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::sync_channel::<(usize, Outcome)>(threads * 2);
    std::thread::scope(|scope| -> anyhow::Result<()> {
        for _ in 0..threads {
            let (tx, next, jobs, lint_job) = (tx.clone(), &next, &jobs, &lint_job);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    if tx.send((i, lint_job(job))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending: BTreeMap<usize, Outcome> = BTreeMap::new();
        let mut want = 0;
        for (i, outcome) in rx {
            pending.insert(i, outcome);
            while let Some(o) = pending.remove(&want) {
                want += 1;
                run.take(o)?;
            }
        }
        Ok(())
    })?;

    let Run {
        sink,
        io_errors,
        fixed,
        fixed_files,
        panicked,
        linted,
    } = run;
    let summary = match sink {
        Sink::Report(w) => w.finish(&opts)?.1,
        Sink::Diff(mut out) => {
            out.flush()?;
            Summary::default()
        }
    };
    let mut notes = std::mem::take(&mut walk_notes);
    match mode {
        FixMode::Diff => notes.push(format!(
            "có thể sửa {fixed} chỗ trong {fixed_files} tệp ({fixed} fixable finding(s) in {fixed_files} file(s))"
        )),
        FixMode::Apply => notes.push(format!(
            "đã sửa {fixed} chỗ trong {fixed_files} tệp (fixed {fixed} finding(s) in {fixed_files} file(s))"
        )),
        FixMode::Off => {}
    }
    if panicked > 0 {
        return Ok(Finished {
            stderr: io_errors,
            notes,
            code: EXIT_PANIC,
        });
    }
    let mut io_errors = io_errors;
    if linted == 0 && io_errors.is_empty() && !args.allow_empty {
        let list: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        io_errors.push(format!(
            "không tìm thấy kế hoạch nào trong {} (no plan found in {}): trong thư mục, kế hoạch là tệp .yaml/.yml có khóa `catalogue:` ở cấp trên cùng; dùng --allow-empty nếu không có kế hoạch là bình thường (in directories, a plan is a .yaml/.yml file with a top-level `catalogue:` key; pass --allow-empty if finding none is expected)",
            list.join(", "),
            list.join(", ")
        ));
    }
    if !io_errors.is_empty() {
        return Ok(Finished {
            stderr: io_errors,
            notes,
            code: super::EXIT_ERROR,
        });
    }
    let fail_level = match (args.fail_on, args.deny.is_empty()) {
        (FailOn::Info, _) => Level::Info,
        (FailOn::Warning, _) | (_, false) => Level::Warning,
        (FailOn::Error, true) => Level::Error,
    };
    let code = if mode == FixMode::Diff {
        u8::from(fixed > 0)
    } else {
        u8::from(summary.at_least(fail_level) > 0)
    };
    Ok(Finished {
        stderr: Vec::new(),
        notes,
        code,
    })
}

/// Where a run's stdout goes: the report, or (`--diff`) the diffs alone.
enum Sink<W: Write> {
    Report(Writer<W>),
    Diff(W),
}

/// The state of a run while the files' outcomes come in, in order.
struct Run<W: Write> {
    sink: Sink<W>,
    io_errors: Vec<String>,
    fixed: usize,
    fixed_files: usize,
    panicked: usize,
    /// Files linted (reported), whatever they contained.
    linted: usize,
}

impl<W: Write> Run<W> {
    fn take(&mut self, outcome: Outcome) -> std::io::Result<()> {
        let done = match outcome {
            Outcome::Skipped => return Ok(()),
            Outcome::Io(e) => {
                self.io_errors.push(e);
                return Ok(());
            }
            Outcome::Done(done) => *done,
        };
        self.linted += 1;
        let Done {
            summary,
            fragment,
            catalogue,
            fixes,
            panicked,
        } = done;
        self.panicked += usize::from(panicked);
        let mut diff = None;
        match fixes {
            Fixes::None => {}
            Fixes::Applied(n) => {
                self.fixed += n;
                self.fixed_files += 1;
            }
            Fixes::Diff(n, d) => {
                self.fixed += n;
                self.fixed_files += 1;
                diff = Some(d);
            }
            Fixes::Refused(e) => self.io_errors.push(e),
        }
        match &mut self.sink {
            Sink::Report(w) => w.add(fragment, &summary, catalogue),
            Sink::Diff(out) => out.write_all(diff.unwrap_or_default().as_bytes()),
        }
    }
}

/// Lint one file inside a panic guard: a panic becomes an internal-error finding for
/// that file, and the run goes on with the others (exit 101 at the end).
fn guarded(path: &Path, format: Format, opts: &Options, f: impl FnOnce() -> Outcome) -> Outcome {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(o) => o,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "(no message)".to_string());
            let mut d = internal_error::finding(&what);
            d.file = path.to_path_buf();
            let report = FileReport {
                file: path.to_path_buf(),
                source: SourceFile::new(path, ""),
                diagnostics: vec![d],
                suppressed: 0,
                parsed: false,
                catalogue: None,
            };
            let mut summary = Summary::default();
            summary.add(&report);
            Outcome::Done(Box::new(Done {
                summary,
                fragment: report::fragment(format, &report, opts),
                catalogue: None,
                fixes: Fixes::None,
                panicked: true,
            }))
        }
    }
}

enum Outcome {
    Skipped,
    Io(String),
    Done(Box<Done>),
}

/// One file's result: counts, rendered findings, the catalogue used, what was fixed.
struct Done {
    summary: Summary,
    fragment: Fragment,
    catalogue: Option<String>,
    fixes: Fixes,
    /// Linting it panicked; the fragment is the internal-error finding.
    panicked: bool,
}

enum Fixes {
    None,
    /// Written; the count of findings fixed.
    Applied(usize),
    /// Not written: the count and the unified diff.
    Diff(usize, String),
    /// Not written, and why (the result would not load: a kehoach bug).
    Refused(String),
}

fn lint_one(
    linter: &Linter,
    cand: &Candidate,
    cfg: &Config,
    format: Format,
    opts: &Options,
    mode: FixMode,
) -> Outcome {
    let mut report: FileReport = match read_source(&cand.path, MAX_PLAN_BYTES) {
        Ok(source) => {
            if !cand.explicit && !discover::looks_like_plan(&source.text) {
                return Outcome::Skipped;
            }
            linter.lint_source(source, cfg)
        }
        Err(LoadError::Invalid { file, diagnostics }) => {
            linter.lint_invalid(file, diagnostics, cfg)
        }
        Err(e) => return Outcome::Io(e.to_string()),
    };
    let mut fixes = Fixes::None;
    if mode != FixMode::Off && report.parsed {
        let old: &str = &report.source.text;
        let (new, n) = fix::apply(old, &report.diagnostics);
        if n > 0 && new != old {
            let path = report.source.path.clone();
            let fixed = SourceFile::new(path.clone(), new.as_str());
            if parse_plan(&fixed).is_err() {
                fixes = Fixes::Refused(format!(
                    "{}: không sửa vì kết quả không đọc được như kế hoạch (fixes not applied: the result would not load as a plan; a kehoach bug, please report it)",
                    path.display()
                ));
            } else if mode == FixMode::Diff {
                fixes = Fixes::Diff(n, unified_diff(&path, old, &new));
            } else {
                if let Err(e) = super::write_atomic(&path, new.as_bytes()) {
                    return Outcome::Io(format!("{e:#}"));
                }
                fixes = Fixes::Applied(n);
                report = linter.lint_source(fixed, cfg);
            }
        }
    }
    let mut s = Summary::default();
    s.add(&report);
    let fragment = report::fragment(format, &report, opts);
    Outcome::Done(Box::new(Done {
        summary: s,
        fragment,
        catalogue: report.catalogue,
        fixes,
        panicked: false,
    }))
}

/// A unified diff of one file, `a/` and `b/` prefixed like git's.
fn unified_diff(path: &Path, old: &str, new: &str) -> String {
    let name = path.strip_prefix(".").unwrap_or(path).display().to_string();
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

/// `--select` and `--ignore` as a final list of level settings.
fn cli_levels(
    args: &LintArgs,
    metas: &[&'static crate::lint::Meta],
) -> anyhow::Result<Option<RuleLevels>> {
    if args.select.is_empty() && args.ignore.is_empty() {
        return Ok(None);
    }
    let mut v: Vec<(String, Setting)> = Vec::new();
    if !args.select.is_empty() {
        v.push(("all".to_string(), Setting::Off));
        for s in &args.select {
            if !metas.iter().any(|m| config::specificity(s, m).is_some()) {
                bail!("--select `{s}` names no rule");
            }
            v.push((s.clone(), Setting::On));
        }
    }
    for s in &args.ignore {
        v.push((s.clone(), Setting::Off));
    }
    Ok(Some(RuleLevels::new(
        v,
        metas,
        Path::new("--select/--ignore"),
    )?))
}

/// The repository root above `dir` (a directory holding `.git`), or `dir` itself.
fn repo_root(dir: &Path) -> PathBuf {
    let mut cur = Some(dir);
    while let Some(d) = cur {
        if d.join(".git").exists() {
            return d.to_path_buf();
        }
        cur = d.parent();
    }
    dir.to_path_buf()
}
