//! `kehoach lint [PATHS…]`: lint plans against their catalogue, in parallel.
//!
//! Exit codes: 0 clean, 1 findings at or above `--fail-on`, 2 usage, config, catalogue
//! or I/O error (a file that cannot be read is reported and the others still linted).

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context as _, bail};
use clap::ValueEnum;
use globset::{Glob, GlobSetBuilder};
use rayon::prelude::*;

use crate::diagnostic::{Lang, Level};
use crate::lint::config::{self, CatalogueRef, Config, RuleLevels, Setting};
use crate::lint::discover::{self, Candidate};
use crate::lint::report::{self, Format, Fragment, Options, Summary};
use crate::lint::{CatalogueIndex, FileReport, Linter, fix, rules};
use crate::plan::load::{LoadError, MAX_PLAN_BYTES, parse_plan, read_source};
use crate::source::SourceFile;
use crate::vn::agency::Registry;

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
    /// Agency registry file: its agencies are added to the bundled registry (one with a
    /// bundled id replaces that agency), as are those of a configuration's `agencies:`.
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

pub fn run(args: LintArgs) -> anyhow::Result<ExitCode> {
    let out = execute(args)?;
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.stdout.as_bytes())?;
    stdout.flush()?;
    for n in &out.notes {
        eprintln!("{n}");
    }
    for e in &out.stderr {
        eprintln!("lỗi (error): {e}");
    }
    Ok(ExitCode::from(out.code))
}

