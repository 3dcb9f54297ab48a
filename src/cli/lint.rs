//! `kehoach lint` (not yet built).

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct LintArgs {}

pub fn run(_args: LintArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`kehoach lint` is not built yet")
}
