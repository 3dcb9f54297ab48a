//! Running the rules on one file: load, check, set levels from the configuration, apply
//! inline suppressions, report unused ones, sort.

use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, Level};
use crate::plan::Plan;
use crate::plan::load::parse_plan_with_tree;
use crate::source::SourceFile;
use crate::vn::agency::Registry;

use super::catindex::CatalogueIndex;
use super::config::Config;
use super::context::Context;
use super::rules::{self, unused_suppression};
use super::suppress;

/// The findings for one file.
#[derive(Debug)]
pub struct FileReport {
    pub file: PathBuf,
    pub source: SourceFile,
    /// Sorted by position, then code.
    pub diagnostics: Vec<Diagnostic>,
    /// Findings silenced by inline suppressions.
    pub suppressed: usize,
    /// Whether the file parsed as a plan.
    pub parsed: bool,
    /// Id of the catalogue the plan was checked against, when it pinned a known one.
    pub catalogue: Option<String>,
}

/// Lints plans against the catalogues it was given.
pub struct Linter<'a> {
    catalogues: Vec<&'a CatalogueIndex>,
    ids: Vec<String>,
    agencies: Option<&'a Registry>,
}

impl<'a> Linter<'a> {
    /// A linter that knows these catalogues; a plan is checked against the one whose id
    /// it pins.
    pub fn new(catalogues: Vec<&'a CatalogueIndex>) -> Self {
        let ids = catalogues.iter().map(|c| c.id().to_string()).collect();
        Linter {
            catalogues,
            ids,
            agencies: None,
        }
    }

    /// Check agency names against this registry.
    pub fn with_agencies(mut self, agencies: &'a Registry) -> Self {
        self.agencies = Some(agencies);
        self
    }

    /// The catalogue a plan pins, if this linter has it.
    pub fn catalogue_for(&self, id: &str) -> Option<&'a CatalogueIndex> {
        self.catalogues
            .iter()
            .copied()
            .find(|c| c.id() == id.trim())
    }

    /// Lint one source file under a configuration.
    pub fn lint_source(&self, source: SourceFile, config: &Config) -> FileReport {
        self.finish(source, None, config)
    }

    /// Report a file the loader refused before parsing (too large, not UTF-8), with the
    /// configured levels and suppressions applied.
    pub fn lint_invalid(
        &self,
        source: SourceFile,
        diagnostics: Vec<Diagnostic>,
        config: &Config,
    ) -> FileReport {
        self.finish(source, Some(diagnostics), config)
    }

    fn finish(
        &self,
        source: SourceFile,
        refused: Option<Vec<Diagnostic>>,
        config: &Config,
    ) -> FileReport {
        let levels = config.levels_for(rules::all().iter().map(|r| &r.meta), &source.path);
        let level_of =
            |code: &str| -> Option<Level> { rules::position(code).and_then(|i| levels[i]) };
        let mut catalogue = None;
        let (mut found, parsed) = match refused {
            Some(diags) => (diags, false),
            None => match parse_plan_with_tree(&source) {
                Ok((plan, tree)) => {
                    // A plan-local catalogue (`catalogue: dti-405-2025-tinh.yaml`, beside
                    // the plan) is read for this file.
                    let local = crate::catalogue::plan_local(&plan.catalogue.value, &source.path)
                        .and_then(|p| crate::catalogue::load(&p).ok())
                        .map(CatalogueIndex::new);
                    let cat = local
                        .as_ref()
                        .or_else(|| self.catalogue_for(&plan.catalogue.value));
                    catalogue = cat.map(|c| c.id().to_string());
                    (self.run_rules(&plan, tree, &source, &levels, cat), true)
                }
                Err(diags) => (diags, false),
            },
        };
        let (mut sups, bad) = suppress::parse(&source);
        found.extend(bad);
        let mut kept = Vec::with_capacity(found.len());
        let mut suppressed = 0;
        for mut d in found {
            let Some(level) = level_of(d.code) else {
                continue;
            };
            d.level = level;
            d.file = source.path.clone();
            // Every covering suppression is marked used, not just the first.
            let mut hit = false;
            if d.code != super::rules::bad_suppression::RULE.meta.code {
                for s in sups.iter_mut() {
                    hit |= s.covers(&d);
                }
            }
            if hit {
                suppressed += 1;
                continue;
            }
            kept.push(d);
        }
        if parsed {
            if let Some(level) = level_of(unused_suppression::RULE.meta.code) {
                for s in &sups {
                    for sel in s.selectors.iter().filter(|x| !x.used) {
                        let enabled = rules::all().iter().enumerate().any(|(i, r)| {
                            levels[i].is_some()
                                && suppress::selects(
                                    suppress::split_selector(&sel.text).0,
                                    r.meta.code,
                                    r.meta.name,
                                )
                        });
                        if enabled {
                            let mut d = unused_suppression::finding(s.span, &sel.text);
                            d.level = level;
                            d.file = source.path.clone();
                            kept.push(d);
                        }
                    }
                }
            }
        }
        kept.sort_by(|a, b| {
            (a.span.line, a.span.column, a.code, &a.path).cmp(&(
                b.span.line,
                b.span.column,
                b.code,
                &b.path,
            ))
        });
        kept.dedup();
        FileReport {
            file: source.path.clone(),
            source,
            diagnostics: kept,
            suppressed,
            parsed,
            catalogue,
        }
    }

    fn run_rules(
        &self,
        plan: &Plan,
        tree: Option<crate::yaml::tree::Node<'_>>,
        source: &SourceFile,
        levels: &[Option<Level>],
        cat: Option<&CatalogueIndex>,
    ) -> Vec<Diagnostic> {
        // "nt" / "như trên" cells read as the row above, for every rule.
        let plan = &*crate::lint::ditto::resolve(plan);
        let cx = Context::new(plan, source, cat)
            .with_known_catalogues(&self.ids)
            .with_agencies(self.agencies)
            .with_tree(tree);
        let mut out = Vec::new();
        for (rule, level) in rules::all().iter().zip(levels) {
            if level.is_some() {
                rule.check(&cx, &mut out);
            }
        }
        out
    }
}

/// Lint plan text against one catalogue with the default configuration (tests, tools).
pub fn lint_text(path: &str, text: &str, catalogue: &CatalogueIndex) -> Vec<Diagnostic> {
    let linter = Linter::new(vec![catalogue]);
    linter
        .lint_source(SourceFile::new(path, text), &Config::default())
        .diagnostics
}