/// Run `kehoach lint` and return its output.
pub fn execute(args: LintArgs) -> anyhow::Result<Output> {
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
    let candidates = discover::candidates(&paths, &exclude)?;

    // Configuration per file (nearest kehoach.yaml, or --config for all).
    let mut configs: HashMap<Option<PathBuf>, Arc<Config>> = HashMap::new();
    let mut jobs: Vec<(Candidate, Arc<Config>)> = Vec::new();
    let mut discovered: HashMap<PathBuf, Option<PathBuf>> = HashMap::new();
    for c in candidates {
        let cfg_path = match &args.config {
            Some(p) => Some(p.clone()),
            None => {
                let dir = c.path.parent().unwrap_or(Path::new(".")).to_path_buf();
                discovered
                    .entry(dir)
                    .or_insert_with_key(|d| config::discover(d))
                    .clone()
            }
        };
        let cfg = match configs.get(&cfg_path) {
            Some(cfg) => cfg.clone(),
            None => {
                let mut loaded = match &cfg_path {
                    Some(p) => Config::load(p, &metas)?,
                    None => Config::default(),
                };
                loaded.last = cli_levels.clone();
                let cfg = Arc::new(loaded);
                configs.insert(cfg_path, cfg.clone());
                cfg
            }
        };
        if !cfg.excludes(&c.path) {
            jobs.push((c, cfg));
        }
    }

    // Catalogues: --catalogue, else each configuration's, plus the bundled ones.
    let cwd = std::env::current_dir().unwrap_or_default();
    let cli_cat = args
        .catalogue
        .as_deref()
        .map(|c| CatalogueRef::parse(c, &cwd));
    let mut cats: HashMap<CatalogueRef, Arc<CatalogueIndex>> = HashMap::new();
    let mut wanted: Vec<CatalogueRef> = Vec::new();
    if let Some(c) = &cli_cat {
        wanted.push(c.clone());
    }
    for cfg in configs.values() {
        if let Some(c) = &cfg.catalogue {
            wanted.push(c.clone());
        }
    }
    let bundled: Vec<Arc<CatalogueIndex>> = bundled_catalogues();
    for r in wanted {
        if let std::collections::hash_map::Entry::Vacant(e) = cats.entry(r.clone()) {
            e.insert(load_catalogue(&r, &bundled)?);
        }
    }

    // Agency registries: --agencies, else each configuration's, each on top of the bundled
    // one (instead of it with --replace-agencies); else the bundled one.
    let mut registries: HashMap<PathBuf, Arc<Registry>> = HashMap::new();
    let mut reg_paths: Vec<PathBuf> = args.agencies.iter().cloned().collect();
    reg_paths.extend(configs.values().filter_map(|c| c.agencies.clone()));
    for p in reg_paths {
        if let std::collections::hash_map::Entry::Vacant(e) = registries.entry(p.clone()) {
            let reg = if args.replace_agencies {
                Registry::load(&p)?
            } else {
                Registry::load_extending(&p, Registry::embedded())?
            };
            e.insert(Arc::new(reg));
        }
    }

    let lang: Lang = args.lang.into();
    let color = match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let mut opts = Options {
        lang,
        color,
        width: 100,
        root: repo_root(&cwd),
        catalogues: Vec::new(),
    };

    let results: Vec<Outcome> = jobs
        .par_iter()
        .map(|(cand, cfg)| {
            let chosen = cli_cat
                .as_ref()
                .or(cfg.catalogue.as_ref())
                .and_then(|r| cats.get(r));
            let mut list: Vec<&CatalogueIndex> = chosen.map(|c| c.as_ref()).into_iter().collect();
            list.extend(bundled.iter().map(|c| c.as_ref()));
            let reg_path = args.agencies.as_ref().or(cfg.agencies.as_ref());
            let registry: &Registry = match reg_path.and_then(|p| registries.get(p)) {
                Some(r) => r,
                None => Registry::embedded(),
            };
            let linter = Linter::new(list).with_agencies(registry);
            lint_one(&linter, cand, cfg, format, &opts, mode)
        })
        .collect();

    let mut summary = Summary::default();
    let mut parts = Vec::with_capacity(results.len());
    let mut io_errors = Vec::new();
    let mut diffs = String::new();
    let (mut fixed, mut fixed_files) = (0, 0);
    for r in results {
        match r {
            Outcome::Skipped => {}
            Outcome::Io(e) => io_errors.push(e),
            Outcome::Done(done) => {
                let Done {
                    summary: s,
                    fragment: f,
                    catalogue: cat,
                    fixes,
                } = *done;
                if let Some(id) = cat.filter(|id| !opts.catalogues.contains(id)) {
                    opts.catalogues.push(id);
                }
                summary.files += s.files;
                summary.errors += s.errors;
                summary.warnings += s.warnings;
                summary.infos += s.infos;
                summary.suppressed += s.suppressed;
                parts.push(f);
                match fixes {
                    Fixes::None => {}
                    Fixes::Applied(n) => {
                        fixed += n;
                        fixed_files += 1;
                    }
                    Fixes::Diff(n, d) => {
                        fixed += n;
                        fixed_files += 1;
                        diffs.push_str(&d);
                    }
                    Fixes::Refused(e) => io_errors.push(e),
                }
            }
        }
    }
    opts.catalogues.sort();
    let mut notes = Vec::new();
    let stdout = if mode == FixMode::Diff {
        notes.push(format!(
            "có thể sửa {fixed} chỗ trong {fixed_files} tệp ({fixed} fixable finding(s) in {fixed_files} file(s))"
        ));
        diffs
    } else {
        if mode == FixMode::Apply {
            notes.push(format!(
                "đã sửa {fixed} chỗ trong {fixed_files} tệp (fixed {fixed} finding(s) in {fixed_files} file(s))"
            ));
        }
        report::finish(format, parts, &summary, &opts)
    };
    if !io_errors.is_empty() {
        return Ok(Output {
            stdout,
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
    Ok(Output {
        stdout,
        stderr: Vec::new(),
        notes,
        code,
    })
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

/// Load a catalogue named by id (among the bundled ones) or path (validated).
fn load_catalogue(
    r: &CatalogueRef,
    bundled: &[Arc<CatalogueIndex>],
) -> anyhow::Result<Arc<CatalogueIndex>> {
    match r {
        CatalogueRef::Path(p) => {
            let cat = crate::catalogue::load(p)
                .map_err(|e| anyhow::anyhow!("{}: {}", p.display(), first_line(&e.to_string())))?;
            Ok(Arc::new(CatalogueIndex::new(cat)))
        }
        CatalogueRef::Id(id) => match bundled.iter().find(|c| c.id() == id) {
            Some(c) => Ok(c.clone()),
            None => bail!(
                "no bundled catalogue has the id `{id}` (bundled: {})",
                crate::catalogue::embedded_ids().join(", ")
            ),
        },
    }
}

/// The catalogues bundled with kehoach.
fn bundled_catalogues() -> Vec<Arc<CatalogueIndex>> {
    vec![Arc::new(CatalogueIndex::new(
        crate::catalogue::embedded().clone(),
    ))]
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").to_string()
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
