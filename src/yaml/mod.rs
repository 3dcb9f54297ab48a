//! Everything YAML, in one place: the options and budgets every file is read with
//! ([`options`]), bounded reading of regular files ([`read`]), serde-saphyr errors as
//! located findings classified by type ([`error`]), and the fast path for plans: a strict
//! YAML-subset reader ([`tree`]) and a serde deserialiser over its nodes ([`de`]).
//! `plan`, `catalogue`, `vn` and `lint` read YAML through this module; it depends only on
//! `source` and `diagnostic`.
//!
//! serde-saphyr reads every YAML and gives the errors users see, at about 11 MB/s per
//! core on plan files. The plans people write use a small part of YAML, which this
//! reader takes at several times that speed. [`from_str`] returns `None` whenever the
//! text leaves that part or the typed read fails; the loader then reads the file with
//! serde-saphyr, so the result — value, spans or diagnostics — is serde-saphyr's in every
//! case where the two could differ. `tests/yaml_fast.rs` checks that both give the same
//! plan, spans included, on every bundled plan and fixture, and `fuzz/` has a
//! differential target for arbitrary bytes.

pub mod de;
pub mod error;
pub mod read;
pub mod tree;

use serde::de::DeserializeOwned;

pub use error::{Class, classify, error_to_diagnostic};
pub use read::{LoadError, MAX_YAML_BYTES, read_bounded, read_source, read_text_bounded};

/// Rule codes of findings the YAML layer itself reports.
pub mod codes {
    pub const SYNTAX: (&str, &str) = ("KH001", "yaml-syntax");
    pub const SCHEMA: (&str, &str) = ("KH002", "invalid-value");
    pub const UNKNOWN_KEY: (&str, &str) = ("KH003", "unknown-key");
    pub const MISSING_KEY: (&str, &str) = ("KH004", "missing-key");
    pub const BUDGET: (&str, &str) = ("KH005", "input-too-large");
}

/// The YAML options and budgets kehoach reads every file with (plans, catalogues,
/// registries, configuration).
pub fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: 48,
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_nodes: 250_000,
            max_total_scalar_bytes: MAX_YAML_BYTES as usize,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 20_000,
            max_alias_expansions_per_anchor: 100,
        },
    }
}

/// Read `text` with serde-saphyr and kehoach's [`options`].
pub fn from_str_saphyr<T: DeserializeOwned>(text: &str) -> Result<T, serde_saphyr::Error> {
    serde_saphyr::from_str_with_options(text, options())
}

/// Read `text` as a `T` through the fast path, or `None` to fall back to serde-saphyr.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Option<T> {
    let node = tree::parse(text).ok()?;
    T::deserialize(&node).ok()
}
