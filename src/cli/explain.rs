//! `kehoach explain` (not yet built).

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {}

pub fn run(_args: ExplainArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`kehoach explain` is not built yet")
}
