//! One resolution of configuration, catalogue and agency registry for every command:
//! `lint`, `build`, `render` and `score` find a plan's `kehoach.yaml` (or `--config`), the
//! catalogue (`--catalogue`, else a plan-local file the plan's `catalogue:` names, else
//! the configuration's `catalogue:`, else the bundled one the plan pins) and the agency registry (`--agencies`, else the configuration's, else
//! the bundled one) the same way, each file loaded once. So `build` cannot lint against
//! one catalogue and render against another.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::bail;

use crate::lint::CatalogueIndex;
use crate::lint::config::{self, CatalogueRef, Config, RuleLevels};
use crate::lint::rules;
use crate::vn::agency::Registry;

/// What the command line says, overriding the configuration files.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// `--catalogue ID|FILE`.
    pub catalogue: Option<String>,
    /// `--agencies FILE`.
    pub agencies: Option<PathBuf>,
    /// `--replace-agencies`: the registry files replace the bundled registry instead of
    /// extending it.
    pub replace_agencies: bool,
    /// `--config FILE`, instead of the nearest `kehoach.yaml`.
    pub config: Option<PathBuf>,
    /// `--select`/`--ignore`, applied after every configuration.
    pub levels: Option<RuleLevels>,
}

/// Configurations, catalogues and registries, loaded as plans need them.
pub struct Settings {
    cli: Overrides,
    cli_catalogue: Option<CatalogueRef>,
    bundled: Vec<Arc<CatalogueIndex>>,
    /// Directory → the configuration file governing it.
    discovered: HashMap<PathBuf, Option<PathBuf>>,
    configs: HashMap<Option<PathBuf>, Arc<Config>>,
    catalogues: HashMap<CatalogueRef, Arc<CatalogueIndex>>,
    registries: HashMap<PathBuf, Arc<Registry>>,
}

impl Settings {
    /// Settings with these command-line overrides; `cwd` is what a relative
    /// `--catalogue` path is relative to.
    pub fn new(cli: Overrides, cwd: &Path) -> Self {
        let cli_catalogue = cli
            .catalogue
            .as_deref()
            .map(|c| CatalogueRef::parse(c, cwd));
        Settings {
            cli,
            cli_catalogue,
            bundled: vec![Arc::new(CatalogueIndex::new(
                crate::catalogue::embedded().clone(),
            ))],
            discovered: HashMap::new(),
            configs: HashMap::new(),
            catalogues: HashMap::new(),
            registries: HashMap::new(),
        }
    }

    /// The configuration governing a plan file, with the command line's levels last; the
    /// catalogue and registry it names are loaded with it.
    pub fn config_for(&mut self, plan: &Path) -> anyhow::Result<Arc<Config>> {
        let cfg_path = match &self.cli.config {
            Some(p) => Some(p.clone()),
            None => {
                let dir = plan.parent().unwrap_or(Path::new(".")).to_path_buf();
                self.discovered
                    .entry(dir)
                    .or_insert_with_key(|d| config::discover(d))
                    .clone()
            }
        };
        if let Some(cfg) = self.configs.get(&cfg_path) {
            return Ok(cfg.clone());
        }
        let mut loaded = match &cfg_path {
            Some(p) => Config::load(p, &rules::metas())?,
            None => Config::default(),
        };
        loaded.last = self.cli.levels.clone();
        let cfg = Arc::new(loaded);
        self.configs.insert(cfg_path, cfg.clone());
        let wanted: Vec<CatalogueRef> = self
            .cli_catalogue
            .iter()
            .chain(cfg.catalogue.as_ref())
            .cloned()
            .collect();
        for r in wanted {
            if !self.catalogues.contains_key(&r) {
                let c = self.load_catalogue(&r)?;
                self.catalogues.insert(r, c);
            }
        }
        let reg: Vec<PathBuf> = self
            .cli
            .agencies
            .iter()
            .chain(cfg.agencies.as_ref())
            .cloned()
            .collect();
        for p in reg {
            if let std::collections::hash_map::Entry::Vacant(e) = self.registries.entry(p) {
                let r = if self.cli.replace_agencies {
                    Registry::load(e.key())?
                } else {
                    Registry::load_extending(e.key(), Registry::embedded())?
                };
                let r = Arc::new(r);
                e.insert(r);
            }
        }
        Ok(cfg)
    }

