//! The compliance linter: rules over the plan model, configuration, inline
//! suppression and reporters. `engine` runs the rules on one file; `discover` finds the
//! files; `report` renders the findings.

pub mod arith;
pub mod asof;
pub mod catindex;
pub mod config;
pub mod context;
pub mod cover;
pub mod coverage;
pub mod discover;
pub mod ditto;
pub mod engine;
pub mod fix;
pub mod mentions;
pub mod method;
pub mod named;
pub mod prose;
pub mod report;
pub mod rule;
pub mod rules;
pub mod suppress;
pub mod text;

pub use catindex::CatalogueIndex;
pub use context::Context;
pub use engine::{FileReport, Linter};
pub use rule::{Check, Explanation, Meta, RuleDef, StaticText};
