//! kehoach — Vietnamese provincial DTI plans (Kế hoạch) as code.
//!
//! Data flows one way:
//!
//! ```text
//! load (catalogue, agency registry, plan YAML with spans)
//!   → model (catalogue::Catalogue, plan::Plan)
//!     → lint (Vec<Diagnostic>)   → reporters (human, concise, json, sarif, github)
//!     → score (points, projection, gaps)
//!     → render (Tera → Typst → PDF)
//! ```
//!
//! The lint and render sides never call each other; both read the model. Only `main.rs`
//! and `cli/` touch clap, stdout/stderr and exit codes.

pub mod catalogue;
pub mod cli;
pub mod diagnostic;
pub mod draft;
pub mod export;
pub mod lint;
pub mod plan;
pub mod render;
pub mod score;
pub mod settings;
pub mod source;
pub mod vn;
pub mod yaml;