    /// The catalogues a plan under `cfg` may be checked against, in order of preference:
    /// the command line's, the configuration's, the bundled ones. A plan is checked
    /// against the first whose id it pins.
    pub fn catalogues_for(&self, cfg: &Config) -> Vec<&CatalogueIndex> {
        self.candidates(cfg)
            .into_iter()
            .map(|c| c.as_ref())
            .collect()
    }

    fn candidates(&self, cfg: &Config) -> Vec<&Arc<CatalogueIndex>> {
        let chosen = self
            .cli_catalogue
            .as_ref()
            .or(cfg.catalogue.as_ref())
            .and_then(|r| self.catalogues.get(r));
        chosen.into_iter().chain(self.bundled.iter()).collect()
    }

    /// The agency registry for plans under `cfg`.
    pub fn registry_for(&self, cfg: &Config) -> &Registry {
        let path = self.cli.agencies.as_ref().or(cfg.agencies.as_ref());
        match path.and_then(|p| self.registries.get(p)) {
            Some(r) => r,
            None => Registry::embedded(),
        }
    }

    /// The catalogue a plan file pinning `pinned` is scored and rendered with: the one lint
    /// checks it against. A `--catalogue` file given on the command line is used whatever
    /// id it has (to try a plan against another methodology).
    pub fn catalogue_for_plan(
        &mut self,
        plan: &Path,
        pinned: &str,
    ) -> anyhow::Result<Arc<CatalogueIndex>> {
        let cfg = self.config_for(plan)?;
        if let Some(r @ CatalogueRef::Path(_)) = &self.cli_catalogue {
            if let Some(c) = self.catalogues.get(r) {
                return Ok(c.clone());
            }
        }
        // A plan-local catalogue (`catalogue: dti-405-2025-tinh.yaml` beside the plan), as
        // the lint engine reads it.
        if let Some(local) = crate::catalogue::plan_local(pinned, plan) {
            let cat = crate::catalogue::load(&local).map_err(|e| {
                let first = e.to_string().lines().next().unwrap_or("").to_string();
                anyhow::anyhow!("{}: {first}", local.display())
            })?;
            return Ok(Arc::new(CatalogueIndex::new(cat)));
        }
        let list = self.candidates(&cfg);
        if let Some(found) = list.iter().find(|c| c.id() == pinned.trim()) {
            return Ok(Arc::clone(found));
        }
        let known: Vec<&str> = list.iter().map(|c| c.id()).collect();
        bail!(
            "{}: kế hoạch chọn bộ chỉ số `{pinned}` nhưng không có bộ chỉ số nào mang mã này (the plan pins catalogue `{pinned}`, known: {}); sửa `catalogue:` trong kế hoạch, hoặc chỉ ra tệp bộ chỉ số bằng --catalogue hay `catalogue:` trong kehoach.yaml (fix the plan's `catalogue:`, or name the catalogue file with --catalogue or in kehoach.yaml)",
            plan.display(),
            known.join(", ")
        )
    }

    fn load_catalogue(&self, r: &CatalogueRef) -> anyhow::Result<Arc<CatalogueIndex>> {
        match r {
            CatalogueRef::Path(p) => {
                let cat = crate::catalogue::load(p).map_err(|e| {
                    let first = e.to_string().lines().next().unwrap_or("").to_string();
                    anyhow::anyhow!("{}: {first}", p.display())
                })?;
                Ok(Arc::new(CatalogueIndex::new(cat)))
            }
            CatalogueRef::Id(id) => match self.bundled.iter().find(|c| c.id() == id) {
                Some(c) => Ok(c.clone()),
                None => bail!(
                    "no bundled catalogue has the id `{id}` (bundled: {})",
                    crate::catalogue::embedded_ids().join(", ")
                ),
            },
        }
    }
}
