//! Reading and checking a registry file; the embedded registry.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::Deserialize;

use super::{Agency, Province, Registry, Spelling, normalise_key, spellings};
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
    #[serde(default)]
    provinces: Vec<Province>,
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

    /// Read a registry file on top of `base` (a province adding its own bodies to the
    /// bundled registry): its agencies are added after the base's, and one with the id of
    /// a base agency replaces that agency. The result is checked as one registry.
    pub fn load_extending(path: &Path, base: &Registry) -> Result<Registry, AgencyError> {
        let own = Registry::load(path)?;
        base.extended(own.agencies, path)
    }

    /// `self` with `extra` added (an agency whose id is already here replaces it);
    /// problems are reported against `path`, the file `extra` came from.
    pub fn extended(&self, extra: Vec<Agency>, path: &Path) -> Result<Registry, AgencyError> {
        let mut agencies = self.agencies.clone();
        for a in extra {
            match agencies.iter_mut().find(|b| b.id == a.id) {
                Some(slot) => *slot = a,
                None => agencies.push(a),
            }
        }
        Registry::build(agencies, self.provinces.clone()).map_err(|problems| AgencyError::Invalid {
            path: path.to_path_buf(),
            problems,
        })
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
        Registry::build(file.agencies, file.provinces).map_err(|problems| AgencyError::Invalid {
            path: path.to_path_buf(),
            problems,
        })
    }

    /// Check the agencies and index their spellings. Every problem is collected.
    fn build(agencies: Vec<Agency>, provinces: Vec<Province>) -> Result<Registry, Vec<Text>> {
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
        check_times(&agencies, &ids, &mut problems);
        let province_index = index_provinces(&provinces, &mut problems);
        if problems.is_empty() {
            let suggest_index = super::suggest::SuggestIndex::new(
                agencies
                    .iter()
                    .enumerate()
                    .flat_map(|(i, a)| spellings(a).map(move |s| (normalise_key(s), i))),
            );
            Ok(Registry {
                agencies,
                index,
                provinces,
                province_index,
                suggest_index,
            })
        } else {
            Err(problems)
        }
    }
}

/// Dates in order, successors that exist, no agency its own successor (directly or
/// through others).
fn check_times(agencies: &[Agency], ids: &HashSet<&str>, problems: &mut Vec<Text>) {
    for a in agencies {
        let id = &a.id;
        if let (Some(f), Some(u)) = (a.from, a.until) {
            if f >= u {
                problems.push(Text::new(
                    format!("cơ quan \"{id}\": `from` ({f}) phải trước `until` ({u})"),
                    format!("agency \"{id}\": `from` ({f}) must come before `until` ({u})"),
                ));
            }
        }
        if !a.successor.is_empty() && a.until.is_none() {
            problems.push(Text::new(
                format!("cơ quan \"{id}\" có `successor` nhưng không có `until`"),
                format!("agency \"{id}\" has a `successor` but no `until`"),
            ));
        }
        for s in a.successor.iter() {
            if !ids.contains(s) {
                problems.push(Text::new(
                    format!("cơ quan kế thừa \"{s}\" của \"{id}\" không có trong danh mục"),
                    format!("successor \"{s}\" of \"{id}\" is not in the registry"),
                ));
            }
        }
    }
    // Cycles: walk each chain; a chain longer than the registry loops.
    let by_id: HashMap<&str, &Agency> = agencies.iter().map(|a| (a.id.as_str(), a)).collect();
    for a in agencies {
        let mut frontier: Vec<&str> = a.successor.iter().collect();
        let mut steps = 0;
        while let Some(next) = frontier.pop() {
            steps += 1;
            if next == a.id || steps > agencies.len() {
                problems.push(Text::new(
                    format!(
                        "cơ quan \"{}\" kế thừa chính nó (vòng lặp `successor`)",
                        a.id
                    ),
                    format!("agency \"{}\" succeeds itself (a `successor` cycle)", a.id),
                ));
                break;
            }
            if let Some(n) = by_id.get(next) {
                frontier.extend(n.successor.iter());
            }
        }
    }
}

/// Index provincial units by normalised name and alias; names unique, successors known.
fn index_provinces(provinces: &[Province], problems: &mut Vec<Text>) -> HashMap<String, usize> {
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, p) in provinces.iter().enumerate() {
        for spelling in std::iter::once(&p.name).chain(&p.aliases) {
            let key = normalise_key(spelling);
            if key.is_empty() {
                problems.push(Text::new(
                    "một đơn vị cấp tỉnh có tên để trống",
                    "a provincial unit has an empty name",
                ));
            } else if index.insert(key, i).is_some() {
                problems.push(Text::new(
                    format!("tên đơn vị cấp tỉnh \"{spelling}\" bị trùng"),
                    format!("provincial unit name \"{spelling}\" is used twice"),
                ));
            }
        }
        if let (Some(f), Some(u)) = (p.from, p.until) {
            if f >= u {
                problems.push(Text::new(
                    format!("đơn vị \"{}\": `from` phải trước `until`", p.name),
                    format!("unit \"{}\": `from` must come before `until`", p.name),
                ));
            }
        }
    }
    for p in provinces {
        match (&p.successor, p.until) {
            (Some(s), _) if !index.contains_key(&normalise_key(s)) => problems.push(Text::new(
                format!(
                    "đơn vị kế thừa \"{s}\" của \"{}\" không có trong danh sách",
                    p.name
                ),
                format!("successor \"{s}\" of \"{}\" is not listed", p.name),
            )),
            (Some(_), None) => problems.push(Text::new(
                format!(
                    "đơn vị \"{}\" có `successor` nhưng không có `until`",
                    p.name
                ),
                format!("unit \"{}\" has a `successor` but no `until`", p.name),
            )),
            _ => {}
        }
    }
    index
}
