//! The DTI catalogue: model, loading (embedded or from a path) and validation.

pub mod model;

pub use model::*;
