//! `kehoach schema`: print the plan JSON Schema (generated from the Rust types), so
//! editors complete and check plan files (`# yaml-language-server: $schema=…`).

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct SchemaArgs {}

pub fn run(_args: SchemaArgs) -> anyhow::Result<ExitCode> {
    let text = kehoach_schema_text()?;
    super::write::to_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// The schema as pretty JSON with a trailing newline (the text of `plans/plan.schema.json`).
pub fn kehoach_schema_text() -> anyhow::Result<String> {
    let mut s = serde_json::to_string_pretty(crate::plan::check::plan_schema())?;
    s.push('\n');
    Ok(s)
}
