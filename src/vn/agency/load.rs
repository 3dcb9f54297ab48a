//! Reading and checking a registry file; the embedded registry.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::Deserialize;

use super::{Agency, Registry, Spelling, normalise_key, spellings};
use crate::diagnostic::Text;

/// The registry bundled with kehoach.
const EMBEDDED: &str = include_str!("../../../lints/agencies.yaml");

/// Largest registry file read (bytes).
pub const MAX_REGISTRY_BYTES: u64 = 4 * 1024 * 1024;

/// A registry that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum AgencyError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: the file is {size} bytes, more than the {max} allowed")]
    TooLarge { path: PathBuf, size: u64, max: u64 },
    #[error("{path}:{line}:{column}: {message}")]
    Yaml {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: {} problem(s): {}", .problems.len(), .problems.iter().map(|p| p.en.as_str()).collect::<Vec<_>>().join("; "))]
    Invalid { path: PathBuf, problems: Vec<Text> },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegistryFile {
    agencies: Vec<Agency>,
}

impl Registry {
    /// The registry bundled with kehoach (`lints/agencies.yaml`), parsed once.
    pub fn embedded() -> &'static Registry {
        static EMBEDDED_REGISTRY: OnceLock<Registry> = OnceLock::new();
        EMBEDDED_REGISTRY.get_or_init(|| {
            Registry::parse_named(EMBEDDED, Path::new("lints/agencies.yaml"))
                // The file is part of the source tree and checked by a unit test.
                .expect("the embedded lints/agencies.yaml is valid")
        })
    }

    /// Read a registry file (a province's own).
    pub fn load(path: &Path) -> Result<Registry, AgencyError> {
        let io = |source| AgencyError::Io {
            path: path.to_path_buf(),
            source,
        };
        let size = std::fs::metadata(path).map_err(io)?.len();
        if size > MAX_REGISTRY_BYTES {
            return Err(AgencyError::TooLarge {
                path: path.to_path_buf(),
                size,
                max: MAX_REGISTRY_BYTES,
            });
        }
        let text = crate::yaml::read_text_bounded(path, MAX_REGISTRY_BYTES).map_err(io)?;
        Registry::parse_named(&text, path)
    }

    /// Parse registry text (errors name the file as "<text>").
    pub fn parse(text: &str) -> Result<Registry, AgencyError> {
        Registry::parse_named(text, Path::new("<text>"))
    }

    fn parse_named(text: &str, path: &Path) -> Result<Registry, AgencyError> {
        let file: RegistryFile = crate::yaml::from_str_saphyr(text).map_err(|err| {
            let (line, column) = err
                .location()
                .map_or((0, 0), |l| (l.line() as usize, l.column() as usize));
            AgencyError::Yaml {
                path: path.to_path_buf(),
                line,
                column,
                message: err.to_string().lines().next().unwrap_or("").to_string(),
            }
        })?;
        Registry::build(file.agencies).map_err(|problems| AgencyError::Invalid {
            path: path.to_path_buf(),
            problems,
        })
    }

    /// Check the agencies and index their spellings. Every problem is collected.
    fn build(agencies: Vec<Agency>) -> Result<Registry, Vec<Text>> {
        let mut problems = Vec::new();
        let mut ids = HashSet::new();
        let mut index: HashMap<String, (usize, Spelling)> = HashMap::new();
        for (i, agency) in agencies.iter().enumerate() {
            let id = &agency.id;
            let id_ok = !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !id_ok {
                problems.push(Text::new(
                    format!("mã cơ quan \"{id}\" phải gồm chữ thường không dấu, số và \"-\""),
                    format!(
                        "agency id \"{id}\" must be lower-case ASCII letters, digits and \"-\""
                    ),
                ));
            }
            if !ids.insert(id.as_str()) {
                problems.push(Text::new(
                    format!("mã cơ quan \"{id}\" bị trùng"),
                    format!("agency id \"{id}\" is used twice"),
                ));
            }
            for (n, spelling) in spellings(agency).enumerate() {
                let key = normalise_key(spelling);
                if key.is_empty() {
                    problems.push(Text::new(
                        format!("cơ quan \"{id}\" có tên hoặc tên gọi khác để trống"),
                        format!("agency \"{id}\" has an empty name or alias"),
                    ));
                    continue;
                }
                let which = match n {
                    0 => Spelling::Name,
                    1 if agency.short.is_some() => Spelling::Short,
                    _ => Spelling::Alias(n - 1 - usize::from(agency.short.is_some())),
                };
                match index.get(&key) {
                    Some(&(other, _)) if other != i => problems.push(Text::new(
                        format!(
                            "tên \"{spelling}\" của \"{id}\" trùng với \"{}\"",
                            agencies[other].id
                        ),
                        format!(
                            "the name \"{spelling}\" of \"{id}\" is also a name of \"{}\"",
                            agencies[other].id
                        ),
                    )),
                    Some(_) => {}
                    None => {
                        index.insert(key, (i, which));
                    }
                }
            }
        }
        if problems.is_empty() {
            Ok(Registry { agencies, index })
        } else {
            Err(problems)
        }
    }
}
