//! The templates: Tera templates that emit Typst, and the Typst layout library they
//! import. All are embedded in the binary; a directory given with `--templates` overrides
//! any of them by file name, so a province can change its look without rebuilding.

use std::path::Path;

use tera::Tera;

use super::{RenderError, filters};

/// The Typst layout library (served to Typst as `/nd30.typ`, not run through Tera).
pub const LIBRARY: &str = "nd30.typ";
/// The main document template.
pub const MAIN: &str = "plan.typ.tera";

/// Every embedded template: (file name, text).
pub const EMBEDDED: &[(&str, &str)] = &[
    (LIBRARY, include_str!("../../templates/nd30.typ")),
    (MAIN, include_str!("../../templates/plan.typ.tera")),
    (
        "appendix-assignment.typ.tera",
        include_str!("../../templates/appendix-assignment.typ.tera"),
    ),
    (
        "appendix-budget.typ.tera",
        include_str!("../../templates/appendix-budget.typ.tera"),
    ),
    (
        "appendix-baseline.typ.tera",
        include_str!("../../templates/appendix-baseline.typ.tera"),
    ),
];

/// The template set of one render: Tera templates and Typst library files.
#[derive(Debug)]
pub struct Templates {
    pub tera: Tera,
    /// Typst files served to the compiler: (virtual path, text).
    pub typst_files: Vec<(String, String)>,
}

impl Templates {
    /// The embedded templates, each replaced by `dir/<name>` when that file exists.
    pub fn load(dir: Option<&Path>) -> Result<Templates, RenderError> {
        let mut tera = Tera::default();
        filters::register(&mut tera);
        deny_host_access(&mut tera);
        let mut typst_files = Vec::new();
        let mut tera_sources = Vec::new();
        for (name, text) in EMBEDDED {
            let text = match dir.map(|d| d.join(name)).filter(|p| p.is_file()) {
                Some(path) => crate::yaml::read_text_bounded(&path, crate::yaml::MAX_YAML_BYTES)
                    .map_err(|source| RenderError::Io { path, source })?,
                None => (*text).to_string(),
            };
            if name.ends_with(".tera") {
                tera_sources.push((*name, text));
            } else {
                typst_files.push((format!("/{name}"), text));
            }
        }
        tera.add_raw_templates(tera_sources)
            .map_err(|e| RenderError::Template(error_chain(&e)))?;
        Ok(Templates { tera, typst_files })
    }
}

/// A Tera error with its causes (Tera puts the useful part, with the line, in a source).
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut msg = e.to_string();
    let mut cur = e.source();
    while let Some(s) = cur {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        cur = s.source();
    }
    msg
}

/// Tera's functions that reach outside the plan — `get_env` (any environment variable,
/// such as a CI token, printed into the PDF), `now` and `get_random` (output that changes
/// from run to run) — are replaced by functions that fail with a clear message, whatever
/// features Tera was built with. A template sees the plan and nothing else.
fn deny_host_access(tera: &mut Tera) {
    for name in ["get_env", "now", "get_random"] {
        tera.register_function(
            name,
            move |_: &std::collections::HashMap<String, tera::Value>| -> tera::Result<tera::Value> {
                Err(tera::Error::msg(format!(
                    "mẫu không được dùng `{name}` (templates have no access to the environment, \
                     the clock or randomness: `{name}` is disabled)"
                )))
            },
        );
    }
}
