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
    if source.text.len() as u64 > MAX_PLAN_BYTES {
        return Err(vec![
            too_large(source.text.len() as u64, MAX_PLAN_BYTES).with_file(&source.path),
        ]);
    }
    // The fast path reads the YAML plans are usually written in; anything else, and every
    // error, goes through serde-saphyr (see `crate::yaml`).
    if let Some(plan) = crate::yaml::from_str::<Plan>(&source.text) {
        return Ok(plan);
    }
    match crate::yaml::from_str_saphyr::<Plan>(&source.text) {
        Ok(plan) => Ok(plan),
        Err(err) => Err(super::check::diagnose(source, &err)),
    }
}
