//! `kehoach.yaml`: rule levels by code, name or prefix, per-path overrides by glob, files
//! to exclude, and the catalogue and agency registry to use.
//!
//! ```yaml
//! catalogue: dti-922-2022          # an id, or a path to a catalogue file
//! agencies: lints/agencies.yaml
//! rules:
//!   KH2: warning                   # a prefix: every coverage rule
//!   missing-lead: error            # a name
//!   KH404: off                     # a code
//! overrides:
//!   - files: ["drafts/**"]
//!     rules: { KH101: off }
//! exclude: ["archive/**"]
//! ```
//!
//! The nearest `kehoach.yaml` walking up from a plan's directory is used; the walk stops
//! at the repository root (a directory holding `.git`).

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use indexmap::IndexMap;
use serde::Deserialize;

use crate::diagnostic::Level;

use super::rule::Meta;

/// The name of the configuration file.
pub const FILE_NAME: &str = "kehoach.yaml";

/// A level as configured: a diagnostic level, or `off`.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Setting {
    Error,
    #[serde(alias = "warn")]
    Warning,
    Info,
    Off,
    /// On at the level it had (its default when it was off).
    On,
}

impl Setting {
    /// The level this setting sets; `None` for `off` (and for `on`, which keeps the
    /// level a rule already has; see [`RuleLevels::apply`]).
    pub fn level(self) -> Option<Level> {
        match self {
            Setting::Error => Some(Level::Error),
            Setting::Warning => Some(Level::Warning),
            Setting::Info => Some(Level::Info),
            Setting::Off | Setting::On => None,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    catalogue: Option<String>,
    #[serde(default)]
    agencies: Option<String>,
    #[serde(default)]
    rules: IndexMap<String, Setting>,
    #[serde(default)]
    overrides: Vec<RawOverride>,
    #[serde(default)]
    exclude: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    files: Vec<String>,
    #[serde(default)]
    rules: IndexMap<String, Setting>,
}

/// A problem with a configuration file.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error(
        "{path}: `{selector}` names no rule (use a code such as KH201, a name such as uncovered-indicator, or a prefix such as KH2)"
    )]
    Selector { path: PathBuf, selector: String },
    #[error("{path}: bad glob `{glob}`: {message}")]
    Glob {
        path: PathBuf,
        glob: String,
        message: String,
    },
}

/// Where the catalogue comes from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CatalogueRef {
    /// A catalogue id, resolved among the bundled catalogues.
    Id(String),
    /// A catalogue file.
    Path(PathBuf),
}

impl CatalogueRef {
    /// Read a value as written in a config or on the command line: a path when it looks
    /// like one (a `/` or a `.yaml`/`.yml` ending), an id otherwise.
    pub fn parse(value: &str, base: &Path) -> CatalogueRef {
        let v = value.trim();
        if v.contains('/') || v.ends_with(".yaml") || v.ends_with(".yml") {
            CatalogueRef::Path(base.join(v))
        } else {
            CatalogueRef::Id(v.to_string())
        }
    }
}

/// An ordered list of level settings, each selecting rules by code, name or prefix.
#[derive(Clone, Debug, Default)]
pub struct RuleLevels(Vec<(String, Setting)>);

