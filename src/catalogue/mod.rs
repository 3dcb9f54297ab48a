//! The DTI catalogue: model, loading (embedded or from a path) and validation.
//!
//! The catalogue of Decision 922/QĐ-BTTTT is embedded in the binary
//! (`lints/dti-922-2022.yaml`); any other version (the 2025 methodology, a ministry-level
//! set) loads from a file with the same shape, with no code change. Every catalogue is
//! validated on load; a broken one is rejected with every problem located in the YAML.

pub mod describe;
pub mod error;
pub mod expr;
pub mod model;
pub mod query;
pub mod validate;

use std::borrow::Cow;
use std::path::Path;
use std::sync::OnceLock;

pub use error::{CatalogueError, Problem};
pub use model::*;
pub use query::{Walked, code_parent};

use crate::source::SourceFile;
use crate::yaml::{LoadError, MAX_YAML_BYTES as MAX_PLAN_BYTES, error_to_diagnostic, read_source};

/// Path of the embedded catalogue, as shown in messages.
pub const EMBEDDED_PATH: &str = "lints/dti-922-2022.yaml";
const EMBEDDED_TEXT: &str = include_str!("../../lints/dti-922-2022.yaml");

/// The embedded catalogue (Decision 922/QĐ-BTTTT), parsed and validated once.
///
/// # Panics
/// If the embedded file is broken: that is a bug in kehoach, caught by its tests.
pub fn embedded() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        let source = SourceFile::new(EMBEDDED_PATH, EMBEDDED_TEXT);
        match parse(&source) {
            Ok(cat) => cat,
            Err(err) => panic!(
                "the embedded catalogue {EMBEDDED_PATH} is invalid (a kehoach bug): {:?}",
                miette::Report::new(err)
            ),
        }
    })
}

/// Ids of the catalogues embedded in the binary.
pub fn embedded_ids() -> Vec<String> {
    vec![embedded().id.value.clone()]
}

/// Parse and validate catalogue text.
pub fn parse(source: &SourceFile) -> Result<Catalogue, CatalogueError> {
    let named = error::named(source);
    let cat = crate::yaml::from_str_saphyr::<Catalogue>(&source.text).map_err(|err| {
        let d = error_to_diagnostic(source, &err);
        CatalogueError::Yaml {
            name: source.name(),
            message: d.message.en.clone(),
            src: named.clone(),
            span: d
                .span
                .is_known()
                .then(|| (d.span.offset, d.span.len.max(1)).into()),
        }
    })?;
    let problems = validate::validate(&cat);
    if problems.is_empty() {
        Ok(cat)
    } else {
        Err(CatalogueError::Invalid {
            name: source.name(),
            src: named,
            problems,
        })
    }
}

/// Read, parse and validate a catalogue file.
pub fn load(path: &Path) -> Result<Catalogue, CatalogueError> {
    let source = read_source(path, MAX_PLAN_BYTES).map_err(|e| match e {
        LoadError::Io { path, source } => CatalogueError::Io {
            path,
            cause: source,
        },
        LoadError::Invalid { file, diagnostics } => CatalogueError::Yaml {
            name: file.name(),
            message: diagnostics
                .first()
                .map(|d| d.message.en.clone())
                .unwrap_or_default(),
            src: error::named(&file),
            span: None,
        },
    })?;
    parse(&source)
}

/// The catalogue a plan pins by id: the file given with `--catalogue`, or the embedded
/// catalogue with that id.
pub fn resolve(
    id: &str,
    override_path: Option<&Path>,
) -> Result<Cow<'static, Catalogue>, CatalogueError> {
    if let Some(path) = override_path {
        return load(path).map(Cow::Owned);
    }
    let cat = embedded();
    if cat.id.as_str() == id {
        Ok(Cow::Borrowed(cat))
    } else {
        Err(CatalogueError::UnknownId {
            id: id.to_string(),
            known: embedded_ids(),
        })
    }
}

/// The embedded catalogue, or the file given (for commands with no plan to pin an id).
pub fn embedded_or(path: Option<&Path>) -> Result<Cow<'static, Catalogue>, CatalogueError> {
    match path {
        Some(p) => load(p).map(Cow::Owned),
        None => Ok(Cow::Borrowed(embedded())),
    }
}
