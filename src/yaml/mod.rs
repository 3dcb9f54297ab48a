//! The fast path for reading plans: a strict YAML-subset reader ([`tree`]) and a serde
//! deserialiser over its nodes ([`de`]).
//!
//! serde-saphyr reads every YAML and gives the errors users see, at about 11 MB/s per
//! core on plan files. The plans people write use a small part of YAML, which this
//! reader takes at several times that speed. [`from_str`] returns `None` whenever the
//! text leaves that part or the typed read fails; the loader then reads the file with
//! serde-saphyr, so the result — value, spans or diagnostics — is serde-saphyr's in every
//! case where the two could differ. `tests/yaml_fast.rs` checks that both give the same
//! plan, spans included, on every bundled plan and fixture.

pub mod de;
pub mod tree;

use serde::de::DeserializeOwned;

/// Read `text` as a `T` through the fast path, or `None` to fall back to serde-saphyr.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Option<T> {
    let node = tree::parse(text).ok()?;
    T::deserialize(&node).ok()
}