impl RuleLevels {
    /// Check every selector against the registry.
    pub fn new(
        entries: impl IntoIterator<Item = (String, Setting)>,
        rules: &[&'static Meta],
        path: &Path,
    ) -> Result<Self, ConfigError> {
        let v: Vec<(String, Setting)> = entries.into_iter().collect();
        for (sel, _) in &v {
            if !rules.iter().any(|m| specificity(sel, m).is_some()) {
                return Err(ConfigError::Selector {
                    path: path.to_path_buf(),
                    selector: sel.clone(),
                });
            }
        }
        Ok(RuleLevels(v))
    }

    /// Apply to a rule's current level: the most specific matching selector wins (a code
    /// or name over a longer prefix over a shorter one); among equals, the last.
    pub fn apply(&self, meta: &Meta, current: Option<Level>) -> Option<Level> {
        let mut best: Option<(usize, Setting)> = None;
        for (sel, setting) in &self.0 {
            if let Some(s) = specificity(sel, meta) {
                if best.is_none_or(|(b, _)| s >= b) {
                    best = Some((s, *setting));
                }
            }
        }
        match best {
            Some((_, Setting::On)) => current.or(Some(meta.level)),
            Some((_, s)) => s.level(),
            None => current,
        }
    }
}

/// How specifically a selector names a rule: `None` when it does not name it.
pub fn specificity(selector: &str, meta: &Meta) -> Option<usize> {
    let s = selector.trim();
    if s.eq_ignore_ascii_case(meta.code) || s == meta.name {
        return Some(100);
    }
    if s.len() >= 2 && meta.code.len() > s.len() && meta.code[..s.len()].eq_ignore_ascii_case(s) {
        return Some(s.len());
    }
    if s.eq_ignore_ascii_case("all") {
        return Some(0);
    }
    None
}

/// A per-path override.
#[derive(Debug)]
pub struct Override {
    globs: GlobSet,
    pub levels: RuleLevels,
}

/// A loaded configuration.
#[derive(Debug, Default)]
pub struct Config {
    /// The file it was read from (none for the built-in defaults).
    pub path: Option<PathBuf>,
    /// Directory that globs and relative paths are relative to.
    pub base: PathBuf,
    pub catalogue: Option<CatalogueRef>,
    pub agencies: Option<PathBuf>,
    pub levels: RuleLevels,
    pub overrides: Vec<Override>,
    exclude: Option<GlobSet>,
    /// Settings applied after everything else (the command line's `--select`/`--ignore`).
    pub last: Option<RuleLevels>,
}

impl Config {
    /// Read and check a configuration file.
    pub fn load(path: &Path, rules: &[&'static Meta]) -> Result<Config, ConfigError> {
        let text = crate::yaml::read_text_bounded(path, crate::yaml::MAX_YAML_BYTES).map_err(
            |source| ConfigError::Io {
                path: path.to_path_buf(),
                source,
            },
        )?;
        Config::parse(&text, path, rules)
    }

    /// Parse configuration text read from `path`.
    pub fn parse(text: &str, path: &Path, rules: &[&'static Meta]) -> Result<Config, ConfigError> {
        let raw: RawConfig = if text.trim().is_empty() {
            RawConfig::default()
        } else {
            serde_saphyr::from_str(text).map_err(|e| ConfigError::Parse {
                path: path.to_path_buf(),
                message: e.to_string().lines().next().unwrap_or("").to_string(),
            })?
        };
        let base = absolute(path.parent().unwrap_or(Path::new(".")));
        let mut overrides = Vec::new();
        for o in raw.overrides {
            overrides.push(Override {
                globs: globs(&o.files, path)?,
                levels: RuleLevels::new(o.rules, rules, path)?,
            });
        }
        Ok(Config {
            path: Some(path.to_path_buf()),
            catalogue: raw.catalogue.map(|c| CatalogueRef::parse(&c, &base)),
            agencies: raw.agencies.map(|a| base.join(a)),
            levels: RuleLevels::new(raw.rules, rules, path)?,
            exclude: if raw.exclude.is_empty() {
                None
            } else {
                Some(globs(&raw.exclude, path)?)
            },
            overrides,
            base,
            last: None,
        })
    }

    /// The level of a rule for a file, `None` when the rule is off there.
    pub fn level_for(&self, meta: &Meta, file: &Path) -> Option<Level> {
        self.levels_for(std::iter::once(meta), file)[0]
    }

    /// [`Config::level_for`] of each rule, the file's path matched against the overrides
    /// once (not once per rule).
    pub fn levels_for<'m>(
        &self,
        metas: impl IntoIterator<Item = &'m Meta>,
        file: &Path,
    ) -> Vec<Option<Level>> {
        let matching: Vec<&Override> = if self.overrides.is_empty() {
            Vec::new()
        } else {
            let rel = self.relative(file);
            self.overrides
                .iter()
                .filter(|o| o.globs.is_match(&rel))
                .collect()
        };
        metas
            .into_iter()
            .map(|meta| {
                let mut level = self.levels.apply(meta, Some(meta.level));
                for o in &matching {
                    level = o.levels.apply(meta, level);
                }
                match &self.last {
                    Some(last) => last.apply(meta, level),
                    None => level,
                }
            })
            .collect()
    }

    /// Whether the configuration excludes a file.
    pub fn excludes(&self, file: &Path) -> bool {
        self.exclude
            .as_ref()
            .is_some_and(|g| g.is_match(self.relative(file)))
    }

    fn relative(&self, file: &Path) -> PathBuf {
        let abs = absolute(file);
        abs.strip_prefix(&self.base)
            .map(Path::to_path_buf)
            .unwrap_or(abs)
    }
}

fn globs(patterns: &[String], path: &Path) -> Result<GlobSet, ConfigError> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        let g = Glob::new(p).map_err(|e| ConfigError::Glob {
            path: path.to_path_buf(),
            glob: p.clone(),
            message: e.kind().to_string(),
        })?;
        b.add(g);
    }
    b.build().map_err(|e| ConfigError::Glob {
        path: path.to_path_buf(),
        glob: patterns.join(", "),
        message: e.to_string(),
    })
}

