//! Plans: the model, its loader with spans, and the detailed check of a broken plan.

pub mod check;
pub mod load;
pub mod model;
pub mod node;
pub mod outline;

pub use load::{LoadError, LoadedPlan, load_plan, parse_plan};
pub use model::*;
