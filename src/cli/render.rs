//! `kehoach render` (not yet built).

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct RenderArgs {}

pub fn run(_args: RenderArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`kehoach render` is not built yet")
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {}

pub fn build(_args: BuildArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`kehoach build` is not built yet")
}