/// An absolute form of a path without touching the file system more than needed.
pub fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// The nearest `kehoach.yaml` walking up from `dir`, stopping at the repository root.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    let mut cur = Some(absolute(dir));
    while let Some(d) = cur {
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if d.join(".git").exists() {
            return None;
        }
        cur = d.parent().map(Path::to_path_buf);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules;

    fn meta(code: &str) -> &'static Meta {
        &rules::get(code).unwrap().meta
    }

    #[test]
    fn the_most_specific_selector_wins() {
        let cfg = Config::parse(
            "rules:\n  KH201: info\n  KH2: off\n  missing-lead: warning\n  KH3: error\n",
            Path::new("/p/kehoach.yaml"),
            &rules::metas(),
        )
        .unwrap();
        let f = Path::new("/p/plans/a.yaml");
        assert_eq!(cfg.level_for(meta("KH201"), f), Some(Level::Info));
        assert_eq!(cfg.level_for(meta("KH202"), f), None);
        assert_eq!(cfg.level_for(meta("KH301"), f), Some(Level::Warning));
        assert_eq!(cfg.level_for(meta("KH303"), f), Some(Level::Error));
        assert_eq!(cfg.level_for(meta("KH101"), f), Some(Level::Error));
    }

    #[test]
    fn overrides_apply_by_glob_relative_to_the_config() {
        let cfg = Config::parse(
            "overrides:\n  - files: [\"drafts/**\"]\n    rules: {KH1: off}\nexclude: [\"old/**\"]\n",
            Path::new("/p/kehoach.yaml"),
            &rules::metas(),
        )
        .unwrap();
        assert_eq!(
            cfg.level_for(meta("KH101"), Path::new("/p/drafts/x.yaml")),
            None
        );
        assert_eq!(
            cfg.level_for(meta("KH101"), Path::new("/p/plans/x.yaml")),
            Some(Level::Error)
        );
        assert!(cfg.excludes(Path::new("/p/old/x.yaml")));
        assert!(!cfg.excludes(Path::new("/p/plans/x.yaml")));
    }

    #[test]
    fn unknown_selectors_and_keys_are_errors() {
        let m = rules::metas();
        let p = Path::new("/p/kehoach.yaml");
        assert!(matches!(
            Config::parse("rules: {KH999: off}\n", p, &m),
            Err(ConfigError::Selector { .. })
        ));
        assert!(matches!(
            Config::parse("rule: {KH201: off}\n", p, &m),
            Err(ConfigError::Parse { .. })
        ));
        assert!(matches!(
            Config::parse("rules: {KH201: loud}\n", p, &m),
            Err(ConfigError::Parse { .. })
        ));
    }
}
