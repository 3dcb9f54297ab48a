//! Integration tests, compiled as one binary: every test file here is a module, so the
//! typst-heavy library is linked once instead of once per file (disk and link time on CI).

// Tests say on stderr what they skipped.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod catalogue;
mod catalogue_data;
mod catalogue_table;
mod docx;
mod draft;
mod export;
mod lint_admin;
mod lint_audit;
mod lint_batch;
mod lint_cli;
mod lint_fix;
mod lint_plans;
mod lint_rules;
mod loader;
mod module_graph;
mod plan_ca_mau_2023;
mod plan_gia_lai_2023;
mod plan_helpers;
mod plan_tien_giang_2023;
mod plan_tien_giang_2024;
mod plan_tuyen_quang_2022;
mod plans_load;
mod reliability;
mod render;
mod render_cli;
mod render_fidelity;
mod render_outline;
mod render_plans;
mod schema;
mod score;
mod scratch;
mod vn;
mod watch;
mod yaml_fast;
