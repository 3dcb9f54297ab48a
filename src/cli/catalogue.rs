//! `kehoach catalogue` (not yet built).

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct CatalogueArgs {}

pub fn run(_args: CatalogueArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`kehoach catalogue` is not built yet")
}
