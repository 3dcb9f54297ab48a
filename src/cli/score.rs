//! `kehoach score` (not yet built).

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ScoreArgs {}

pub fn run(_args: ScoreArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`kehoach score` is not built yet")
}
