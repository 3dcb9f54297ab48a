//! Loading a plan file: budgets first, then a typed parse with spans; on failure, every
//! problem is collected as a located [`Diagnostic`] (see `check.rs`).

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::plan::Plan;
use crate::source::SourceFile;
pub use crate::yaml::read::too_large;
pub use crate::yaml::{LoadError, codes, read_source};

/// Largest plan file read (bytes). The largest real plan is about 200 KB.
pub const MAX_PLAN_BYTES: u64 = crate::yaml::MAX_YAML_BYTES;

/// A plan together with the source it came from.
#[derive(Clone, Debug)]
pub struct LoadedPlan {
    pub source: SourceFile,
    pub plan: Plan,
}

/// Read and parse a plan file.
pub fn load_plan(path: &Path) -> Result<LoadedPlan, LoadError> {
    let source = read_source(path, MAX_PLAN_BYTES)?;
    match parse_plan(&source) {
        Ok(plan) => Ok(LoadedPlan { source, plan }),
        Err(diagnostics) => Err(LoadError::Invalid {
            file: source,
            diagnostics,
        }),
    }
}

/// Parse plan text. On failure, returns every problem found, each located.
pub fn parse_plan(source: &SourceFile) -> Result<Plan, Vec<Diagnostic>> {
    parse_plan_with_tree(source).map(|(plan, _)| plan)
}

/// Parse plan text, and keep the fast reader's YAML tree when the plan came from it
/// (lint reads spans from that tree instead of parsing the file again). The tree is
/// `None` when serde-saphyr read the plan.
pub fn parse_plan_with_tree(
    source: &SourceFile,
) -> Result<(Plan, Option<crate::yaml::tree::Node<'_>>), Vec<Diagnostic>> {
    if source.text.len() as u64 > MAX_PLAN_BYTES {
        return Err(vec![
            too_large(source.text.len() as u64, MAX_PLAN_BYTES).with_file(&source.path),
        ]);
    }
    // The fast path reads the YAML plans are usually written in; anything else, and every
    // error, goes through serde-saphyr (see `crate::yaml`).
    if let Ok(tree) = crate::yaml::tree::parse(&source.text) {
        if let Ok(plan) = <Plan as serde::Deserialize>::deserialize(&tree) {
            return Ok((plan, Some(tree)));
        }
    }
    match crate::yaml::from_str_saphyr::<Plan>(&source.text) {
        Ok(plan) => Ok((plan, None)),
        Err(err) => Err(super::check::diagnose(source, &err)),
    }
}
